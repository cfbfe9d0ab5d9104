import { useProjectActions } from "../api/project-actions";
import { MonthCycle } from "./month-cycle";

/** The project's unit's month as of the server's today (the API says which month that is). */
export function ProjectMonthCycle({
  projectCode,
  unitCode,
  viewer,
}: {
  projectCode: string;
  unitCode: string;
  viewer: string;
}) {
  const actions = useProjectActions(projectCode, viewer);
  if (!actions.data) return null;
  return <MonthCycle unitCode={unitCode} month={actions.data.month} />;
}
