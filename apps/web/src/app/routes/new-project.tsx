import { useNavigate } from "react-router";
import { PageSkeleton } from "../../components/ui/query-state";
import { useSession } from "../../features/auth/api/session";
import { NewProjectForm } from "../../features/projects/components/new-project-form";
import { useI18n } from "../../lib/i18n";
import { useFiscalYears, useUnits } from "../../lib/reference-data";

export function NewProjectRoute() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const session = useSession();
  const years = useFiscalYears().data;
  const units = useUnits().data?.items;
  if (session.isPending || !years || !units) return <PageSkeleton />;
  if (!session.data) return <p className="empty">{t("noWritableUnits")}</p>;
  return (
    <NewProjectForm
      units={units}
      writableUnitCodes={session.data.writableUnitCodes}
      defaultUnit={session.data.user.unitCode ?? ""}
      currentFiscalYear={years.current}
      onCreated={(code) => navigate(`/projects/${code}?tab=edit`)}
      onCancel={() => navigate(-1)}
    />
  );
}
