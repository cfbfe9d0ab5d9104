import type { FastifyReply, FastifyRequest } from "fastify";
import { LRUCache } from "lru-cache";
import { type ZodType, z } from "zod";
import { notModified } from "./versions";

/**
 * Answers already serialized, by a key that names their content exactly (a version, the figures'
 * revisions, the day, the reader). A hit skips the database reads, the schema encoding and
 * JSON.stringify; the caller validates the key against the database first, so several processes
 * never serve a stale answer. Bounded by memory.
 */
export function answerCache(maxBytes = 64 * 1024 * 1024) {
  const cache = new LRUCache<string, string>({ maxSize: maxBytes, sizeCalculation: (json) => json.length || 1 });
  return {
    get: (key: string): string | undefined => cache.get(key),
    /** Serialize (see `serialize`), keep and return it. */
    put<T>(key: string, schema: ZodType<T>, value: T): string {
      const json = serialize(schema, value);
      cache.set(key, json);
      return json;
    },
  };
}

export type AnswerCache = ReturnType<typeof answerCache>;

/** An answer as the route's response schema would serialize it: zod encode, then JSON. */
export function serialize<T>(schema: ZodType<T>, value: T): string {
  return JSON.stringify(z.encode(schema, value));
}

/** Send an answer serialized beforehand: Fastify sends a string as it is, past the route's serializer. */
function sendSerialized(reply: FastifyReply, json: string): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(json);
}

/** An answer with an ETag (when it has one), or 304 when the client already holds it. */
export function sendAnswer(
  request: FastifyRequest,
  reply: FastifyReply,
  answer: { etag: string | null; json: string },
): FastifyReply {
  if (answer.etag) {
    reply.header("etag", answer.etag);
    if (notModified(request.headers["if-none-match"], answer.etag)) return reply.status(304).send();
  }
  return sendSerialized(reply, answer.json);
}
