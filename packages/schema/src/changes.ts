import { z } from "zod";

/**
 * A position in the change feed: the writing transaction's id and the change's, as `xid.id`; up to
 * 18 digits each, which xid8 and bigint both hold (a transaction id of 10^18 is centuries away).
 */
export const changeCursor = z
  .string()
  .regex(/^\d{1,18}\.\d{1,18}$/, { error: "changeCursor" })
  .meta({ example: "1234.56" });

export const changesQuery = z.strictObject({
  /** the `next` of the previous answer; without it, from the first change */
  after: changeCursor.optional(),
  limit: z.coerce.number().int().min(1).max(1_000).default(100),
});

export const change = z
  .object({
    entity: z.enum(["project", "indicator"]),
    code: z.string(),
    kind: z.enum(["created", "updated", "deleted", "restored"]),
    /** when the change was written (its transaction's time) */
    time: z.string(),
    /** the record's version after the change (a project's or indicator's ETag names it) */
    version: z.number().int(),
    cursor: changeCursor,
  })
  .meta({ id: "Change" });

export const changePage = z
  .object({
    items: z.array(change),
    /** pass as `after` to get what comes next (the same cursor again when nothing new has committed) */
    next: changeCursor.nullable(),
  })
  .meta({ id: "ChangePage" });

export type ChangePage = z.infer<typeof changePage>;
