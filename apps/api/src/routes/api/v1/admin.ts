import {
  apiKey,
  apiKeyCreate,
  apiKeyCreated,
  apiKeyList,
  problem,
  rowIdParam,
  user,
  userCreate,
  userList,
  username,
  userPatch,
} from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changeOf } from "../../../lib/change-context";
import { toApiKey } from "../../../repositories/users-repository";

const ADMIN = { access: { permission: "admin" as const } };
const errors = { 400: problem, 401: problem, 403: problem, 404: problem };

/** Users, roles and API keys: admins only. */
const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/users",
    {
      config: ADMIN,
      schema: {
        tags: ["admin"],
        summary: "Every user",
        response: { 200: userList, ...errors },
      },
    },
    async () => ({ items: await app.repos.users.list() }),
  );

  app.post(
    "/users",
    {
      config: ADMIN,
      schema: {
        tags: ["admin"],
        summary: "Create a user",
        body: userCreate,
        response: { 201: user, 409: problem, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await app.repos.users.create(request.body, changeOf(request))),
  );

  app.patch(
    "/users/:username",
    {
      config: ADMIN,
      schema: {
        tags: ["admin"],
        summary: "Change a user's name, role, unit or password, or disable them (which signs them out everywhere)",
        params: z.strictObject({ username }),
        body: userPatch,
        response: { 200: user, ...errors },
      },
    },
    async (request) => app.repos.users.update(request.params.username, request.body, changeOf(request)),
  );

  app.get(
    "/api-keys",
    {
      config: ADMIN,
      schema: {
        tags: ["admin"],
        summary: "API keys (never the keys themselves)",
        response: { 200: apiKeyList, ...errors },
      },
    },
    async () => ({ items: await app.repos.users.listApiKeys() }),
  );

  app.post(
    "/api-keys",
    {
      config: ADMIN,
      schema: {
        tags: ["admin"],
        summary: "Create an API key; the response is the only time the key is shown",
        body: apiKeyCreate,
        response: { 201: apiKeyCreated, ...errors },
      },
    },
    async (request, reply) => {
      const { key, row } = await app.auth.createApiKey(request.body, changeOf(request));
      return reply.status(201).send({ ...toApiKey(row), key });
    },
  );

  app.delete(
    "/api-keys/:id",
    {
      config: ADMIN,
      schema: {
        tags: ["admin"],
        summary: "Revoke an API key",
        params: z.strictObject({ id: rowIdParam }),
        response: { 200: apiKey, ...errors },
      },
    },
    async (request) => app.repos.users.revokeApiKey(request.params.id, changeOf(request)),
  );
};

export default adminRoutes;
