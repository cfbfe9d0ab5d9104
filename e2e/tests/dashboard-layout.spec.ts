import { expect, test } from "@playwright/test";

// Issue 8, item 13 (what is not the figures' click-through): no layout shift while the charts load,
// the step table's headings, an empty sub-unit's row, legend colours with enough contrast.

test("the dashboard does not move while its figures and charts arrive (layout shift under 0.1)", async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { layoutShift: number };
    w.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.layoutShift += entry.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  // the charts' code arrives late, as on a slow line: the page must have kept their room
  await page.route(/\/assets\/dashboard-charts-[^/]+\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1200));
    await route.continue();
  });
  for (const viewport of [
    { width: 1280, height: 2000 },
    { width: 360, height: 2400 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto("/dashboard?fiscalYear=2570");
    await expect(page.locator("figure .recharts-wrapper")).toHaveCount(2);
    await expect(page.getByTestId("units-table")).toBeVisible();
    await page.waitForTimeout(500);
    const shift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
    expect(shift, `layout shift at ${viewport.width} px`).toBeLessThan(0.1);
  }
});

test("the status chart's legend reads: words in the text colour, each status's colour at least 3:1 on white", async ({
  page,
}) => {
  await page.goto("/dashboard?fiscalYear=2570");
  const legend = page.locator("figure").filter({ hasText: "สถานะโครงการรายหน่วยงาน" }).locator(".recharts-legend-item");
  await expect(legend.first()).toBeVisible();
  const items = await legend.evaluateAll((nodes) => {
    const luminance = (css: string) => {
      const probe = document.createElement("span");
      probe.style.color = css;
      document.body.append(probe);
      const [r, g, b] = (getComputedStyle(probe).color.match(/\d+(\.\d+)?/g) ?? []).map(Number);
      probe.remove();
      const lin = (c = 0) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const onWhite = (css: string) => 1.05 / (luminance(css) + 0.05);
    return nodes.map((node) => {
      const text = (node.querySelector(".recharts-legend-item-text span") ??
        node.querySelector(".recharts-legend-item-text")) as HTMLElement;
      const icon = node.querySelector("path, rect") as SVGElement;
      return {
        label: node.textContent?.trim(),
        text: onWhite(getComputedStyle(text).color),
        icon: onWhite(icon.getAttribute("fill") ?? getComputedStyle(icon).fill),
      };
    });
  });
  expect(items.length).toBeGreaterThanOrEqual(5);
  for (const item of items) {
    expect(item.text, `${item.label} words`).toBeGreaterThanOrEqual(4.5);
    expect(item.icon, `${item.label} colour`).toBeGreaterThanOrEqual(3);
  }
});

test("a unit's dashboard shows its sub-unit by name even without projects; the step table's column is 'ขั้นตอน'", async ({
  page,
}) => {
  await page.goto("/dashboard/50450000?fiscalYear=2570");
  const rows = page.getByTestId("units-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  const subUnit = rows.filter({ hasText: "50451000" });
  await expect(subUnit.locator("td").first()).toHaveText("หน่วยงานย่อย 50451000");

  await page.goto("/projects/50450000-3247");
  await expect(page.getByTestId("plan-steps")).toBeVisible();
  const headers = await page.getByTestId("plan-steps").locator("thead th").allInnerTexts();
  expect(headers.map((h) => h.replace(/\s+/g, ""))).toEqual([
    "ลำดับ",
    "ขั้นตอน",
    "น้ำหนัก(%)",
    "กำหนดการ",
    "ดำเนินการจริง",
    "ความสำเร็จของขั้นตอน",
  ]);
  await expect(page.getByTestId("plan-steps").locator("thead")).not.toContainText("ชื่อโครงการ");
});
