/**
 * Bulk import of monthly reports from other systems (POST /imports/reports): thousands of rows in a
 * few set-based statements. Each row is checked as a single report write checks it (the schema, a
 * known live project, the caller's right to write its unit, not after today, within the project's
 * reporting window), then matched with the project's live report of that date: none → created,
 * different → updated, same → unchanged. All or nothing by default; `partial` imports the rows that
 * pass. The kept figures are kept once for every touched project, unit and year, not per row.
 */
import {
  fieldErrorsFromIssues,
  type LocalizedMessage,
  type ReportImportRow,
  type ReportImportSummary,
  reasonMessage,
  reportImportRow,
} from "@cpm/schema";
import { type IsoDate, reportingWindow } from "@cpm/schema/rules";
import { type Actor, actorColumns } from "../auth/actor";
import { decide } from "../auth/policy";
import { keepFiguresAfterWrite } from "../figures";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { ChangeContext } from "../repositories/audit";

type Tx = Prisma.TransactionClient;
type Rejection = ReportImportSummary["rejected"][number];

export interface ReportImportOptions {
  mode: "all" | "partial";
  dryRun: boolean;
  today: IsoDate;
  change: ChangeContext;
  /** kept in the same transaction as the import, so that a retry finds it */
  idempotency?: { actorKey: string; key: string; route: string; requestHash: string };
}

export interface ReportImportOutcome {
  httpStatus: number;
  summary: ReportImportSummary;
}

interface Checked extends ReportImportRow {
  row: number;
  projectId: number;
}

/** Ends the transaction without writing: a dry run, or all-or-nothing with a rejected row. */
class Rollback extends Error {
  constructor(readonly outcome: ReportImportOutcome) {
    super("rollback");
  }
}

const reject = (row: number, field: string, code: string, message: LocalizedMessage): Rejection => ({
  row,
  field,
  code,
  message,
});

/** The rows that pass the schema, and a rejection for every field of the others. */
function validate(rows: readonly unknown[], today: IsoDate) {
  const valid: (ReportImportRow & { row: number })[] = [];
  const rejected: Rejection[] = [];
  rows.forEach((raw, index) => {
    const row = index + 1;
    const parsed = reportImportRow.safeParse(raw);
    if (!parsed.success) {
      for (const error of fieldErrorsFromIssues(parsed.error.issues)) {
        rejected.push(reject(row, error.path, error.code, error.message));
      }
      return;
    }
    if (parsed.data.reportDate > today) {
      rejected.push(
        reject(row, "reportDate", "futureDate", {
          th: `วันที่รายงานต้องไม่เกินวันนี้ (${today})`,
          en: `A report cannot be dated after today (${today})`,
        }),
      );
      return;
    }
    valid.push({ ...parsed.data, row });
  });
  return { valid, rejected };
}

async function checkAgainstDatabase(
  tx: Tx,
  rows: (ReportImportRow & { row: number })[],
  actor: Actor,
): Promise<{ accepted: Checked[]; rejected: Rejection[] }> {
  const codes = [...new Set(rows.map((r) => r.projectCode))];
  const projects = await tx.$queryRaw<{ id: number; code: string; unit_id: number; fiscal_year: number }[]>`
    SELECT id, code, unit_id, fiscal_year FROM project WHERE code = ANY(${codes}::text[]) AND deleted_at IS NULL`;
  const byCode = new Map(projects.map((p) => [p.code, p]));
  const unitIds = [...new Set(projects.map((p) => p.unit_id))];
  const ancestries = await tx.$queryRaw<{ unit_id: number; ancestry: number[] }[]>`
    WITH RECURSIVE up AS (
      SELECT id AS unit_id, id, parent_id FROM org_unit WHERE id = ANY(${unitIds}::int[])
      UNION ALL
      SELECT up.unit_id, o.id, o.parent_id FROM up JOIN org_unit o ON o.id = up.parent_id
    )
    SELECT unit_id, array_agg(id) AS ancestry FROM up GROUP BY unit_id`;
  const mayWrite = new Map(
    ancestries.map((a) => [
      a.unit_id,
      decide(actor, "project.write", { publicRead: false, unitAncestry: a.ancestry.map(Number) }) === "allow",
    ]),
  );
  const accepted: Checked[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const project = byCode.get(row.projectCode);
    if (!project) {
      rejected.push(
        reject(row.row, "projectCode", "unknownProject", {
          th: `ไม่พบโครงการ ${row.projectCode}`,
          en: `No project ${row.projectCode}`,
        }),
      );
      continue;
    }
    if (!mayWrite.get(project.unit_id)) {
      rejected.push(
        reject(row.row, "projectCode", "forbidden", {
          th: `คุณไม่มีสิทธิ์บันทึกรายงานของโครงการ ${row.projectCode}`,
          en: `You may not write the reports of project ${row.projectCode}`,
        }),
      );
      continue;
    }
    const { start, end } = reportingWindow(project.fiscal_year);
    if (row.reportDate < start || row.reportDate > end) {
      rejected.push(
        reject(
          row.row,
          "reportDate",
          "outsideReportingWindow",
          reasonMessage("outsideReportingWindow", { fiscalYear: project.fiscal_year, start, end }),
        ),
      );
      continue;
    }
    const key = `${project.id}|${row.reportDate}`;
    const first = seen.get(key);
    if (first !== undefined) {
      rejected.push(
        reject(row.row, "reportDate", "duplicateRow", {
          th: `ซ้ำกับแถวที่ ${first}: โครงการเดียวกัน วันที่เดียวกัน`,
          en: `Same project and date as row ${first}`,
        }),
      );
      continue;
    }
    seen.set(key, row.row);
    accepted.push({ ...row, projectId: project.id });
  }
  return { accepted, rejected };
}

