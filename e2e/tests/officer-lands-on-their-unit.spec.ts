import { expect, test } from "@playwright/test";
import { apiAs, signIn } from "./support";

// issue 8 item 6: signing in lands each role where its day starts
test("an officer lands on their unit's projects, those not yet reported this month first", async ({
  page,
  request,
}) => {
  // one project reported this month, one not (both new, of this fiscal year)
  const officer = await apiAs(request, "officer.wangthonglang");
  const make = async (name: string) => {
    const res = await request.post("/api/v1/projects", {
      headers: { "x-csrf-token": officer.csrfToken },
      data: { unitCode: "50450000", fiscalYear: 2570, name },
    });
    expect(res.status()).toBe(201);
    return res.json();
  };
  const quiet = await make("โครงการยังไม่รายงานเดือนนี้ทดสอบ");
  const busy = await make("โครงการรายงานแล้วเดือนนี้ทดสอบ");
  const report = await request.post(`/api/v1/projects/${busy.code}/reports`, {
    headers: { "x-csrf-token": officer.csrfToken, "if-match": `"${busy.version}"` },
    data: { reportDate: "2026-11-20", percent: 10 },
  });
  expect(report.status()).toBe(201);
  await request.post("/api/v1/auth/sign-out", { headers: { "x-csrf-token": officer.csrfToken } });

  await signIn(page, "officer.wangthonglang");
  await expect(page).toHaveURL(/\/my-unit$/);
  const notReported = page.getByTestId("not-reported");
  const reported = page.getByTestId("reported");
  await expect(notReported.getByRole("link", { name: quiet.name })).toBeVisible();
  await expect(reported.getByRole("link", { name: busy.name })).toBeVisible();
  await expect(notReported.getByRole("link", { name: busy.name })).toHaveCount(0);
  // the not-reported list comes first on the page
  const [notReportedTop, reportedTop] = await Promise.all([notReported.boundingBox(), reported.boundingBox()]);
  expect(notReportedTop?.y ?? 0).toBeLessThan(reportedTop?.y ?? 0);
  // only the unit's own projects
  await expect(page.locator("main")).not.toContainText("14000000-");
});

test("an evaluator lands on what awaits scoring, and a scored project leaves the list", async ({ page }) => {
  await signIn(page, "evaluator");
  await expect(page).toHaveURL(/\/evaluations$/);
  await expect(page.getByRole("heading", { name: "โครงการที่รอ สยป. ประเมิน" })).toBeVisible();
  // the legacy project (FY 2564) was scored for Q1 but not Q2
  await page.getByLabel("ปีงบประมาณ").selectOption("2564");
  await page.getByLabel("ไตรมาส").selectOption("1");
  const list = page.getByTestId("pending-evaluations");
  await expect(page.locator("main")).not.toContainText("50450000-3247");
  await page.getByLabel("ไตรมาส").selectOption("2");
  await expect(list).toContainText("50450000-3247");
  await expect(page).toHaveURL(/fiscalYear=2564/);
  await expect(page).toHaveURL(/quarter=2/);

  await list.getByRole("link", { name: /ประเมิน 50450000-3247/ }).click();
  const form = page.getByRole("form", { name: "บันทึกผลประเมินรายไตรมาส" });
  await expect(form.getByLabel("ไตรมาส", { exact: true })).toHaveValue("2");
  await form.getByLabel("คะแนน").fill("90");
  await form.getByRole("button", { name: "บันทึก", exact: true }).click();
  await form.getByRole("button", { name: "ยืนยันการบันทึก" }).click();
  await expect(form.getByTestId("saved-notice")).toContainText("ไตรมาสที่ 2: 90");

  await page.goto("/evaluations?fiscalYear=2564&quarter=2");
  await expect(page.locator("main")).not.toContainText("50450000-3247");
});

test("an executive lands on the dashboard", async ({ page }) => {
  await signIn(page, "executive");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("แดชบอร์ด");
});
