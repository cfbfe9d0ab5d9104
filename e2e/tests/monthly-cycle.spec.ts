import { type Browser, expect, type Page, test } from "@playwright/test";
import { apiAs, SCREENSHOTS, signIn } from "./support";

/** A page of its own, signed in as a demo user (each person at their own browser). */
async function as(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, username);
  return page;
}

test("an officer submits the month, the head approves, an evaluator scores the quarter, an executive sees completeness change", async ({
  browser,
  request,
}) => {
  // a fresh project of the officer's unit, made by the admin before anyone looks
  const admin = await apiAs(request, "admin");
  const created = await request.post("/api/v1/projects", {
    headers: { "x-csrf-token": admin.csrfToken },
    data: { unitCode: "50450000", fiscalYear: 2570, name: "โครงการทดสอบรอบรายงานประจำเดือน" },
  });
  expect(created.status()).toBe(201);
  const project = await created.json();

  // the executive's dashboard before: the district's completeness this month (November 2569)
  const executive = await as(browser, "executive");
  await executive.goto("/dashboard?fiscalYear=2570");
  const rates = executive.getByTestId("reporting-rates");
  const districtCompleteness = rates.locator('tr[data-unit="50450000"] [data-rate="completeness"]');
  await expect(districtCompleteness).toBeVisible();
  const before = await districtCompleteness.textContent();

  // the officer reports and submits the month: the buttons are the ones the API allows
  const officer = await as(browser, "officer.wangthonglang");
  await officer.goto(`/projects/${project.code}`);
  const cycle = officer.getByTestId("month-cycle");
  await expect(cycle.getByTestId("month-state")).toHaveText("เปิดรับรายงาน");
  await expect(cycle.getByRole("button", { name: "อนุมัติ" })).toHaveCount(0);
  await officer.getByLabel("ร้อยละความคืบหน้า (สะสม)").fill("30");
  await officer.getByRole("form", { name: "รายงานผลการดำเนินงาน" }).getByRole("button", { name: "บันทึก" }).click();
  await expect(officer.getByTestId("reports").locator("li")).toHaveCount(1);
  await cycle.getByRole("button", { name: "ส่งรายงานประจำเดือน" }).click();
  await expect(cycle.getByTestId("month-state")).toHaveText("ส่งแล้ว รออนุมัติ");
  await expect(cycle).toContainText("รายงานของเดือนนี้ถูกล็อก");
  await officer.reload();
  // the month is locked: the API no longer offers the report form
  await expect(officer.getByRole("form", { name: "รายงานผลการดำเนินงาน" })).toHaveCount(0);

  // the head approves
  const head = await as(browser, "head.wangthonglang");
  await head.goto(`/projects/${project.code}`);
  const headCycle = head.getByTestId("month-cycle");
  await expect(headCycle.getByRole("button", { name: "ส่งรายงานประจำเดือน" })).toHaveCount(0);
  await headCycle.getByRole("button", { name: "อนุมัติ" }).click();
  await expect(headCycle.getByTestId("month-state")).toHaveText("อนุมัติแล้ว");
  await expect(headCycle).toContainText("head.wangthonglang");
  await expect(headCycle.getByRole("button", { name: "เปิดใหม่เพื่อแก้ไข" })).toBeDisabled(); // until a reason is given

  // an evaluator scores the quarter
  const evaluator = await as(browser, "evaluator");
  await evaluator.goto(`/projects/${project.code}`);
  await expect(evaluator.getByTestId("month-cycle").getByRole("button")).toHaveCount(0);
  const form = evaluator.getByRole("form", { name: "บันทึกผลประเมินรายไตรมาส" });
  await form.getByLabel("ไตรมาส", { exact: true }).selectOption("1");
  await form.getByLabel("คะแนน").fill("80");
  await form.getByRole("button", { name: "บันทึก", exact: true }).click();
  await form.getByRole("button", { name: "ยืนยันการบันทึก" }).click();
  await expect(form.getByTestId("saved-notice")).toContainText("80");

  // the executive sees the district's completeness change
  await executive.reload();
  await expect(districtCompleteness).toBeVisible();
  await expect(districtCompleteness).not.toHaveText(before ?? "");
  await rates.screenshot({ path: `${SCREENSHOTS}reporting-rates.png` });

  // the head reopens the month with a reason (the specs after this one report in this unit's November)
  await head.reload();
  await headCycle.getByLabel("ความเห็น / เหตุผล").fill("เปิดให้แก้ไขรายงานที่ตกหล่น");
  await headCycle.getByRole("button", { name: "เปิดใหม่เพื่อแก้ไข" }).click();
  await expect(headCycle.getByTestId("month-state")).toHaveText("เปิดรับรายงาน");
  await officer.reload();
  await expect(officer.getByRole("form", { name: "รายงานผลการดำเนินงาน" })).toBeVisible();
});
