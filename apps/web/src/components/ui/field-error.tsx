import type { FieldError } from "@cpm/schema";
import { useLocalized } from "../../lib/i18n";

/** The API's error for one field, shown beside it. */
export function FieldErrorText({ errors, path, id }: { errors: FieldError[]; path: string; id: string }) {
  const localized = useLocalized();
  const mine = errors.filter((e) => e.path === path);
  if (mine.length === 0) return null;
  return (
    <p className="field-error" id={id} role="alert">
      {mine.map((e) => localized(e.message)).join(" · ")}
    </p>
  );
}
