import { Navigate } from "react-router";
import { PageSkeleton } from "../../components/ui/query-state";
import { useSession } from "../../features/auth/api/session";
import { landingPath } from "../../features/auth/lib/landing";

/** The start page: where the signed-in user's day starts (landingPath), the dashboard for a visitor. */
export function HomeRoute() {
  const session = useSession();
  if (session.isPending) return <PageSkeleton />;
  return <Navigate to={landingPath(session.data)} replace />;
}
