import { queryOptions, useQuery } from "@tanstack/react-query";
import { call } from "../../../lib/api-client";
import { monitoringEndpoints } from "./endpoints";

/** What the current user may do with a project this month (the server's today), as the API decides. */
export const projectActionsQuery = (code: string, viewer: string) =>
  queryOptions({
    // the answer is the viewer's: read again when someone else signs in
    queryKey: ["project-actions", code, viewer],
    queryFn: () => call(monitoringEndpoints.projectActions, { params: { code }, query: {} }),
  });

export const useProjectActions = (code: string, viewer: string) => useQuery(projectActionsQuery(code, viewer));
