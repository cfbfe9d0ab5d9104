import { z } from "zod";
import { optionalText, requiredText, unitCode } from "./common";

import { ROLES, UNIT_ROLES } from "./roles";

export { ROLES };
export const role = z.enum(ROLES);

export const username = z.string().regex(/^[a-z0-9._-]{3,100}$/, { error: "username" });
export const password = optionalText(200).min(10);

export const signInInput = z
  .strictObject({ username: optionalText(100), password: optionalText(200) })
  .meta({ id: "SignInInput" });

export const user = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role,
    unitCode: unitCode.nullable(),
    unitName: z.string().nullable(),
    phone: z.string(),
    disabled: z.boolean(),
  })
  .meta({ id: "User" });

/** The signed-in user, and the token to send as `X-CSRF-Token` on every write. */
export const session = z
  .object({
    user: user.omit({ phone: true }),
    csrfToken: z.string(),
    expiresAt: z.string(),
    /** The units whose projects this user may create and change (a unit's sub-units included); empty for readers. */
    writableUnitCodes: z.array(unitCode),
  })
  .meta({ id: "Session" });

export const userCreate = z
  .strictObject({
    username,
    displayName: requiredText(200),
    phone: optionalText(100).default(""),
    password,
    role,
    unitCode: unitCode.nullable().default(null),
  })
  .superRefine((value, ctx) => {
    if (UNIT_ROLES.includes(value.role) && !value.unitCode) {
      ctx.addIssue({ code: "custom", path: ["unitCode"], params: { reason: "officerNeedsUnit" } });
    }
  })
  .meta({ id: "UserCreate" });

export const userPatch = z
  .strictObject({
    displayName: requiredText(200),
    phone: optionalText(100),
    password,
    role,
    unitCode: unitCode.nullable(),
    disabled: z.boolean(),
  })
  .partial()
  .meta({ id: "UserPatch" });

export const apiKeyCreate = z
  .strictObject({
    name: requiredText(200),
    scope: z.enum(["read", "write"]),
    /** Units (with their sub-units) a write key may change. */
    unitCodes: z.array(unitCode).max(100).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.scope === "write" && value.unitCodes.length === 0) {
      ctx.addIssue({ code: "custom", path: ["unitCodes"], params: { reason: "writeKeyNeedsUnits" } });
    }
  })
  .meta({ id: "ApiKeyCreate" });

export const apiKey = z
  .object({
    id: z.number().int(),
    name: z.string(),
    prefix: z.string(),
    scope: z.enum(["read", "write"]),
    unitCodes: z.array(z.string()),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: "ApiKey" });

/** Returned once, at creation: the key itself is not stored. */
export const apiKeyCreated = apiKey.extend({ key: z.string() }).meta({ id: "ApiKeyCreated" });

export const auditEvent = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityKey: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AuditEvent" });

export type SignInInput = z.infer<typeof signInInput>;
export type User = z.infer<typeof user>;
export type Session = z.infer<typeof session>;
export type UserCreate = z.output<typeof userCreate>;
export type UserPatch = z.output<typeof userPatch>;
export type ApiKeyCreate = z.output<typeof apiKeyCreate>;
export type ApiKey = z.infer<typeof apiKey>;
export type AuditEvent = z.infer<typeof auditEvent>;
