import { expect, test } from "@playwright/test";
import { signIn } from "./support";

test("the built server: robots.txt, a meta description, cached hashed assets, compressed", async ({
  page,
  request,
}) => {
  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toContain("text/plain");
  expect(await robots.text()).toContain("Disallow: /api/");

  const index = await request.get("/", { headers: { "accept-encoding": "br, gzip" } });
  expect(index.headers()["cache-control"]).toBe("no-cache");
  await page.goto("/dashboard");
  await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /ติดตามความก้าวหน้าโครงการ/);

  const script = await page.locator('script[type="module"][src^="/assets/"]').first().getAttribute("src");
  expect(script).toBeTruthy();
  const asset = await request.get(script as string, { headers: { "accept-encoding": "br" } });
  expect(asset.status()).toBe(200);
  expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(asset.headers()["content-encoding"]).toBe("br");

  const health = await request.get("/health");
  expect(await health.json()).toEqual({ status: "ok" });
  expect((await request.get("/ready")).status()).toBe(200);
});

test("an admin imports units from a CSV file on the admin page: a bad file names its lines, nothing changes", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/admin/users");
  const form = page.getByRole("form", { name: "นำเข้าหน่วยงาน" });
  const upload = (name: string, text: string) =>
    form.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text, "utf8") });

  await upload("bad.csv", "code,name,parent,kind\n50459000,ฝ่ายใหม่,99999999,division\n5045,เขต,00000000,district\n");
  await form.getByRole("button", { name: "นำเข้าหน่วยงาน" }).click();
  const errors = page.getByTestId("units-import-errors");
  await expect(errors).toContainText("แถวที่ 2: ไม่พบหน่วยงานต้นสังกัด 99999999");
  await expect(errors).toContainText("แถวที่ 3: รหัสหน่วยงานต้องเป็นตัวเลข 8 หลัก");

  // the same unit again is left as it is
  await upload("units.csv", "\uFEFFcode,name,parent,kind\n50450000,สำนักงานเขตวังทองหลาง,00000000,district\n");
  await form.getByRole("button", { name: "นำเข้าหน่วยงาน" }).click();
  await expect(page.getByTestId("units-import-result")).toHaveText("เพิ่มแล้ว: ไม่มี · มีอยู่แล้ว: 50450000");
  const units = await page.request.get("/api/v1/units");
  expect(((await units.json()) as { items: { code: string }[] }).items.map((u) => u.code)).not.toContain("50459000");
});
