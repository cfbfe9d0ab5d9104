import { expect, test } from "@playwright/test";
import { apiAs, signIn } from "./support";

test("an officer reports progress; a change made meanwhile by someone else is not overwritten; the history shows both", async ({
  page,
  request,
}) => {
  // a fresh project of the officer's unit, made through the API by the admin
  const admin = await apiAs(request, "admin");
  const created = await request.post("/api/v1/projects", {
    headers: { "x-csrf-token": admin.csrfToken },
    data: { unitCode: "50450000", fiscalYear: 2570, name: "โครงการทดสอบในเบราว์เซอร์" },
  });
  expect(created.status()).toBe(201);
  const project = await created.json();

  await signIn(page, "officer.wangthonglang");
  await page.goto(`/projects/${project.code}`);
  await page.getByLabel("ร้อยละความคืบหน้า (สะสม)").fill("40");

  // someone else changes the project before the officer saves
  const patched = await request.patch(`/api/v1/projects/${project.code}`, {
    headers: { "x-csrf-token": admin.csrfToken, "if-match": `"${project.version}"` },
    data: { targets: "แก้ไขโดยผู้ดูแลระบบ" },
  });
  expect(patched.status()).toBe(200);

  const reportForm = page.getByRole("form", { name: "รายงานผลการดำเนินงาน" });
  await reportForm.getByRole("button", { name: "บันทึก" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "มีผู้อื่นแก้ไขโครงการนี้" })).toBeVisible();
  await page.getByRole("button", { name: "โหลดข้อมูลล่าสุด" }).click();
  await expect(page.getByText("แก้ไขโดยผู้ดูแลระบบ")).toBeVisible();
  await expect(page.getByTestId("reports").locator("li")).toHaveCount(0);

  await reportForm.getByRole("button", { name: "บันทึก" }).click();
  await expect(page.getByTestId("reports").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("project-progress")).toHaveText("40 %");

  await page.getByRole("tab", { name: "ประวัติการแก้ไข" }).click();
  // in words, newest first: who, what, and what changed from what to what
  const history = page.getByTestId("history").locator(".history-entry");
  await expect(history.first()).toContainText("รายงานผลการดำเนินงาน");
  await expect(history.first()).toContainText("officer.wangthonglang");
  await expect(history.first()).toContainText("ร้อยละความคืบหน้า: 40 %");
  await expect(history.nth(1)).toContainText("แก้ไขข้อมูลโครงการ");
  await expect(history.nth(1)).toContainText("(admin)");
  await expect(history.nth(1)).toContainText("เป้าหมาย: จาก (ว่าง) เป็น แก้ไขโดยผู้ดูแลระบบ");
  await expect(page.getByTestId("history")).not.toContainText("report.create");
});

test("a refused percent shows the API's error beside the field, in Thai", async ({ page }) => {
  await signIn(page, "officer.wangthonglang");
  await page.goto("/projects/50450000-3247");
  await page.getByLabel("ร้อยละความคืบหน้า (สะสม)").fill("120");
  await page.getByRole("form", { name: "รายงานผลการดำเนินงาน" }).getByRole("button", { name: "บันทึก" }).click();
  await expect(page.locator("#report-percent-error")).toHaveText("ต้องไม่เกิน 100");
  await expect(page.getByTestId("reports").locator("li")).toHaveCount(12);
});

test("an admin manages users and their roles", async ({ page }) => {
  await signIn(page, "admin");
  await page.getByRole("link", { name: "ผู้ใช้และสิทธิ์" }).click();
  await expect(page.getByTestId("users").locator("tbody tr")).toHaveCount(6); // the demo users, one a unit head
  const form = page.getByRole("form", { name: "เพิ่มผู้ใช้" });
  await form.getByLabel("ชื่อผู้ใช้").fill("officer.bangrak");
  await form.getByLabel("ชื่อที่แสดง").fill("เจ้าหน้าที่ เขตบางรัก");
  await form.getByLabel("รหัสผ่าน").fill("a-long-enough-password");
  await form.getByLabel("หน่วยงาน").selectOption({ label: "สำนักงานเขตบางรัก" });
  await form.getByRole("button", { name: "บันทึก" }).click();
  const row = page.getByTestId("users").locator("tr", { hasText: "officer.bangrak" });
  await expect(row).toContainText("สำนักงานเขตบางรัก");
  await row.getByLabel("บทบาท officer.bangrak").selectOption("executive");
  await expect(row.getByLabel("บทบาท officer.bangrak")).toHaveValue("executive");
  await page.reload();
  await expect(
    page.getByTestId("users").locator("tr", { hasText: "officer.bangrak" }).getByLabel("บทบาท officer.bangrak"),
  ).toHaveValue("executive");
});

test("an admin creates an API key, shown once, that another system then uses, and revokes it", async ({
  page,
  request,
}) => {
  await signIn(page, "admin");
  // a slow session answer after the page load must not turn a quick first write into a CSRF refusal
  await page.route("**/api/v1/auth/session", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "สร้าง API key" });
  await form.getByLabel("ชื่อที่แสดง").fill("ระบบเปิดเผยข้อมูล");
  await form.getByRole("button", { name: "สร้าง API key" }).click();
  const key = await page.getByTestId("new-key").innerText();
  expect(key).toMatch(/^cpm_/);
  const asSystem = await request.get("/api/v1/projects/50450000-3247", { headers: { authorization: `Bearer ${key}` } });
  expect(asSystem.status()).toBe(200);
  await page.getByRole("button", { name: "ยกเลิก ระบบเปิดเผยข้อมูล" }).click();
  await expect(page.getByTestId("api-keys").locator("tr", { hasText: "ระบบเปิดเผยข้อมูล" })).toContainText("ยกเลิกแล้ว");
  const revoked = await request.get("/api/v1/projects/50450000-3247", { headers: { authorization: `Bearer ${key}` } });
  expect(revoked.status()).toBe(401);
  await page.reload();
  await expect(page.locator("body")).not.toContainText(key);
});

test("the report form warns when the percent drops below the report it follows, today's or a back-dated one", async ({
  page,
}) => {
  // the browser's clock says another day: the report is dated by the server's today
  await page.clock.setFixedTime(new Date("2027-03-03T10:00:00+07:00"));
  await signIn(page, "officer.wangthonglang");
  await page.goto("/projects/50450000-3247");
  const form = page.getByRole("form", { name: "รายงานผลการดำเนินงาน" });
  await expect(form.getByRole("textbox", { name: /^วันที่รายงาน/ })).toHaveValue("25 พ.ย. 2569"); // the server's pinned today (APP_TODAY)
  await form.getByLabel("ร้อยละความคืบหน้า (สะสม)").fill("50");
  const warning = form.getByText("ร้อยละนี้ต่ำกว่ารายงานครั้งก่อน");
  await expect(warning).toBeVisible(); // the latest report is 100 %
  await form.getByRole("textbox", { name: /^วันที่รายงาน/ }).fill("1/1/2564"); // after the 25 % of 29 Dec 2020
  await expect(warning).toBeHidden();
  await form.getByLabel("ร้อยละความคืบหน้า (สะสม)").fill("20");
  await expect(warning).toBeVisible();
});
