import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SCREENSHOTS } from "./support";

test("the executive dashboard shows city totals, charts and every unit, and drills down city → unit → projects", async ({
  page,
}) => {
  await page.goto("/dashboard?fiscalYear=2570");
  const totals = page.getByTestId("totals");
  await expect(totals).toContainText("ความคืบหน้าเฉลี่ย");
  await expect(totals).toContainText("อัตราการเบิกจ่าย");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const rows = page.getByTestId("units-table").locator("tbody tr");
  await expect(rows).toHaveCount(36);
  await page.screenshot({ path: `${SCREENSHOTS}dashboard.png`, fullPage: true });

  // every unit's figures, as the city's: done, behind, not reported, KPIs, budget, disbursement
  const headers = await page.getByTestId("units-table").locator("thead th").allInnerTexts();
  expect(headers.map((h) => h.replace(/[▲▼]/g, "").trim())).toEqual([
    "หน่วยงาน",
    "โครงการ",
    "ความคืบหน้าเฉลี่ย",
    "เสร็จสิ้น",
    "ล่าช้า",
    "ไม่แล้วเสร็จตามกำหนด",
    "ยังไม่รายงานเดือนนี้",
    "ตัวชี้วัดที่บรรลุเป้าหมาย",
    "งบประมาณที่ได้รับ",
    "อัตราการเบิกจ่าย",
  ]);
  const column = (name: string) => rows.locator(`td:nth-child(${headers.findIndex((h) => h.startsWith(name)) + 1})`);

  // sortable: most behind first, then by disbursement
  await page.getByRole("button", { name: "ล่าช้า" }).click();
  const behind = (await column("ล่าช้า").allInnerTexts()).map(Number);
  expect(behind).toEqual([...behind].sort((a, b) => b - a));
  await page.getByRole("button", { name: "อัตราการเบิกจ่าย" }).click();
  const rates = (await column("อัตราการเบิกจ่าย").allInnerTexts()).map((text) => Number.parseFloat(text) || -1);
  expect(rates).toEqual([...rates].sort((a, b) => b - a));

  // one quarter of the year: Q1 of FY 2570 is October to December 2569
  await expect(page.getByTestId("period")).toContainText("1 ต.ค. 2569 – 30 ก.ย. 2570");
  await page.getByLabel("ไตรมาส").selectOption("1");
  await expect(page).toHaveURL(/quarter=1/);
  await expect(page.getByTestId("period")).toContainText("1 ต.ค. 2569 – 31 ธ.ค. 2569");
  await expect(rows).toHaveCount(36);

  await page.getByRole("link", { name: "สำนักงานเขตวังทองหลาง" }).click();
  await expect(page).toHaveURL(/\/dashboard\/50450000\?fiscalYear=2570&quarter=1/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("สำนักงานเขตวังทองหลาง");
  const unitProjects = await page
    .getByTestId("units-table")
    .locator("tbody tr")
    .first()
    .locator("td")
    .nth(1)
    .innerText();
  await page.getByRole("link", { name: "ดูรายการโครงการทั้งหมด" }).click();
  await expect(page).toHaveURL(/unit=50450000/);
  await expect(page.getByText(`${unitProjects} โครงการ`)).toBeVisible();
});

test("the dashboard fits a 360 px phone without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/dashboard?fiscalYear=2570");
  await expect(page.getByTestId("units-table")).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `${SCREENSHOTS}dashboard-360.png`, fullPage: true });
});

test("the dashboard, the projects list and the sign-in page have no serious accessibility violations", async ({
  page,
}) => {
  for (const [url, ready] of [
    ["/dashboard?fiscalYear=2570", "units-table"],
    ["/projects?fiscalYear=2570", null],
    ["/sign-in", null],
  ] as const) {
    await page.goto(url);
    if (ready) await expect(page.getByTestId(ready)).toBeVisible();
    else await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${url} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});
