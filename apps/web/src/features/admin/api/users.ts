import { endpoints } from "@cpm/schema/contract";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type CallArgs, call } from "../../../lib/api-client";

export const usersQuery = queryOptions({ queryKey: ["users"], queryFn: () => call(endpoints.users, {}) });
export const useUsers = () => useQuery(usersQuery);

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CallArgs<typeof endpoints.createUser>["body"]) => call(endpoints.createUser, { body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, patch }: { username: string; patch: CallArgs<typeof endpoints.updateUser>["body"] }) =>
      call(endpoints.updateUser, { params: { username }, body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
  });
}
