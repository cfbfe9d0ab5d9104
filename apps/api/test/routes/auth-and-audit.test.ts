import type { AuditEvent } from "@cpm/schema";
import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "../../src/auth/actor";
import { sha256 } from "../../src/auth/tokens";
import { demoPassword } from "../../src/db/seed/users";
import { clientFor, signIn, useTestApp } from "../helper";

const REF = "/api/v1/projects/50450000-3247";
const SYSTEM = { actor: ANONYMOUS, requestId: "test" };

describe("sign-in, sessions and CSRF", () => {
  const ctx = useTestApp();

  it("sets a secure-by-default httpOnly SameSite session cookie and never stores the password", async () => {
    const wrong = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { username: "admin", password: "nope-nope-nope" },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.cookies).toHaveLength(0);
    const unknown = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { username: "ghost", password: "whatever-123" },
    });
    expect(unknown.statusCode).toBe(401);
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      headers: { "x-forwarded-proto": "https" },
      payload: { username: "officer.wangthonglang", password: demoPassword("officer.wangthonglang") },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies[0];
    expect(cookie).toMatchObject({ name: "cpm_session", httpOnly: true, sameSite: "Lax", path: "/" });
    expect(res.json()).toMatchObject({
      user: { username: "officer.wangthonglang", role: "officer", unitCode: "50450000" },
      csrfToken: expect.any(String),
    });
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { username: "officer.wangthonglang" } });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain(demoPassword("officer.wangthonglang"));
    const session = await ctx.db.prisma.session.findFirstOrThrow({ where: { userId: user.id } });
    expect(session.id).toBe(sha256(cookie?.value ?? ""));
  });

  it("no longer accepts an expired session, and sweeps expired sessions at the next sign-in", async () => {
    const headers = await signIn(ctx.app, "executive");
    const user = await ctx.db.prisma.user.findUniqueOrThrow({ where: { username: "executive" } });
    await ctx.db.prisma.session.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/auth/session", headers })).statusCode).toBe(401);
    await signIn(ctx.app, "admin");
    expect(await ctx.db.prisma.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses a signed-in write without the CSRF token", async () => {
    const headers = await signIn(ctx.app, "officer.wangthonglang");
    const etag = (await ctx.app.inject({ method: "GET", url: REF })).headers.etag as string;
    const res = await ctx.app.inject({
      method: "PATCH",
      url: REF,
      headers: { cookie: headers.cookie as string, "if-match": etag },
      payload: { targets: "x" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toContain("x-csrf-token");
  });

  it("signs out one session, or every session of the user", async () => {
    const a = await signIn(ctx.app, "executive");
    const b = await signIn(ctx.app, "executive");
    const c = await signIn(ctx.app, "executive");
    const session = (h: Record<string, string>) =>
      ctx.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: h });
    expect((await session(a)).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: "POST", url: "/api/v1/auth/sign-out", headers: a })).statusCode).toBe(204);
    expect((await session(a)).statusCode).toBe(401);
    expect((await session(b)).statusCode).toBe(200);
    expect(
      (await ctx.app.inject({ method: "POST", url: "/api/v1/auth/sign-out?everywhere=true", headers: b })).statusCode,
    ).toBe(204);
    expect((await session(b)).statusCode).toBe(401);
    expect((await session(c)).statusCode).toBe(401);
  });

  it("signs a user out everywhere when an admin disables them", async () => {
    const admin = clientFor(ctx.app, () => adminHeaders);
    const adminHeaders = await signIn(ctx.app, "admin");
    const evaluator = await signIn(ctx.app, "evaluator");
    expect((await admin("PATCH", "/api/v1/users/evaluator", { disabled: true })).statusCode).toBe(200);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/auth/session", headers: evaluator })).statusCode).toBe(
      401,
    );
    const again = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { username: "evaluator", password: demoPassword("evaluator") },
    });
    expect(again.statusCode).toBe(401);
    expect((await admin("PATCH", "/api/v1/users/evaluator", { disabled: false })).statusCode).toBe(200);
  });
});

