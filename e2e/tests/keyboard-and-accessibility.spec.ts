import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("an officer moves between the project's tabs with the keyboard; the edit tab has no serious accessibility violations", async ({
  page,
}) => {
  await signIn(page, "officer.wangthonglang");
  await page.goto("/projects/50450000-3247");
  const details = page.getByRole("tab", { name: "รายละเอียด" });
  await expect(details).toHaveAttribute("aria-selected", "true");
  await details.focus();
  await page.keyboard.press("ArrowRight");
  const edit = page.getByRole("tab", { name: "แก้ไข", exact: true });
  await expect(edit).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(edit).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/tab=edit/);

  // the plan editor shows the stored schedule in the Buddhist era, in labelled date fields
  const editor = page.getByRole("form", { name: "แก้ไขแผนการดำเนินงาน" });
  await expect(editor.getByLabel("เริ่มต้น (แผน)")).toHaveCount(6);
  await expect(editor.getByLabel("เริ่มต้น (แผน)").first()).toHaveValue("1 ต.ค. 2563");
  expect(await seriousViolations(page)).toEqual([]);

  // a date can be typed and the calendar opened and closed from the keyboard
  const end = editor.getByLabel("สิ้นสุด (แผน)").first();
  await end.focus();
  await expect(page.getByRole("button", { name: "เลือกเดือน" })).toHaveText("ตุลาคม 2563");
  await expect(page.getByRole("button", { name: "1 ตุลาคม 2563", exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "เลือกเดือน" })).toBeHidden();
});

test("the print view has no serious accessibility violations", async ({ page }) => {
  await page.goto("/projects/50450000-3247/print");
  await expect(page.getByTestId("reports")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("in English the date fields show and read Common-era dates", async ({ page }) => {
  await signIn(page, "officer.wangthonglang");
  await page.goto("/projects/50450000-3247?tab=edit");
  await page.getByLabel("ภาษา").selectOption("en");
  const start = page.getByRole("form", { name: "Edit the plan" }).getByLabel("Planned start").first();
  await expect(start).toHaveValue("1 Oct 2020");
  await start.fill("15/10/2020");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await expect(start).toHaveValue("15 Oct 2020");
  await page.getByLabel("Language").selectOption("th");
  await expect(page.getByRole("form", { name: "แก้ไขแผนการดำเนินงาน" }).getByLabel("เริ่มต้น (แผน)").first()).toHaveValue(
    "15 ต.ค. 2563",
  );
});
