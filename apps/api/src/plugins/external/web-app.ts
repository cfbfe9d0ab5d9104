import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { type Env, webDistExists } from "../../env";

/** Serves the built SPA on the API's port; client-side routes fall back to index.html. */
export default fp(
  async (app: FastifyInstance, opts: { env: Env }) => {
    const hasWeb = webDistExists(opts.env);
    if (hasWeb) {
      await app.register(fastifyStatic, {
        root: path.resolve(opts.env.WEB_DIST),
        wildcard: false,
        index: "index.html",
      });
    } else {
      app.log.warn(`No web app at ${opts.env.WEB_DIST} (run \`pnpm build\`); serving the API only`);
    }
    app.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split("?")[0] ?? "/";
      if (hasWeb && request.method === "GET" && !pathname.startsWith("/api/")) {
        return reply.type("text/html").sendFile("index.html");
      }
      return reply
        .status(404)
        .type("application/problem+json")
        .send({
          type: "about:blank",
          title: "Not Found",
          status: 404,
          detail: `No route ${request.method} ${pathname}`,
          instance: pathname,
        });
    });
  },
  { name: "web-app" },
);
