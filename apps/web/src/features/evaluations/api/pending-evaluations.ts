import { endpoints, type QueryOf } from "@cpm/schema/contract";
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { call } from "../../../lib/api-client";

export type PendingEvaluationsQuery = NonNullable<QueryOf<typeof endpoints.pendingEvaluations>>;

/** Projects of a fiscal year not yet scored for a quarter (the API's default: today's quarter). */
export const pendingEvaluationsQuery = (query: PendingEvaluationsQuery) =>
  queryOptions({
    queryKey: ["evaluations", "pending", query],
    queryFn: () => call(endpoints.pendingEvaluations, { query }),
    placeholderData: keepPreviousData,
  });

export const usePendingEvaluations = (query: PendingEvaluationsQuery) => useQuery(pendingEvaluationsQuery(query));
