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

  // sortable: most behind first
  await page.getByRole("button", { name: "ล่าช้า" }).click();
  const behind = await rows.locator("td:nth-child(4)").allInnerTexts();
  expect(behind.map(Number)).toEqual([...behind.map(Number)].sort((a, b) => b - a));

  await page.getByRole("link", { name: "สำนักงานเขตวังทองหลาง" }).click();
  await expect(page).toHaveURL(/\/dashboard\/50450000\?fiscalYear=2570/);
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
