import type { ProgressReport, ReportInput } from "@cpm/schema";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";

/** A monthly report, sent with the project version the officer saw (If-Match). */
export function useAddReport(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: ReportInput; version: number }) =>
      api<ProgressReport>(`/projects/${code}/reports`, { method: "POST", body: input, ifMatch: version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["project", code] });
      void queryClient.invalidateQueries({ queryKey: ["projects"] });
    },
  });
}
