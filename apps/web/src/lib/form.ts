import { describeIssue, type FieldError, type LocalizedMessage } from "@cpm/schema";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Path, Resolver, UseFormSetError } from "react-hook-form";
import type { z } from "zod";
import type { Locale } from "./i18n";

/**
 * Forms carry their messages in Thai and English at once (encoded in the message string), so that
 * the shared schemas' messages, and the API's, show in whichever language the page is in.
 */
export const encodeMessage = (message: LocalizedMessage) => JSON.stringify(message);

export function messageText(message: string | undefined, locale: Locale): string | undefined {
  if (!message) return undefined;
  try {
    const parsed = JSON.parse(message) as Partial<LocalizedMessage>;
    return parsed[locale] ?? message;
  } catch {
    return message;
  }
}

type RawIssue = Parameters<typeof describeIssue>[0] & { input?: unknown };

/** zod's issue in the words the API uses for it (packages/schema field-errors). */
function issueMessage(issue: RawIssue): string {
  if (issue.code === "invalid_type" && (issue.input === undefined || Number.isNaN(issue.input))) {
    return encodeMessage({ th: "จำเป็นต้องกรอก", en: "Required" });
  }
  return encodeMessage(describeIssue({ ...issue, message: issue.message ?? "" } as RawIssue));
}

/** react-hook-form's zod resolver over a shared schema, with the shared schemas' messages. */
export function schemaResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
): Resolver<z.input<S>, unknown, z.output<S>> {
  const resolver: unknown = zodResolver(schema, { error: (issue) => issueMessage(issue as unknown as RawIssue) });
  return resolver as Resolver<z.input<S>, unknown, z.output<S>>;
}

/** The API's field errors beside the fields they name; true when at least one named a field of the form. */
export function showServerErrors<T extends FieldValues>(
  errors: FieldError[],
  setError: UseFormSetError<T>,
  fields: readonly string[],
): boolean {
  let shown = false;
  for (const error of errors) {
    if (!fields.includes(error.path)) continue;
    setError(error.path as Path<T>, { type: "server", message: encodeMessage(error.message) });
    shown = true;
  }
  return shown;
}

/** An input's text as a number for the schema: empty is "not given". */
export const asNumber = (value: unknown) =>
  value === "" || value === null || value === undefined ? undefined : Number(value);
/** As asNumber, but empty is null (a value cleared on purpose). */
export const asNumberOrNull = (value: unknown) =>
  value === "" || value === null || value === undefined ? null : Number(value);
