import { queryOptions, useQuery } from "@tanstack/react-query";
import { call } from "../../../lib/api-client";
import { monitoringEndpoints } from "./endpoints";

/** The project's plan versions; `version` (the project's) is in the key so that a plan change reads them again. */
export const planVersionsQuery = (code: string, version: number) =>
  queryOptions({
    queryKey: ["plan-versions", code, version],
    queryFn: () => call(monitoringEndpoints.planVersions, { params: { code } }),
  });

export const usePlanVersions = (code: string, version: number) => useQuery(planVersionsQuery(code, version));
