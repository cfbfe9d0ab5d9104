import { type Actor, actorColumns } from "../auth/actor";
import type { Prisma } from "../generated/prisma/client";

/** Who makes a change, carried into the repositories so that the audit row joins the change's transaction. */
export interface ChangeContext {
  actor: Actor;
  requestId: string;
}

export interface AuditEntry {
  action: string;
  entityType:
    | "project"
    | "plan"
    | "report"
    | "spending"
    | "evaluation"
    | "indicator"
    | "user"
    | "apiKey"
    | "reportingMonth";
  entityKey: string;
  projectId?: number | null;
  before?: unknown;
  after?: unknown;
}

/** JSON-safe copy of an API-shaped value. */
function plain(value: unknown): Prisma.InputJsonValue | undefined {
  return value === undefined || value === null ? undefined : JSON.parse(JSON.stringify(value));
}

export async function recordAudit(tx: Prisma.TransactionClient, change: ChangeContext, entry: AuditEntry) {
  await tx.auditEvent.create({
    data: {
      ...actorColumns(change.actor),
      action: entry.action,
      entityType: entry.entityType,
      entityKey: entry.entityKey,
      projectId: entry.projectId ?? null,
      before: plain(entry.before),
      after: plain(entry.after),
      requestId: change.requestId,
    },
  });
}

/** Only the fields that differ, as { before, after }. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
