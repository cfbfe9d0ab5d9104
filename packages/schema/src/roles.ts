/**
 * admin · officer of a unit · evaluator (สยป.) · executive · head of a unit (หัวหน้าหน่วยงาน: an officer
 * who also approves the unit's months). Kept free of zod so the web app's first load stays small.
 */
export const ROLES = ["admin", "officer", "evaluator", "executive", "head"] as const;

/** Roles that belong to a unit and write its projects. */
export const UNIT_ROLES: readonly RoleName[] = ["officer", "head"];
export type RoleName = (typeof ROLES)[number];
