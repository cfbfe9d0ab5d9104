import type { EvaluationInput, PlanStepInput, ProjectCreate, ProjectDetail, ProjectPatch } from "@cpm/schema";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";

/** After any write: the project, the lists and the dashboards show the new figures. */
function useInvalidateProject(code: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ["project", code] });
    void queryClient.invalidateQueries({ queryKey: ["projects"] });
    void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
  };
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ProjectCreate>) => api<ProjectDetail>("/projects", { method: "POST", body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["projects"] });
      void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
    },
  });
}

export function useUpdateProject(code: string) {
  const invalidate = useInvalidateProject(code);
  return useMutation({
    mutationFn: ({ patch, version }: { patch: ProjectPatch; version: number }) =>
      api<ProjectDetail>(`/projects/${code}`, { method: "PATCH", body: patch, ifMatch: version }),
    onSuccess: invalidate,
  });
}

export function useReplacePlan(code: string) {
  const invalidate = useInvalidateProject(code);
  return useMutation({
    mutationFn: ({ steps, version }: { steps: PlanStepInput[]; version: number }) =>
      api<ProjectDetail>(`/projects/${code}/plan`, { method: "PUT", body: { steps }, ifMatch: version }),
    onSuccess: invalidate,
  });
}

export function useSetEvaluation(code: string) {
  const invalidate = useInvalidateProject(code);
  return useMutation({
    mutationFn: ({ quarter, input, version }: { quarter: number; input: EvaluationInput; version: number }) =>
      api(`/projects/${code}/evaluations/${quarter}`, { method: "PUT", body: input, ifMatch: version }),
    onSuccess: invalidate,
  });
}
