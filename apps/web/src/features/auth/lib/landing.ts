import type { Session } from "@cpm/schema";

/**
 * Where a user's day starts: an officer (or the unit's head) on their unit's projects (those not yet
 * reported this month first), an evaluator on what awaits scoring, an executive on their dashboard (their unit's, when
 * they belong to one); everyone else on the city's dashboard.
 */
export function landingPath(session: Pick<Session, "user"> | null | undefined): string {
  const user = session?.user;
  if (!user) return "/dashboard";
  switch (user.role) {
    case "officer":
    case "head":
      return user.unitCode ? "/my-unit" : "/projects";
    case "evaluator":
      return "/evaluations";
    case "executive":
      return user.unitCode ? `/dashboard/${user.unitCode}` : "/dashboard";
    default:
      return "/dashboard";
  }
}
