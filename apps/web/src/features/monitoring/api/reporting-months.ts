import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call } from "../../../lib/api-client";
import { monitoringEndpoints } from "./endpoints";

export const reportingMonthQuery = (unitCode: string, month: string) =>
  queryOptions({
    queryKey: ["reporting-month", unitCode, month],
    queryFn: () => call(monitoringEndpoints.reportingMonth, { params: { unitCode, month } }),
  });

export const useReportingMonth = (unitCode: string, month: string) => useQuery(reportingMonthQuery(unitCode, month));

export type MonthTransitionName = "submit" | "approve" | "return" | "reopen";

const ENDPOINTS = {
  submit: monitoringEndpoints.submitMonth,
  approve: monitoringEndpoints.approveMonth,
  return: monitoringEndpoints.returnMonth,
  reopen: monitoringEndpoints.reopenMonth,
} as const;

/** Move the month on; the month, the project's actions and the rates are read again. */
export function useMonthTransition(unitCode: string, month: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ transition, comment }: { transition: MonthTransitionName; comment?: string }) =>
      call(ENDPOINTS[transition], { params: { unitCode, month }, body: comment ? { comment } : undefined }),
    onSuccess: (data) => {
      queryClient.setQueryData(reportingMonthQuery(unitCode, month).queryKey, data);
      void queryClient.invalidateQueries({ queryKey: ["project-actions"] });
      void queryClient.invalidateQueries({ queryKey: ["reporting-rates"] });
    },
  });
}
