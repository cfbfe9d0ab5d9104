import { createRequire } from "node:module";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { SECURITY_HEADERS } from "./security";

// helmet itself, as @fastify/helmet depends on it: the headers of a response no hook ran for
const helmet = createRequire(import.meta.resolve("@fastify/helmet"))("helmet") as {
  default: (options: object) => (req: unknown, res: unknown, next: (error?: unknown) => void) => void;
};
const setSecurityHeaders = helmet.default(SECURITY_HEADERS);

const MESSAGES: Record<string, { th: string; en: string }> = {
  FST_ERR_BAD_URL: { th: "ที่อยู่ (URL) ไม่ถูกต้อง", en: "The URL is not valid" },
  FST_ERR_MAX_PARAM_LENGTH: { th: "ค่าในที่อยู่ (URL) ยาวเกินไป", en: "A value in the URL is too long" },
  FST_ERR_ASYNC_CONSTRAINT: { th: "ไม่พบเส้นทางที่ตรงกับคำขอ", en: "No route matches the request" },
  FST_ERR_CTP_BODY_TOO_LARGE: { th: "ข้อมูลที่ส่งมามีขนาดใหญ่เกินไป", en: "The request body is too large" },
  FST_ERR_CTP_INVALID_JSON_BODY: { th: "ข้อมูลที่ส่งมาไม่ใช่ JSON ที่ถูกต้อง", en: "The request body is not valid JSON" },
  FST_ERR_CTP_EMPTY_JSON_BODY: { th: "ไม่มีข้อมูล JSON ที่ส่งมา", en: "The JSON request body is empty" },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    th: "ชนิดข้อมูลที่ส่งมาไม่รองรับ (ใช้ application/json)",
    en: "Unsupported media type (send application/json)",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { th: "ความยาวข้อมูลไม่ตรงกับที่แจ้ง", en: "The content length does not match" },
};

/** Thai and English text for a client error Fastify raised itself (bad JSON, body too large…). */
export function fastifyClientErrorMessage(error: FastifyError): { th: string; en: string } {
  return MESSAGES[error.code] ?? { th: "คำขอไม่ถูกต้อง", en: error.message };
}

/**
 * Errors the router raises before any route or hook runs (a malformed or too long URL): answered
 * as problem+json with the same security headers as every other response.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.code === "FST_ERR_MAX_PARAM_LENGTH" ? 414 : (error.statusCode ?? 400);
  const message = fastifyClientErrorMessage(error);
  setSecurityHeaders(request.raw, reply.raw, () => undefined);
  return reply
    .status(status)
    .header("cache-control", "no-store")
    .type("application/problem+json")
    .send({
      type: "about:blank",
      title: status === 414 ? "URI Too Long" : "Bad Request",
      status,
      detail: message.en,
      message,
      code: error.code,
    });
}
