import type { Actor } from "../auth/actor";
import { verifyAgainstNothing, verifyPassword } from "../auth/passwords";
import { apiKeyDisplayPrefix, newApiKey, newToken, sha256 } from "../auth/tokens";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { invalid } from "../lib/problems";
import { type ChangeContext, recordAudit } from "./audit";

/** How stale an API key's lastUsedAt may be: it is written at most this often. */
export const LAST_USED_EVERY_MS = 60_000;

export const SESSION_DAYS = 7;

/** Sessions, API keys and the unit ancestry that scopes a write. */
export function authRepository(prisma: PrismaClient) {
  return {
    /** A new session for valid credentials, or null. The cookie gets `token`; only its sha256 is stored. */
    async signIn(username: string, password: string) {
      const user = await prisma.user.findUnique({ where: { username } });
      const valid =
        user && !user.disabledAt
          ? await verifyPassword(password, user.passwordHash)
          : await verifyAgainstNothing(password);
      if (!user || !valid) return null;
      await prisma.session.deleteMany({ where: { expiresAt: { lt: new Date() } } }); // sweep expired sessions
      const token = newToken();
      const session = await prisma.session.create({
        data: {
          id: sha256(token),
          userId: user.id,
          csrfToken: newToken(24),
          expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000),
        },
      });
      return { token, session, user };
    },

    async actorForSession(token: string): Promise<Actor | null> {
      const session = await prisma.session.findUnique({ where: { id: sha256(token) }, include: { user: true } });
      if (!session || session.expiresAt < new Date() || session.user.disabledAt) return null;
      return {
        kind: "user",
        userId: session.user.id,
        username: session.user.username,
        displayName: session.user.displayName,
        role: session.user.role,
        unitId: session.user.unitId,
        sessionId: session.id,
        csrfToken: session.csrfToken,
      };
    },

    async actorForApiKey(key: string): Promise<Actor | null> {
      const row = await prisma.apiKey.findUnique({ where: { keyHash: sha256(key) }, include: { units: true } });
      if (!row || row.revokedAt) return null;
      // when it was last used, for the admins' list: written at most once a minute per key, so that
      // a busy key costs no write per request
      const now = new Date();
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
        await prisma.apiKey.updateMany({
          where: {
            id: row.id,
            OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: new Date(now.getTime() - LAST_USED_EVERY_MS) } }],
          },
          data: { lastUsedAt: now },
        });
      }
      return {
        kind: "apiKey",
        apiKeyId: row.id,
        name: row.name,
        scope: row.scope,
        unitIds: row.units.map((u) => u.unitId),
      };
    },

    /** The session as the web app sees it: the user, the CSRF token and when it expires. */
    async sessionView(sessionId: string) {
      const row = await prisma.session.findUniqueOrThrow({
        where: { id: sessionId },
        include: { user: { include: { unit: true } } },
      });
      return {
        user: {
          username: row.user.username,
          displayName: row.user.displayName,
          role: row.user.role,
          unitCode: row.user.unit?.code ?? null,
          unitName: row.user.unit?.name ?? null,
          disabled: false,
        },
        csrfToken: row.csrfToken,
        expiresAt: row.expiresAt.toISOString(),
        writableUnitCodes: await writableUnitCodes(prisma, row.user.role, row.user.unitId),
      };
    },

    signOut: (sessionId: string) => prisma.session.deleteMany({ where: { id: sessionId } }),
    signOutEverywhere: (userId: number) => prisma.session.deleteMany({ where: { userId } }),

    /** A unit's id and the ids of every unit above it; null when there is no such unit. */
    async unitAncestry(
      where: { unitCode: string } | { projectCode: string } | { indicatorCode: string },
    ): Promise<number[] | null> {
      const start =
        "unitCode" in where
          ? prisma.$queryRaw<{ id: number }[]>`SELECT id FROM org_unit WHERE code = ${where.unitCode}`
          : "projectCode" in where
            ? prisma.$queryRaw<
                { id: number }[]
              >`SELECT unit_id AS id FROM project WHERE code = ${where.projectCode} AND deleted_at IS NULL`
            : prisma.$queryRaw<
                { id: number }[]
              >`SELECT unit_id AS id FROM indicator WHERE code = ${where.indicatorCode}`;
      const first = (await start)[0];
      if (!first) return null;
      const rows = await prisma.$queryRaw<{ id: number }[]>`
        WITH RECURSIVE up AS (
          SELECT id, parent_id FROM org_unit WHERE id = ${first.id}
          UNION ALL
          SELECT u.id, u.parent_id FROM org_unit u JOIN up ON u.id = up.parent_id
        ) SELECT id FROM up`;
      return rows.map((row) => row.id);
    },

    async createApiKey(input: { name: string; scope: "read" | "write"; unitCodes: string[] }, change: ChangeContext) {
      const units = await prisma.orgUnit.findMany({
        where: { code: { in: input.unitCodes } },
        select: { id: true, code: true },
      });
      const missing = input.unitCodes.filter((code) => !units.some((u) => u.code === code));
      if (missing.length)
        throw invalid("unitCodes", "unknownUnit", {
          th: `ไม่พบหน่วยงาน ${missing.join(", ")}`,
          en: `No unit ${missing.join(", ")}`,
        });
      const key = newApiKey();
      const row = await prisma.$transaction(async (tx) => {
        const created = await tx.apiKey.create({
          data: {
            name: input.name,
            scope: input.scope,
            prefix: apiKeyDisplayPrefix(key),
            keyHash: sha256(key),
            createdById: change.actor.kind === "user" ? change.actor.userId : null,
            units: { create: units.map((u) => ({ unitId: u.id })) },
          },
          include: { units: { include: { unit: true } } },
        });
        await recordAudit(tx, change, {
          action: "apiKey.create",
          entityType: "apiKey",
          entityKey: `${created.id} ${created.name}`,
          after: { name: input.name, scope: input.scope, unitCodes: input.unitCodes, prefix: created.prefix },
        });
        return created;
      });
      return { key, row };
    },
  };
}

export type AuthRepository = ReturnType<typeof authRepository>;
export type Tx = Prisma.TransactionClient;

/**
 * The units whose projects a user may write, as the policy decides (admins: every unit; an
 * officer or a unit head: the unit and everything beneath it), in Thai name order for a choice of unit.
 */
async function writableUnitCodes(prisma: PrismaClient, role: string, unitId: number | null): Promise<string[]> {
  if (role === "admin") {
    const units = await prisma.orgUnit.findMany({ select: { code: true }, orderBy: { nameSortKey: "asc" } });
    return units.map((unit) => unit.code);
  }
  // a unit's head writes as its officers do (auth/policy.ts)
  if ((role !== "officer" && role !== "head") || unitId === null) return [];
  const rows = await prisma.$queryRaw<{ code: string }[]>`
    WITH RECURSIVE subtree AS (
      SELECT id, code, name_sort_key FROM org_unit WHERE id = ${unitId}
      UNION ALL
      SELECT u.id, u.code, u.name_sort_key FROM org_unit u JOIN subtree s ON u.parent_id = s.id
    )
    SELECT code FROM subtree ORDER BY name_sort_key`;
  return rows.map((row) => row.code);
}
