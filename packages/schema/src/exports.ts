import { z } from "zod";
import { unitCode } from "./common";
import { dashboardQuery } from "./dashboard";
import { projectListQuery } from "./project";

const exportOptions = {
  /** csv: UTF-8 with a BOM (Excel shows Thai); xlsx: numbers as numbers, dates as dates, header row frozen */
  format: z.enum(["csv", "xlsx"]).default("csv"),
  /** the header row's language */
  lang: z.enum(["th", "en"]).default("th"),
};

/** GET /exports/projects: the list's filters (every matching project, in code order). */
export const projectExportQuery = projectListQuery
  .omit({ page: true, pageSize: true, sort: true, order: true })
  .extend(exportOptions);

/** GET /exports/dashboard: the city's (or a unit's) dashboard, a row per unit and the totals. */
export const dashboardExportQuery = dashboardQuery.extend({ unit: unitCode.optional(), ...exportOptions });
