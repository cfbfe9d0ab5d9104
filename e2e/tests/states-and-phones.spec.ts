import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support";

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("a failed request shows an error that offers a retry, and the retry loads the page", async ({ page }) => {
  let failures = 0;
  await page.route("**/api/v1/projects/50450000-3247", async (route) => {
    if (failures++ < 3) {
      await route.fulfill({
        status: 503,
        contentType: "application/problem+json",
        body: JSON.stringify({ type: "about:blank", title: "Service Unavailable", status: 503, detail: "down" }),
      });
    } else {
      await route.continue();
    }
  });
  await page.goto("/projects/50450000-3247");
  const alert = page.getByRole("alert").filter({ hasText: "เกิดข้อผิดพลาด" });
  await expect(alert).toBeVisible({ timeout: 15_000 });
  await alert.getByRole("button", { name: "ลองอีกครั้ง" }).click();
  await expect(page.getByTestId("project-progress")).toHaveText("100 %");
});

test("a slow page shows a loading skeleton first", async ({ page }) => {
  await page.route("**/api/v1/projects/50450000-3247", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto("/projects/50450000-3247");
  await expect(page.locator('[role="status"][aria-busy="true"]')).toBeVisible();
  await expect(page.getByTestId("project-progress")).toHaveText("100 %");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
});

test("a search that finds nothing says so, and an unknown project is not found", async ({ page }) => {
  await page.goto(`/projects?fiscalYear=2564&q=${encodeURIComponent("ไม่มีโครงการชื่อนี้แน่นอน")}`);
  await expect(page.getByText("ไม่พบข้อมูล")).toBeVisible();
  await page.goto("/projects/50450000-9999");
  await expect(page.getByRole("alert")).toContainText("ไม่พบหน้าที่ต้องการ");
});

test("an officer's project page and plan editor fit a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signIn(page, "officer.wangthonglang");
  await page.goto("/projects/50450000-3247");
  await expect(page.getByTestId("reports").locator("li")).toHaveCount(12);
  await expect(page.getByTestId("plan-chart").locator(".recharts-surface").first()).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.getByRole("tab", { name: "แก้ไข", exact: true }).click();
  await expect(page.getByRole("form", { name: "แก้ไขแผนการดำเนินงาน" })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test("after a new deployment removed a page's code, the app reloads once by itself and shows the page", async ({
  page,
}) => {
  await page.goto("/dashboard?fiscalYear=2564");
  await expect(page.getByTestId("units-table")).toBeVisible();
  // the tab still runs the old build; the project page's chunk is gone from the server
  let missing = 0;
  await page.route(/\/assets\/project-page-[^/]+\.js$/, async (route) => {
    if (missing++ === 0) await route.fulfill({ status: 404, body: "" });
    else await route.continue();
  });
  await page.goto("/projects?fiscalYear=2564");
  await page.getByRole("link", { name: "สร้างเครือข่ายและการมีส่วนร่วมของประชาชนในพื้นที่เขตวังทองหลาง" }).click();
  await expect(page.getByTestId("project-progress")).toHaveText("100 %");
  expect(missing).toBe(2);
});
