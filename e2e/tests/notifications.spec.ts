import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { apiAs, signIn } from "./support";

// Issue 11, item 3 on the web: reminders in the header's bell, the list, "mark read", and the user's
// own e-mail settings. Today is pinned to 2026-11-25, past the deadline (the 5th): the heads of units
// not fully reported for October 2569 are reminded. The demo district reported all of October, so
// the pass the server ran at startup reminded no demo user: a new project of the district (FY 2570,
// nothing reported in October) puts it behind, and the admin runs today's pass.
test.use({ viewport: { width: 360, height: 740 } });

interface NotificationList {
  unread: number;
  items: { id: number; kind: string; subject: string; createdAt: string; readAt: string | null }[];
}

const listOf = async (page: Page): Promise<NotificationList> =>
  (await page.request.get("/api/v1/notifications")).json();

const bellName = (unread: number) => (unread > 0 ? `การแจ้งเตือน (ยังไม่ได้อ่าน ${unread})` : "การแจ้งเตือน");

test("the head sees the overdue reminder in the bell, marks it read, and turns reminder e-mails off", async ({
  page,
  request,
}) => {
  const admin = await apiAs(request, "admin");
  const created = await request.post("/api/v1/projects", {
    headers: { "x-csrf-token": admin.csrfToken },
    data: { unitCode: "50450000", fiscalYear: 2570, name: "โครงการทดสอบการแจ้งเตือน" },
  });
  expect(created.status()).toBe(201);
  const pass = await request.post("/api/v1/notifications/reminder-pass", {
    headers: { "x-csrf-token": admin.csrfToken },
  });
  expect(pass.status()).toBe(200);

  await signIn(page, "head.wangthonglang");
  const before = await listOf(page);
  const reminder = before.items.find((n) => n.kind === "headAfterDeadline" && n.readAt === null);
  expect(reminder, "the pass reminded the head of October 2569").toBeDefined();
  if (!reminder) return;
  expect(reminder.subject).toContain("ตุลาคม 2569");

  // the bell, on a 360 px phone: the unread count in its name and on its badge, nothing scrolled sideways
  const header = page.locator("header").first();
  const bell = header.getByRole("link", { name: bellName(before.unread), exact: true });
  await expect(bell).toBeVisible();
  await expect(bell.getByTestId("notification-count")).toHaveText(String(before.unread));
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  const box = await bell.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(44);

  // the list: the Thai text and the date in the Buddhist era
  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  const item = page.getByTestId("notification").filter({ hasText: reminder.subject });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(/เลยกำหนด: .+ ยังรายงานผลประจำเดือนตุลาคม 2569 ไม่ครบ/);
  await expect(item).toContainText(/พ้นกำหนด \d+ พฤศจิกายน 2569 แล้ว .+ ยังไม่ได้รายงานผล \d+ จาก \d+ โครงการ/);
  const thaiDate = new Intl.DateTimeFormat("th-TH-u-ca-buddhist", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${reminder.createdAt.slice(0, 10)}T00:00:00Z`));
  expect(thaiDate).toMatch(/25\d\d$/);
  await expect(item.locator("time")).toHaveText(thaiDate);
  await expect(item).toContainText("ยังไม่ได้อ่าน");

  // mark read: the count goes down in the bell and the page, and the server agrees
  await item.getByRole("button", { name: "ทำเครื่องหมายว่าอ่านแล้ว" }).click();
  await expect(header.getByRole("link", { name: bellName(before.unread - 1), exact: true })).toBeVisible();
  await expect(item.getByRole("button", { name: "ทำเครื่องหมายว่าอ่านแล้ว" })).toHaveCount(0);
  await expect(item).toContainText("อ่านแล้วเมื่อ");
  const after = await listOf(page);
  expect(after.unread).toBe(before.unread - 1);
  expect(after.items.find((n) => n.id === reminder.id)?.readAt).not.toBeNull();

  // settings: a bad address is refused beside the field, then the opt-out saves and survives a reload
  const email = page.getByLabel("อีเมลสำหรับรับการแจ้งเตือน");
  const optIn = page.getByRole("checkbox", { name: "ส่งการแจ้งเตือนทางอีเมล" });
  await expect(optIn).toBeChecked();
  await email.fill("not-an-address");
  await page.getByRole("button", { name: "บันทึกการตั้งค่า" }).click();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await email.fill("head.wangthonglang@example.go.th");
  await optIn.uncheck();
  await page.getByRole("button", { name: "บันทึกการตั้งค่า" }).click();
  await expect(page.getByTestId("saved-notice")).toContainText("บันทึกการตั้งค่าแล้ว");
  await expect(page.getByTestId("saved-notice")).toContainText("ปิด");
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "ส่งการแจ้งเตือนทางอีเมล" })).not.toBeChecked();
  await expect(page.getByLabel("อีเมลสำหรับรับการแจ้งเตือน")).toHaveValue("head.wangthonglang@example.go.th");
  const settings = await (await page.request.get("/api/v1/notifications/settings")).json();
  expect(settings).toEqual({ email: "head.wangthonglang@example.go.th", language: "th", emailReminders: false });
  // the read one stays read after the reload
  await expect(page.getByRole("link", { name: bellName(before.unread - 1), exact: true })).toBeVisible();

  // no serious accessibility violations on the page
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // in English: the bell's name, and the date in the Common era
  await page.getByLabel("ภาษา", { exact: true }).selectOption("en");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Notifications");
  const ceDate = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${reminder.createdAt.slice(0, 10)}T00:00:00Z`));
  await expect(page.getByTestId("notification").filter({ hasText: reminder.subject }).locator("time")).toHaveText(
    ceDate,
  );
  const left = before.unread - 1;
  await expect(
    page.getByRole("link", { name: left > 0 ? `Notifications (unread ${left})` : "Notifications", exact: true }),
  ).toBeVisible();
});
