import { endpoints } from "@cpm/schema/contract";
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type CallArgs, call } from "../../../lib/api-client";

/** The signed-in user's notifications (newest first) and how many are unread; polled while the page is open. */
export const notificationsQuery = queryOptions({
  queryKey: ["notifications"],
  queryFn: () => call(endpoints.notifications, {}),
  staleTime: 60_000,
  refetchInterval: 5 * 60_000,
});
export const useNotifications = (enabled: boolean) => useQuery({ ...notificationsQuery, enabled });

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => call(endpoints.markNotificationRead, { params: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationsQuery.queryKey }),
  });
}

export const notificationSettingsQuery = queryOptions({
  queryKey: ["notifications", "settings"],
  queryFn: () => call(endpoints.notificationSettings, {}),
});
export const useNotificationSettings = (enabled: boolean) => useQuery({ ...notificationSettingsQuery, enabled });

export function useUpdateNotificationSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CallArgs<typeof endpoints.updateNotificationSettings>["body"]) =>
      call(endpoints.updateNotificationSettings, { body }),
    onSuccess: (settings) => queryClient.setQueryData(notificationSettingsQuery.queryKey, settings),
  });
}
