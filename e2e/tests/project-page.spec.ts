import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { SCREENSHOTS } from "./support";

test.describe("the reference project 50450000-3247", () => {
  test("shows 100 %, six weighted steps, twelve reports, the KPI and the Q1 evaluation, in Thai", async ({ page }) => {
    await page.goto("/projects/50450000-3247");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "สร้างเครือข่ายและการมีส่วนร่วมของประชาชนในพื้นที่เขตวังทองหลาง",
    );
    await expect(page.getByTestId("project-progress")).toHaveText("100 %");
    await expect(page.getByText("เสร็จสิ้น").first()).toBeVisible();

    const steps = page.getByTestId("plan-steps").locator("tbody tr");
    await expect(steps).toHaveCount(6);
    await expect(steps.nth(5)).toContainText("ดำเนินการตามแผนงานที่คัดเลือก");
    await expect(steps.nth(5).locator("td").nth(2)).toHaveText("50");

    // its steps all start and end on 1 Oct 2020: flagged, not silently taken as a schedule
    await expect(page.getByTestId("no-schedule")).toHaveText("ยังไม่ได้กำหนดช่วงเวลาของขั้นตอน");

    const reports = page.getByTestId("reports").locator("li");
    await expect(reports).toHaveCount(12);
    await expect(reports.first().locator("time")).toHaveText("20 ก.ย. 2564");
    await expect(reports.first()).toContainText("100 %");
    await expect(reports.last()).toContainText("27 ต.ค. 2563");

    const kpi = page.getByTestId("kpi-5045-861");
    await expect(kpi).toContainText("ระดับความสำเร็จของการสร้างเครือข่ายประชาสังคมเพื่อร่วมผลักดันการพัฒนาพื้นที่");
    await expect(kpi.locator("tbody tr")).toHaveCount(4);
    await expect(kpi.locator("tbody tr").nth(3)).toContainText("5.00");
    await expect(page.getByTestId("evaluations")).toContainText("100");

    await page.screenshot({ path: `${SCREENSHOTS}project-page.png`, fullPage: true });
  });

  test("has a print view on A4 without navigation, whose page breaks do not cut a table row", async ({ page }) => {
    await page.goto("/projects/50450000-3247");
    await page.getByRole("link", { name: "ฉบับพิมพ์" }).click();
    await expect(page).toHaveURL(/\/projects\/50450000-3247\/print$/);
    const sheet = page.getByTestId("print-view");
    await expect(sheet.getByRole("heading", { level: 1 })).toHaveText(
      "สร้างเครือข่ายและการมีส่วนร่วมของประชาชนในพื้นที่เขตวังทองหลาง",
    );
    await expect(sheet.getByTestId("plan-steps").locator("tbody tr")).toHaveCount(6);
    await expect(sheet.getByTestId("reports").locator("li")).toHaveCount(12);
    await expect(sheet.getByTestId("kpi-5045-861").locator("tbody tr")).toHaveCount(4);
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.locator("form")).toHaveCount(0);

    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("button", { name: "พิมพ์" })).toBeHidden();
    const breakInside = await sheet
      .getByTestId("plan-steps")
      .locator("tbody tr")
      .first()
      .evaluate((row) => getComputedStyle(row).breakInside);
    expect(breakInside).toBe("avoid");
    await page.screenshot({ path: `${SCREENSHOTS}project-print.png`, fullPage: true });

    // the browser's own PDF of it: A4 pages (595 × 842 points)
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString("latin1");
    const mediaBoxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(mediaBoxes.length).toBeGreaterThan(1);
    for (const [, width, height] of mediaBoxes) {
      expect(Math.round(Number(width))).toBe(595);
      expect(Math.round(Number(height))).toBe(842);
    }
  });

  test("switches to English with common-era dates, remembered by the browser", async ({ page }) => {
    await page.goto("/projects/50450000-3247");
    await page.getByLabel("ภาษา").selectOption("en");
    const firstDate = page.getByTestId("reports").locator("li time").first();
    await expect(firstDate).toHaveText(/^20 Sept? 2021$/);
    await expect(page.getByTestId("reports").locator("li time").last()).toHaveText(/^27 Oct 2020$/);
    await page.reload();
    await expect(page.getByRole("heading", { name: "Progress reports (12)" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByLabel("Language").selectOption("th");
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await page.goto("/projects/50450000-3247");
    await expect(page.getByTestId("reports")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});

test.describe("the projects list", () => {
  test("filters by Thai text in the URL, so that the link can be shared", async ({ page }) => {
    await page.goto("/projects?fiscalYear=2564");
    await page.getByLabel("ค้นหาชื่อหรือรหัสโครงการ").fill("สร้างเครือข่าย");
    await expect(page).toHaveURL(/q=%E0%B8%AA/);
    const link = page.getByRole("link", { name: "สร้างเครือข่ายและการมีส่วนร่วมของประชาชนในพื้นที่เขตวังทองหลาง" });
    await expect(link).toBeVisible();
    await page.reload();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/\/projects\/50450000-3247$/);
  });

  test("filters by status and sorts by progress", async ({ page }) => {
    await page.goto("/projects?fiscalYear=2570&status=behind");
    await expect(page.locator("tbody tr").first()).toContainText("ล่าช้า");
    await page.getByRole("button", { name: /ความคืบหน้า/ }).click();
    await expect(page).toHaveURL(/sort=progress/);
    await expect(page).toHaveURL(/status=behind/);
  });
});
