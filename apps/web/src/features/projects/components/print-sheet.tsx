import type { ProjectDetail } from "@cpm/schema";
import { useI18n } from "../../../lib/i18n";
import { useUnitLabel } from "../../../lib/unit-names";
import styles from "./print-sheet.module.css";

/** Today in the city's time zone, as the printout is dated. */
const todayInBangkok = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bangkok" }).format(new Date());

/** The printout's heading, as an office files it: the city, the unit, the report's title, the project and the day printed. */
export function PrintHeading({ project }: { project: ProjectDetail }) {
  const { t, date } = useI18n();
  const unitLabel = useUnitLabel();
  return (
    <header className={styles.heading} data-testid="print-heading">
      <p className={styles.city}>{t("appCity")}</p>
      <p className={styles.unit}>{unitLabel(project.unit)}</p>
      <p className={styles.title}>
        {t("printTitle")} {t("fiscalYear")} {project.fiscalYear}
      </p>
      <p className={styles.date}>
        {t("printedOn")} {date(todayInBangkok())}
      </p>
    </header>
  );
}

/** The page number in each page's bottom margin, in the page's language ("หน้า 1/3"). */
export function PageNumbers() {
  const { t } = useI18n();
  return (
    <style>{`@media print { @page { @bottom-right { content: "${t("pageOfTotal")} " counter(page) "/" counter(pages); font-size: 10pt; color: #444; } } }`}</style>
  );
}

/** Where the officer and the head of the unit sign, kept together on the last page. */
export function PrintSignatures({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  const unitLabel = useUnitLabel();
  const blank = "…………………………………………";
  return (
    <section className={styles.signatures} data-testid="print-signatures" aria-label={t("signature")}>
      <div className={styles.signature}>
        <p>
          {t("signature")} {blank}
        </p>
        <p>({project.responsibleOfficer || blank})</p>
        <p>{t("signOfficer")}</p>
        <p>
          {t("signDate")} {blank}
        </p>
      </div>
      <div className={styles.signature}>
        <p>
          {t("signature")} {blank}
        </p>
        <p>({blank})</p>
        <p>
          {t("signUnitHead")} {unitLabel(project.unit)}
        </p>
        <p>
          {t("signDate")} {blank}
        </p>
      </div>
    </section>
  );
}
