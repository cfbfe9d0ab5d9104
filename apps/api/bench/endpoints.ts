// The benchmarked endpoints, the check that ours and the baseline answer the same content, and the
// report creation requests (authenticated with a write API key, each with its project's If-Match).
import { isDeepStrictEqual } from "node:util";
import { demoPassword } from "../src/db/seed/users";
import type { Fixture } from "./bench-db";
import type { LoadRequest, LoadTarget } from "./load";

export interface Endpoint {
  key: (typeof ENDPOINT_KEYS)[number];
  label: string;
  method: "GET" | "POST";
  path: string;
  /** What the baseline does for it. */
  baseline: string;
}

const DETAIL = "one prepared SQL statement that builds the whole JSON (json_build_object/json_agg)";
const LIST =
  "one prepared SQL statement: the page taken unit by unit in code order (the (unit_id, serial) index), the " +
  "figures of its 20 projects computed per project (LATERAL), the matching projects counted over the live rows";
const DASHBOARD =
  "one prepared SQL statement over the live data: every project of the subtree's fiscal year has its figures " +
  "computed per request (the rules of sql/project-metrics.ts, index lookups per project), summed per child unit and in total";
const WRITE =
  "one SQL statement = one transaction: INSERT the progress_report row and its audit_event row, RETURNING " +
  "the report's JSON (no authentication, no If-Match, no kept figures)";

/** The endpoints' keys, in the order they are measured. */
export const ENDPOINT_KEYS = [
  "detail",
  "list",
  "list-unit",
  "list-q",
  "unit-dashboard",
  "city-dashboard",
  "create-report",
] as const;

export const REPORT_PATH = "/api/v1/projects/:code/reports";

export function endpointsFor(fixture: Fixture): Endpoint[] {
  const fy = fixture.fiscalYear;
  const list = `/api/v1/projects?fiscalYear=${fy}`;
  return [
    {
      key: "detail",
      label: "project detail",
      method: "GET",
      path: `/api/v1/projects/${fixture.detailCode}`,
      baseline: DETAIL,
    },
    { key: "list", label: "list, page 1 of 20", method: "GET", path: list, baseline: LIST },
    {
      key: "list-unit",
      label: `list, unit ${fixture.district}`,
      method: "GET",
      path: `${list}&unit=${fixture.district}`,
      baseline: LIST,
    },
    {
      key: "list-q",
      label: `list, q=${fixture.q}`,
      method: "GET",
      path: `${list}&q=${encodeURIComponent(fixture.q)}`,
      baseline: LIST,
    },
    {
      key: "unit-dashboard",
      label: `unit dashboard ${fixture.district}`,
      method: "GET",
      path: `/api/v1/units/${fixture.district}/dashboard?fiscalYear=${fy}`,
      baseline: DASHBOARD,
    },
    {
      key: "city-dashboard",
      label: "city dashboard",
      method: "GET",
      path: `/api/v1/dashboard?fiscalYear=${fy}`,
      baseline: DASHBOARD,
    },
    { key: "create-report", label: "create report", method: "POST", path: REPORT_PATH, baseline: WRITE },
  ];
}

/** The first place where two JSON values differ, e.g. `/items/3/progress: 12.5 ≠ 12`. */
export function firstDifference(a: unknown, b: unknown, at = ""): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  const show = (value: unknown) => (JSON.stringify(value) ?? "undefined").slice(0, 120);
  if (
    typeof a !== "object" ||
    typeof b !== "object" ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return `${at || "/"}: ${show(a)} ≠ ${show(b)}`;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length !== b.length) {
    return `${at || "/"}: ${a.length} items ≠ ${b.length} items`;
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const difference = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      `${at}/${key}`,
    );
    if (difference) return difference;
  }
  return `${at || "/"}: differs`;
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

/** null when ours and the baseline answer the same status and deep-equal JSON, else what differs. */
export async function compareGet(ours: string, baseline: string, path: string): Promise<string | null> {
  const [a, b] = await Promise.all([getJson(`${ours}${path}`), getJson(`${baseline}${path}`)]);
  if (a.status !== 200 || b.status !== 200) return `status ${a.status} (ours) and ${b.status} (baseline)`;
  return firstDifference(a.body, b.body);
}

/** An API key that may write the given units' projects, created by the demo admin through the API. */
export async function createWriteKey(ours: string, unitCodes: string[]): Promise<string> {
  const signIn = await fetch(`${ours}/api/v1/auth/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: demoPassword("admin") }),
  });
  if (!signIn.ok) throw new Error(`sign-in as the demo admin failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.getSetCookie().find((c) => c.startsWith("cpm_session=")) ?? "").split(";")[0];
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const created = await fetch(`${ours}/api/v1/api-keys`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie: cookie ?? "", "x-csrf-token": csrfToken },
    body: JSON.stringify({ name: `bench ${new Date().toISOString()}`, scope: "write", unitCodes }),
  });
  if (created.status !== 201) throw new Error(`creating an API key failed: ${created.status} ${await created.text()}`);
  return ((await created.json()) as { key: string }).key;
}

