import type { ProjectDetail } from "@cpm/schema";
import { type BodyOf, endpoints } from "@cpm/schema/contract";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, callWithVersion } from "../../../lib/api-client";
import { projectQuery } from "./projects";

/**
 * After any write: the project keeps the version the write answered with (its ETag), so that the
 * next save sends it even before the refetch lands; the project, lists and dashboards refetch.
 */
function useAfterProjectWrite(code: string) {
  const queryClient = useQueryClient();
  return (version: number | null) => {
    if (version !== null) {
      queryClient.setQueryData(projectQuery(code).queryKey, (old: ProjectDetail | undefined) =>
        old ? { ...old, version } : old,
      );
    }
    void queryClient.invalidateQueries({ queryKey: ["project", code] });
    void queryClient.invalidateQueries({ queryKey: ["projects"] });
    void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
    void queryClient.invalidateQueries({ queryKey: ["evaluations"] });
  };
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.createProject>) => call(endpoints.createProject, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["projects"] });
      void queryClient.invalidateQueries({ queryKey: ["dashboard"] });
    },
  });
}

export function useUpdateProject(code: string) {
  const after = useAfterProjectWrite(code);
  return useMutation({
    mutationFn: ({ patch, version }: { patch: BodyOf<typeof endpoints.updateProject>; version: number }) =>
      callWithVersion(endpoints.updateProject, { params: { code }, body: patch, ifMatch: version }),
    onSuccess: ({ version }) => after(version),
  });
}

export function useReplacePlan(code: string) {
  const after = useAfterProjectWrite(code);
  return useMutation({
    mutationFn: ({ steps, version }: { steps: BodyOf<typeof endpoints.replacePlan>["steps"]; version: number }) =>
      callWithVersion(endpoints.replacePlan, { params: { code }, body: { steps }, ifMatch: version }),
    onSuccess: ({ version }) => after(version),
  });
}

export function useSetEvaluation(code: string) {
  const after = useAfterProjectWrite(code);
  return useMutation({
    mutationFn: ({
      quarter,
      input,
      version,
    }: {
      quarter: number;
      input: BodyOf<typeof endpoints.setEvaluation>;
      version: number;
    }) => callWithVersion(endpoints.setEvaluation, { params: { code, quarter }, body: input, ifMatch: version }),
    onSuccess: ({ version }) => after(version),
  });
}

/** A monthly report, sent with the project version the officer saw (If-Match). */
export function useAddReport(code: string) {
  const after = useAfterProjectWrite(code);
  return useMutation({
    mutationFn: ({ input, version }: { input: BodyOf<typeof endpoints.addReport>; version: number }) =>
      callWithVersion(endpoints.addReport, { params: { code }, body: input, ifMatch: version }),
    onSuccess: ({ version }) => after(version),
  });
}

/** Correct a report; the reason goes to the project's history. */
export function useCorrectReport(code: string) {
  const after = useAfterProjectWrite(code);
  return useMutation({
    mutationFn: ({
      id,
      patch,
      version,
    }: {
      id: number;
      patch: BodyOf<typeof endpoints.correctReport>;
      version: number;
    }) => callWithVersion(endpoints.correctReport, { params: { code, id }, body: patch, ifMatch: version }),
    onSuccess: ({ version }) => after(version),
  });
}

/** Withdraw a report (it stays in the database, no longer counted); the reason goes to the history. */
export function useWithdrawReport(code: string) {
  const after = useAfterProjectWrite(code);
  return useMutation({
    mutationFn: ({ id, reason, version }: { id: number; reason: string; version: number }) =>
      callWithVersion(endpoints.withdrawReport, { params: { code, id }, body: { reason }, ifMatch: version }),
    onSuccess: ({ version }) => after(version),
  });
}

/** A KPI of a new project, linked to it (the officer may write both). */
export function useCreateIndicator() {
  return useMutation({
    mutationFn: (body: BodyOf<typeof endpoints.createIndicator>) => call(endpoints.createIndicator, { body }),
  });
}
