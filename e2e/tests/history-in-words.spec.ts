import { expect, test } from "@playwright/test";
import { apiAs, signIn } from "./support";

// issue 8 item 9: the history tab in words, with dates in the user's calendar
test("the history says who changed what from what to what, in Thai with Buddhist-era dates and in English", async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, "admin");
  const created = await request.post("/api/v1/projects", {
    headers: { "x-csrf-token": admin.csrfToken },
    data: { unitCode: "50450000", fiscalYear: 2570, name: "โครงการประวัติทดสอบ", plannedFinish: "2027-09-30" },
  });
  const project = await created.json();
  const patched = await request.patch(`/api/v1/projects/${project.code}`, {
    headers: { "x-csrf-token": admin.csrfToken, "if-match": `"${project.version}"` },
    data: { plannedFinish: "2027-03-31", responsibleOfficer: "นางสาวทดสอบ ระบบ" },
  });
  expect(patched.status()).toBe(200);
  const plan = await request.put(`/api/v1/projects/${project.code}/plan`, {
    headers: { "x-csrf-token": admin.csrfToken, "if-match": patched.headers().etag as string },
    data: {
      steps: [
        { name: "ขออนุมัติโครงการ", weight: 30 },
        { name: "ดำเนินการ", weight: 70 },
      ],
    },
  });
  expect(plan.status()).toBe(200);
  await request.post("/api/v1/auth/sign-out", { headers: { "x-csrf-token": admin.csrfToken } });

  await signIn(page, "executive");
  await page.goto(`/projects/${project.code}?tab=history`);
  const history = page.getByTestId("history");
  const entries = history.locator(".history-entry");
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText("แก้ไขแผนการดำเนินงาน");
  await expect(entries.nth(0)).toContainText("2 ขั้นตอน: 1. ขออนุมัติโครงการ (30 %); 2. ดำเนินการ (70 %)");
  await expect(entries.nth(1)).toContainText("แก้ไขข้อมูลโครงการ");
  await expect(entries.nth(1)).toContainText("วันสิ้นสุดโครงการ (แผน): จาก 30 ก.ย. 2570 เป็น 31 มี.ค. 2570");
  await expect(entries.nth(1)).toContainText("ผู้รับผิดชอบ: จาก (ว่าง) เป็น นางสาวทดสอบ ระบบ");
  await expect(entries.nth(1)).toContainText("(admin)");
  await expect(entries.nth(2)).toContainText("สร้างโครงการ");
  // when, in the Buddhist era (today is 25 Nov 2026 for the server, but the events are stamped now)
  await expect(entries.nth(0).locator("time")).toHaveText(/25\d\d/);
  // no raw JSON and no action codes
  await expect(history).not.toContainText("plan.replace");
  await expect(history).not.toContainText("project.update");
  await expect(history).not.toContainText("{");
  await expect(history).not.toContainText("2027-03-31");

  await page.getByLabel("ภาษา").selectOption("en");
  await expect(entries.nth(1)).toContainText("Changed the project's details");
  await expect(entries.nth(1)).toContainText("Planned finish: from 30 Sept 2027 to 31 Mar 2027");
  await expect(entries.nth(0).locator("time")).toHaveText(/20\d\d/);
  await expect(entries.nth(0).locator("time")).not.toHaveText(/25\d\d/);
});
