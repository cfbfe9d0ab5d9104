import { ApiError } from "../../../lib/api-client";
import { useI18n } from "../../../lib/i18n";

/** Shown when the server refused a write because someone else changed the project meanwhile (412). */
export function ConflictNotice({ error, onReload }: { error: unknown; onReload: () => void }) {
  const { t } = useI18n();
  if (!(error instanceof ApiError && error.status === 412)) return null;
  return (
    <div className="conflict" role="alert">
      <p>{t("conflict")}</p>
      <button type="button" onClick={onReload}>
        {t("reload")}
      </button>
    </div>
  );
}
