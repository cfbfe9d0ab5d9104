/** admin · officer of a unit · evaluator (สยป.) · executive. Kept free of zod so the web app's first load stays small. */
export const ROLES = ["admin", "officer", "evaluator", "executive"] as const;
export type RoleName = (typeof ROLES)[number];
