import { expect, test } from "@playwright/test";
import { apiAs, SCREENSHOTS } from "./support";

test("a project whose plan changed after approval shows both versions, their difference and both timelines", async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, "admin");
  const headers = { "x-csrf-token": admin.csrfToken };
  const created = await request.post("/api/v1/projects", {
    headers,
    data: { unitCode: "50450000", fiscalYear: 2570, name: "โครงการทดสอบแผนฐาน" },
  });
  expect(created.status()).toBe(201);
  const project = await created.json();
  const plan = (steps: object[], version: number, reason?: string) =>
    request.put(`/api/v1/projects/${project.code}/plan`, {
      headers: { ...headers, "if-match": `"${version}"` },
      data: { steps, ...(reason ? { reason } : {}) },
    });
  const first = await plan(
    [
      { name: "ออกแบบ", weight: 40, plannedStart: "2026-10-01", plannedEnd: "2026-11-30" },
      { name: "ก่อสร้าง", weight: 60, plannedStart: "2026-12-01", plannedEnd: "2027-03-31" },
    ],
    project.version,
  );
  expect(first.status()).toBe(200);
  const second = await plan(
    [
      { name: "ออกแบบ", weight: 30, plannedStart: "2026-10-01", plannedEnd: "2026-12-31" },
      { name: "ก่อสร้าง", weight: 70, plannedStart: "2027-01-01", plannedEnd: "2027-05-31" },
    ],
    (await first.json()).version,
    "ผู้รับจ้างเข้าพื้นที่ล่าช้า",
  );
  expect(second.status()).toBe(200);

  await page.goto(`/projects/${project.code}`);
  const baseline = page.getByTestId("plan-baseline");
  await expect(baseline).toBeVisible();
  await expect(baseline.locator("li[data-version]")).toHaveCount(2);
  await expect(baseline).toContainText("ผู้รับจ้างเข้าพื้นที่ล่าช้า");
  await expect(page.getByTestId("plan-difference")).toContainText("แก้ไขขั้นตอน “ออกแบบ”");
  const timeline = page.getByTestId("plan-baseline-timeline");
  await expect(timeline.locator('rect[data-kind="baseline"]')).toHaveCount(2);
  await expect(timeline.locator('rect[data-kind="current"]')).toHaveCount(2);
  await baseline.screenshot({ path: `${SCREENSHOTS}plan-baseline.png` });
});
