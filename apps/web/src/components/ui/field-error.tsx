import type { FieldError, LocalizedMessage } from "@cpm/schema";
import { useLocalized } from "../../lib/i18n";

/** The API's messages for one field (its `path`, e.g. `steps.2.weight`), in the current language. */
export function fieldErrorText(
  errors: FieldError[],
  path: string,
  localized: (message: LocalizedMessage) => string,
): string | undefined {
  const mine = errors.filter((e) => e.path === path);
  return mine.length === 0 ? undefined : mine.map((e) => localized(e.message)).join(" · ");
}

/** The API's error for one field, shown beside it. */
export function FieldErrorText({ errors, path, id }: { errors: FieldError[]; path: string; id: string }) {
  const localized = useLocalized();
  const text = fieldErrorText(errors, path, localized);
  if (!text) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {text}
    </p>
  );
}
