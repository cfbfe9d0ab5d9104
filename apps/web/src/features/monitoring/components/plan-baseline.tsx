import type { PlanVersions } from "@cpm/schema";
import { useI18n } from "../../../lib/i18n";
import { usePlanVersions } from "../api/plan-versions";

const TEXT = {
  title: {
    th: "แผนฐาน (ที่อนุมัติต้นปีงบประมาณ) เทียบกับแผนปัจจุบัน",
    en: "Baseline plan (approved at the year's start) against the current plan",
  },
  version: { th: "ฉบับที่", en: "Version" },
  baseline: { th: "แผนฐาน", en: "Baseline" },
  current: { th: "แผนปัจจุบัน", en: "Current" },
  actual: { th: "ผลจริง", en: "Actual" },
  by: { th: "โดย", en: "by" },
  reason: { th: "เหตุผล", en: "Reason" },
  added: { th: "เพิ่มขั้นตอน", en: "Step added" },
  removed: { th: "ตัดขั้นตอน", en: "Step removed" },
  changed: { th: "แก้ไขขั้นตอน", en: "Step changed" },
  weight: { th: "น้ำหนัก", en: "weight" },
  plannedStart: { th: "วันเริ่มตามแผน", en: "planned start" },
  plannedEnd: { th: "วันสิ้นสุดตามแผน", en: "planned end" },
  monthEnd: { th: "สิ้นเดือน", en: "Month end" },
} as const;

const WIDTH = 480;
const HEIGHT = 160;

