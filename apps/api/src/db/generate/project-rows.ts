import { dayNumber, fiscalYearSpan } from "@cpm/schema/rules";
import { nameColumns } from "../../lib/text-columns";
import { dayText } from "./day-text";
import { endedQuarters, indicatorRows } from "./indicator-rows";
import type { NamePools } from "./name-pools";
import { planSteps, stepRows } from "./plan-rows";
import type { Prng } from "./prng";
import { type Behaviour, reportRows } from "./report-rows";
import type { Row, RowBatch } from "./tables";
import type { OwnerUnit } from "./unit-tree";
import { ACTIVITIES, AUDIENCES, EVALUATION_NOTES, RATIONALE_CLOSINGS, RATIONALE_OPENINGS } from "./vocabulary";

/** The next id of each table whose ids the generator assigns. */
export interface IdCounters {
  project: number;
  plan_step: number;
  progress_report: number;
  indicator: number;
}

export interface ProjectContext {
  today: number;
  pools: NamePools;
  goalIds: number[];
  policyCodes: string[];
  /** project codes already taken (the reference project) */
  takenCodes: Set<string>;
  ids: IdCounters;
}

function pickBehaviour(prng: Prng): Behaviour {
  const roll = prng.next();
  if (roll < 0.5) return "on_track";
  if (roll < 0.72) return "behind";
  if (roll < 0.82) return "ahead";
  if (roll < 0.95) return "stalled";
  return "silent";
}

const EVALUATION_SCORE: Record<Behaviour, [number, number]> = {
  on_track: [80, 100],
  ahead: [90, 100],
  behind: [40, 75],
  stalled: [50, 80],
  silent: [0, 40],
};

/** The legacy site's other spelling of ำ (NIKHAHIT + SARA AA), which must still match in search. */
const legacySpelling = (text: string) => text.replaceAll("\u0E33", "\u0E4D\u0E32");

const money = (value: number) => value.toFixed(2);

/**
 * Budget in baht: mostly round thousands, log-spread from 20,000 to 30 million. Spending follows
 * progress at the project's own pace, dated by each report (never falling); budget_spent is the last.
 */
function budgetOf(
  prng: Prng,
  reports: ReadonlyArray<Row>,
): { allocated: string | null; spent: string | null; spending: [string, string][] } {
  if (prng.chance(0.05)) return { allocated: null, spent: null, spending: [] };
  const raw = Math.exp(prng.float(Math.log(20_000), Math.log(30_000_000)));
  const allocated = prng.chance(0.7) ? Math.round(raw / 1_000) * 1_000 : Math.round(raw * 100) / 100;
  if (prng.chance(0.05)) return { allocated: money(allocated), spent: null, spending: [] };
  const pace = prng.float(0.55, 1.05);
  let spent = 0;
  const spending = reports.map((report): [string, string] => {
    const percent = Number(report[3]);
    spent = Math.max(spent, Math.min(allocated, Math.round(allocated * (percent / 100) * pace * 100) / 100));
    return [report[2] as string, money(spent)];
  });
  // nothing reported yet: nothing known to be spent
  return { allocated: money(allocated), spent: spending.length ? money(spent) : null, spending };
}

