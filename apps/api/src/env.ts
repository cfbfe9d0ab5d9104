import { existsSync } from "node:fs";
import path from "node:path";
import { isValidIsoDate } from "@cpm/schema/rules";
import { z } from "zod";
import { layout, repoRoot } from "./runtime/layout";

/** An empty variable counts as unset (`DATABASE_URL= pnpm start`). */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema);

const postgresUrl = /^postgres(ql)?:\/\//;

const envSchema = z
  .object({
    HOST: z.string().default("127.0.0.1"),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    /** PostgreSQL server; when unset the embedded PGlite database under DATA_DIR is used. */
    DATABASE_URL: unsetIfEmpty(z.string().regex(postgresUrl, "must be a postgres:// or postgresql:// URL").optional()),
    /**
     * Streaming read replicas of DATABASE_URL (comma-separated postgres URLs) for reads that may lag a
     * few seconds: dashboards, lists and exports. Needs DATABASE_URL (the embedded database has none).
     */
    DATABASE_REPLICA_URLS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((u) => u.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(postgresUrl, "each must be a postgres:// or postgresql:// URL"))),
    DATA_DIR: z.string().default(layout.dataDir),
    /** Pins "today" (Asia/Bangkok) for tests and reproducible demo data. */
    APP_TODAY: unsetIfEmpty(z.string().refine(isValidIsoDate, "must be a date as YYYY-MM-DD").optional()),
    TIME_ZONE: z.string().default("Asia/Bangkok"),
    /** A month's reports are due by this day of the next month (reporting timeliness). */
    REPORT_DEADLINE_DAY: z.coerce.number().int().min(1).max(31).default(5),
    /** Load demo data into an empty database: default on for the embedded database, off for a server. */
    SEED_DEMO: z.enum(["auto", "true", "false"]).default("auto"),
    /** The built web app: apps/web/dist from the source tree, the build's own copy (public/) from a build. */
    WEB_DIST: z.string().default(layout.webDist),
    /** Anonymous visitors may read projects, dashboards and KPIs, as the city publishes them. */
    PUBLIC_READ: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    /** Origins (comma-separated) of other web apps allowed to call the API from a browser. */
    CORS_ORIGINS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((o) => o.trim())
          .filter(Boolean),
      ),
    /** Requests per minute per API key, or per IP without one. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
    /** Sign-in attempts per minute per IP. */
    SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    /** Mark the session cookie Secure: on by default; off only for plain-HTTP development on localhost. */
    COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
    /** Behind a reverse proxy that terminates TLS: trust its X-Forwarded-* headers (for the client IP and https). */
    TRUST_PROXY: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** The SQL migrations applied at start: prisma/migrations, or the build's copy. */
    MIGRATIONS_DIR: z.string().default(layout.migrationsDir),
    // --- operations (see README, "Operations") ---
    /** On SIGTERM/SIGINT, requests in flight may finish for this long before the process exits anyway. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
    /** A request must arrive whole (headers and body) within this time, else 408. */
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1).default(30_000),
    /** An idle keep-alive connection is closed after this; longer than a load balancer's idle timeout (often 60 s). */
    KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1).default(65_000),
    /** A socket without any activity for this long is closed. */
    CONNECTION_TIMEOUT_MS: z.coerce.number().int().min(1).default(120_000),
    /**
     * Overload: above any of these (0 = not checked, the default: the embedded database runs its queries on the
     * event loop) requests get 503 with Retry-After; /health and /ready are still answered.
     */
    OVERLOAD_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().min(0).default(0),
    OVERLOAD_MAX_EVENT_LOOP_UTILIZATION: z.coerce.number().min(0).max(1).default(0),
    OVERLOAD_MAX_HEAP_USED_BYTES: z.coerce.number().int().min(0).default(0),
    OVERLOAD_MAX_RSS_BYTES: z.coerce.number().int().min(0).default(0),
    /** How often the overload figures are sampled. */
    OVERLOAD_SAMPLE_INTERVAL_MS: z.coerce.number().int().min(10).default(1_000),
    /** The Retry-After (seconds) of a 503 under overload. */
    OVERLOAD_RETRY_AFTER_S: z.coerce.number().int().min(1).default(10),
    /** Prometheus metrics at /metrics: off unless set; the scraper sends `Authorization: Bearer <METRICS_TOKEN>`. */
    METRICS_TOKEN: unsetIfEmpty(z.string().min(16, "must be at least 16 characters").optional()),
    // --- reminders (see README, "Reminders") ---
    /** The SMTP server of reminder e-mails (smtp://user:pass@host:587); or SMTP_HOST and the rest. None: in-app only. */
    SMTP_URL: unsetIfEmpty(
      z
        .string()
        .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
        .optional(),
    ),
    SMTP_HOST: unsetIfEmpty(z.string().optional()),
    SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587),
    SMTP_USER: unsetIfEmpty(z.string().optional()),
    SMTP_PASS: unsetIfEmpty(z.string().optional()),
    /** The sender of reminder e-mails. */
    MAIL_FROM: z.string().default("ระบบติดตามโครงการ <no-reply@localhost>"),
    /** Run the daily reminder pass inside the server (false: only in-app reads, no sending). */
    REMINDERS: z
      .enum(["true", "false"])
      .default("true")
      .transform((v) => v === "true"),
    /** When the daily reminder pass runs (cron, in TIME_ZONE). */
    REMINDER_CRON: z.string().default("0 8 * * *"),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_REPLICA_URLS.length > 0 && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_REPLICA_URLS"],
        message:
          "read replicas need a PostgreSQL primary: set DATABASE_URL too (the embedded database is single-process and has no replicas)",
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

/** Parse configuration once; a bad value stops the process with a message naming the variable. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const webDistExists = (env: Env) => existsSync(path.join(env.WEB_DIST, "index.html"));
export { repoRoot };
