import type { z } from "zod";
import type * as s from "./index";

/**
 * The API's routes as the web app calls them. Each one's types are the zod schemas its route
 * declares (`z.input` of what is sent, `z.output` of what comes back), so that a client can never
 * drift from the server. Only type imports: the web app's first load carries no zod for this.
 */
export interface Endpoint<Params, Query, Body, Response> {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: (params: Params) => string;
  /** Types only, never set: what the route takes and answers. */
  readonly types?: { query: Query; body: Body; response: Response };
}

type In<S extends z.ZodType> = z.input<S>;
type Out<S extends z.ZodType> = z.output<S>;
type Method = Endpoint<unknown, unknown, unknown, unknown>["method"];
type Code = { code: string };
type None = undefined;

const route = <Params = None, Query = None, Body = None, Response = None>(
  method: Method,
  path: (params: Params) => string,
): Endpoint<Params, Query, Body, Response> => ({ method, path });

export const endpoints = {
  session: route<None, { optional?: "true" }, None, Out<typeof s.session> | undefined>("GET", () => "/auth/session"),
  signIn: route<None, None, In<typeof s.signInInput>, Out<typeof s.session>>("POST", () => "/auth/sign-in"),
  signOut: route<None, { everywhere?: "true" }>("POST", () => "/auth/sign-out"),

  units: route<None, None, None, Out<typeof s.unitList>>("GET", () => "/units"),
  fiscalYears: route<None, None, None, Out<typeof s.fiscalYearList>>("GET", () => "/fiscal-years"),
  projectChoices: route<None, None, None, Out<typeof s.projectChoices>>("GET", () => "/project-choices"),
  dashboard: route<None, In<typeof s.dashboardQuery>, None, Out<typeof s.dashboard>>("GET", () => "/dashboard"),
  unitDashboard: route<{ unitCode: string }, In<typeof s.dashboardQuery>, None, Out<typeof s.dashboard>>(
    "GET",
    (p) => `/units/${p.unitCode}/dashboard`,
  ),
  pendingEvaluations: route<None, In<typeof s.pendingEvaluationsQuery>, None, Out<typeof s.pendingEvaluationPage>>(
    "GET",
    () => "/evaluations/pending",
  ),

  projects: route<None, In<typeof s.projectListQuery>, None, Out<typeof s.projectPage>>("GET", () => "/projects"),
  project: route<Code, None, None, Out<typeof s.projectDetail>>("GET", (p) => `/projects/${p.code}`),
  projectHistory: route<Code, None, None, Out<typeof s.projectHistory>>("GET", (p) => `/projects/${p.code}/history`),
  projectImportFlags: route<Code, None, None, Out<typeof s.importFlagList>>(
    "GET",
    (p) => `/projects/${p.code}/import-flags`,
  ),
  createProject: route<None, None, In<typeof s.projectCreate>, Out<typeof s.projectDetail>>("POST", () => "/projects"),
  updateProject: route<Code, None, In<typeof s.projectPatch>, Out<typeof s.projectDetail>>(
    "PATCH",
    (p) => `/projects/${p.code}`,
  ),
  replacePlan: route<Code, None, In<typeof s.planInput>, Out<typeof s.projectDetail>>(
    "PUT",
    (p) => `/projects/${p.code}/plan`,
  ),
  addReport: route<Code, None, In<typeof s.reportInput>, Out<typeof s.progressReport>>(
    "POST",
    (p) => `/projects/${p.code}/reports`,
  ),
  correctReport: route<Code & { id: number }, None, In<typeof s.reportPatch>, Out<typeof s.progressReport>>(
    "PATCH",
    (p) => `/projects/${p.code}/reports/${p.id}`,
  ),
  withdrawReport: route<Code & { id: number }, None, In<typeof s.reportWithdrawal>>(
    "DELETE",
    (p) => `/projects/${p.code}/reports/${p.id}`,
  ),
  setEvaluation: route<Code & { quarter: number }, None, In<typeof s.evaluationInput>, Out<typeof s.quarterEvaluation>>(
    "PUT",
    (p) => `/projects/${p.code}/evaluations/${p.quarter}`,
  ),
  createIndicator: route<None, None, In<typeof s.indicatorInput>, Out<typeof s.indicatorDetail>>(
    "POST",
    () => "/indicators",
  ),
  setIndicatorQuarter: route<
    Code & { quarter: number },
    None,
    In<typeof s.indicatorQuarterInput>,
    Out<typeof s.indicatorDetail>
  >("PUT", (p) => `/indicators/${p.code}/quarters/${p.quarter}`),

  notifications: route<None, None, None, Out<typeof s.notificationList>>("GET", () => "/notifications"),
  markNotificationRead: route<{ id: number }>("POST", (p) => `/notifications/${p.id}/read`),
  notificationSettings: route<None, None, None, Out<typeof s.notificationSettings>>(
    "GET",
    () => "/notifications/settings",
  ),
  updateNotificationSettings: route<
    None,
    None,
    In<typeof s.notificationSettingsPatch>,
    Out<typeof s.notificationSettings>
  >("PATCH", () => "/notifications/settings"),

  users: route<None, None, None, Out<typeof s.userList>>("GET", () => "/users"),
  createUser: route<None, None, In<typeof s.userCreate>, Out<typeof s.user>>("POST", () => "/users"),
  updateUser: route<{ username: string }, None, In<typeof s.userPatch>, Out<typeof s.user>>(
    "PATCH",
    (p) => `/users/${p.username}`,
  ),
  apiKeys: route<None, None, None, Out<typeof s.apiKeyList>>("GET", () => "/api-keys"),
  createApiKey: route<None, None, In<typeof s.apiKeyCreate>, Out<typeof s.apiKeyCreated>>("POST", () => "/api-keys"),
  revokeApiKey: route<{ id: number }, None, None, Out<typeof s.apiKey>>("DELETE", (p) => `/api-keys/${p.id}`),
  importUnits: route<None, None, In<typeof s.unitImportInput>, Out<typeof s.unitImportResult>>(
    "POST",
    () => "/units/import",
  ),
  addFiscalYears: route<None, None, In<typeof s.fiscalYearsInput>, Out<typeof s.fiscalYearsResult>>(
    "POST",
    () => "/fiscal-years",
  ),
} as const;

export type Endpoints = typeof endpoints;
type Parts<E> =
  E extends Endpoint<infer P, infer Q, infer B, infer R> ? { params: P; query: Q; body: B; response: R } : never;
export type ParamsOf<E> = Parts<E>["params"];
export type QueryOf<E> = Parts<E>["query"];
export type BodyOf<E> = Parts<E>["body"];
export type ResponseOf<E> = Parts<E>["response"];
