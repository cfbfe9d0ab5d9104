import { z } from "zod";
import { apiKey, auditEvent, user } from "./access";
import { isoDate, listOf } from "./common";
import { type projectListQuery, projectSummary } from "./project";
import { unitSummary } from "./unit";

/** The answers that list things, named once: the API declares them and the web app takes its types from them. */
export const projectPage = listOf(projectSummary).meta({ id: "ProjectPage" });
export const unitList = listOf(unitSummary).meta({ id: "UnitList" });
export const projectHistory = z.object({ items: z.array(auditEvent) }).meta({ id: "ProjectHistory" });
export const userList = z.object({ items: z.array(user) }).meta({ id: "UserList" });
export const apiKeyList = z.object({ items: z.array(apiKey) }).meta({ id: "ApiKeyList" });

/** ปีงบประมาณ that have data, newest first, and the current one. */
export const fiscalYearList = z
  .object({
    current: z.number().int(),
    items: z.array(z.object({ year: z.number().int(), startsOn: isoDate, endsOn: isoDate })),
  })
  .meta({ id: "FiscalYearList" });

export type ProjectPage = z.infer<typeof projectPage>;
export type UnitList = z.infer<typeof unitList>;
export type ProjectHistory = z.infer<typeof projectHistory>;
export type FiscalYearList = z.infer<typeof fiscalYearList>;
/** A project list's query as the URL carries it (before the API's defaults and coercions). */
export type ProjectListParams = z.input<typeof projectListQuery>;
