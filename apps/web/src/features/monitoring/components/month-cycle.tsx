import type { MonthState } from "@cpm/schema";
import { useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { useI18n } from "../../../lib/i18n";
import { type MonthTransitionName, useMonthTransition, useReportingMonth } from "../api/reporting-months";

const TEXT = {
  title: { th: "รอบรายงานประจำเดือน", en: "Monthly reporting" },
  submit: { th: "ส่งรายงานประจำเดือน", en: "Submit the month" },
  approve: { th: "อนุมัติ", en: "Approve" },
  return: { th: "ส่งกลับแก้ไข", en: "Return" },
  reopen: { th: "เปิดใหม่เพื่อแก้ไข", en: "Reopen" },
  comment: { th: "ความเห็น / เหตุผล", en: "Comment / reason" },
  locked: { th: "รายงานของเดือนนี้ถูกล็อก", en: "This month's reports are locked" },
  by: { th: "โดย", en: "by" },
} as const;

const STATE: Record<MonthState, { th: string; en: string }> = {
  open: { th: "เปิดรับรายงาน", en: "Open" },
  submitted: { th: "ส่งแล้ว รออนุมัติ", en: "Submitted, awaiting approval" },
  approved: { th: "อนุมัติแล้ว", en: "Approved" },
  returned: { th: "ส่งกลับแก้ไข", en: "Returned" },
};

/** Thai month and Buddhist year (พ.ย. 2569) or English (Nov 2026) of a YYYY-MM month. */
function monthName(month: string, locale: "th" | "en") {
  return new Intl.DateTimeFormat(locale === "th" ? "th-TH-u-ca-buddhist" : "en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${month}-01T00:00:00Z`));
}

/**
 * A unit's month: its state, who submitted and decided, and exactly the buttons the API says the
 * current user may press (it decides the rights, not the web app).
 */
export function MonthCycle({ unitCode, month }: { unitCode: string; month: string }) {
  const { locale, date } = useI18n();
  const query = useReportingMonth(unitCode, month);
  const move = useMonthTransition(unitCode, month);
  const [comment, setComment] = useState("");
  const data = query.data;
  if (!data) return null;
  const buttons: [MonthTransitionName, boolean, boolean][] = [
    ["submit", data.actions.maySubmit, false],
    ["approve", data.actions.mayApprove, false],
    ["return", data.actions.mayReturn, true],
    ["reopen", data.actions.mayReopen, true],
  ];
  const needsComment = buttons.some(([, may, withComment]) => may && withComment);
  const error = move.error instanceof ApiError ? move.error.localized[locale] : move.error?.message;
  return (
    <section aria-labelledby="month-cycle-title" className="month-cycle" data-testid="month-cycle">
      <h2 id="month-cycle-title">
        {TEXT.title[locale]} · {monthName(month, locale)}
      </h2>
      <p>
        <strong data-testid="month-state" data-state={data.state}>
          {STATE[data.state][locale]}
        </strong>
        {data.submittedBy && (
          <span className="muted small">
            {" "}
            · {TEXT.submit[locale]} {TEXT.by[locale]} {data.submittedBy} {date(data.submittedAt)}
          </span>
        )}
        {data.decidedBy && (
          <span className="muted small">
            {" "}
            · {STATE[data.state][locale]} {TEXT.by[locale]} {data.decidedBy} {date(data.decidedAt)}
          </span>
        )}
      </p>
      {data.comment && <p className="small">“{data.comment}”</p>}
      {data.locked && <p className="muted small">{TEXT.locked[locale]}</p>}
      {needsComment && (
        <label>
          {TEXT.comment[locale]}
          <input value={comment} onChange={(event) => setComment(event.target.value)} name="month-comment" />
        </label>
      )}
      <div className="actions">
        {buttons
          .filter(([, may]) => may)
          .map(([transition, , withComment]) => (
            <button
              key={transition}
              type="button"
              disabled={move.isPending || (withComment && comment.trim() === "")}
              onClick={() =>
                move.mutate(
                  { transition, comment: withComment ? comment : undefined },
                  { onSuccess: () => setComment("") },
                )
              }
            >
              {TEXT[transition][locale]}
            </button>
          ))}
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
