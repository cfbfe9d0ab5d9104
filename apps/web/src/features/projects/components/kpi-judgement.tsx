import type { ProjectDetail } from "@cpm/schema";
import { KpiStatusBadge } from "../../../components/ui/kpi-status-badge";
import { useI18n } from "../../../lib/i18n";

type Kpi = ProjectDetail["indicators"][number];

const TEXT = {
  status: { th: "สถานะ", en: "Status" },
  achievement: { th: "ความก้าวหน้าสู่เป้าหมาย", en: "Progress to target" },
  baseline: { th: "ค่าฐาน", en: "Baseline" },
  quarterTargets: { th: "เป้าหมายรายไตรมาส", en: "Quarter targets" },
  higher: { th: "ค่ายิ่งมากยิ่งดี", en: "Higher is better" },
  lower: { th: "ค่ายิ่งน้อยยิ่งดี", en: "Lower is better" },
  cumulative: { th: "ผลสะสม (ใช้ผลไตรมาสล่าสุด)", en: "Cumulative (the latest quarter's figure)" },
  notCumulative: { th: "ผลรายไตรมาส (รวมทุกไตรมาส)", en: "Per quarter (the quarters added up)" },
  margin: { th: "เกณฑ์ยอมรับ", en: "On-track margin" },
  rubric: { th: "เกณฑ์การให้คะแนนรายระดับ", en: "Level rubric" },
  level: { th: "ระดับ", en: "Level" },
  number: { th: "จำนวน", en: "Number" },
  percent: { th: "ร้อยละ", en: "Percent" },
} as const;

/** How a KPI is judged and what the shared rule says of it: status, progress to target, the definition. */
export function KpiJudgement({ kpi }: { kpi: Kpi }) {
  const { locale, number } = useI18n();
  const text = (key: keyof typeof TEXT) => TEXT[key][locale];
  const measure =
    kpi.measureType === "level" ? text("level") : kpi.measureType === "percent" ? text("percent") : text("number");
  return (
    <div className="kpi-judgement" data-testid={`kpi-judgement-${kpi.code}`}>
      <p>
        {text("status")}: <KpiStatusBadge status={kpi.status} locale={locale} />
        {kpi.achievement !== null && (
          <>
            {" "}
            · {text("achievement")} <strong>{number(kpi.achievement)}%</strong>
          </>
        )}
      </p>
      <p className="muted small">
        {measure} · {text(kpi.direction)} · {text(kpi.cumulative ? "cumulative" : "notCumulative")} · {text("baseline")}{" "}
        {number(kpi.baseline)} · {text("quarterTargets")} {kpi.quarterTargets.map((q) => number(q)).join(" / ")} ·{" "}
        {text("margin")} {number(kpi.onTrackMargin)}%
      </p>
      {kpi.measureType === "level" && kpi.levelRubric.length > 0 && (
        <details>
          <summary>{text("rubric")}</summary>
          <ol>
            {kpi.levelRubric.map((description, i) => (
              // levels are fixed at five and in order
              // biome-ignore lint/suspicious/noArrayIndexKey: the level is the index
              <li key={i}>{description}</li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}
