import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { call } from "../../../lib/api-client";
import { monitoringEndpoints } from "./endpoints";

/** `version` (the project's) is in the key: a write to the project reads its warnings again. */
export const projectChecksQuery = (code: string, version: number) =>
  queryOptions({
    queryKey: ["project-checks", code, version],
    queryFn: () => call(monitoringEndpoints.projectChecks, { params: { code } }),
  });

export const useProjectChecks = (code: string, version: number) => useQuery(projectChecksQuery(code, version));

export function useExplainCheck(code: string, version: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ key, text }: { key: string; text: string }) =>
      call(monitoringEndpoints.explainCheck, { params: { code, key }, body: { text } }),
    onSuccess: (data) => queryClient.setQueryData(projectChecksQuery(code, version).queryKey, data),
  });
}

export const checkCountsQuery = (unit: string | undefined, fiscalYear: number) =>
  queryOptions({
    queryKey: ["check-counts", unit ?? "city", fiscalYear],
    queryFn: () => call(monitoringEndpoints.checkCounts, { query: { unit, fiscalYear } }),
  });

export const useCheckCounts = (unit: string | undefined, fiscalYear: number) =>
  useQuery(checkCountsQuery(unit, fiscalYear));
