import { beforeAll, describe, expect, it } from "vitest";
import { clientFor, type Method, signIn, snapshotCounts, useTestApp } from "../helper";

type ActorName =
  | "anonymous"
  | "admin"
  | "officer (own unit)"
  | "officer (other unit)"
  | "evaluator"
  | "executive"
  | "read key"
  | "write key (own unit)"
  | "write key (other unit)";

const ACTORS: ActorName[] = [
  "anonymous",
  "admin",
  "officer (own unit)",
  "officer (other unit)",
  "evaluator",
  "executive",
  "read key",
  "write key (own unit)",
  "write key (other unit)",
];

const OWN_UNIT = "50450000";

const ACTOR_LABELS: Partial<Record<ActorName, string>> = {
  admin: "ผู้ดูแลระบบ (admin)",
  "officer (own unit)": "เจ้าหน้าที่ เขตวังทองหลาง (officer.wangthonglang)",
  evaluator: "ผู้ประเมิน สยป. (evaluator)",
  "write key (own unit)": "API key: district app",
}; // officer.wangthonglang's district

/** Who may: the expected outcome for each actor, by the kind of write. */
const UNIT_WRITERS: ActorName[] = ["admin", "officer (own unit)", "write key (own unit)"];
const EVALUATORS: ActorName[] = ["admin", "evaluator"];
const ADMINS: ActorName[] = ["admin"];

interface Fixture {
  project: string;
  reportId: number;
  indicator: string;
}

interface WriteCase {
  name: string;
  allowed: ActorName[];
  call: (f: Fixture) => { method: Method; url: string; body?: unknown };
  success: number;
}

let serial = 0;
const CASES: WriteCase[] = [
  {
    name: "POST /projects",
    allowed: UNIT_WRITERS,
    success: 201,
    call: () => ({
      method: "POST",
      url: "/api/v1/projects",
      body: { unitCode: OWN_UNIT, fiscalYear: 2570, name: "โครงการใหม่" },
    }),
  },
  {
    name: "PATCH /projects/{code}",
    allowed: UNIT_WRITERS,
    success: 200,
    call: (f) => ({ method: "PATCH", url: `/api/v1/projects/${f.project}`, body: { targets: "เป้าหมายใหม่" } }),
  },
  {
    name: "DELETE /projects/{code}",
    allowed: UNIT_WRITERS,
    success: 204,
    call: (f) => ({ method: "DELETE", url: `/api/v1/projects/${f.project}` }),
  },
  {
    name: "PUT /projects/{code}/plan",
    allowed: UNIT_WRITERS,
    success: 200,
    call: (f) => ({
      method: "PUT",
      url: `/api/v1/projects/${f.project}/plan`,
      body: { steps: [{ name: "ขั้นเดียว", weight: 100 }] },
    }),
  },
  {
    name: "POST /projects/{code}/reports",
    allowed: UNIT_WRITERS,
    success: 201,
    call: (f) => ({
      method: "POST",
      url: `/api/v1/projects/${f.project}/reports`,
      body: { reportDate: "2026-11-20", percent: 30 },
    }),
  },
  {
    name: "PATCH /projects/{code}/reports/{id}",
    allowed: UNIT_WRITERS,
    success: 200,
    call: (f) => ({
      method: "PATCH",
      url: `/api/v1/projects/${f.project}/reports/${f.reportId}`,
      body: { percent: 15 },
    }),
  },
  {
    name: "DELETE /projects/{code}/reports/{id}",
    allowed: UNIT_WRITERS,
    success: 204,
    call: (f) => ({ method: "DELETE", url: `/api/v1/projects/${f.project}/reports/${f.reportId}` }),
  },
  {
    name: "PUT /projects/{code}/evaluations/{quarter}",
    allowed: EVALUATORS,
    success: 200,
    call: (f) => ({ method: "PUT", url: `/api/v1/projects/${f.project}/evaluations/1`, body: { score: 80 } }),
  },
  {
    name: "POST /indicators",
    allowed: UNIT_WRITERS,
    success: 201,
    call: () => ({
      method: "POST",
      url: "/api/v1/indicators",
      body: {
        code: `M-${++serial}`,
        unitCode: OWN_UNIT,
        fiscalYear: 2570,
        name: "ตัวชี้วัด",
        measureUnit: "ร้อยละ",
        target: 80,
        type: "routine",
        resultLevel: "output",
      },
    }),
  },
  {
    name: "PATCH /indicators/{code}",
    allowed: UNIT_WRITERS,
    success: 200,
    call: (f) => ({ method: "PATCH", url: `/api/v1/indicators/${f.indicator}`, body: { target: 90 } }),
  },
  {
    name: "PUT /indicators/{code}/quarters/{q} (result)",
    allowed: UNIT_WRITERS,
    success: 200,
    call: (f) => ({ method: "PUT", url: `/api/v1/indicators/${f.indicator}/quarters/1`, body: { value: 40 } }),
  },
  {
    name: "PUT /indicators/{code}/quarters/{q} (scores 2.1/2.2)",
    allowed: EVALUATORS,
    success: 200,
    call: (f) => ({
      method: "PUT",
      url: `/api/v1/indicators/${f.indicator}/quarters/1`,
      body: { value: 10, score21: 90, score22: 80 },
    }),
  },
  {
    name: "POST /users",
    allowed: ADMINS,
    success: 201,
    call: () => ({
      method: "POST",
      url: "/api/v1/users",
      body: { username: `new.user${++serial}`, displayName: "ใหม่", password: "a-long-password", role: "executive" },
    }),
  },
  {
    name: "PATCH /users/{username}",
    allowed: ADMINS,
    success: 200,
    call: () => ({ method: "PATCH", url: "/api/v1/users/executive", body: { phone: "1" } }),
  },
  {
    name: "POST /api-keys",
    allowed: ADMINS,
    success: 201,
    call: () => ({ method: "POST", url: "/api/v1/api-keys", body: { name: "budget system", scope: "read" } }),
  },
];

