import type * as s from "@cpm/schema";
import type { Endpoint } from "@cpm/schema/contract";
import type { z } from "zod";

type In<S extends z.ZodType> = z.input<S>;
type Out<S extends z.ZodType> = z.output<S>;
type UnitMonth = { unitCode: string; month: string };

const route = <Params, Query, Body, Response>(
  method: Endpoint<Params, Query, Body, Response>["method"],
  path: (params: Params) => string,
): Endpoint<Params, Query, Body, Response> => ({ method, path });

const transition = (name: "submit" | "approve" | "return" | "reopen") =>
  route<UnitMonth, undefined, In<typeof s.monthTransitionInput> | undefined, Out<typeof s.reportingMonth>>(
    "POST",
    (p) => `/units/${p.unitCode}/months/${p.month}/${name}`,
  );

/** The monitoring cycle's routes (reporting months, project actions, reporting rates), typed by their zod schemas. */
export const monitoringEndpoints = {
  reportingMonth: route<UnitMonth, undefined, undefined, Out<typeof s.reportingMonth>>(
    "GET",
    (p) => `/units/${p.unitCode}/months/${p.month}`,
  ),
  submitMonth: transition("submit"),
  approveMonth: transition("approve"),
  returnMonth: transition("return"),
  reopenMonth: transition("reopen"),
  projectActions: route<{ code: string }, { month?: string }, undefined, Out<typeof s.projectActions>>(
    "GET",
    (p) => `/projects/${p.code}/actions`,
  ),
  planVersions: route<{ code: string }, undefined, undefined, Out<typeof s.planVersions>>(
    "GET",
    (p) => `/projects/${p.code}/plan-versions`,
  ),
  projectChecks: route<{ code: string }, undefined, undefined, Out<typeof s.projectCheckList>>(
    "GET",
    (p) => `/projects/${p.code}/checks`,
  ),
  explainCheck: route<
    { code: string; key: string },
    undefined,
    In<typeof s.checkExplanationInput>,
    Out<typeof s.projectCheckList>
  >("PUT", (p) => `/projects/${p.code}/checks/${encodeURIComponent(p.key)}/explanation`),
  checkCounts: route<undefined, In<typeof s.checkCountsQuery>, undefined, Out<typeof s.checkCounts>>(
    "GET",
    () => "/dashboard/checks",
  ),
  reportingRates: route<undefined, In<typeof s.reportingRatesQuery>, undefined, Out<typeof s.reportingRatesAnswer>>(
    "GET",
    () => "/dashboard/reporting-rates",
  ),
};
