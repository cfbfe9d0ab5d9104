import type { AuditEvent } from "@cpm/schema";
import { useI18n } from "../../../lib/i18n";

const describe = (value: unknown) => (value === null || value === undefined ? "–" : JSON.stringify(value, null, 1));

/** Who changed what, newest first. */
export function HistoryTable({ events }: { events: AuditEvent[] }) {
  const { t, locale } = useI18n();
  const when = new Intl.DateTimeFormat(locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Bangkok",
  });
  if (events.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <div className="table-wrap">
      <table data-testid="history">
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("what")}</th>
            <th scope="col">{t("before")}</th>
            <th scope="col">{t("after")}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr key={event.id}>
              <td className="nowrap">{when.format(new Date(event.at))}</td>
              <td>{event.actor}</td>
              <td className="nowrap">{event.action}</td>
              <td>
                <pre className="json">{describe(event.before)}</pre>
              </td>
              <td>
                <pre className="json">{describe(event.after)}</pre>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