/** The planned curves of both versions and the reported progress, over the fiscal year's month ends. */
function Curves({ curves, locale }: { curves: PlanVersions["curves"]; locale: "th" | "en" }) {
  const x = (i: number) => 30 + (i * (WIDTH - 40)) / Math.max(1, curves.length - 1);
  const y = (value: number) => HEIGHT - 20 - (value * (HEIGHT - 30)) / 100;
  const line = (key: "baseline" | "current") =>
    curves
      .map((c, i) => (c[key] === null ? null : `${x(i)},${y(c[key] as number)}`))
      .filter(Boolean)
      .join(" ");
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${TEXT.baseline[locale]} / ${TEXT.current[locale]} / ${TEXT.actual[locale]}`}
      className="plan-baseline-chart"
      style={{ maxWidth: 640, width: "100%" }}
      data-testid="plan-baseline-chart"
    >
      <line x1={30} x2={WIDTH - 10} y1={y(0)} y2={y(0)} stroke="#888" />
      <line x1={30} x2={WIDTH - 10} y1={y(100)} y2={y(100)} stroke="#ddd" />
      <polyline points={line("baseline")} fill="none" stroke="#6b7280" strokeDasharray="6 4" strokeWidth={2} />
      <polyline points={line("current")} fill="none" stroke="#1d4ed8" strokeWidth={2} />
      {curves.map((c, i) =>
        c.actual === null ? null : <circle key={c.monthEnd} cx={x(i)} cy={y(c.actual)} r={3} fill="#15803d" />,
      )}
    </svg>
  );
}

const DAY = 86_400_000;
const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** The timeline of both versions: each step's planned span by the baseline (grey, dashed) and now (blue). */
function Timeline({ data, locale }: { data: PlanVersions; locale: "th" | "en" }) {
  const baseline = data.versions.find((v) => v.number === data.baselineNumber);
  const current = data.versions.find((v) => v.number === data.currentNumber);
  const first = data.curves[0]?.monthEnd;
  const last = data.curves.at(-1)?.monthEnd;
  if (!baseline || !current || !first || !last) return null;
  const start = days(`${first.slice(0, 7)}-01`);
  const span = days(last) + 1 - start;
  const names = [...new Set([...baseline.steps, ...current.steps].map((step) => step.name))];
  const label = 150;
  const width = 620;
  const x = (iso: string) => label + ((days(iso) - start) / span) * (width - label - 10);
  const bar = (
    step: PlanVersions["versions"][number]["steps"][number] | undefined,
    y: number,
    kind: "baseline" | "current",
  ) =>
    step?.plannedStart && step.plannedEnd ? (
      <rect
        x={x(step.plannedStart)}
        y={y}
        width={Math.max(2, x(step.plannedEnd) - x(step.plannedStart) + (width - label - 10) / span)}
        height={kind === "baseline" ? 6 : 10}
        fill={kind === "baseline" ? "none" : "#1d4ed8"}
        stroke={kind === "baseline" ? "#6b7280" : "none"}
        strokeDasharray={kind === "baseline" ? "4 3" : undefined}
        data-kind={kind}
      >
        <title>{`${step.name}: ${step.plannedStart} – ${step.plannedEnd}`}</title>
      </rect>
    ) : null;
  return (
    <svg
      viewBox={`0 0 ${width} ${names.length * 28 + 10}`}
      role="img"
      aria-label={`${TEXT.baseline[locale]} / ${TEXT.current[locale]}`}
      data-testid="plan-baseline-timeline"
      className="plan-baseline-chart"
      style={{ maxWidth: 640, width: "100%" }}
    >
      {names.map((name, i) => (
        <g key={name}>
          <text x={0} y={i * 28 + 18} fontSize={12}>
            {name.length > 22 ? `${name.slice(0, 21)}…` : name}
          </text>
          {bar(
            baseline.steps.find((step) => step.name === name),
            i * 28 + 4,
            "baseline",
          )}
          {bar(
            current.steps.find((step) => step.name === name),
            i * 28 + 12,
            "current",
          )}
        </g>
      ))}
    </svg>
  );
}

/** Shown once the plan changed after approval: every version (who, when, why), the difference, both curves. */
export function PlanBaseline({ projectCode, version }: { projectCode: string; version: number }) {
  const { locale, date, number } = useI18n();
  const data = usePlanVersions(projectCode, version).data;
  if (!data || data.versions.length < 2 || data.baselineNumber === data.currentNumber) return null;
  const fieldValue = (value: number | string | null) =>
    value === null ? "–" : typeof value === "number" ? number(value) : date(value);
  return (
    <section aria-labelledby="plan-baseline-title" data-testid="plan-baseline">
      <h2 id="plan-baseline-title">{TEXT.title[locale]}</h2>
      <ol className="plan-versions">
        {data.versions.map((v) => (
          <li key={v.number} data-version={v.number}>
            {TEXT.version[locale]} {v.number} · {date(v.day)} · {TEXT.by[locale]} {v.by}
            {v.number === data.baselineNumber && <strong> · {TEXT.baseline[locale]}</strong>}
            {v.number === data.currentNumber && <strong> · {TEXT.current[locale]}</strong>}
            {v.reason && (
              <span>
                {" "}
                · {TEXT.reason[locale]}: {v.reason}
              </span>
            )}
          </li>
        ))}
      </ol>
      <ul className="plan-difference" data-testid="plan-difference">
        {data.difference.map((change) => (
          <li key={`${change.kind}-${change.name}`}>
            {TEXT[change.kind][locale]} “{change.name}”
            {change.kind !== "changed" &&
              change.weight !== undefined &&
              ` (${TEXT.weight[locale]} ${number(change.weight)})`}
            {change.fields?.map((f) => (
              <span key={f.field}>
                {" "}
                · {TEXT[f.field][locale]} {fieldValue(f.from)} → {fieldValue(f.to)}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <Timeline data={data} locale={locale} />
      <Curves curves={data.curves} locale={locale} />
      <p className="muted small">
        <span>– – {TEXT.baseline[locale]}</span> · <span>—— {TEXT.current[locale]}</span> ·{" "}
        <span>● {TEXT.actual[locale]}</span>
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{TEXT.monthEnd[locale]}</th>
              <th scope="col" className="num">
                {TEXT.baseline[locale]}
              </th>
              <th scope="col" className="num">
                {TEXT.current[locale]}
              </th>
              <th scope="col" className="num">
                {TEXT.actual[locale]}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.curves.map((c) => (
              <tr key={c.monthEnd}>
                <th scope="row">{date(c.monthEnd)}</th>
                <td className="num">{number(c.baseline)}</td>
                <td className="num">{number(c.current)}</td>
                <td className="num">{number(c.actual)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
