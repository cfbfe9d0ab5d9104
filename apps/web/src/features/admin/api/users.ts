import type { User, UserCreate, UserPatch } from "@cpm/schema";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../../lib/api-client";

export const usersQuery = queryOptions({ queryKey: ["users"], queryFn: () => api<{ items: User[] }>("/users") });
export const useUsers = () => useQuery(usersQuery);

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<UserCreate>) => api<User>("/users", { method: "POST", body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ username, patch }: { username: string; patch: UserPatch }) =>
      api<User>(`/users/${username}`, { method: "PATCH", body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersQuery.queryKey }),
  });
}
