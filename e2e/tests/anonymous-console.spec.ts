import { expect, test } from "@playwright/test";

// Issue 8, item 15: an anonymous visit asked for the session on every page and the browser logged
// "Failed to load resource: … 401 (Unauthorized)" each time.
test("an anonymous visit logs no error in the browser console, gets no 4xx and breaks no Content-Security-Policy on any page", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning")
      errors.push(`${message.type()}: ${message.text()} ${message.location().url}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  const refused: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) refused.push(`${response.status()} ${response.url()}`);
  });
  // what the browser's DevTools list as issues: a refused eval (Content-Security-Policy) is one
  const cdp = await page.context().newCDPSession(page);
  const cspIssues: string[] = [];
  cdp.on("Audits.issueAdded", ({ issue }) => {
    if (issue.code === "ContentSecurityPolicyIssue") cspIssues.push(JSON.stringify(issue.details));
  });
  await cdp.send("Audits.enable");
  let sessionAsked = 0;
  page.on("request", (request) => {
    if (request.url().includes("/api/v1/auth/session")) sessionAsked++;
  });

  await page.goto("/dashboard?fiscalYear=2564");
  await expect(page.getByTestId("units-table")).toBeVisible();
  await page.goto("/projects?fiscalYear=2564");
  await expect(page.getByRole("link", { name: /เขตวังทองหลาง/ }).first()).toBeVisible();
  await page.goto("/projects/50450000-3247");
  await expect(page.getByTestId("project-progress")).toHaveText("100 %");
  await page.goto("/projects/50450000-3247/print");
  await expect(page.getByTestId("print-view")).toBeVisible();
  await page.goto("/sign-in");
  await expect(page.getByLabel("ชื่อผู้ใช้")).toBeVisible();

  expect(sessionAsked).toBeGreaterThan(0);
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
  expect(cspIssues).toEqual([]);
});
