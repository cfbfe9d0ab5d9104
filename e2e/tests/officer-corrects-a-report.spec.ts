import { expect, test } from "@playwright/test";
import { apiAs, signIn } from "./support";

// issue 8 item 8: correct or withdraw a report, with the reason in the history; a drop asks for a reason
test("an officer reports a drop with a reason, corrects a report, withdraws one, and the history keeps why", async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, "admin");
  const created = await request.post("/api/v1/projects", {
    headers: { "x-csrf-token": admin.csrfToken },
    data: { unitCode: "50450000", fiscalYear: 2570, name: "โครงการแก้ไขรายงานทดสอบ" },
  });
  const project = await created.json();
  await request.post("/api/v1/auth/sign-out", { headers: { "x-csrf-token": admin.csrfToken } });

  await signIn(page, "officer.wangthonglang");
  await page.goto(`/projects/${project.code}`);
  const form = page.getByRole("form", { name: "รายงานผลการดำเนินงาน" });
  await form.getByRole("textbox", { name: /^วันที่รายงาน/ }).fill("1/11/2569");
  await form.getByLabel("ร้อยละความคืบหน้า (สะสม)").fill("40");
  await form.getByRole("button", { name: "บันทึก", exact: true }).click();
  await expect(form.getByTestId("saved-notice")).toContainText("บันทึกรายงานร้อยละ 40");
  // the form clears after saving
  await expect(form.getByLabel("ร้อยละความคืบหน้า (สะสม)")).toHaveValue("");

  // a lower percent: a reason is required, then a confirmation
  await form.getByLabel("ร้อยละความคืบหน้า (สะสม)").fill("30");
  await expect(form.getByText("ร้อยละนี้ต่ำกว่ารายงานครั้งก่อน")).toBeVisible();
  await form.getByRole("button", { name: "บันทึก", exact: true }).click();
  await expect(form.locator("#report-reason-error")).toContainText("ต้องไม่เว้นว่าง");
  await form.getByLabel("เหตุผล").fill("นับงานซ้ำในเดือนก่อน");
  await form.getByRole("button", { name: "บันทึก", exact: true }).click();
  await expect(form.getByRole("alertdialog")).toContainText("ต่ำกว่ารายงานครั้งก่อน (40 %)");
  await form.getByRole("button", { name: "ยืนยันการบันทึก" }).click();
  await expect(form.getByTestId("saved-notice")).toContainText("บันทึกรายงานร้อยละ 30");
  const reports = page.getByTestId("reports").locator("> li");
  await expect(reports).toHaveCount(2);

  // correct the older report (2): 40 → 25, with a reason
  await page.getByRole("button", { name: "แก้ไขรายงาน (2)" }).click();
  const correction = page.getByRole("form", { name: "แก้ไขรายงานครั้งที่ 2" });
  await correction.getByLabel("ร้อยละความคืบหน้า (สะสม)").fill("25");
  await correction.getByRole("button", { name: "บันทึก", exact: true }).click();
  await expect(correction.getByRole("alert")).toContainText("ต้องไม่เว้นว่าง"); // the reason is required
  await correction.getByLabel("เหตุผล").fill("พิมพ์ตัวเลขผิด");
  await correction.getByRole("button", { name: "บันทึก", exact: true }).click();
  const reportsSection = page.locator("section", { has: page.getByTestId("reports") });
  await expect(reportsSection.getByTestId("saved-notice")).toHaveText("แก้ไขรายงานครั้งที่ 2 แล้ว");
  await expect(reports.nth(1)).toContainText("25 %");

  // withdraw the newest (1), with a reason
  await page.getByRole("button", { name: "ถอนรายงาน (1)" }).click();
  const withdrawal = page.getByRole("form", { name: "ถอนรายงานครั้งที่ 1" });
  await withdrawal.getByLabel("เหตุผล").fill("รายงานผิดโครงการ");
  await withdrawal.getByRole("button", { name: "ยืนยันการถอนรายงาน" }).click();
  await expect(reportsSection.getByTestId("saved-notice")).toHaveText("ถอนรายงานครั้งที่ 1 แล้ว");
  await expect(reports).toHaveCount(1);
  await expect(page.getByTestId("project-progress")).toHaveText("25 %");

  await page.getByRole("tab", { name: "ประวัติการแก้ไข" }).click();
  const history = page.getByTestId("history");
  await expect(history.locator(".history-entry").first()).toContainText("ถอนรายงานผลการดำเนินงาน");
  await expect(history.locator(".history-entry").first()).toContainText("เหตุผล: รายงานผิดโครงการ");
  await expect(history).toContainText("เหตุผล: พิมพ์ตัวเลขผิด");
  await expect(history).toContainText("ร้อยละความคืบหน้า: จาก 40 % เป็น 25 %");
  await expect(history).toContainText("เหตุผล: นับงานซ้ำในเดือนก่อน");
});
