import type { FastifyRequest } from "fastify";
import type { ChangeContext } from "../repositories/audit";

/** Who makes this request's change, for the audit trail. */
export const changeOf = (request: FastifyRequest): ChangeContext => ({ actor: request.actor, requestId: request.id });
