import type { Session } from "@cpm/schema";
import { endpoints } from "@cpm/schema/contract";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, call, setCsrfToken } from "../../../lib/api-client";

/** The signed-in user, or null for an anonymous visitor. */
export const sessionQuery = queryOptions({
  queryKey: ["session"],
  queryFn: async (): Promise<Session | null> => {
    try {
      // 204 for an anonymous visitor: no 401 logged in the browser's console on every page
      const session = await call(endpoints.session, { query: { optional: "true" } });
      setCsrfToken(session?.csrfToken ?? null);
      return session ?? null;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export const useSession = () => useQuery(sessionQuery);

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { username: string; password: string }) => call(endpoints.signIn, { body: input }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(sessionQuery.queryKey, session);
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "session" });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) =>
      call(endpoints.signOut, { query: everywhere ? { everywhere: "true" } : undefined }),
    onSuccess: () => {
      setCsrfToken(null);
      queryClient.setQueryData(sessionQuery.queryKey, null);
      void queryClient.invalidateQueries();
    },
  });
}
