import type { Notification } from "@cpm/schema";
import { useI18n } from "../../../lib/i18n";
import { useMarkNotificationRead } from "../api/notifications";
import styles from "./notification-list.module.css";

/** The user's notifications, newest first: each one's subject, text and date, unread ones marked, with "mark read". */
export function NotificationList({ items }: { items: Notification[] }) {
  const { t, date } = useI18n();
  const markRead = useMarkNotificationRead();
  if (items.length === 0) return <p className="muted">{t("notificationsNone")}</p>;
  return (
    <ul className={styles.list} aria-label={t("notifications")}>
      {items.map((item) => (
        <li
          key={item.id}
          className={item.readAt ? styles.item : `${styles.item} ${styles.unread}`}
          data-testid="notification"
        >
          <p className={styles.head}>
            <strong>{item.subject}</strong>
            <time dateTime={item.createdAt} className="muted small">
              {date(item.createdAt)}
            </time>
          </p>
          <p className={styles.body}>{item.body}</p>
          <p className={styles.foot}>
            {item.readAt ? (
              <span className="muted small">
                {t("notificationReadOn")} {date(item.readAt)}
              </span>
            ) : (
              <>
                <span className={styles.unreadMark}>{t("notificationUnreadMark")}</span>
                <button
                  type="button"
                  className="secondary"
                  disabled={markRead.isPending && markRead.variables === item.id}
                  onClick={() => markRead.mutate(item.id)}
                >
                  {t("markRead")}
                </button>
              </>
            )}
            {item.emailedAt && <span className="muted small">{t("notificationEmailed")}</span>}
          </p>
        </li>
      ))}
    </ul>
  );
}