/** The current version (ETag) of every project of the units' fiscal year, from our list endpoint. */
export async function projectVersions(ours: string, fiscalYear: number, unitCodes: string[]) {
  const versions = new Map<string, number>();
  for (const unit of unitCodes) {
    for (let page = 1; ; page++) {
      const res = await fetch(
        `${ours}/api/v1/projects?fiscalYear=${fiscalYear}&unit=${unit}&pageSize=200&page=${page}`,
      );
      if (!res.ok) throw new Error(`listing the projects of ${unit} failed: ${res.status}`);
      const body = (await res.json()) as { items: { code: string; version: number }[]; total: number };
      for (const item of body.items) versions.set(item.code, item.version);
      if (page * 200 >= body.total) break;
    }
  }
  return versions;
}

/**
 * The versions once they stop changing: the end of a load run aborts its requests, but the server
 * still completes the writes it has started, and a request may have been prepared (its version
 * counted) and never sent. Each run of report creation starts from these.
 */
export async function settledVersions(ours: string, fiscalYear: number, unitCodes: string[]) {
  let previous = await projectVersions(ours, fiscalYear, unitCodes);
  for (let attempt = 0; attempt < 40; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const current = await projectVersions(ours, fiscalYear, unitCodes);
    if (isDeepStrictEqual(current, previous)) return current;
    previous = current;
  }
  return previous;
}

export interface ReportWrites {
  /** The body of the n-th report. */
  body(n: number): Record<string, unknown>;
  /** The autocannon requests: the next project in turn, each with its current version as If-Match. */
  requests(auth: Record<string, string>, versions: Map<string, number> | null): LoadRequest[];
}

export function reportWrites(codes: string[], today: string): ReportWrites {
  let next = 0;
  const body = (n: number) => ({
    reportDate: today,
    percent: 5 + (n % 20) * 5,
    narrative: "ดำเนินการตามแผนงานที่กำหนด (bench)",
    problems: "",
    obstacles: "",
  });
  return {
    body,
    requests(auth, versions) {
      return [
        {
          method: "POST",
          setupRequest(request, context) {
            const n = next++;
            const code = codes[n % codes.length] as string;
            const version = versions?.get(code);
            // optimistic: the version this write will leave, so that the next one in turn sends it
            if (versions && version !== undefined) versions.set(code, version + 1);
            (context as { code?: string }).code = code;
            return {
              ...request,
              path: REPORT_PATH.replace(":code", code),
              headers: {
                "content-type": "application/json",
                ...auth,
                ...(version === undefined ? {} : { "if-match": `"${version}"` }),
              },
              body: JSON.stringify(body(n)),
            };
          },
          onResponse(status, responseBody, context) {
            // a stale version (a write that failed): take the current one from the 412
            if (status !== 412 || !versions) return;
            const code = (context as { code?: string }).code;
            try {
              const current = (JSON.parse(responseBody) as { currentVersion?: number }).currentVersion;
              if (code && typeof current === "number") versions.set(code, current);
            } catch {
              // not JSON: leave it
            }
          },
        },
      ];
    },
  };
}

/** The load of an endpoint on one server; report creation goes through `writes`. */
export function loadTarget(
  endpoint: Endpoint,
  url: string,
  writes: {
    reports: ReportWrites;
    auth: Record<string, string>;
    versions: Map<string, number> | null;
    /** Before each run (warm-up, measurement): bring `versions` up to date. */
    prepare?: () => Promise<void>;
  },
): LoadTarget {
  if (endpoint.method === "GET") return { url, method: "GET", path: endpoint.path };
  const requests = writes.reports.requests(writes.auth, writes.versions);
  return { url, method: "POST", path: "/", requests, prepare: writes.prepare };
}

/** Post one identical report through ours and the baseline (to the same project) and compare the answers. */
export async function compareReportCreation(
  ours: string,
  baseline: string,
  code: string,
  today: string,
  auth: Record<string, string>,
  versions: Map<string, number>,
): Promise<string | null> {
  // 100 % cannot drop below the report before it, whichever of the two is posted first
  const body = JSON.stringify({
    reportDate: today,
    percent: 100,
    narrative: "bench check",
    problems: "",
    obstacles: "",
  });
  const post = async (url: string, headers: Record<string, string>) => {
    const res = await fetch(`${url}${REPORT_PATH.replace(":code", code)}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body,
    });
    const text = await res.text();
    return {
      status: res.status,
      body: (res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text) as unknown,
    };
  };
  const version = versions.get(code);
  const a = await post(ours, { ...auth, ...(version === undefined ? {} : { "if-match": `"${version}"` }) });
  if (a.status === 201 && version !== undefined) versions.set(code, version + 1);
  const b = await post(baseline, {});
  if (a.status !== 201 || b.status !== 201) {
    return `status ${a.status} (ours) and ${b.status} (baseline): ${JSON.stringify(a.body).slice(0, 200)}`;
  }
  const comparable = (report: unknown) => {
    const { id: _id, createdAt: _createdAt, ...rest } = report as Record<string, unknown>;
    return rest;
  };
  return firstDifference(comparable(a.body), comparable(b.body));
}
