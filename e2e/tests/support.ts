import type { APIRequestContext, Page } from "@playwright/test";

export const SCREENSHOTS = new URL("../../artifacts/screenshots/", import.meta.url).pathname;

export const demoPassword = (username: string) => `demo-${username}-2570`;

export async function signIn(page: Page, username: string) {
  await page.goto("/sign-in");
  await page.getByLabel(/ชื่อผู้ใช้|User name/).fill(username);
  await page.getByLabel(/รหัสผ่าน|Password/).fill(demoPassword(username));
  await page.getByRole("button", { name: /เข้าสู่ระบบ|Sign in/ }).click();
  // each role lands where its day starts (an officer on the unit's projects, an evaluator on the queue…)
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** An API client signed in as a demo user, for changes made "by someone else". */
export async function apiAs(request: APIRequestContext, username: string) {
  const res = await request.post("/api/v1/auth/sign-in", { data: { username, password: demoPassword(username) } });
  const { csrfToken } = await res.json();
  return { csrfToken };
}
