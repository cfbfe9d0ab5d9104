import { expect, type Page, test } from "@playwright/test";
import { SCREENSHOTS, signIn } from "./support";

// Issue 8, item 12: a 360 px phone.
test.use({ viewport: { width: 360, height: 740 } });

const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Every place where a line of Thai text wraps, checked against the word boundaries of the
 * language's own segmenter: a wrap inside a word (as `overflow-wrap: anywhere` or
 * `word-break: break-all` make when a box is narrow) is listed as "before|after".
 */
const thaiWordsBroken = (page: Page) =>
  page.evaluate(() => {
    const segmenter = new Intl.Segmenter("th", { granularity: "word" });
    const broken: string[] = [];
    const main = document.querySelector("main");
    if (!main) return ["no main"];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      if (!/[\u0E00-\u0E7F]/.test(text) || !parent || parent.closest("svg")) continue;
      if (parent.getBoundingClientRect().width < 5) continue; // visually hidden text
      const boundaries = new Set([...segmenter.segment(text)].map((s) => s.index));
      let lastTop: number | null = null;
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        if (lastTop !== null && rect.top > lastTop + 4 && !boundaries.has(i)) {
          broken.push(`${text.slice(Math.max(0, i - 10), i)}|${text.slice(i, i + 10)}`);
        }
        lastTop = rect.top;
      }
    }
    return broken;
  });

test("on a phone: a compact header with one sign-out, units as labelled cards, every histogram label, Thai words whole", async ({
  page,
}) => {
  await signIn(page, "officer.wangthonglang");
  await page.goto("/dashboard?fiscalYear=2570");
  const table = page.getByTestId("units-table");
  await expect(table.locator("tbody tr")).toHaveCount(36);

  // the header: one visible sign-out, and no taller than two short rows
  const header = page.locator("header").first();
  await expect(header.getByRole("button", { name: "ออกจากระบบ", exact: true })).toBeVisible();
  await expect(header.getByRole("button", { name: "ออกจากระบบทุกอุปกรณ์" })).toBeHidden();
  expect((await header.boundingBox())?.height).toBeLessThanOrEqual(120);

  // the units: cards, each figure beside its label, nothing scrolled sideways
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await table.evaluate((t) => t.scrollWidth - t.clientWidth)).toBeLessThanOrEqual(0);
  const firstCard = table.locator("tbody tr").first();
  const labels = await firstCard
    .locator("td")
    .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, "::before").content));
  expect(labels.slice(1)).toEqual([
    '"โครงการ"',
    '"ความคืบหน้าเฉลี่ย"',
    '"เสร็จสิ้น"',
    '"ล่าช้า"',
    '"ไม่แล้วเสร็จตามกำหนด"',
    '"ยังไม่รายงานเดือนนี้"',
    '"ตัวชี้วัดที่บรรลุเป้าหมาย"',
    '"งบประมาณที่ได้รับ"',
    '"อัตราการเบิกจ่าย"',
  ]);

  // the progress histogram keeps every bucket's label at 360 px
  const histogram = page.locator("figure").filter({ hasText: "การกระจายของความคืบหน้าโครงการ" });
  for (const bucket of ["0–25 %", "25–50 %", "50–75 %", "75–99 %", "100 %"]) {
    await expect(histogram.getByText(bucket, { exact: true })).toBeVisible();
  }
  expect(await thaiWordsBroken(page)).toEqual([]);
  await page.screenshot({ path: `${SCREENSHOTS}phone-dashboard.png`, fullPage: false });
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}phone-dashboard-units.png` });

  // a project card in the list labels every figure
  await page.goto("/projects?fiscalYear=2564&unit=50450000");
  const card = page.locator("main table tbody tr").first();
  await expect(card).toBeVisible();
  const cardLabels = await card
    .locator("td")
    .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, "::before").content));
  expect(cardLabels).toEqual(['"รหัส"', "none", '"ความคืบหน้า"', '"สถานะ"', '"รายงานล่าสุด"', '"งบประมาณที่ได้รับ"']);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  expect(await thaiWordsBroken(page)).toEqual([]);

  await page.goto("/projects/50450000-3247");
  await expect(page.getByTestId("project-progress")).toBeVisible();
  expect(await thaiWordsBroken(page)).toEqual([]);
});