describe("API keys", () => {
  const ctx = useTestApp();
  let admin: ReturnType<typeof clientFor>;
  beforeAll(async () => {
    const headers = await signIn(ctx.app, "admin");
    admin = clientFor(ctx.app, () => headers);
  });

  it("shows a key once, stores only its hash, and stops it when revoked", async () => {
    const created = await admin("POST", "/api/v1/api-keys", {
      name: "ระบบงบประมาณ",
      scope: "write",
      unitCodes: ["50450000"],
    });
    expect(created.statusCode).toBe(201);
    const { key, id } = created.json();
    expect(key).toMatch(/^cpm_/);
    const list = await admin("GET", "/api/v1/api-keys");
    expect(list.body).not.toContain(key);
    expect(list.json().items[0]).toMatchObject({
      name: "ระบบงบประมาณ",
      prefix: key.slice(0, 12),
      unitCodes: ["50450000"],
    });
    const row = await ctx.db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.keyHash).toBe(sha256(key));

    const bearer = { authorization: `Bearer ${key}` };
    const asKey = clientFor(ctx.app, () => bearer);
    expect((await asKey("PATCH", REF, { targets: "จากระบบงบประมาณ" })).statusCode).toBe(200);
    expect((await admin("DELETE", `/api/v1/api-keys/${id}`)).json().revokedAt).not.toBeNull();
    expect((await asKey("GET", REF)).statusCode).toBe(401);
    expect((await asKey("PATCH", REF, { targets: "หลังยกเลิก" })).statusCode).toBe(401);
    expect(
      (await ctx.app.inject({ method: "GET", url: REF, headers: { authorization: "Bearer cpm_madeup" } })).statusCode,
    ).toBe(401);
    const history = (await admin("GET", `${REF}/history`)).json().items as AuditEvent[];
    expect(history[0]).toMatchObject({
      actor: "API key: ระบบงบประมาณ",
      action: "project.update",
      after: { targets: "จากระบบงบประมาณ" },
    });
  });

  it("requires units for a write key", async () => {
    const res = await admin("POST", "/api/v1/api-keys", { name: "x", scope: "write" });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ path: "unitCodes", code: "writeKeyNeedsUnits" });
  });
});

describe("public reading and personal details", () => {
  const ctx = useTestApp();

  it("lets anonymous citizens read projects and dashboards, without phone numbers or history", async () => {
    const admin = await signIn(ctx.app, "admin");
    // the phone has its own field; typed into the name it is refused (it could not be hidden there)
    const inName = await clientFor(ctx.app, () => admin)("PATCH", REF, {
      responsibleOfficer: "นางอรวรรณ ขุมบางลี่ โทร. 02-514-1234 ต่อ 5501",
    });
    expect(inName.statusCode).toBe(400);
    expect(inName.json().errors[0]).toMatchObject({ path: "responsibleOfficer", code: "phoneInText" });
    const saved = await clientFor(ctx.app, () => admin)("PATCH", REF, {
      responsibleOfficer: "นางอรวรรณ ขุมบางลี่",
      responsibleOfficerPhone: "02-514-1234 ต่อ 5501",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const anonymous = await ctx.app.inject({ method: "GET", url: REF });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json().responsibleOfficer).toBe("นางอรวรรณ ขุมบางลี่");
    expect(anonymous.json().responsibleOfficerPhone).toBeNull();
    expect(anonymous.body).not.toContain("514");
    const list = await ctx.app.inject({ method: "GET", url: "/api/v1/projects?q=3247" });
    expect(list.json().items[0].responsibleOfficer).toBe("นางอรวรรณ ขุมบางลี่");
    expect(list.body).not.toContain("514");
    const signedIn = await ctx.app.inject({ method: "GET", url: REF, headers: admin });
    expect(signedIn.json().responsibleOfficerPhone).toBe("02-514-1234 ต่อ 5501");
    expect((await ctx.app.inject({ method: "GET", url: `${REF}/history` })).statusCode).toBe(401);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/users" })).statusCode).toBe(401);
    const asOfficer = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/users",
      headers: await signIn(ctx.app, "officer.finance"),
    });
    expect(asOfficer.statusCode).toBe(403);
  });
});

describe("with public reading turned off", () => {
  const ctx = useTestApp({ env: { PUBLIC_READ: "false" } });

  it("asks anonymous readers to sign in", async () => {
    for (const url of [
      REF,
      "/api/v1/projects",
      "/api/v1/dashboard?fiscalYear=2564",
      "/api/v1/units",
      "/api/v1/indicators",
    ]) {
      const res = await ctx.app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().message.th).toContain("เข้าสู่ระบบ");
    }
    const executive = await signIn(ctx.app, "executive");
    expect((await ctx.app.inject({ method: "GET", url: REF, headers: executive })).statusCode).toBe(200);
  });
});

