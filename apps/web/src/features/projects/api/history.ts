import { endpoints } from "@cpm/schema/contract";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { call } from "../../../lib/api-client";

export const historyQuery = (code: string) =>
  queryOptions({
    queryKey: ["project", code, "history"],
    queryFn: () => call(endpoints.projectHistory, { params: { code } }),
  });

export const useProjectHistory = (code: string, enabled: boolean) => useQuery({ ...historyQuery(code), enabled });
