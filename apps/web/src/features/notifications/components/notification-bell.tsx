import { Bell } from "lucide-react";
import { NavLink } from "react-router";
import { useI18n } from "../../../lib/i18n";
import { useNotifications } from "../api/notifications";
import styles from "./notification-bell.module.css";

/** The header's bell: a link to the notifications page, with the unread count in its accessible name. */
export function NotificationBell() {
  const { t, number } = useI18n();
  const unread = useNotifications(true).data?.unread ?? 0;
  const label =
    unread > 0 ? `${t("notifications")} (${t("notificationsUnread")} ${number(unread)})` : t("notifications");
  return (
    <NavLink
      to="/notifications"
      className={styles.bell}
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <Bell size={18} aria-hidden />
      {unread > 0 && (
        <span className={styles.count} aria-hidden data-testid="notification-count">
          {unread > 99 ? "99+" : number(unread)}
        </span>
      )}
    </NavLink>
  );
}
