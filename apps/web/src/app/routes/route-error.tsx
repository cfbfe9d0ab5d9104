import { isRouteErrorResponse, useRouteError } from "react-router";
import { useI18n } from "../../lib/i18n";

/** When a page fails to render or load: say so, and offer to try again. */
export function RouteError() {
  const error = useRouteError();
  const { t } = useI18n();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main">
      <div className="error-panel" role="alert">
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