interface ExistingReport {
  id: number;
  project_id: number;
  report_date: string;
  percent: string;
  narrative: string;
  problems: string;
  obstacles: string;
}

export async function importReports(
  prisma: PrismaClient,
  rows: readonly unknown[],
  options: ReportImportOptions,
): Promise<ReportImportOutcome> {
  const { valid, rejected: invalid } = validate(rows, options.today);
  const summarize = (
    status: ReportImportSummary["status"],
    counts: { created: number; updated: number; unchanged: number },
    rejected: Rejection[],
  ): ReportImportSummary => ({
    status,
    mode: options.mode,
    dryRun: options.dryRun,
    replayed: false,
    stats: { total: rows.length, ...counts, rejected: new Set(rejected.map((r) => r.row)).size },
    rejected: [...rejected].sort((a, b) => a.row - b.row),
  });
  try {
    return await prisma.$transaction(
      async (tx) => {
        const checked = await checkAgainstDatabase(tx, valid, options.change.actor);
        const rejected = [...invalid, ...checked.rejected];
        if (options.mode === "all" && rejected.length > 0) {
          throw new Rollback({
            httpStatus: 422,
            summary: summarize("ERROR", { created: 0, updated: 0, unchanged: 0 }, rejected),
          });
        }
        const rowsToWrite = checked.accepted;
        // the projects' rows locked in one order (no deadlock with another import), then their reports of those dates
        const projectIds = [...new Set(rowsToWrite.map((r) => r.projectId))].sort((a, b) => a - b);
        await tx.$queryRaw`SELECT id FROM project WHERE id = ANY(${projectIds}::int[]) ORDER BY id FOR UPDATE`;
        const existing = await tx.$queryRaw<ExistingReport[]>`
          SELECT DISTINCT ON (r.project_id, r.report_date) r.id, r.project_id, r.report_date::text AS report_date,
            r.percent::text AS percent, r.narrative, r.problems, r.obstacles
          FROM progress_report r
          JOIN unnest(${rowsToWrite.map((r) => r.projectId)}::int[], ${rowsToWrite.map((r) => r.reportDate)}::text[]::date[])
            AS k(project_id, report_date) ON r.project_id = k.project_id AND r.report_date = k.report_date
          WHERE r.deleted_at IS NULL
          ORDER BY r.project_id, r.report_date, r.id DESC`;
        const byKey = new Map(existing.map((e) => [`${e.project_id}|${e.report_date}`, e]));
        const creates: Checked[] = [];
        const updates: (Checked & { id: number })[] = [];
        let unchanged = 0;
        for (const row of rowsToWrite) {
          const found = byKey.get(`${row.projectId}|${row.reportDate}`);
          if (!found) creates.push(row);
          else if (
            Number(found.percent) !== row.percent ||
            found.narrative !== row.narrative ||
            found.problems !== row.problems ||
            found.obstacles !== row.obstacles
          )
            updates.push({ ...row, id: found.id });
          else unchanged++;
        }
        const counts = { created: creates.length, updated: updates.length, unchanged };
        const summary = summarize(rejected.length ? "WARNING" : "OK", counts, rejected);
        const outcome = { httpStatus: 200, summary };
        if (options.dryRun) throw new Rollback(outcome);
        await writeRows(tx, creates, updates, options.change);
        const touched = [...new Set([...creates, ...updates].map((r) => r.projectId))];
        if (touched.length) {
          await tx.$executeRaw`UPDATE project SET version = version + 1, updated_at = now() WHERE id = ANY(${touched}::int[])`;
          const from = [...creates, ...updates].map((r) => r.reportDate).sort()[0] as IsoDate;
          // once for every touched project, and once per touched unit and year
          await keepFiguresAfterWrite(tx, { projectIds: touched, from }, options.today);
        }
        if (options.idempotency) {
          const { actorKey, key, route, requestHash } = options.idempotency;
          await tx.idempotencyKey.create({
            data: {
              actorKey,
              key,
              route,
              requestHash,
              status: 200,
              response: summary as unknown as Prisma.InputJsonValue,
            },
          });
        }
        return outcome;
      },
      { timeout: 300_000, maxWait: 60_000 },
    );
  } catch (error) {
    if (error instanceof Rollback) return error.outcome;
    throw error;
  }
}