describe("who may write what: every write route × every role × own and other unit", () => {
  const ctx = useTestApp();
  const auth = {} as Record<ActorName, Record<string, string>>;

  beforeAll(async () => {
    const admin = clientFor(ctx.app, () => auth.admin);
    auth.anonymous = {};
    auth.admin = await signIn(ctx.app, "admin");
    auth["officer (own unit)"] = await signIn(ctx.app, "officer.wangthonglang");
    auth["officer (other unit)"] = await signIn(ctx.app, "officer.finance");
    auth.evaluator = await signIn(ctx.app, "evaluator");
    auth.executive = await signIn(ctx.app, "executive");
    const key = async (body: object) => ({
      authorization: `Bearer ${(await admin("POST", "/api/v1/api-keys", body)).json().key}`,
    });
    auth["read key"] = await key({ name: "open data portal", scope: "read" });
    auth["write key (own unit)"] = await key({ name: "district app", scope: "write", unitCodes: [OWN_UNIT] });
    auth["write key (other unit)"] = await key({ name: "finance app", scope: "write", unitCodes: ["14000000"] });
  });

  /** A fresh project (with a report) and indicator in the officer's own unit, made by the admin. */
  async function fixture(): Promise<Fixture> {
    const admin = clientFor(ctx.app, () => auth.admin);
    const project = (
      await admin("POST", "/api/v1/projects", { unitCode: OWN_UNIT, fiscalYear: 2570, name: "โครงการทดสอบสิทธิ์" })
    ).json().code;
    const reportId = (
      await admin("POST", `/api/v1/projects/${project}/reports`, { reportDate: "2026-11-01", percent: 10 })
    ).json().id;
    const indicator = `F-${++serial}`;
    const created = await admin("POST", "/api/v1/indicators", {
      code: indicator,
      unitCode: OWN_UNIT,
      fiscalYear: 2570,
      name: "ตัวชี้วัดทดสอบ",
      measureUnit: "ร้อยละ",
      target: 80,
      type: "routine",
      resultLevel: "output",
      projectCodes: [project],
    });
    expect(created.statusCode, created.body).toBe(201);
    await admin("PUT", `/api/v1/indicators/${indicator}/quarters/1`, { value: 10 });
    return { project, reportId, indicator };
  }

  async function state(f: Fixture) {
    const get = async (url: string) => (await ctx.app.inject({ method: "GET", url, headers: auth.admin })).body;
    return {
      counts: await snapshotCounts(ctx.db),
      audit: await ctx.db.prisma.auditEvent.count(),
      users: await get("/api/v1/users"),
      // when a key was last used is a stamp of its use, written even when its request is refused
      keys: (await get("/api/v1/api-keys")).replace(/"lastUsedAt":("[^"]*"|null)/g, ""),
      project: await get(`/api/v1/projects/${f.project}`),
      indicator: await get(`/api/v1/indicators/${f.indicator}`),
    };
  }

  for (const write of CASES) {
    describe(write.name, () => {
      it.each(ACTORS)("as %s", async (actor) => {
        const f = await fixture();
        const before = await state(f);
        const { method, url, body } = write.call(f);
        const res = await clientFor(ctx.app, () => auth[actor])(method, url, body);
        if (write.allowed.includes(actor)) {
          expect(res.statusCode, res.body).toBe(write.success);
          // the change is in the audit trail, with who made it
          const event = await ctx.db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
          expect(event.actorLabel).toBe(ACTOR_LABELS[actor]);
          expect(await ctx.db.prisma.auditEvent.count()).toBe(before.audit + 1);
        } else {
          expect(res.statusCode, res.body).toBe(actor === "anonymous" ? 401 : 403);
          expect(res.headers["content-type"]).toContain("application/problem+json");
          expect(await state(f)).toEqual(before);
        }
      });
    });
  }
});
