import { z } from "zod";
import { fiscalYear, isoDate, percent, projectCode, quarter, score, unitCode } from "./common";
import { INDICATOR_TYPES, indicatorCode, RESULT_LEVELS } from "./indicator";
import { localizedMessage } from "./problem";
import { KPI_MEASURE_TYPES } from "./rules/kpi-status";
import { LEGACY_FLAG_CODES } from "./rules/legacy-page-rules";

/**
 * A project page of the legacy site, as the importer read it (pages saved as text from the site's
 * mobile view). Texts are exactly as on the page; numbers and dates are parsed. What a page does
 * not carry is null or empty.
 */
export const legacyPage = z
  .object({
    code: projectCode,
    /** where the code came from: the page's header, or the file name when the capture has no header */
    codeFrom: z.enum(["header", "fileName"]),
    /** null when the capture has no header */
    name: z.string().min(1).nullable(),
    unitCode,
    unitName: z.string().nullable(),
    fiscalYear: fiscalYear.nullable(),
    /** the header's ความคืบหน้าโครงการ ร้อยละ */
    progress: percent.nullable(),
    officer: z.string(),
    /** the phone written beside the officer's name: (3027), โทร.6573 */
    officerPhone: z.string().nullable(),
    /** สยป. ประเมินโครงการ: the quarter scored, and its score when the page shows one */
    evaluation: z.object({ quarter, score: score.nullable() }).nullable(),
    rationale: z.string(),
    responsibleUnitCode: unitCode.nullable(),
    budgetUnitCode: unitCode.nullable(),
    objectives: z.string(),
    targets: z.string(),
    /**
     * สนับสนุนยุทธศาสตร์: the strategy path's lines; routineMission when the page says ภารกิจงานประจำ
     * (no strategy). Neither when the page has no such section.
     */
    strategyPath: z.array(z.string()),
    routineMission: z.boolean(),
    reports: z.array(
      z.object({
        /** the page's running number, newest first */
        number: z.number().int(),
        reportDate: isoDate,
        percent,
        narrative: z.string(),
        problems: z.string(),
        obstacles: z.string(),
      }),
    ),
    steps: z.array(
      z.object({
        order: z.number().int(),
        name: z.string(),
        weight: z.number().min(0).max(100),
        plannedStart: isoDate.nullable(),
        plannedEnd: isoDate.nullable(),
      }),
    ),
    indicators: z.array(
      z.object({
        code: indicatorCode,
        name: z.string(),
        measureUnit: z.string(),
        /** from the measure unit: ระดับ a level, ร้อยละ a percent, else a number */
        measureType: z.enum(KPI_MEASURE_TYPES),
        target: z.number().min(0),
        achieved: z.number().min(0).nullable(),
        type: z.enum(INDICATOR_TYPES),
        resultLevel: z.enum(RESULT_LEVELS),
        quarters: z.array(
          z.object({
            quarter,
            value: z.number().min(0),
            score21: score.nullable(),
            score22: score.nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "LegacyPage" });

export type LegacyPage = z.infer<typeof legacyPage>;

/** What the importer found odd on a page: imported as it is, and flagged. */
export const importFlag = z
  .object({
    code: z.enum(LEGACY_FLAG_CODES),
    /** where on the page: `steps`, `reports.2021-08-31`, … */
    path: z.string(),
    message: localizedMessage,
  })
  .meta({ id: "ImportFlag" });

export type ImportFlag = z.infer<typeof importFlag>;

export const importFlagRecord = importFlag
  .extend({ source: z.string(), createdAt: z.string() })
  .meta({ id: "ImportFlagRecord" });

/** GET /projects/{code}/import-flags */
export const importFlagList = z.object({ items: z.array(importFlagRecord) }).meta({ id: "ImportFlagList" });

/** One page of an import: in the API's body, the page's text and, for a capture without header, its file name. */
export const legacyPageSource = z.strictObject({
  fileName: z.string().max(500).optional(),
  text: z.string().min(1).max(2_000_000),
});

export const legacyImportRequest = z
  .strictObject({ pages: z.array(legacyPageSource).min(1).max(500) })
  .meta({ id: "LegacyImportRequest" });

export const LEGACY_PAGE_OUTCOMES = ["created", "updated", "unchanged", "failed"] as const;

export const legacyPageResult = z
  .object({
    /** the file name or `pages[i]` */
    source: z.string(),
    code: z.string().nullable(),
    outcome: z.enum(LEGACY_PAGE_OUTCOMES),
    /** what the import added or changed (or would, in a dry run) */
    changes: z.array(z.string()),
    flags: z.array(importFlag),
    /** why the page failed; nothing of it was written */
    reason: localizedMessage.nullable(),
  })
  .meta({ id: "LegacyPageResult" });

export const legacyImportSummary = z
  .object({
    dryRun: z.boolean(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    failed: z.number().int(),
    flagged: z.number().int(),
    pages: z.array(legacyPageResult),
  })
  .meta({ id: "LegacyImportSummary" });

export type LegacyPageResult = z.infer<typeof legacyPageResult>;
export type LegacyImportSummary = z.infer<typeof legacyImportSummary>;
