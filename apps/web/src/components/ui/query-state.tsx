import type { ReactNode } from "react";
import { ApiError } from "../../lib/api-client";
import { useI18n, useLocalized } from "../../lib/i18n";
import styles from "./query-state.module.css";

/** Loading skeleton, error with a retry, or the content. */
export function QueryState({
  isPending,
  error,
  retry,
  children,
  rows = 6,
}: {
  isPending: boolean;
  error: unknown;
  retry: () => void;
  children: ReactNode;
  rows?: number;
}) {
  const { t } = useI18n();
  const localized = useLocalized();
  if (error) {
    const message = error instanceof ApiError ? localized(error.localized) : String(error);
    return (
      <div className={styles.errorPanel} role="alert">
        <h2>{error instanceof ApiError && error.status === 404 ? t("notFound") : t("errorTitle")}</h2>
        <p>{message}</p>
        <button type="button" onClick={retry}>
          {t("retry")}
        </button>
      </div>
    );
  }
  if (isPending) return <Skeleton rows={rows} label={t("loading")} />;
  return <>{children}</>;
}

function Skeleton({ rows, label }: { rows: number; label: string }) {
  return (
    <div className={styles.skeleton} role="status" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div key={i} className={styles.line} />
      ))}
    </div>
  );
}

/** While a page's code loads on the first visit (outside the i18n context's reach, so in both languages). */
export function PageSkeleton() {
  return (
    <main id="main">
      <Skeleton rows={8} label="กำลังโหลด… · Loading…" />
    </main>
  );
}