/** One project of `unit` in `fiscalYear`: its row, plan, reports, evaluations, policies and KPI links. */
function projectRows(
  ctx: ProjectContext,
  prng: Prng,
  batch: RowBatch,
  unit: OwnerUnit,
  fiscalYear: number,
  serial: number,
  indicatorIds: number[],
  index: number,
): void {
  const { today, ids } = ctx;
  const span = fiscalYearSpan(fiscalYear);
  const yearStart = dayNumber(span.start);
  const yearEnd = dayNumber(span.end);
  const shape = prng.next();
  let start: number;
  let end: number;
  if (shape < 0.75) {
    start = yearStart + prng.int(0, 30);
    end = yearEnd - prng.int(0, 45);
  } else if (shape < 0.94) {
    const length = prng.int(45, 150);
    start = yearStart + prng.int(0, 364 - length);
    end = start + length;
  } else {
    start = yearStart + prng.int(90, 240);
    end = yearEnd - prng.int(0, 30);
  }
  const steps = planSteps(prng, start, end);
  const behaviour = pickBehaviour(prng);
  const projectId = ids.project++;
  const reports = reportRows(
    prng,
    projectId,
    ids.progress_report,
    { behaviour, steps, start, until: Math.min(today, yearEnd + 10), wholePercents: prng.chance(0.35) },
    today,
  );
  ids.progress_report += reports.rows.length;
  batch.progress_report.push(...reports.rows);
  const progress = reports.progress;
  const planRows = stepRows(prng, projectId, ids.plan_step, steps, progress, today, prng.chance(0.04));
  ids.plan_step += planRows.length;
  batch.plan_step.push(...planRows);

  const activity = prng.pick(ACTIVITIES);
  const audience = prng.pick(AUDIENCES);
  let name = `โครงการ${activity}`;
  if (prng.chance(0.4)) name += `สำหรับ${audience}`;
  if (prng.chance(0.3)) name += ` ชุมชน${prng.pick(ctx.pools.places)}`;
  name += ` ${unit.shortName}`;
  if (prng.chance(0.1)) name += ` ระยะที่ ${prng.int(2, 3)}`;
  if (prng.chance(0.5)) name += ` ประจำปีงบประมาณ พ.ศ. ${fiscalYear}`;
  if (prng.chance(0.03)) name = legacySpelling(name);
  const { nameSearch, nameSortKey } = nameColumns(name);
  const officer = prng.pick(ctx.pools.officers);
  const phone = prng.next();
  // the phone in its own column (never in the name, where it could not be kept from anonymous readers)
  const responsibleOfficerPhone =
    phone < 0.3
      ? `โทร. 0 2${prng.int(100, 999)} ${prng.int(1000, 9999)}`
      : phone < 0.5
        ? `ต่อ ${prng.int(1000, 9999)}`
        : "";
  const responsibleOfficer = officer;
  const responsibleUnit = prng.chance(0.9) ? prng.pick(unit.subUnits) : null;
  const budgetUnit = prng.chance(0.7) ? responsibleUnit : prng.chance(0.8) ? prng.pick(unit.subUnits) : null;
  const routine = prng.chance(0.3);
  const people = prng.pick([50, 100, 200, 300, 500, 1_000, 2_000, 5_000]);
  const { allocated, spent, spending } = budgetOf(prng, reports.rows);
  for (const [day, amount] of spending) batch.project_spending.push([projectId, day, amount]);
  const created = Math.min(today, yearStart - prng.int(10, 60));
  batch.project.push([
    projectId,
    `${unit.code}-${serial}`,
    serial,
    unit.id,
    fiscalYear,
    name,
    nameSearch,
    nameSortKey,
    responsibleOfficer,
    responsibleOfficerPhone,
    responsibleUnit,
    budgetUnit,
    `${prng.pick(RATIONALE_OPENINGS)}${activity}ในพื้นที่${unit.shortName} เพื่อประโยชน์ของ${audience} ${prng.pick(RATIONALE_CLOSINGS)}`,
    `1. เพื่อ${activity}\n2. เพื่อยกระดับคุณภาพชีวิตของ${audience}\n3. เพื่อส่งเสริมการมีส่วนร่วมของประชาชน`,
    `${audience}ในพื้นที่${unit.shortName} ได้รับประโยชน์ไม่น้อยกว่า ${people.toLocaleString("en-US")} คน`,
    routine ? null : prng.pick(ctx.goalIds),
    allocated,
    spent,
    dayText(start),
    dayText(end),
    `${dayText(created)} 09:00:00+07`,
    reports.lastStamp ?? `${dayText(created)} 09:00:00+07`,
  ]);

  if (!routine && ctx.policyCodes.length > 0) {
    for (const code of prng.sample(ctx.policyCodes, prng.chance(0.8) ? 1 : 2))
      batch.project_policy.push([projectId, code]);
  }
  if (prng.chance(0.75)) {
    const [low, high] = EVALUATION_SCORE[behaviour];
    for (const [index, end] of endedQuarters(fiscalYear, today).entries()) {
      if (!prng.chance(0.9)) continue;
      const value = prng.chance(0.9)
        ? Math.round(prng.int(low, high) / 5) * 5
        : Math.round(prng.float(low, high) * 100) / 100;
      const note = prng.chance(0.25) ? prng.pick(EVALUATION_NOTES) : "";
      const evaluated = Math.min(today, end + prng.int(5, 30));
      batch.quarter_evaluation.push([
        projectId,
        index + 1,
        value.toFixed(2),
        note,
        `${dayText(evaluated)} 10:00:00+07`,
      ]);
    }
  }
  // 1–3 KPIs: the pool's i-th first (so that every KPI has a project), then others
  const kpis = new Set([indicatorIds[index % indicatorIds.length] as number]);
  const extra = prng.int(0, Math.min(2, indicatorIds.length - 1));
  while (kpis.size < 1 + extra) kpis.add(prng.pick(indicatorIds));
  for (const indicatorId of kpis) batch.project_indicator.push([projectId, indicatorId]);
}

/** All projects of one unit: `perYear` in each fiscal year, serials running on across the years. */
export function unitRows(
  ctx: ProjectContext,
  prng: Prng,
  batch: RowBatch,
  unit: OwnerUnit,
  fiscalYears: number[],
  perYear: number,
): void {
  let serial = 100;
  for (const fiscalYear of fiscalYears) {
    const kpiCount = Math.max(1, Math.ceil(perYear / 2));
    const indicatorIds = indicatorRows(prng, batch, unit, fiscalYear, ctx.ids.indicator, kpiCount, ctx.today);
    ctx.ids.indicator += kpiCount;
    for (let i = 0; i < perYear; i++) {
      while (ctx.takenCodes.has(`${unit.code}-${serial}`)) serial++;
      projectRows(ctx, prng, batch, unit, fiscalYear, serial++, indicatorIds, i);
    }
  }
}
