import { expect, test } from "@playwright/test";
import { apiAs, signIn } from "./support";

test("the plan editor keeps actual dates, shows the API's error beside the step's field, and does not overwrite a plan changed meanwhile", async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, "admin");
  const headers = { "x-csrf-token": admin.csrfToken };
  const created = await request.post("/api/v1/projects", {
    headers,
    data: { unitCode: "50450000", fiscalYear: 2570, name: "โครงการทดสอบแก้ไขแผน" },
  });
  expect(created.status()).toBe(201);
  const project = await created.json();
  const step = {
    name: "ดำเนินการ",
    weight: 100,
    plannedStart: "2026-10-01",
    plannedEnd: "2027-09-30",
    actualStart: "2026-10-05",
    actualEnd: null,
    completion: 20,
  };
  const planned = await request.put(`/api/v1/projects/${project.code}/plan`, {
    headers: { ...headers, "if-match": `"${project.version}"` },
    data: { steps: [step] },
  });
  expect(planned.status()).toBe(200);

  await signIn(page, "officer.wangthonglang");
  await page.goto(`/projects/${project.code}?tab=edit`);
  const editor = page.getByRole("form", { name: "แก้ไขแผนการดำเนินงาน" });
  const row = editor.getByTestId("plan-step").first();
  await expect(row.getByLabel("เริ่มต้น (จริง)")).toHaveValue("5 ต.ค. 2569");

  // an end before the start: the server's refusal is shown beside that field, in Thai
  await row.getByLabel("สิ้นสุด (แผน)").fill("1/9/2569");
  await page.keyboard.press("Escape");
  await editor.getByRole("button", { name: "บันทึกแผน" }).click();
  await expect(row.getByRole("alert")).toHaveText("วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น");
  await expect(row.getByLabel("สิ้นสุด (แผน)")).toHaveAccessibleDescription("วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น");
  await expect(row.getByLabel("สิ้นสุด (แผน)")).toHaveAttribute("aria-invalid", "true");

  // a valid change saves, and the actual start is still there
  await row.getByLabel("สิ้นสุด (แผน)").fill("31/8/2570");
  await page.keyboard.press("Escape");
  const saved = page.waitForResponse((r) => r.url().endsWith("/plan") && r.request().method() === "PUT");
  await editor.getByRole("button", { name: "บันทึกแผน" }).click();
  expect((await saved).status()).toBe(200);
  const afterSave = await (await request.get(`/api/v1/projects/${project.code}`)).json();
  expect(afterSave.steps[0]).toMatchObject({ plannedEnd: "2027-08-31", actualStart: "2026-10-05", completion: 20 });

  // someone else replaces the plan; the officer's next save is refused and changes nothing
  const other = await request.put(`/api/v1/projects/${project.code}/plan`, {
    headers: { ...headers, "if-match": `"${afterSave.version}"` },
    data: { steps: [{ ...step, name: "แผนของผู้อื่น" }] },
  });
  expect(other.status()).toBe(200);
  await row.getByLabel("ขั้นตอน 1", { exact: true }).fill("แผนของเจ้าหน้าที่");
  await editor.getByRole("button", { name: "บันทึกแผน" }).click();
  await expect(editor.getByRole("alert").filter({ hasText: "มีผู้อื่นแก้ไขโครงการนี้" })).toBeVisible();
  const afterConflict = await (await request.get(`/api/v1/projects/${project.code}`)).json();
  expect(afterConflict.steps.map((s: { name: string }) => s.name)).toEqual(["แผนของผู้อื่น"]);
  await editor.getByRole("button", { name: "โหลดข้อมูลล่าสุด" }).click();
  await expect(
    page.getByRole("form", { name: "แก้ไขแผนการดำเนินงาน" }).getByLabel("ขั้นตอน 1", { exact: true }),
  ).toHaveValue("แผนของผู้อื่น");
});
