import { expect, test } from "@playwright/test";
import { plannedCompletion, scheduleStatus } from "../../packages/schema/src/rules/index";
import { SCREENSHOTS, signIn } from "./support";

const TODAY = "2026-11-25"; // the server's pinned today
// the first step's dates typed as Thai officers write them (day first, Buddhist era), the second as ISO dates
const PLAN = [
  {
    name: "เตรียมการและขออนุมัติ",
    weight: "30",
    plannedStart: "2026-10-01",
    plannedEnd: "2026-11-30",
    typed: ["1/10/2569", "30 พ.ย. 2569"],
  },
  {
    name: "ดำเนินการตามแผน",
    weight: "70",
    plannedStart: "2026-12-01",
    plannedEnd: "2027-09-30",
    typed: ["2026-12-01", "2027-09-30"],
  },
];

test("an officer creates a project, plans it 30/70 (30/60 is refused), reports 40 % and finds it counted on the unit's dashboard", async ({
  page,
}) => {
  const unitDashboard = "/dashboard/50450000?fiscalYear=2570";
  const projectCount = async () => {
    await page.goto(unitDashboard);
    return Number((await page.getByTestId("totals").getByRole("definition").first().innerText()).replace(/\D/g, ""));
  };

  await signIn(page, "officer.wangthonglang");
  const before = await projectCount();

  await page.goto("/projects");
  await page.getByRole("link", { name: "สร้างโครงการใหม่" }).click();
  await expect(page.getByLabel("หน่วยงาน")).toHaveValue("50450000");
  await page.getByLabel("ชื่อโครงการ").fill("โครงการปลูกต้นไม้ริมคลองเขตวังทองหลาง");
  await page.getByLabel("งบประมาณที่ได้รับ").fill("150000");
  await page.getByRole("button", { name: "สร้างโครงการ" }).click();
  await expect(page).toHaveURL(/\/projects\/50450000-\d+\?tab=edit/);
  const code = /projects\/([\d-]+)/.exec(page.url())?.[1] as string;

  // the plan editor: two steps, 30 then 60 is refused, 30/70 is saved
  for (const [index, step] of PLAN.entries()) {
    await page.getByRole("button", { name: "เพิ่มขั้นตอน" }).click();
    const row = page.getByTestId("plan-step").nth(index);
    await row.getByLabel(`ขั้นตอน ${index + 1}`, { exact: true }).fill(step.name);
    await row.getByLabel("น้ำหนัก (%)").fill(index === 1 ? "60" : step.weight);
    await row.getByLabel("เริ่มต้น (แผน)").fill(step.typed[0] as string);
    await row.getByLabel("สิ้นสุด (แผน)").fill(step.typed[1] as string);
  }
  // shown back in the Buddhist era, and the calendar speaks Thai
  const firstStart = page.getByTestId("plan-step").first().getByLabel("เริ่มต้น (แผน)");
  await page.getByTestId("weight-total").click();
  await expect(firstStart).toHaveValue("1 ต.ค. 2569");
  await firstStart.click();
  await expect(page.getByRole("button", { name: "เลือกเดือน" }).filter({ hasText: "ตุลาคม 2569" })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}plan-editor.png` });
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("weight-total")).toContainText("90 / 100");
  await expect(page.getByTestId("weight-total")).toContainText("น้ำหนักรวมต้องเท่ากับ 100");
  await expect(page.getByRole("button", { name: "บันทึกแผน" })).toBeDisabled();
  await page.getByTestId("plan-step").nth(1).getByLabel("น้ำหนัก (%)").fill("70");
  await expect(page.getByTestId("weight-total")).toContainText("100 / 100 ✓");
  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/projects/${code}/plan`) && r.request().method() === "PUT",
  );
  await page.getByRole("button", { name: "บันทึกแผน" }).click();
  const savedPlan = await saved;
  expect(savedPlan.status()).toBe(200);
  const savedSteps = (await savedPlan.request().postDataJSON()).steps as { plannedStart: string; plannedEnd: string }[];
  expect(savedSteps.map((s) => [s.plannedStart, s.plannedEnd])).toEqual(
    PLAN.map((s) => [s.plannedStart, s.plannedEnd]),
  );

  // a monthly report of 40 %
  await page.getByRole("tab", { name: "รายละเอียด" }).click();
  await page.getByLabel("ร้อยละความคืบหน้า (สะสม)").fill("40");
  await page.getByRole("form", { name: "รายงานผลการดำเนินงาน" }).getByRole("button", { name: "บันทึก" }).click();
  await expect(page.getByTestId("project-progress")).toHaveText("40 %");

  const steps = PLAN.map((s) => ({ weight: Number(s.weight), plannedStart: s.plannedStart, plannedEnd: s.plannedEnd }));
  const expected = scheduleStatus(40, steps, TODAY);
  const label = {
    on_track: "ตามแผน",
    behind: "ล่าช้า",
    done: "เสร็จสิ้น",
    not_started: "ยังไม่เริ่ม",
    no_schedule: "ไม่มีกำหนดการ",
    late: "ไม่แล้วเสร็จตามกำหนด",
  }[expected];
  await expect(page.getByTestId("project-header").getByTestId("status-badge")).toHaveText(label);
  // the planned figure is labelled as the plan ("แผน"), not with the on-track words ("ตามแผน")
  await expect(page.getByTestId("planned-figure")).toContainText(`แผน ${plannedCompletion(steps, TODAY)} %`);
  await expect(page.getByTestId("planned-figure")).not.toContainText("ตามแผน");
  await expect(page.getByTestId("plan-steps").locator("tbody tr")).toHaveCount(2);
  await expect(page.getByTestId("plan-chart").locator(".recharts-surface").first()).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOTS}project-with-plan.png`, fullPage: true });

  expect(await projectCount()).toBe(before + 1);
  await page.goto(`/projects?fiscalYear=2570&unit=50450000&q=${encodeURIComponent("ปลูกต้นไม้ริมคลอง")}`);
  await expect(page.getByRole("link", { name: "โครงการปลูกต้นไม้ริมคลองเขตวังทองหลาง" })).toBeVisible();
  expect(code).toMatch(/^50450000-/);
});

test("an evaluator scores a quarter", async ({ page }) => {
  await signIn(page, "evaluator");
  await page.goto("/projects/50450000-3247");
  const form = page.getByRole("form", { name: "บันทึกผลประเมินรายไตรมาส" });
  await form.getByLabel("ไตรมาส", { exact: true }).selectOption("3");
  await form.getByLabel("คะแนน").fill("85.5");
  await form.getByRole("button", { name: "บันทึก", exact: true }).click();
  await form.getByRole("button", { name: "ยืนยันการบันทึก" }).click();
  await expect(page.getByTestId("evaluations")).toContainText("ไตรมาส 3: 85.5");
});

test("KPI quarters: an evaluator records the scores, an officer may not change them", async ({ page }) => {
  await signIn(page, "evaluator");
  await page.goto("/projects/50450000-3247");
  const kpi = page.getByTestId("kpi-5045-861");
  await kpi.getByRole("combobox", { name: "ไตรมาส" }).selectOption("2");
  await kpi.getByLabel("2.1").fill("90");
  await kpi.getByRole("button", { name: "บันทึก", exact: true }).click();
  await kpi.getByRole("button", { name: "ยืนยันการบันทึก" }).click();
  await expect(kpi.locator("tbody tr").nth(1)).toContainText("90");

  await page.getByRole("button", { name: "ออกจากระบบ", exact: true }).click();
  await signIn(page, "officer.wangthonglang");
  await page.goto("/projects/50450000-3247");
  await kpi.getByRole("combobox", { name: "ไตรมาส" }).selectOption("2");
  await kpi.getByLabel("2.2").fill("50");
  await kpi.getByRole("button", { name: "บันทึก", exact: true }).click();
  await kpi.getByRole("button", { name: "ยืนยันการบันทึก" }).click();
  await expect(kpi.getByRole("alert")).toContainText("เฉพาะผู้ประเมิน");
  await expect(kpi.locator("tbody tr").nth(1)).toContainText("100");
});
