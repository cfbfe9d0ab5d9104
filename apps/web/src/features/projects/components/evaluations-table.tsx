import type { QuarterEvaluation } from "@cpm/schema";
import { useI18n } from "../../../lib/i18n";
import styles from "./evaluations-table.module.css";

export function EvaluationsTable({ evaluations }: { evaluations: QuarterEvaluation[] }) {
  const { t, number } = useI18n();
  return (
    <section aria-labelledby="evaluations-title">
      <h2 id="evaluations-title">{t("evaluations")}</h2>
      {evaluations.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <ul className={styles.chips} data-testid="evaluations">
          {evaluations.map((e) => (
            <li key={e.quarter}>
              {t("quarter")} {e.quarter}: <strong>{number(e.score)}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
