import type { PlanVersions } from "@cpm/schema";
import {
  fiscalYearSpan,
  type IsoDate,
  latestProgress,
  monthEndsOf,
  planDifference,
  plannedCurve,
  type VersionStep,
  versionInForce,
} from "@cpm/schema/rules";
import type { PrismaClient } from "../generated/prisma/client";
import { notFound } from "../lib/problems";

interface EventRow {
  at: Date;
  day: string;
  actorLabel: string;
  before: { steps?: VersionStep[] } | null;
  after: { steps?: VersionStep[]; reason?: string } | null;
}

const stepsOf = (steps: VersionStep[] | undefined): VersionStep[] =>
  (steps ?? []).map(({ name, weight, plannedStart, plannedEnd }) => ({
    name,
    weight: Number(weight),
    plannedStart,
    plannedEnd,
  }));

/**
 * A project's plan versions, read from its history: every plan change is audited with the steps
 * before and after, who and (when given) why, in the change's own transaction. The first version is
 * the plan before the first change (as the project was created); each change makes the next.
 */
export function planVersionsRepository(prisma: PrismaClient, timeZone: string) {
  return {
    async forProject(code: string): Promise<PlanVersions> {
      const project = await prisma.project.findUnique({
        where: { code },
        select: {
          id: true,
          fiscalYear: true,
          createdAt: true,
          steps: { orderBy: { order: "asc" } },
          reports: { where: { deletedAt: null }, select: { reportDate: true, percent: true, id: true } },
        },
      });
      if (!project) throw notFound("project", code, "โครงการ");
      const events = await prisma.$queryRaw<EventRow[]>`
        SELECT at, to_char((at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day, actor_label AS "actorLabel",
          before, after
        FROM audit_event WHERE project_id = ${project.id} AND action = 'plan.replace' ORDER BY at, id`;
      const [creation] = await prisma.$queryRaw<{ day: string; actorLabel: string }[]>`
        SELECT to_char((at AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS day, actor_label AS "actorLabel"
        FROM audit_event WHERE project_id = ${project.id} AND action = 'project.create' ORDER BY at, id LIMIT 1`;
      const versions: PlanVersions["versions"] = [];
      const first = events[0];
      if (first) {
        if (first.before?.steps?.length) {
          versions.push({
            number: 1,
            at: project.createdAt.toISOString(),
            day: creation?.day ?? first.day,
            by: creation?.actorLabel ?? "",
            reason: null,
            steps: stepsOf(first.before.steps),
          });
        }
        for (const event of events) {
          versions.push({
            number: versions.length + 1,
            at: event.at.toISOString(),
            day: event.day,
            by: event.actorLabel,
            reason: event.after?.reason ?? null,
            steps: stepsOf(event.after?.steps),
          });
        }
      } else if (project.steps.length) {
        versions.push({
          number: 1,
          at: project.createdAt.toISOString(),
          day: creation?.day ?? project.createdAt.toISOString().slice(0, 10),
          by: creation?.actorLabel ?? "",
          reason: null,
          steps: stepsOf(
            project.steps.map((s) => ({
              name: s.name,
              weight: Number(s.weight),
              plannedStart: s.plannedStart?.toISOString().slice(0, 10) ?? null,
              plannedEnd: s.plannedEnd?.toISOString().slice(0, 10) ?? null,
            })),
          ),
        });
      }
      const yearStart = fiscalYearSpan(project.fiscalYear).start;
      const baseline = versionInForce(
        versions.map((v) => ({ ...v, at: v.day })),
        yearStart,
      );
      const current = versions.at(-1);
      const monthEnds = monthEndsOf(project.fiscalYear);
      const baselineCurve = baseline ? plannedCurve(baseline.steps, monthEnds) : [];
      const currentCurve = current ? plannedCurve(current.steps, monthEnds) : [];
      const reports = project.reports.map((r) => ({
        id: r.id,
        reportDate: r.reportDate.toISOString().slice(0, 10) as IsoDate,
        percent: Number(r.percent),
      }));
      return {
        fiscalYear: project.fiscalYear,
        versions,
        baselineNumber: baseline?.number ?? null,
        currentNumber: current?.number ?? null,
        difference: baseline && current ? planDifference(baseline.steps, current.steps) : [],
        curves: monthEnds.map((monthEnd, i) => ({
          monthEnd,
          baseline: baselineCurve[i] ?? null,
          current: currentCurve[i] ?? null,
          actual: latestProgress(reports.filter((r) => r.reportDate <= monthEnd)),
        })),
      };
    },
  };
}
