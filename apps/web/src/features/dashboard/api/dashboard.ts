import type { Dashboard } from "@cpm/schema";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, searchParams } from "../../../lib/api-client";

export const dashboardQuery = (
  unitCode: string | undefined,
  fiscalYear: number | undefined,
  quarter: number | undefined,
) =>
  queryOptions({
    queryKey: ["dashboard", unitCode ?? "city", fiscalYear, quarter],
    queryFn: () =>
      api<Dashboard>(
        `${unitCode ? `/units/${unitCode}/dashboard` : "/dashboard"}${searchParams({ fiscalYear, quarter })}`,
      ),
    enabled: fiscalYear !== undefined,
    placeholderData: keepPreviousData,
  });

export const useDashboard = (
  unitCode: string | undefined,
  fiscalYear: number | undefined,
  quarter: number | undefined,
) => useQuery(dashboardQuery(unitCode, fiscalYear, quarter));
