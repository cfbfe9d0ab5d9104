import "../../../components/form/form.css";
import type { AuditEvent } from "@cpm/schema";
import { useI18n } from "../../../lib/i18n";
import { describeEvent } from "../lib/history-words";

/** Who changed what and when, newest first, in words: each field from what to what, and why when given. */
export function HistoryTable({ events }: { events: AuditEvent[] }) {
  const { t, locale } = useI18n();
  if (events.length === 0) return <p className="muted">{t("historyEmpty")}</p>;
  return (
    <ol className="history" data-testid="history">
      {events.map((event) => {
        const entry = describeEvent(event, locale);
        return (
          <li key={entry.id} className="history-entry">
            <p className="history-head">
              <strong>{entry.what}</strong> · {t("by")} {entry.who} ·{" "}
              <time dateTime={entry.at} className="muted">
                {entry.when}
              </time>
            </p>
            {entry.changes.length > 0 && (
              <ul className="history-changes">
                {entry.changes.map((change) => (
                  <li key={change.field}>
                    <span className="history-field">{change.field}</span>:{" "}
                    {change.from !== null && change.to !== null ? (
                      <>
                        {t("changedFromTo")} <del>{change.from}</del> {t("changedTo")} <ins>{change.to}</ins>
                      </>
                    ) : change.to !== null ? (
                      <ins>{change.to}</ins>
                    ) : (
                      <del>{change.from}</del>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {entry.reason && (
              <p className="history-reason">
                {t("reason")}: {entry.reason}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
