import {
  addDays,
  daysBetween,
  fiscalYearOf,
  fiscalYearSpan,
  type IsoDate,
  monthSpan,
  plannedCompletion,
  round2,
} from "@cpm/schema/rules";
import { fakerTH as faker } from "@faker-js/faker";
import type { Prisma } from "../../generated/prisma/client";
import { toDbDate } from "../../lib/dates";
import { nameColumns } from "../../lib/text-columns";
import { DEMO_POLICIES } from "./strategy";

const ACTIVITIES = [
  "ปรับปรุงภูมิทัศน์",
  "ส่งเสริมสุขภาพผู้สูงอายุ",
  "พัฒนาคุณภาพชีวิตชุมชน",
  "ป้องกันและแก้ไขปัญหาน้ำท่วม",
  "อบรมอาสาสมัครป้องกันภัยฝ่ายพลเรือน",
  "รณรงค์คัดแยกขยะมูลฝอย",
  "เพิ่มพื้นที่สีเขียว",
  "ส่งเสริมการอ่านในโรงเรียนสังกัดกรุงเทพมหานคร",
  "ตรวจสอบความปลอดภัยของอาคาร",
  "จัดระเบียบหาบเร่แผงลอย",
  "ซ่อมแซมทางเท้าและไฟฟ้าแสงสว่าง",
  "ฝึกอาชีพให้ประชาชน",
  "ลดฝุ่นละอองขนาดเล็ก PM2.5",
  "เฝ้าระวังโรคไข้เลือดออก",
  "พัฒนาระบบบริการประชาชนออนไลน์",
  "ขุดลอกคูคลองและเปิดทางระบายน้ำ",
] as const;

const NARRATIVES = [
  "ดำเนินการตามแผนงานที่กำหนด",
  "ประชุมคณะทำงานและติดตามความก้าวหน้า",
  "จัดกิจกรรมร่วมกับชุมชนในพื้นที่",
  "อยู่ระหว่างขั้นตอนการจัดซื้อจัดจ้าง",
  "ลงพื้นที่สำรวจและเก็บข้อมูล",
  "สรุปผลการดำเนินงานเสนอผู้บริหาร",
] as const;

const STEP_NAMES = [
  "ขออนุมัติโครงการ",
  "แต่งตั้งคณะทำงาน",
  "สำรวจและจัดทำแผนปฏิบัติงาน",
  "ดำเนินการจัดซื้อจัดจ้าง",
  "ดำเนินการตามแผน",
  "ติดตามและประเมินผล",
  "สรุปและรายงานผล",
] as const;

/** How a generated project behaves, so the dashboards open on a realistic mix. */
type Profile = "on_track" | "behind" | "early_done" | "silent_this_month" | "not_started";

function pickProfile(): Profile {
  const roll = faker.number.int({ min: 1, max: 100 });
  if (roll <= 45) return "on_track";
  if (roll <= 65) return "behind";
  if (roll <= 77) return "early_done";
  if (roll <= 92) return "silent_this_month";
  return "not_started";
}

/** Weights in steps of 5 that sum to 100. */
function weightsFor(stepCount: number): number[] {
  const cuts = new Set<number>();
  while (cuts.size < stepCount - 1) cuts.add(faker.number.int({ min: 1, max: 19 }) * 5);
  const points = [0, ...[...cuts].sort((a, b) => a - b), 100];
  return points.slice(1).map((point, i) => point - (points[i] as number));
}

interface StepPlan {
  name: string;
  weight: number;
  plannedStart: IsoDate;
  plannedEnd: IsoDate;
}

function planFor(start: IsoDate, end: IsoDate, stepCount: number): StepPlan[] {
  const weights = weightsFor(stepCount);
  const total = daysBetween(start, end);
  const names = faker.helpers.arrayElements(STEP_NAMES.slice(1, 6), stepCount - 2);
  const stepNames = [STEP_NAMES[0], ...names, STEP_NAMES[6]];
  return weights.map((weight, i) => ({
    name: stepNames[i] as string,
    weight,
    plannedStart: addDays(start, Math.round((total * i) / stepCount)),
    plannedEnd: addDays(start, Math.round((total * (i + 1)) / stepCount)),
  }));
}

/** Monthly report dates (the second half of each month; this month's by `until`) up to `until`. */
function reportDates(from: IsoDate, until: IsoDate): IsoDate[] {
  const dates: IsoDate[] = [];
  let month = monthSpan(from);
  while (month.start <= until) {
    const planned = addDays(month.start, faker.number.int({ min: 14, max: 27 }));
    const day = planned > until && until >= month.start ? until : planned;
    if (day >= from && day <= until) dates.push(day);
    month = monthSpan(addDays(month.end, 1));
  }
  return dates;
}

export interface DemoContext {
  unitCode: string;
  unitId: number;
  unitName: string;
  fiscalYear: number;
  today: IsoDate;
  serial: number;
  strategyGoalIds: number[];
}

