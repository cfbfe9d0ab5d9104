import { problem, session, signInInput } from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { DomainError } from "../../../lib/problems";
import { SESSION_COOKIE } from "../../../plugins/app/auth";
import { signInLimitPerUserName } from "../../../plugins/external/security";
import { SESSION_DAYS } from "../../../repositories/auth-repository";

const tags = ["auth"];

/** Web sign-in with a server-side session in an httpOnly, SameSite cookie. */
const authRoutes: FastifyPluginAsyncZod<{ secureCookies: "auto" | "true" | "false"; signInPerMinute: number }> = async (
  app,
  { secureCookies, signInPerMinute },
) => {
  const sessionOf = (sessionId: string) => app.auth.sessionView(sessionId);
  // and per user name, from any number of addresses
  const limitPerUserName = signInLimitPerUserName(app, signInPerMinute);

  app.post(
    "/auth/sign-in",
    {
      // per IP, whatever credential comes with it (an API key gives no bucket of its own here)
      config: {
        access: "public",
        rateLimit: { max: signInPerMinute, timeWindow: "1 minute", keyGenerator: (r) => `sign-in:${r.ip}` },
      },
      schema: {
        tags,
        summary: "Sign in; sets the session cookie",
        body: signInInput,
        response: { 200: session, 400: problem, 401: problem, 429: problem },
      },
    },
    async (request, reply) => {
      await limitPerUserName(request);
      const result = await app.auth.signIn(request.body.username, request.body.password);
      if (!result) {
        throw new DomainError(401, "bad-credentials", "Unauthorized", {
          th: "ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง",
          en: "Wrong user name or password",
        });
      }
      const secure = secureCookies === "true" || (secureCookies === "auto" && request.protocol === "https");
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: "/",
        httpOnly: true,
        sameSite: "lax",
        secure,
        maxAge: SESSION_DAYS * 86_400,
      });
      return sessionOf(result.session.id);
    },
  );

  app.get(
    "/auth/session",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "The signed-in user and the CSRF token, or 401 (204 with ?optional=true, as the web app asks)",
        description:
          "A page asks who is signed in on every visit; with `optional=true` an anonymous visitor gets 204 instead of 401, so that the browser does not log an error on every page.",
        querystring: z.strictObject({ optional: z.enum(["true", "false"]).default("false") }),
        response: { 200: session, 204: z.undefined(), 401: problem },
      },
    },
    async (request, reply) => {
      if (request.actor.kind !== "user" && request.query.optional === "true") return reply.code(204).send();
      if (request.actor.kind !== "user") {
        throw new DomainError(401, "unauthenticated", "Unauthorized", { th: "ยังไม่ได้เข้าสู่ระบบ", en: "Not signed in" });
      }
      return sessionOf(request.actor.sessionId);
    },
  );

  app.post(
    "/auth/sign-out",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "Sign out this session, or every session of the user with ?everywhere=true",
        querystring: z.strictObject({ everywhere: z.enum(["true", "false"]).default("false") }),
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (actor.kind === "user") {
        if (request.query.everywhere === "true") await app.auth.signOutEverywhere(actor.userId);
        else await app.auth.signOut(actor.sessionId);
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send();
    },
  );
};

export default authRoutes;
