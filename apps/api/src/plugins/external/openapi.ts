import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";

/** OpenAPI 3.1 generated from the routes' zod schemas, at /api/openapi.json, with a docs UI at /api/docs. */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: "3.1.0",
        info: {
          title: "City project monitoring API",
          version: "1.0.0",
          description:
            "Units, fiscal years (Buddhist era), projects with weighted plan steps, monthly progress reports, " +
            "quarterly evaluations and KPIs. Errors are RFC 9457 problem+json with field errors in Thai and English.",
        },
        components: {
          securitySchemes: {
            apiKey: {
              type: "http",
              scheme: "bearer",
              description: "An API key created by an admin: `Authorization: Bearer cpm_…`",
            },
            session: {
              type: "apiKey",
              in: "cookie",
              name: "cpm_session",
              description:
                "The web app's session (POST /api/v1/auth/sign-in); writes also need the X-CSRF-Token header",
            },
          },
        },
        security: [{}, { apiKey: [] }, { session: [] }],
        tags: [
          { name: "auth" },
          { name: "admin" },
          { name: "projects" },
          { name: "plan" },
          { name: "reports" },
          { name: "evaluations" },
          { name: "indicators" },
          { name: "units" },
          { name: "dashboard" },
        ],
      },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    await app.register(swaggerUi, { routePrefix: "/api/docs" });
    app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  },
  { name: "openapi" },
);
