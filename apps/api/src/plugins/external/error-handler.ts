import { STATUS_CODES } from "node:http";
import { fieldErrorsFromIssues, type Problem } from "@cpm/schema";
import type { FastifyError, FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { z } from "zod";
import { DomainError } from "../../lib/problems";
import { fastifyClientErrorMessage } from "./framework-errors";

const PROBLEM_BASE = "https://cpm.example/problems/";
const CONTEXT_PREFIX: Record<string, string[]> = {
  body: [],
  querystring: ["query"],
  params: ["params"],
  headers: ["headers"],
};

function send(reply: import("fastify").FastifyReply, problem: Problem & Record<string, unknown>) {
  return reply.status(problem.status).type("application/problem+json").send(problem);
}

/** One error handler: validation → 400 with field errors, domain errors → their status, the rest → 500 that leaks nothing. */
export default fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const instance = request.url.split("?")[0];
      if (hasZodFastifySchemaValidationErrors(error)) {
        const issues = error.validation.map(
          (v) =>
            ({
              ...(v.params as object),
              code: v.keyword,
              message: v.message,
              path: v.instancePath.split("/").filter(Boolean),
            }) as unknown as z.core.$ZodIssue,
        );
        const errors = fieldErrorsFromIssues(issues, CONTEXT_PREFIX[error.validationContext ?? "body"] ?? []);
        return send(reply, {
          type: `${PROBLEM_BASE}validation`,
          title: "Bad Request",
          status: 400,
          detail: `The request has ${errors.length} invalid field(s): ${errors.map((e) => e.path || "(body)").join(", ")}`,
          message: { th: "ข้อมูลที่ส่งมาไม่ถูกต้อง", en: "The request is invalid" },
          instance,
          errors,
        });
      }
      if (error instanceof DomainError) {
        return send(reply, {
          type: `${PROBLEM_BASE}${error.slug}`,
          title: error.title,
          status: error.status,
          detail: error.localized.en,
          message: error.localized,
          instance,
          ...(error.errors ? { errors: error.errors } : {}),
          ...error.extra,
        });
      }
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, "unhandled error");
      return send(reply, {
        type: "about:blank",
        title: STATUS_CODES[status] ?? "Error",
        status,
        // client errors raised by Fastify itself (bad JSON, body too large) are safe to describe
        detail: status === 500 ? `Something went wrong; the request id is ${request.id}` : error.message,
        message:
          status === 500
            ? { th: `เกิดข้อผิดพลาดในระบบ (รหัสคำขอ ${request.id})`, en: `Something went wrong (request ${request.id})` }
            : fastifyClientErrorMessage(error),
        instance,
        ...(status === 500 || !error.code ? {} : { code: error.code }),
      });
    });
  },
  { name: "error-handler" },
);
