import type { ApiKey, User, UserCreate, UserPatch } from "@cpm/schema";
import { hashPassword } from "../auth/passwords";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { conflict, invalid, notFound } from "../lib/problems";
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

    async create(input: UserCreate): Promise<User> {
      if (await prisma.user.findUnique({ where: { username: input.username } })) {
        throw conflict("username", `User name ${input.username} is taken`, `ชื่อผู้ใช้ ${input.username} ถูกใช้แล้ว`);
      }
      const row = await prisma.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          phone: input.phone,
          role: input.role,
          unitId: await optionalUnitIdOf(prisma, "unitCode", input.unitCode),
          passwordHash: await hashPassword(input.password),
        },
        include: userInclude,
      });
      return toUser(row);
    },

    /** A new password, a new role or disabling signs the user out everywhere. */
    async update(username: string, patch: UserPatch): Promise<User> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.user.findUnique({ where: { username } });
        if (!existing) throw notFound("user", username, "ผู้ใช้");
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
        return toUser(row);
      });
    },

    async listApiKeys(): Promise<ApiKey[]> {
      const rows = await prisma.apiKey.findMany({
        include: { units: { include: { unit: true } } },
        orderBy: { id: "asc" },
      });
      return rows.map(toApiKey);
    },

    async revokeApiKey(id: number): Promise<ApiKey> {
      const existing = await prisma.apiKey.findUnique({ where: { id } });
      if (!existing) throw notFound("API key", String(id), "API key");
      const row = await prisma.apiKey.update({
        where: { id },
        data: { revokedAt: existing.revokedAt ?? new Date() },
        include: { units: { include: { unit: true } } },
      });
      return toApiKey(row);
    },
  };
}

export type UsersRepository = ReturnType<typeof usersRepository>;
