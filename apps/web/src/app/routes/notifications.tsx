import { Navigate } from "react-router";
import { QueryState } from "../../components/ui/query-state";
import { useSession } from "../../features/auth/api/session";
import { useNotificationSettings, useNotifications } from "../../features/notifications/api/notifications";
import { NotificationList } from "../../features/notifications/components/notification-list";
import { NotificationSettingsForm } from "../../features/notifications/components/notification-settings-form";
import { useI18n } from "../../lib/i18n";
import { usePageTitle } from "../../lib/page-title";

/** The signed-in user's notifications (reminders) and their own settings for the e-mails. */
export function NotificationsRoute() {
  const { t, number } = useI18n();
  usePageTitle(t("notifications"));
  const session = useSession();
  const signedIn = !!session.data;
  const list = useNotifications(signedIn);
  const settings = useNotificationSettings(signedIn);
  if (!session.isPending && !signedIn) return <Navigate to="/sign-in" replace />;
  const unread = list.data?.unread ?? 0;
  return (
    <section>
      <h1>
        {t("notifications")}
        {unread > 0 && (
          <span className="muted small" data-testid="unread-count">
            {" "}
            ({t("notificationsUnread")} {number(unread)})
          </span>
        )}
      </h1>
      <QueryState isPending={list.isPending} error={list.error} retry={() => list.refetch()}>
        <NotificationList items={list.data?.items ?? []} />
      </QueryState>
      <QueryState isPending={settings.isPending} error={settings.error} retry={() => settings.refetch()} rows={3}>
        {settings.data && <NotificationSettingsForm settings={settings.data} />}
      </QueryState>
    </section>
  );
}
