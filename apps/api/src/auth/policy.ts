import type { Actor } from "./actor";

/**
 * Who may do what: the one place where roles become permissions.
 * - admin: everything;
 * - officer of a unit: writes the projects and KPIs (values) of that unit and its sub-units;
 * - head of a unit: writes as its officers do, and approves or returns its months (and reopens them);
 * - officers and heads submit their unit's months;
 * - evaluator: writes quarterly evaluations and KPI scores (2.1 / 2.2) of any unit;
 * - executive: reads everything;
 * - API key: reads, and with the write scope writes like an officer of its named units;
 * - anonymous: reads when the city publishes (PUBLIC_READ), never writes, never sees the history.
 */
export type Permission =
  | "read"
  | "history.read"
  | "project.write"
  | "indicator.write"
  | "indicator.score"
  | "evaluation.write"
  | "month.submit"
  | "month.decide"
  | "admin";

export type Decision = "allow" | "unauthenticated" | "forbidden";

/** `unitAncestry`: the target unit's id and every unit above it, for writes scoped to a unit. */
export function decide(
  actor: Actor,
  permission: Permission,
  options: { publicRead: boolean; unitAncestry?: number[] },
): Decision {
  if (actor.kind === "anonymous") return permission === "read" && options.publicRead ? "allow" : "unauthenticated";
  if (permission === "read" || permission === "history.read") return "allow";
  if (actor.kind === "user" && actor.role === "admin") return "allow";
  const ancestry = options.unitAncestry ?? [];
  switch (permission) {
    case "project.write":
    case "indicator.write":
      if (actor.kind === "user") {
        return (actor.role === "officer" || actor.role === "head") &&
          actor.unitId !== null &&
          ancestry.includes(actor.unitId)
          ? "allow"
          : "forbidden";
      }
      return actor.scope === "write" && actor.unitIds.some((id) => ancestry.includes(id)) ? "allow" : "forbidden";
    case "month.submit":
    case "month.decide": {
      const roles = permission === "month.submit" ? ["officer", "head"] : ["head"];
      return actor.kind === "user" &&
        roles.includes(actor.role) &&
        actor.unitId !== null &&
        ancestry.includes(actor.unitId)
        ? "allow"
        : "forbidden";
    }
    case "indicator.score":
    case "evaluation.write":
      return actor.kind === "user" && actor.role === "evaluator" ? "allow" : "forbidden";
    default:
      return "forbidden";
  }
}
