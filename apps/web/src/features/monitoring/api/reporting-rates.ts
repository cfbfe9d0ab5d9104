import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { call } from "../../../lib/api-client";
import { monitoringEndpoints } from "./endpoints";

export const reportingRatesQuery = (unit: string | undefined, month: string | undefined) =>
  queryOptions({
    queryKey: ["reporting-rates", unit ?? "city", month ?? "now"],
    queryFn: () => call(monitoringEndpoints.reportingRates, { query: { unit, month } }),
    placeholderData: keepPreviousData,
  });

export const useReportingRates = (unit: string | undefined, month: string | undefined) =>
  useQuery(reportingRatesQuery(unit, month));
