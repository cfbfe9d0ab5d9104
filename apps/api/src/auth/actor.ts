import type { Role } from "../generated/prisma/client";

/** Who is making a request. */
export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      userId: number;
      username: string;
      displayName: string;
      role: Role;
      unitId: number | null;
      sessionId: string;
      csrfToken: string;
    }
  | { kind: "apiKey"; apiKeyId: number; name: string; scope: "read" | "write"; unitIds: number[] };

export const ANONYMOUS: Actor = { kind: "anonymous" };

/** How an actor appears in the audit trail. */
export function actorColumns(actor: Actor) {
  switch (actor.kind) {
    case "user":
      return { userId: actor.userId, apiKeyId: null, actorLabel: `${actor.displayName} (${actor.username})` };
    case "apiKey":
      return { userId: null, apiKeyId: actor.apiKeyId, actorLabel: `API key: ${actor.name}` };
    default:
      return { userId: null, apiKeyId: null, actorLabel: "system" };
  }
}
