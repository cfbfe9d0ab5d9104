import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support";

// Issue 8, items 1–5: every figure as of the page's day, the late status, the plan's label, one
// "not reported" rule behind the dashboard's drill-down, and charts that match the header.

/** A dashboard card's figure, by its label. */
async function card(page: Page, label: string): Promise<string> {
  const stat = page
    .getByTestId("totals")
    .locator("div")
    .filter({ has: page.locator("dt", { hasText: label }) });
  return (await stat.locator("dd").innerText()).trim();
}

test("a past quarter's budget spent is as of its end, and its not-reported card opens the same projects", async ({
  page,
}) => {
  await page.goto("/dashboard?fiscalYear=2569&quarter=1");
  await expect(page.getByTestId("period")).toContainText("31 ธ.ค. 2568");
  const q1 = { spent: await card(page, "งบประมาณที่ใช้ไป"), rate: await card(page, "อัตราการเบิกจ่าย") };
  await page.getByLabel("ไตรมาส").selectOption("2");
  await expect(page.getByTestId("period")).toContainText("ณ วันที่ 31 มี.ค. 2569");
  await expect.poll(() => card(page, "งบประมาณที่ใช้ไป")).not.toBe(q1.spent);
  expect(await card(page, "อัตราการเบิกจ่าย")).not.toBe(q1.rate);

  // the card's count is the list's count, as of the same day (finished projects owe no report)
  const notReported = await card(page, "ยังไม่รายงานเดือนนี้");
  await page
    .getByTestId("totals")
    .getByRole("link", { name: /ยังไม่รายงานเดือนนี้/ })
    .click();
  await expect(page).toHaveURL(/\/projects\?/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toMatchObject({
    fiscalYear: "2569",
    asOf: "2026-03-31",
    status: "not_reported",
  });
  await expect(page.getByTestId("list-as-of")).toContainText("31 มี.ค. 2569");
  await expect(page.getByText(new RegExp(`^${notReported} โครงการ`))).toBeVisible();

  // and the late card of the year that ended opens the late projects
  await page.goto("/dashboard?fiscalYear=2569");
  const late = await card(page, "ไม่แล้วเสร็จตามกำหนด");
  expect(Number(late.replace(/,/g, ""))).toBeGreaterThan(0);
  await page
    .getByTestId("totals")
    .getByRole("link", { name: /ไม่แล้วเสร็จตามกำหนด/ })
    .click();
  await expect(page).toHaveURL(/status=late/);
  await expect(page.getByText(new RegExp(`^${late} โครงการ`))).toBeVisible();
  await expect(page.locator("tbody").getByTestId("status-badge").first()).toHaveText("ไม่แล้วเสร็จตามกำหนด");
});

test("a unit's bar in the status chart opens that unit's projects of that status", async ({ page }) => {
  await page.goto("/dashboard?fiscalYear=2569&quarter=4");
  const chart = page.locator("figure", { has: page.locator("figcaption", { hasText: "สถานะโครงการรายหน่วยงาน" }) });
  const bar = chart.locator(".recharts-bar-rectangle path").first();
  await expect(bar).toBeVisible();
  await bar.click();
  await expect(page).toHaveURL(/\/projects\?.*asOf=2026-09-30/);
  const url = new URL(page.url());
  expect(url.searchParams.get("unit")).toMatch(/^\d{8}$/);
  expect(url.searchParams.get("status")).toBeTruthy();
});

test("project 50450000-105: late, not on track; the plan labelled as the plan; the ring and the chart's axis whole", async ({
  page,
}) => {
  await page.goto("/projects/50450000-105");
  const header = page.getByTestId("project-header");
  await expect(header.getByTestId("status-badge")).toHaveText("ไม่แล้วเสร็จตามกำหนด");
  await expect(page.getByTestId("planned-figure")).toContainText("แผน 100 %");
  await expect(page.getByTestId("planned-figure")).not.toContainText("ตามแผน");
  await expect(page.getByTestId("budget-spent")).toContainText("ใช้ไป ณ วันที่");

  // "96.67 %" on one line inside the ring
  const ring = page.getByTestId("project-progress");
  await expect(ring).toHaveText("96.67 %");
  const lines = await ring.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);

  // the y-axis' top label is inside the chart, not cut by its edge
  const chart = page.getByTestId("plan-chart");
  await expect(chart.locator(".recharts-surface").first()).toBeVisible();
  const top = chart.locator(".recharts-surface text", { hasText: /^100 %$/ }).first();
  await expect(top).toBeVisible();
  const [label, surface] = await Promise.all([top.boundingBox(), chart.locator(".recharts-wrapper").boundingBox()]);
  expect(label && surface && label.y >= surface.y).toBe(true);
});

test("in English the plan reads 'Plan', the late status 'Not finished / late'", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("cpm.locale", "en"));
  await page.goto("/projects/50450000-105");
  await expect(page.getByTestId("project-header").getByTestId("status-badge")).toHaveText("Not finished / late");
  await expect(page.getByTestId("planned-figure")).toContainText("Plan 100 %");
});

test("an officer reports the budget spent with the monthly report: the page gives its date", async ({ page }) => {
  await signIn(page, "officer.wangthonglang");
  const list = await page.request.get("/api/v1/projects?fiscalYear=2570&unit=50450000&status=on_track&pageSize=1");
  const [project] = (await list.json()).items as { code: string; progress: number | null; budgetAllocated: number }[];
  expect(project).toBeDefined();
  await page.goto(`/projects/${project?.code}`);
  const form = page.getByRole("form", { name: "รายงานผลการดำเนินงาน" });
  await form.getByLabel("ร้อยละความคืบหน้า (สะสม)").fill(String(Math.min(100, (project?.progress ?? 0) + 1)));
  const spent = Math.round((project?.budgetAllocated ?? 0) / 2);
  await form.getByLabel("งบประมาณที่ใช้ไป ณ วันที่รายงาน (บาท)").fill(String(spent));
  await form.getByRole("button", { name: "บันทึก" }).click();
  await expect(page.getByTestId("budget-spent")).toContainText(spent.toLocaleString("th-TH"));
  await expect(page.getByTestId("budget-spent")).toContainText("ใช้ไป ณ วันที่ 25 พ.ย. 2569");
  const history = await page.request.get(`/api/v1/projects/${project?.code}/spending`);
  expect((await history.json()).items[0]).toEqual({ spentAsOf: "2026-11-25", amount: spent });
});