/** The new reports and the changed ones, each with its audit row, in two statements. */
async function writeRows(tx: Tx, creates: Checked[], updates: (Checked & { id: number })[], change: ChangeContext) {
  const actor = actorColumns(change.actor);
  const column = <K extends keyof Checked>(rows: Checked[], key: K) => rows.map((r) => r[key]);
  if (creates.length) {
    // oldest first, so that ids follow the order the reports were made
    const rows = [...creates].sort((a, b) => a.reportDate.localeCompare(b.reportDate) || a.row - b.row);
    await tx.$executeRaw`
      WITH ins AS (
        INSERT INTO progress_report (project_id, report_date, percent, narrative, problems, obstacles)
        SELECT * FROM unnest(${column(rows, "projectId")}::int[], ${column(rows, "reportDate")}::text[]::date[],
          ${rows.map((r) => String(r.percent))}::text[]::numeric[], ${column(rows, "narrative")}::text[],
          ${column(rows, "problems")}::text[], ${column(rows, "obstacles")}::text[])
        RETURNING *
      )
      INSERT INTO audit_event (user_id, api_key_id, actor_label, action, entity_type, entity_key, project_id, after, request_id)
      SELECT ${actor.userId}, ${actor.apiKeyId}, ${actor.actorLabel}, 'report.import', 'report', ins.id::text, ins.project_id,
        jsonb_build_object('reportDate', ins.report_date::text, 'percent', ins.percent, 'narrative', ins.narrative,
          'problems', ins.problems, 'obstacles', ins.obstacles),
        ${change.requestId}
      FROM ins`;
  }
  if (updates.length) {
    await tx.$executeRaw`
      WITH u AS (
        SELECT * FROM unnest(${updates.map((r) => r.id)}::int[], ${updates.map((r) => String(r.percent))}::text[]::numeric[],
          ${column(updates, "narrative")}::text[], ${column(updates, "problems")}::text[], ${column(updates, "obstacles")}::text[])
          AS u(id, percent, narrative, problems, obstacles)
      ),
      old AS (SELECT r.* FROM progress_report r JOIN u ON u.id = r.id),
      upd AS (
        UPDATE progress_report r SET percent = u.percent, narrative = u.narrative, problems = u.problems,
          obstacles = u.obstacles, updated_at = now()
        FROM u WHERE r.id = u.id
        RETURNING r.id
      )
      INSERT INTO audit_event (user_id, api_key_id, actor_label, action, entity_type, entity_key, project_id, before, after, request_id)
      SELECT ${actor.userId}, ${actor.apiKeyId}, ${actor.actorLabel}, 'report.import', 'report', old.id::text, old.project_id,
        jsonb_build_object('reportDate', old.report_date::text, 'percent', old.percent, 'narrative', old.narrative,
          'problems', old.problems, 'obstacles', old.obstacles),
        jsonb_build_object('reportDate', old.report_date::text, 'percent', u.percent, 'narrative', u.narrative,
          'problems', u.problems, 'obstacles', u.obstacles),
        ${change.requestId}
      FROM old JOIN u ON u.id = old.id JOIN upd ON upd.id = old.id`;
  }
}
