import { expect, test } from "@playwright/test";
import { signIn } from "./support";

// issue 8 item 7: only the units the user may write; required fields marked; Cancel; strategy, policies, KPIs
test("the new-project form offers only the officer's units, marks required fields, and sets policies and a KPI", async ({
  page,
}) => {
  await signIn(page, "officer.wangthonglang");
  await page.goto("/projects/new");
  const unit = page.getByLabel("หน่วยงาน");
  await expect(unit).toHaveValue("50450000");
  const offered = await unit
    .locator("option")
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  expect(offered.length).toBeGreaterThan(0);
  expect(offered.every((code) => code.startsWith("5045"))).toBe(true); // never 14000000 and the others
  // required fields are marked
  await expect(page.locator("label", { hasText: "ชื่อโครงการ" }).locator(".required-mark")).toBeVisible();
  await expect(page.locator("label", { hasText: "หน่วยงาน" }).locator(".required-mark")).toBeVisible();

  // an empty name is refused beside the field before anything is sent
  await page.getByRole("button", { name: "สร้างโครงการ" }).click();
  await expect(page.locator("#new-project-name-error")).toContainText("ต้องไม่เว้นว่าง");

  await page.getByLabel("ชื่อโครงการ").fill("โครงการลอกคลองพร้อมตัวชี้วัด");
  await page.getByLabel("ผู้รับผิดชอบ").fill("นายสมชาย ใจดี");
  await page.getByLabel("โทรศัพท์").fill("02-123-4567");
  await page.getByLabel("เป้าหมายตามแผนยุทธศาสตร์").selectOption("2.1.1");
  await page.getByLabel("P001 ปลูกต้นไม้ล้านต้น").check();
  await page.getByLabel("P145 สร้างเครือข่ายภาคประชาสังคม").check();
  await page.getByRole("button", { name: "เพิ่มตัวชี้วัด" }).click();
  const kpi = page.getByTestId("new-kpi");
  await kpi.getByLabel("รหัสตัวชี้วัด").fill("5045-E2E-1");
  await kpi.getByLabel("ชื่อตัวชี้วัด").fill("ความยาวคลองที่ลอกแล้ว");
  await kpi.getByLabel("หน่วยนับ").fill("เมตร");
  await kpi.getByLabel("ค่าเป้าหมาย").fill("1200");
  await page.getByRole("button", { name: "สร้างโครงการ" }).click();

  await expect(page).toHaveURL(/\/projects\/50450000-\d+\?tab=edit/);
  await page.getByRole("tab", { name: "รายละเอียด" }).click();
  await expect(page.locator("main")).toContainText("P145");
  await expect(page.locator("main")).toContainText("P001");
  await expect(page.getByTestId("kpi-5045-E2E-1")).toContainText("ความยาวคลองที่ลอกแล้ว");
  // the officer's phone in its own field, shown to a signed-in reader
  await expect(page.getByTestId("project-header")).toContainText("02-123-4567");
});

test("Cancel leaves the form without creating anything", async ({ page, request }) => {
  const count = async () => (await (await request.get("/api/v1/projects?fiscalYear=2570&unit=50450000")).json()).total;
  const before = await count();
  await signIn(page, "officer.wangthonglang");
  await page.goto("/projects");
  await page.getByRole("link", { name: "สร้างโครงการใหม่" }).click();
  await page.getByLabel("ชื่อโครงการ").fill("ไม่ต้องสร้าง");
  await page.getByRole("button", { name: "ยกเลิก" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  expect(await count()).toBe(before);
});

test("an evaluator, who may write no unit's projects, is told so instead of a form", async ({ page }) => {
  await signIn(page, "evaluator");
  await page.goto("/projects/new");
  await expect(page.getByText("บัญชีนี้ไม่มีสิทธิ์สร้างโครงการของหน่วยงานใด")).toBeVisible();
  await expect(page.getByRole("button", { name: "สร้างโครงการ" })).toHaveCount(0);
});
