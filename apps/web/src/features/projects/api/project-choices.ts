import { endpoints } from "@cpm/schema/contract";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { call } from "../../../lib/api-client";

/** The policies (P-numbers) and strategy goals a project can be linked to. */
export const projectChoicesQuery = queryOptions({
  queryKey: ["project-choices"],
  queryFn: () => call(endpoints.projectChoices, {}),
  staleTime: 10 * 60_000,
});

export const useProjectChoices = () => useQuery(projectChoicesQuery);
