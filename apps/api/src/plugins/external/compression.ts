import { constants } from "node:zlib";
import compress from "@fastify/compress";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * Brotli or gzip, as the client accepts (brotli first), for API answers and the web app's files
 * over 1 KB (JSON, problem+json, HTML, JS, CSS, SVG, text; fonts and images are compressed already).
 * A 304 has no body to compress, and the ETag stays the one of the uncompressed answer, so
 * If-None-Match and If-Match work whatever the encoding. Responses say `Vary: Accept-Encoding`.
 */
export default fp(
  async (app: FastifyInstance) => {
    await app.register(compress, {
      global: true,
      encodings: ["br", "gzip"],
      threshold: 1024,
      // quality 4: most of brotli's gain at a fraction of its CPU (on every request; the assets are cached for a year)
      brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    });
  },
  { name: "compression" },
);
