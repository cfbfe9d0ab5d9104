import type { ProjectDetail } from "@cpm/schema";
import { useI18n } from "../../../lib/i18n";

/** หลักการและเหตุผล · วัตถุประสงค์ · เป้าหมาย: shown exactly as stored. */
export function ProjectAbout({ project }: { project: ProjectDetail }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="about-title">
      <h2 id="about-title" className="sr-only">
        {t("details")}
      </h2>
      <h3>{t("rationale")}</h3>
      <p className="prewrap">{project.rationale || "–"}</p>
      <h3>{t("objectives")}</h3>
      <p className="prewrap">{project.objectives || "–"}</p>
      <h3>{t("targets")}</h3>
      <p className="prewrap">{project.targets || "–"}</p>
    </section>
  );
}
