import { endpoints } from "@cpm/schema/contract";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { call } from "../../../lib/api-client";

export const dashboardQuery = (
  unitCode: string | undefined,
  fiscalYear: number | undefined,
  quarter: number | undefined,
) =>
  queryOptions({
    queryKey: ["dashboard", unitCode ?? "city", fiscalYear, quarter],
    queryFn: () => {
      const query = { fiscalYear, quarter };
      return unitCode
        ? call(endpoints.unitDashboard, { params: { unitCode }, query })
        : call(endpoints.dashboard, { query });
    },
    enabled: fiscalYear !== undefined,
    placeholderData: keepPreviousData,
  });

export const useDashboard = (
  unitCode: string | undefined,
  fiscalYear: number | undefined,
  quarter: number | undefined,
) => useQuery(dashboardQuery(unitCode, fiscalYear, quarter));
