import type { IndicatorDetail, IndicatorInput, IndicatorPatch, IndicatorQuarterInput } from "@cpm/schema";
import { fiscalYearSpan, type Quarter } from "@cpm/schema/rules";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { toDbDate } from "../lib/dates";
import { conflict, invalid, notFound } from "../lib/problems";
import { indicatorInclude, toIndicatorSummary } from "./project-mappers";

const detailInclude = {
  ...indicatorInclude,
  projects: { include: { project: { select: { code: true, name: true, deletedAt: true } } } },
} as const satisfies Prisma.IndicatorInclude;

type Tx = Prisma.TransactionClient;

async function projectIds(tx: Tx, codes: string[]): Promise<number[]> {
  const found = await tx.project.findMany({
    where: { code: { in: codes }, deletedAt: null },
    select: { id: true, code: true },
  });
  const missing = codes.filter((code) => !found.some((p) => p.code === code));
  if (missing.length) {
    throw invalid("projectCodes", "unknownProject", {
      th: `ไม่พบโครงการ ${missing.join(", ")}`,
      en: `No project ${missing.join(", ")}`,
    });
  }
  return found.map((p) => p.id);
}

/** ตัวชี้วัด: a unit's KPIs for a fiscal year, their quarter results, and the projects that support them. */
export function indicatorsRepository(prisma: PrismaClient) {
  async function get(code: string, client: Tx | PrismaClient = prisma): Promise<IndicatorDetail> {
    const row = await client.indicator.findUnique({ where: { code }, include: detailInclude });
    if (!row) throw notFound("indicator", code, "ตัวชี้วัด");
    return {
      ...toIndicatorSummary(row),
      unitName: row.unit.name,
      projects: row.projects
        .filter((l) => l.project.deletedAt === null)
        .map((l) => ({ code: l.project.code, name: l.project.name })),
    };
  }

  return {
    get,

    async list(filter: { fiscalYear?: number; unit?: string; page: number; pageSize: number }) {
      const where: Prisma.IndicatorWhereInput = {
        fiscalYear: filter.fiscalYear,
        ...(filter.unit ? { OR: [{ unit: { code: filter.unit } }, { unit: { parent: { code: filter.unit } } }] } : {}),
      };
      const [rows, total] = await Promise.all([
        prisma.indicator.findMany({
          where,
          include: indicatorInclude,
          orderBy: [{ fiscalYear: "desc" }, { code: "asc" }],
          skip: (filter.page - 1) * filter.pageSize,
          take: filter.pageSize,
        }),
        prisma.indicator.count({ where }),
      ]);
      return { items: rows.map(toIndicatorSummary), total, page: filter.page, pageSize: filter.pageSize };
    },

    async create(input: IndicatorInput): Promise<IndicatorDetail> {
      return prisma.$transaction(async (tx) => {
        if (await tx.indicator.findUnique({ where: { code: input.code }, select: { id: true } })) {
          throw conflict("code", `Indicator code ${input.code} is already taken`, `รหัสตัวชี้วัด ${input.code} ถูกใช้แล้ว`);
        }
        const unit = await tx.orgUnit.findUnique({ where: { code: input.unitCode }, select: { id: true } });
        if (!unit)
          throw invalid("unitCode", "unknownUnit", {
            th: `ไม่พบหน่วยงาน ${input.unitCode}`,
            en: `No unit ${input.unitCode}`,
          });
        const span = fiscalYearSpan(input.fiscalYear);
        await tx.fiscalYear.upsert({
          where: { year: input.fiscalYear },
          create: { year: input.fiscalYear, startsOn: toDbDate(span.start), endsOn: toDbDate(span.end) },
          update: {},
        });
        const ids = await projectIds(tx, input.projectCodes);
        const { projectCodes: _codes, unitCode: _unit, ...fields } = input;
        await tx.indicator.create({
          data: { ...fields, unitId: unit.id, projects: { create: ids.map((projectId) => ({ projectId })) } },
        });
        return get(input.code, tx);
      });
    },

    async update(code: string, patch: IndicatorPatch): Promise<IndicatorDetail> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.indicator.findUnique({ where: { code }, select: { id: true } });
        if (!existing) throw notFound("indicator", code, "ตัวชี้วัด");
        const { projectCodes, ...fields } = patch;
        const ids = projectCodes ? await projectIds(tx, projectCodes) : undefined;
        await tx.indicator.update({
          where: { id: existing.id },
          data: {
            ...fields,
            projects: ids ? { deleteMany: {}, create: ids.map((projectId) => ({ projectId })) } : undefined,
          },
        });
        return get(code, tx);
      });
    },

    async putQuarter(code: string, quarter: Quarter, input: IndicatorQuarterInput): Promise<IndicatorDetail> {
      return prisma.$transaction(async (tx) => {
        const existing = await tx.indicator.findUnique({ where: { code }, select: { id: true } });
        if (!existing) throw notFound("indicator", code, "ตัวชี้วัด");
        await tx.indicatorQuarterResult.upsert({
          where: { indicatorId_quarter: { indicatorId: existing.id, quarter } },
          create: { indicatorId: existing.id, quarter, ...input },
          update: input,
        });
        return get(code, tx);
      });
    },
  };
}

export type IndicatorsRepository = ReturnType<typeof indicatorsRepository>;
