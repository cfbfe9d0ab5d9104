import { endpoints } from "@cpm/schema/contract";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type CallArgs, call } from "../../../lib/api-client";

export const apiKeysQuery = queryOptions({ queryKey: ["api-keys"], queryFn: () => call(endpoints.apiKeys, {}) });
export const useApiKeys = () => useQuery(apiKeysQuery);

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CallArgs<typeof endpoints.createApiKey>["body"]) => call(endpoints.createApiKey, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQuery.queryKey }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(endpoints.revokeApiKey, { params: { id } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiKeysQuery.queryKey }),
  });
}
