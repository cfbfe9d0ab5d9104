import type { IndicatorQuarterInput } from "@cpm/schema";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";

/** One quarter's KPI result (officers) and scores 2.1 / 2.2 (evaluators), with the indicator's version. */
export function useSetIndicatorQuarter(projectCode: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      code,
      quarter,
      input,
      version,
    }: {
      code: string;
      quarter: number;
      input: IndicatorQuarterInput;
      version: number;
    }) => api(`/indicators/${code}/quarters/${quarter}`, { method: "PUT", body: input, ifMatch: version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["project", projectCode] });
      void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
    },
  });
}
