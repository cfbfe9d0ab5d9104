import { useEffect } from "react";
import { isRouteErrorResponse, useRouteError } from "react-router";
import styles from "../../components/ui/query-state.module.css";
import { useI18n } from "../../lib/i18n";

const RELOADED_AT = "cpm.reloadedForNewVersionAt";
/** At most one automatic reload in this long, so that a page that stays broken cannot loop. */
const RELOAD_PAUSE_MS = 30_000;

/** A page's code that is gone: the app was deployed anew since this tab loaded it. */
const isStaleChunk = (error: unknown) =>
  error instanceof Error &&
  /dynamically imported module|Importing a module script failed|error loading dynamically imported/i.test(
    error.message,
  );

/** When a page fails to render or load: say so, and offer to try again. After a new deployment, reload once by itself. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const stale = isStaleChunk(error) && Date.now() - Number(sessionStorage.getItem(RELOADED_AT) ?? 0) > RELOAD_PAUSE_MS;
  useEffect(() => {
    if (!stale) return;
    sessionStorage.setItem(RELOADED_AT, String(Date.now()));
    window.location.reload();
  }, [stale]);
  return (
    <main id="main">
      <div className={styles.errorPanel} role="alert">
        <h1>{notFound ? t("notFound") : t("errorTitle")}</h1>
        <p className="muted">{error instanceof Error ? error.message : ""}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t("retry")}
        </button>{" "}
        <a href="/">{t("navDashboard")}</a>
      </div>
    </main>
  );
}
