import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { type Env, webDistExists } from "../../env";

/** Vite's output names carry a content hash: such a file never changes under its name. */
export const HASHED_ASSET_CACHE = "public, max-age=31536000, immutable";
/** index.html names the current hashed files: always revalidated (by its ETag). */
export const INDEX_CACHE = "no-cache";
/** Other files at the root (robots.txt, the icon): kept a day. */
export const ROOT_FILE_CACHE = "public, max-age=86400";

const cacheControlFor = (file: string) => {
  const name = path.basename(file);
  if (name === "index.html") return INDEX_CACHE;
  if (file.split(path.sep).includes("assets")) return HASHED_ASSET_CACHE;
  return ROOT_FILE_CACHE;
};

/** A path that names a file (`/assets/x.js`, `/favicon.ico`) rather than a page of the app. */
const looksLikeFile = (pathname: string) => pathname.startsWith("/assets/") || /\.[a-z0-9]+$/i.test(pathname);

/**
 * Serves the built SPA on the API's port (compressed by the compression plugin): hashed assets
 * cached for a year, index.html revalidated on every visit; client-side routes fall back to
 * index.html, but a missing file (`/assets/gone.js`, `/robots.txt` without one) is a 404, not the app.
 */
export default fp(
  async (app: FastifyInstance, opts: { env: Env }) => {
    const hasWeb = webDistExists(opts.env);
    if (hasWeb) {
      await app.register(fastifyStatic, {
        root: path.resolve(opts.env.WEB_DIST),
        wildcard: false,
        index: "index.html",
        cacheControl: false,
        setHeaders: (reply: FastifyReply, file: string) => reply.header("cache-control", cacheControlFor(file)),
      });
    } else {
      app.log.warn(`No web app at ${opts.env.WEB_DIST} (run \`pnpm build\`); serving the API only`);
    }
    app.setNotFoundHandler((request, reply) => {
      const pathname = request.url.split("?")[0] ?? "/";
      if (hasWeb && request.method === "GET" && !pathname.startsWith("/api/") && !looksLikeFile(pathname)) {
        return reply.header("cache-control", INDEX_CACHE).type("text/html").sendFile("index.html");
      }
      return reply
        .status(404)
        .type("application/problem+json")
        .send({
          type: "about:blank",
          title: "Not Found",
          status: 404,
          detail: `No route ${request.method} ${pathname}`,
          message: { th: `ไม่พบ ${request.method} ${pathname}`, en: `No route ${request.method} ${pathname}` },
          instance: pathname,
        });
    });
  },
  { name: "web-app" },
);
