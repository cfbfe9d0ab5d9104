import { z } from "zod";
import { fiscalYearParam, isoDate, unitCode } from "./common";
import { scheduleStatus } from "./project";

/** GET /open-data/projects: one fiscal year's projects, a page at a time. */
export const openDataQuery = z.strictObject({
  fiscalYear: fiscalYearParam,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(1_000).default(100),
});

/** GET /open-data/projects.csv: the whole year. */
export const openDataCsvQuery = z.strictObject({ fiscalYear: fiscalYearParam });

/**
 * A project's non-personal fields (no officer's name or phone), for the city's open-data portal.
 * `id` is stable: it never changes, also when the project moves to another unit.
 */
export const openDataProject = z
  .object({
    id: z.string().meta({ example: "urn:cpm:project:50450000-3247" }),
    code: z.string(),
    name: z.string(),
    unitCode,
    unitName: z.string(),
    /** ปีงบประมาณ, Buddhist era */
    fiscalYear: z.number().int(),
    objectives: z.string(),
    targets: z.string(),
    strategyCode: z.string().nullable(),
    budgetAllocated: z.number().nullable(),
    budgetSpent: z.number().nullable(),
    progress: z.number().nullable(),
    plannedProgress: z.number(),
    scheduleStatus,
    lastReportDate: isoDate.nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: "OpenDataProject" });

export const openDataPage = z
  .object({
    fiscalYear: z.number().int(),
    /** the day the figures are as of */
    asOf: isoDate,
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** the next page's URL, null on the last */
    next: z.string().nullable(),
    items: z.array(openDataProject),
  })
  .meta({ id: "OpenDataPage" });

export type OpenDataProject = z.infer<typeof openDataProject>;
export type OpenDataPage = z.infer<typeof openDataPage>;
