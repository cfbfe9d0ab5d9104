import { expect, test } from "@playwright/test";

// Issue 8, item 14: in English, the page title and the city's and units' names in English where
// the data has them; Thai where it does not.
test("in English the dashboard, the lists and the project page name the city and the units in English", async ({
  page,
}) => {
  await page.goto("/dashboard?fiscalYear=2570");
  await expect(page.getByTestId("units-table")).toBeVisible();
  await expect(page).toHaveTitle("แดชบอร์ด · กรุงเทพมหานคร · ระบบติดตามโครงการ กรุงเทพมหานคร");
  await page.getByLabel("ภาษา").selectOption("en");
  await expect(page).toHaveTitle("Dashboard · Bangkok Metropolitan Administration · Bangkok project monitor");
  await expect(page.getByRole("navigation", { name: "breadcrumbs" })).toHaveText("Bangkok");
  const table = page.getByTestId("units-table");
  await expect(table.getByRole("link", { name: "Bang Khen District Office" })).toBeVisible();
  await expect(table.getByRole("link", { name: "Finance Department" })).toBeVisible();
  await expect(table).not.toContainText("สำนักงานเขต");
  // the chart's unit axis too
  const statusChart = page.locator("figure").filter({ hasText: "Status by unit" });
  await expect(statusChart).toContainText("Wang Thonglang");
  await expect(statusChart).toContainText("Bang Khen");
  await expect(statusChart).not.toContainText("เขต");

  await table.getByRole("link", { name: "Wang Thonglang District Office" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard · Wang Thonglang District Office");
  await expect(page).toHaveTitle("Dashboard · Wang Thonglang District Office · Bangkok project monitor");
  // a division without an English name keeps its Thai one
  await expect(page.getByTestId("units-table")).toContainText("หน่วยงานย่อย 50451000");

  await page.goto("/projects?fiscalYear=2564&unit=50450000");
  await expect(page).toHaveTitle("Projects · Bangkok project monitor");
  await expect(page.getByRole("table").getByText("Wang Thonglang District Office").first()).toBeVisible();
  await expect(page.getByLabel("Unit")).toContainText("Bang Khen District Office");

  await page.goto("/projects/50450000-3247");
  await expect(page.locator("article header").first()).toContainText(
    "Wang Thonglang District Office · Fiscal year 2564 · 50450000-3247",
  );
  await expect(page).toHaveTitle(/^สร้างเครือข่ายและการมีส่วนร่วมของประชาชนในพื้นที่เขตวังทองหลาง · Bangkok project monitor$/);

  // and back in Thai, the Thai names
  await page.getByLabel("Language").selectOption("th");
  await expect(page.locator("article header").first()).toContainText("สำนักงานเขตวังทองหลาง");
});
