import { z } from "zod";

export const localizedMessage = z.object({ th: z.string(), en: z.string() });

export const fieldError = z
  .object({
    /** dotted path into the request, e.g. `steps.2.weight` or `query.fiscalYear` */
    path: z.string(),
    code: z.string(),
    message: localizedMessage,
  })
  .meta({ id: "FieldError" });

/** RFC 9457 problem details, with the field errors of a rejected request. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    message: localizedMessage.optional(),
    instance: z.string().optional(),
    errors: z.array(fieldError).optional(),
    /** On 412: the version the record has now (its ETag). */
    currentVersion: z.number().int().optional(),
  })
  .meta({ id: "Problem" });

export type LocalizedMessage = z.infer<typeof localizedMessage>;
export type FieldError = z.infer<typeof fieldError>;
export type Problem = z.infer<typeof problem>;
