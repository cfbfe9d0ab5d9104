import type { ProjectDetail } from "@cpm/schema";
import { type BodyOf, endpoints } from "@cpm/schema/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { callWithVersion } from "../../../lib/api-client";
import { projectQuery } from "./projects";

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
      input: BodyOf<typeof endpoints.setIndicatorQuarter>;
      version: number;
    }) => callWithVersion(endpoints.setIndicatorQuarter, { params: { code, quarter }, body: input, ifMatch: version }),
    onSuccess: ({ data, version }) => {
      // the indicator's new version (its ETag) is the one the next save sends
      queryClient.setQueryData(projectQuery(projectCode).queryKey, (old: ProjectDetail | undefined) =>
        old
          ? {
              ...old,
              indicators: old.indicators.map((kpi) =>
                kpi.code === data.code ? { ...kpi, version: version ?? data.version } : kpi,
              ),
            }
          : old,
      );
      void queryClient.invalidateQueries({ queryKey: ["project", projectCode] });
      void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
    },
  });
}
