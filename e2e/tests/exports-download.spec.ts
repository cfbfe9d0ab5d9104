import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

// Issue 10, item 3: the projects list downloads as CSV with its current filters (UTF-8 with a BOM, Thai intact).

test("the projects list downloads as CSV with its filters: the same projects, Thai intact", async ({ page }) => {
  await page.goto("/projects?fiscalYear=2570&unit=50450000");
  const count = page.getByText(/^\d[\d,]* โครงการ$/);
  await expect(count).toBeVisible();
  const total = Number((await count.innerText()).replace(/\D/g, ""));
  expect(total).toBeGreaterThan(0);
  // the names on the list's first page, as the page shows them
  const names = (await page.locator("table tbody tr a[href^='/projects/']").allInnerTexts()).map((n) => n.trim());
  expect(names.length).toBeGreaterThan(0);

  const downloading = page.waitForEvent("download");
  await page.getByTestId("projects-download").getByRole("link", { name: "CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("projects-2570-50450000.csv");
  const bytes = await readFile((await download.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\n");
  expect(lines[0]).toContain("รหัสโครงการ");
  expect(lines).toHaveLength(total + 1);
  expect(lines.every((line, i) => i === 0 || line.includes("50450000-"))).toBe(true);
  const csv = lines.join("\n");
  for (const name of names) expect(csv).toContain(name);
  expect(lines.join("\n")).toContain("สำนักงานเขตวังทองหลาง");
});
