import type { ApiKey, User, UserCreate, UserPatch } from "@cpm/schema";
import { hashPassword } from "../auth/passwords";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { isNoOpPatch } from "../lib/no-op-patch";
import { conflict, invalid, notFound } from "../lib/problems";
import { type ChangeContext, changedFields, recordAudit } from "./audit";
import { optionalUnitIdOf } from "./lookups";

const userInclude = { unit: true } as const satisfies Prisma.UserInclude;

export const toUser = (row: Prisma.UserGetPayload<{ include: typeof userInclude }>): User => ({
  username: row.username,
  displayName: row.displayName,
  role: row.role,
  unitCode: row.unit?.code ?? null,
  unitName: row.unit?.name ?? null,
  phone: row.phone,
  disabled: row.disabledAt !== null,
});

export const toApiKey = (
  row: Prisma.ApiKeyGetPayload<{ include: { units: { include: { unit: true } } } }>,
): ApiKey => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scope: row.scope,
  unitCodes: row.units.map((u) => u.unit.code),
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/** Users and API keys, managed by admins. */
export function usersRepository(prisma: PrismaClient) {
  return {
    async list(): Promise<User[]> {
      const rows = await prisma.user.findMany({ include: userInclude, orderBy: { username: "asc" } });
      return rows.map(toUser);
    },

    async create(input: UserCreate, change: ChangeContext): Promise<User> {
      if (await prisma.user.findUnique({ where: { username: input.username } })) {
        throw conflict("username", `User name ${input.username} is taken`, `ชื่อผู้ใช้ ${input.username} ถูกใช้แล้ว`);
      }
      const passwordHash = await hashPassword(input.password);
      return prisma.$transaction(async (tx) => {
        const row = await tx.user.create({
          data: {
            username: input.username,
            displayName: input.displayName,
            phone: input.phone,
            role: input.role,
            unitId: await optionalUnitIdOf(tx, "unitCode", input.unitCode),
            passwordHash,
          },
          include: userInclude,
        });
        const user = toUser(row);
        await recordAudit(tx, change, {
          action: "user.create",
          entityType: "user",
          entityKey: user.username,
          after: user,
        });
        return user;
      });
    },

    /** A new password, a new role or disabling signs the user out everywhere. */
    async update(username: string, patch: UserPatch, change: ChangeContext): Promise<User> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.user.findUnique({ where: { username }, include: userInclude });
        if (!existing) throw notFound("user", username, "ผู้ใช้");
        // a patch that changes nothing writes nothing (and signs no one out)
        if (patch.password === undefined && isNoOpPatch(toUser(existing), patch)) return toUser(existing);
        const role = patch.role ?? existing.role;
        const unit =
          patch.unitCode === undefined ? existing.unitId : await optionalUnitIdOf(tx, "unitCode", patch.unitCode);
        if (role === "officer" && !unit) {
          throw invalid("unitCode", "officerNeedsUnit", {
            th: "เจ้าหน้าที่ต้องสังกัดหน่วยงาน",
            en: "An officer belongs to a unit",
          });
        }
        const row = await tx.user.update({
          where: { id: existing.id },
          data: {
            displayName: patch.displayName,
            phone: patch.phone,
            role: patch.role,
            unitId: patch.unitCode === undefined ? undefined : unit,
            passwordHash: patch.password ? await hashPassword(patch.password) : undefined,
            disabledAt: patch.disabled === undefined ? undefined : patch.disabled ? new Date() : null,
          },
          include: userInclude,
        });
        if (patch.password || patch.role || patch.unitCode !== undefined || patch.disabled) {
          await tx.session.deleteMany({ where: { userId: existing.id } });
        }
        const user = toUser(row);
        const diff = changedFields(toUser(existing), user);
        if (patch.password) Object.assign(diff.after, { password: "(changed)" });
        await recordAudit(tx, change, { action: "user.update", entityType: "user", entityKey: username, ...diff });
        return user;
      });
    },

    async listApiKeys(): Promise<ApiKey[]> {
      const rows = await prisma.apiKey.findMany({
        include: { units: { include: { unit: true } } },
        orderBy: { id: "asc" },
      });
      return rows.map(toApiKey);
    },

    async revokeApiKey(id: number, change: ChangeContext): Promise<ApiKey> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.apiKey.findUnique({ where: { id } });
        if (!existing) throw notFound("API key", String(id), "API key");
        const row = await tx.apiKey.update({
          where: { id },
          data: { revokedAt: existing.revokedAt ?? new Date() },
          include: { units: { include: { unit: true } } },
        });
        const key = toApiKey(row);
        await recordAudit(tx, change, {
          action: "apiKey.revoke",
          entityType: "apiKey",
          entityKey: `${key.id} ${key.name}`,
          before: { revokedAt: existing.revokedAt?.toISOString() ?? null },
          after: { revokedAt: key.revokedAt },
        });
        return key;
      });
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
