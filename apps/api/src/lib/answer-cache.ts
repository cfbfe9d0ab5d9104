import type { FastifyReply } from "fastify";
import { LRUCache } from "lru-cache";
import { type ZodType, z } from "zod";

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
    /** Serialize as the route's response schema would (zod encode, then JSON), keep and return it. */
    put<T>(key: string, schema: ZodType<T>, value: T): string {
      const json = JSON.stringify(z.encode(schema, value));
      cache.set(key, json);
      return json;
    },
  };
}

export type AnswerCache = ReturnType<typeof answerCache>;

/** Send an answer serialized beforehand: Fastify sends a string as it is, past the route's serializer. */
export function sendSerialized(reply: FastifyReply, json: string): FastifyReply {
  return reply.type("application/json; charset=utf-8").send(json);
}