/** One generated project with its plan, monthly reports and budget; deterministic for a seeded faker. */
export async function createDemoProject(tx: Prisma.TransactionClient, ctx: DemoContext): Promise<number> {
  const fy = fiscalYearSpan(ctx.fiscalYear);
  const profile = pickProfile();
  const isCurrent = fiscalYearOf(ctx.today) === ctx.fiscalYear;
  const start =
    profile === "not_started" && isCurrent
      ? addDays(ctx.today, faker.number.int({ min: 10, max: 60 }))
      : addDays(fy.start, faker.number.int({ min: 0, max: 20 }));
  const end =
    profile === "early_done" && isCurrent
      ? addDays(start, faker.number.int({ min: 20, max: 40 }))
      : addDays(fy.end, -faker.number.int({ min: 0, max: 45 }));
  const steps = planFor(start, end, faker.number.int({ min: 3, max: 6 }));

  const until = ctx.today < fy.end ? ctx.today : fy.end;
  const silentFrom = profile === "silent_this_month" ? monthSpan(ctx.today).start : "9999-12-31";
  const pace =
    profile === "behind" ? faker.number.float({ min: 0.4, max: 0.75 }) : faker.number.float({ min: 0.95, max: 1.1 });
  let previous = 0;
  const reports = reportDates(start, until)
    .filter((date) => date < silentFrom)
    .map((date) => {
      const planned = plannedCompletion(steps, date);
      const target = profile === "early_done" ? Math.min(100, planned * 1.3) : planned * pace;
      previous = Math.max(previous, Math.min(100, round2(target)));
      return { reportDate: date, percent: previous };
    });
  const progress = reports.at(-1)?.percent ?? 0;

  const allocated = faker.number.int({ min: 5, max: 500 }) * 10_000;
  // spending follows progress: as of each report, this share of the allocation per percent done
  const spendingPace = faker.number.float({ min: 0.7, max: 1 });
  const spending = reports.map((r) => ({
    spentAsOf: r.reportDate,
    amount: round2((allocated * r.percent * spendingPace) / 100),
  }));
  // nothing reported yet: nothing known to be spent
  const spent = spending.at(-1)?.amount ?? null;
  const activity = faker.helpers.arrayElement(ACTIVITIES);
  const name = `โครงการ${activity} ${ctx.unitName.replace("สำนักงาน", "")} ปี ${ctx.fiscalYear}`;
  const routine = faker.datatype.boolean({ probability: 0.3 });

  let remaining = progress;
  const project = await tx.project.create({
    data: {
      code: `${ctx.unitCode}-${ctx.serial}`,
      serial: ctx.serial,
      unitId: ctx.unitId,
      fiscalYear: ctx.fiscalYear,
      name,
      ...nameColumns(name),
      responsibleOfficer: faker.person.fullName(),
      responsibleOfficerPhone: `โทร. ${faker.number.int({ min: 1000, max: 9999 })}`,
      rationale: `เพื่อ${activity}ในพื้นที่ ${ctx.unitName} ให้เป็นไปตามนโยบายของกรุงเทพมหานคร`,
      objectives: `1. เพื่อ${activity} 2. เพื่อยกระดับคุณภาพชีวิตของประชาชน`,
      targets: `ประชาชนในพื้นที่ ${ctx.unitName} ได้รับประโยชน์ไม่น้อยกว่า ${faker.number.int({ min: 100, max: 5000 })} คน`,
      strategyNodeId: routine ? null : faker.helpers.arrayElement(ctx.strategyGoalIds),
      budgetAllocated: allocated,
      budgetSpent: spent,
      plannedStart: toDbDate(start),
      plannedFinish: toDbDate(end),
      steps: {
        create: steps.map((step, i) => {
          const completion = Math.max(0, Math.min(100, round2((remaining / step.weight) * 100)));
          remaining = Math.max(0, remaining - step.weight);
          return {
            order: i + 1,
            name: step.name,
            weight: step.weight,
            plannedStart: toDbDate(step.plannedStart),
            plannedEnd: toDbDate(step.plannedEnd),
            actualStart: completion > 0 ? toDbDate(step.plannedStart) : null,
            actualEnd: completion === 100 ? toDbDate(step.plannedEnd) : null,
            completion,
          };
        }),
      },
      policies: routine ? undefined : { create: [{ policyCode: faker.helpers.arrayElement(DEMO_POLICIES)[0] }] },
    },
  });
  const evaluated = Math.min(4, Math.floor(daysBetween(fy.start, until) / 91));
  if (evaluated > 0 && faker.datatype.boolean({ probability: 0.7 })) {
    await tx.quarterEvaluation.createMany({
      data: Array.from({ length: evaluated }, (_, i) => ({
        projectId: project.id,
        quarter: i + 1,
        score: faker.helpers.arrayElement([60, 70, 80, 90, 100]),
      })),
    });
  }
  if (spending.length > 0) {
    await tx.projectSpending.createMany({
      data: spending.map((s) => ({ projectId: project.id, spentAsOf: toDbDate(s.spentAsOf), amount: s.amount })),
    });
  }
  if (reports.length > 0) {
    await tx.progressReport.createMany({
      data: reports.map((report) => ({
        projectId: project.id,
        reportDate: toDbDate(report.reportDate),
        percent: report.percent,
        narrative: faker.helpers.arrayElement(NARRATIVES),
        problems: faker.datatype.boolean({ probability: 0.8 }) ? "ไม่มี" : "ล่าช้าจากขั้นตอนการจัดซื้อจัดจ้าง",
        obstacles: "ไม่มี",
      })),
    });
  }
  return project.id;
}