describe("no lost updates, and the audit trail", () => {
  const ctx = useTestApp();

  it("gives the second of two editors 412, keeps the first edit, and records both users' changes", async () => {
    const officer = await signIn(ctx.app, "officer.wangthonglang");
    const admin = await signIn(ctx.app, "admin");
    const evaluator = await signIn(ctx.app, "evaluator");
    const read = await ctx.app.inject({ method: "GET", url: REF, headers: officer });
    const etag = read.headers.etag as string;

    const missing = await ctx.app.inject({
      method: "PATCH",
      url: REF,
      headers: officer,
      payload: { targets: "ไม่มี If-Match" },
    });
    expect(missing.statusCode).toBe(428);

    const first = await ctx.app.inject({
      method: "PATCH",
      url: REF,
      headers: { ...officer, "if-match": etag },
      payload: { targets: "แก้โดยเจ้าหน้าที่" },
    });
    expect(first.statusCode).toBe(200);
    const second = await ctx.app.inject({
      method: "PATCH",
      url: REF,
      headers: { ...admin, "if-match": etag },
      payload: { targets: "แก้โดยผู้ดูแล" },
    });
    expect(second.statusCode).toBe(412);
    expect(second.json().currentVersion).toBe(first.json().version);
    expect((await ctx.app.inject({ method: "GET", url: REF })).json().targets).toBe("แก้โดยเจ้าหน้าที่");

    const asOfficer = clientFor(ctx.app, () => officer);
    const report = await asOfficer("POST", `${REF}/reports`, {
      reportDate: "2021-09-30",
      percent: 100,
      narrative: "ปิดโครงการ",
    });
    expect(report.statusCode).toBe(201);
    await asOfficer("PATCH", `${REF}/reports/${report.json().id}`, { problems: "ไม่มี" });
    await asOfficer("PUT", `${REF}/plan`, {
      steps: [{ name: "ขั้นเดียว", weight: 100, plannedStart: "2020-10-01", plannedEnd: "2021-09-30" }],
    });
    await clientFor(ctx.app, () => evaluator)("PUT", `${REF}/evaluations/2`, { score: 95 });
    await asOfficer("DELETE", `${REF}/reports/${report.json().id}`);

    const history = (
      await ctx.app.inject({ method: "GET", url: `${REF}/history`, headers: await signIn(ctx.app, "executive") })
    ).json().items as AuditEvent[];
    expect(history.map((e) => [e.action, e.actor])).toEqual([
      ["report.delete", "เจ้าหน้าที่ เขตวังทองหลาง (officer.wangthonglang)"],
      ["evaluation.put", "ผู้ประเมิน สยป. (evaluator)"],
      ["plan.replace", "เจ้าหน้าที่ เขตวังทองหลาง (officer.wangthonglang)"],
      ["report.update", "เจ้าหน้าที่ เขตวังทองหลาง (officer.wangthonglang)"],
      ["report.create", "เจ้าหน้าที่ เขตวังทองหลาง (officer.wangthonglang)"],
      ["project.update", "เจ้าหน้าที่ เขตวังทองหลาง (officer.wangthonglang)"],
    ]);
    const update = history.at(-1);
    expect(update?.before).toEqual({ targets: read.json().targets });
    expect(update?.after).toEqual({ targets: "แก้โดยเจ้าหน้าที่" });
    const plan = history.find((e) => e.action === "plan.replace") as AuditEvent;
    expect((plan.before as { steps: unknown[] }).steps).toHaveLength(6);
    expect((plan.after as { steps: { weight: number }[] }).steps).toEqual([
      expect.objectContaining({ name: "ขั้นเดียว", weight: 100 }),
    ]);
    expect(history.find((e) => e.action === "evaluation.put")).toMatchObject({
      before: null,
      after: { quarter: 2, score: 95 },
    });
  });
});

describe("hardening", () => {
  const ctx = useTestApp({
    env: { CORS_ORIGINS: "https://opendata.example.go.th", SIGN_IN_PER_MINUTE: "3", RATE_LIMIT_PER_MINUTE: "40" },
  });

  it("sends security headers and allows CORS only for listed origins", async () => {
    const res = await ctx.app.inject({
      method: "GET",
      url: REF,
      headers: { origin: "https://opendata.example.go.th" },
    });
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
    expect(res.headers["access-control-allow-origin"]).toBe("https://opendata.example.go.th");
    const other = await ctx.app.inject({ method: "GET", url: REF, headers: { origin: "https://evil.example" } });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("rate-limits sign-in per address and requests per API key", async () => {
    const attempt = () =>
      ctx.app.inject({
        method: "POST",
        url: "/api/v1/auth/sign-in",
        payload: { username: "admin", password: "wrong-password" },
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);

    const keyA = (await ctx.app.auth.createApiKey({ name: "A", scope: "read", unitCodes: [] }, SYSTEM)).key;
    const keyB = (await ctx.app.auth.createApiKey({ name: "B", scope: "read", unitCodes: [] }, SYSTEM)).key;
    // with a credential: an anonymous write is refused (401) before its body is read
    const bodyLimit = await ctx.app.inject({
      method: "POST",
      url: `${REF}/reports`,
      payload: JSON.stringify({ reportDate: "2021-09-30", percent: 1, narrative: "ก".repeat(2_000_000) }),
      headers: { authorization: `Bearer ${keyB}`, "content-type": "application/json" },
    });
    expect(bodyLimit.statusCode).toBe(413);
    const get = (key: string) =>
      ctx.app.inject({ method: "GET", url: "/api/v1/units", headers: { authorization: `Bearer ${key}` } });
    const withA: number[] = [];
    for (let i = 0; i < 41; i++) withA.push((await get(keyA)).statusCode);
    expect(withA.slice(0, 40).every((status) => status === 200)).toBe(true);
    expect(withA[40]).toBe(429);
    expect((await get(keyB)).statusCode).toBe(200);
  });
});
