import type { AuditEvent } from "@cpm/schema";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";

export const historyQuery = (code: string) =>
  queryOptions({
    queryKey: ["project", code, "history"],
    queryFn: () => api<{ items: AuditEvent[] }>(`/projects/${code}/history`),
  });

export const useProjectHistory = (code: string, enabled: boolean) => useQuery({ ...historyQuery(code), enabled });
