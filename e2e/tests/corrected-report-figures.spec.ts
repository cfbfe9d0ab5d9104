import { expect, type Locator, test } from "@playwright/test";
import { apiAs, signIn } from "./support";

/** The percents of the plan-vs-actual chart's report points, left to right, read from where they are drawn. */
async function chartPoints(chart: Locator): Promise<number[]> {
  // the chart's own surface (the legend's icons are surfaces too)
  return chart.locator(".recharts-wrapper > svg.recharts-surface").evaluate((svg) => {
    // the y-axis' tick labels ("0 %" … "100 %"): their y is where the value is drawn
    const tickAt = (label: string) => {
      const text = [...svg.querySelectorAll("text")].find((t) => t.textContent?.replace(/\s+/g, " ").trim() === label);
      if (!text) throw new Error(`no y-axis tick ${label} in ${svg.outerHTML.slice(0, 4000)}`);
      return Number(text.getAttribute("y"));
    };
    const zero = tickAt("0 %");
    const hundred = tickAt("100 %");
    return (
      [...svg.querySelectorAll(".recharts-scatter .recharts-symbols")]
        .map((symbol) => {
          const [, x, y] = /translate\(([-\d.]+),\s*([-\d.]+)\)/.exec(symbol.getAttribute("transform") ?? "") ?? [];
          return { x: Number(x), percent: ((zero - Number(y)) / (zero - hundred)) * 100 };
        })
        .sort((a, b) => a.x - b.x)
        // to the whole percent: a label's y sits a fraction of a pixel off its tick
        .map((point) => Math.round(point.percent))
    );
  });
}

// issue 8 item 5: after a report is corrected to a lower figure, the chart's point and the header agree;
// withdrawing a report takes the spending that came with it off the header
test("a report corrected lower moves the chart's point with the header; a withdrawn report's spending goes", async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, "admin");
  const created = await request.post("/api/v1/projects", {
    headers: { "x-csrf-token": admin.csrfToken },
    data: { unitCode: "50450000", fiscalYear: 2570, name: "โครงการแก้ไขรายงานแล้วกราฟตาม", budgetAllocated: 1_000_000 },
  });
  expect(created.status()).toBe(201);
  let etag = created.headers().etag as string;
  const project = await created.json();
  for (const report of [
    { reportDate: "2026-10-20", percent: 40, budgetSpent: 150_000 },
    { reportDate: "2026-11-20", percent: 60, budgetSpent: 420_000 },
  ]) {
    const res = await request.post(`/api/v1/projects/${project.code}/reports`, {
      headers: { "x-csrf-token": admin.csrfToken, "if-match": etag },
      data: report,
    });
    expect(res.status(), await res.text()).toBe(201);
    etag = res.headers().etag as string;
  }
  await request.post("/api/v1/auth/sign-out", { headers: { "x-csrf-token": admin.csrfToken } });

  await signIn(page, "officer.wangthonglang");
  await page.goto(`/projects/${project.code}`);
  const ring = page.getByTestId("project-progress");
  const chart = page.getByTestId("plan-chart");
  await expect(ring).toHaveText("60 %");
  await expect(chart.locator(".recharts-scatter .recharts-symbols")).toHaveCount(2);
  expect(await chartPoints(chart)).toEqual([40, 60]);

  // correct the newest report (1): 60 → 35
  await page.getByRole("button", { name: "แก้ไขรายงาน (1)" }).click();
  const correction = page.getByRole("form", { name: "แก้ไขรายงานครั้งที่ 1" });
  await correction.getByLabel("ร้อยละความคืบหน้า (สะสม)").fill("35");
  await correction.getByLabel("เหตุผล").fill("นับงานที่ยังไม่ตรวจรับ");
  await correction.getByRole("button", { name: "บันทึก", exact: true }).click();
  const reportsSection = page.locator("section", { has: page.getByTestId("reports") });
  await expect(reportsSection.getByTestId("saved-notice")).toHaveText("แก้ไขรายงานครั้งที่ 1 แล้ว");
  await expect(ring).toHaveText("35 %");
  // the chart's newest point is the header's figure, not the old 60
  await expect.poll(() => chartPoints(chart)).toEqual([40, 35]);

  // after a reload too (the figures the server keeps, not only the page's cache)
  await page.reload();
  await expect(ring).toHaveText("35 %");
  await expect.poll(() => chartPoints(chart)).toEqual([40, 35]);
  const budget = page.getByTestId("budget-spent");
  await expect(budget).toContainText((420_000).toLocaleString("th-TH"));
  await expect(budget).toContainText("ใช้ไป ณ วันที่ 20 พ.ย. 2569");

  // withdraw it: the header's progress and budget spent fall back to the older report's
  await page.getByRole("button", { name: "ถอนรายงาน (1)" }).click();
  const withdrawal = page.getByRole("form", { name: "ถอนรายงานครั้งที่ 1" });
  await withdrawal.getByLabel("เหตุผล").fill("รายงานซ้ำ");
  await withdrawal.getByRole("button", { name: "ยืนยันการถอนรายงาน" }).click();
  await expect(reportsSection.getByTestId("saved-notice")).toHaveText("ถอนรายงานครั้งที่ 1 แล้ว");
  await expect(ring).toHaveText("40 %");
  await expect.poll(() => chartPoints(chart)).toEqual([40]);
  await expect(budget).toContainText((150_000).toLocaleString("th-TH"));
  await expect(budget).toContainText("ใช้ไป ณ วันที่ 20 ต.ค. 2569");
  await expect(budget).not.toContainText((420_000).toLocaleString("th-TH"));
});
