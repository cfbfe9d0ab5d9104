import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// issue 8 item 10: evaluation and KPI forms explain their fields and confirm saving
test("the evaluation form explains the score and confirms before saving; going back saves nothing", async ({
  page,
}) => {
  await signIn(page, "evaluator");
  await page.goto("/projects/50450000-3247");
  const form = page.getByRole("form", { name: "บันทึกผลประเมินรายไตรมาส" });
  await expect(form).toContainText("คะแนนที่ สยป. ประเมินโครงการในไตรมาสนี้ 0–100");
  const score = form.getByLabel("คะแนน");
  await expect(score).toHaveAccessibleDescription(/0–100/);

  // out of range: refused beside the field, with the shared rule's words
  await form.getByLabel("ไตรมาส", { exact: true }).selectOption("4");
  await score.fill("101");
  await form.getByRole("button", { name: "บันทึก", exact: true }).click();
  await expect(form.locator("#evaluation-score-error")).toHaveText("ต้องไม่เกิน 100");

  // a confirmation names what is about to be saved; going back sends nothing
  await score.fill("77.5");
  await form.getByRole("button", { name: "บันทึก", exact: true }).click();
  await expect(form.getByRole("alertdialog")).toContainText("บันทึกคะแนน 77.5 ของไตรมาสที่ 4 หรือไม่");
  await form.getByRole("button", { name: "กลับไปแก้ไข" }).click();
  await expect(page.getByTestId("evaluations")).not.toContainText("ไตรมาส 4");

  await form.getByRole("button", { name: "บันทึก", exact: true }).click();
  await form.getByRole("button", { name: "ยืนยันการบันทึก" }).click();
  await expect(form.getByTestId("saved-notice")).toHaveText("บันทึกคะแนนไตรมาสที่ 4: 77.5 แล้ว");
  await expect(page.getByTestId("evaluations")).toContainText("ไตรมาส 4: 77.5");
});

test("the KPI form explains ผลงาน, 2.1 and 2.2 as the legacy page does and confirms saving", async ({ page }) => {
  await signIn(page, "evaluator");
  await page.goto("/projects/50450000-3247");
  const kpi = page.getByTestId("kpi-5045-861");
  await expect(kpi).toContainText("ผลงาน คือค่าที่ทำได้ในไตรมาส ในหน่วยของตัวชี้วัด (ระดับ)");
  await expect(kpi).toContainText("ผลประเมินตัวชี้วัด 2.1 และ 2.2 คือคะแนน 0–100");
  await expect(kpi.getByLabel("ผลงาน")).toHaveAccessibleDescription("ผลงานของไตรมาส (ระดับ)");
  await kpi.getByRole("combobox", { name: "ไตรมาส" }).selectOption("3");
  await expect(kpi.getByLabel("2.1")).toHaveValue("100");
  await kpi.getByLabel("2.1").fill("95");
  await kpi.getByRole("button", { name: "บันทึก", exact: true }).click();
  await expect(kpi.getByRole("alertdialog")).toContainText("บันทึกผลตัวชี้วัด 5045-861 ไตรมาสที่ 3 หรือไม่");
  await kpi.getByRole("button", { name: "ยืนยันการบันทึก" }).click();
  await expect(kpi.getByTestId("saved-notice")).toHaveText("บันทึกผลตัวชี้วัด 5045-861 ไตรมาสที่ 3 แล้ว");
  await expect(kpi.locator("tbody tr").nth(2)).toContainText("95");

  await page.getByLabel("ภาษา").selectOption("en");
  await expect(kpi).toContainText(
    "Scores 2.1 and 2.2: the evaluation office's scores (0–100) under criteria 2.1 and 2.2",
  );
});
