import Fastify, { type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import type { Database } from "./db/database";
import type { Env } from "./env";
import auth from "./plugins/app/auth";
import cacheHeaders from "./plugins/app/cache-headers";
import db from "./plugins/app/db";
import declaredStatuses from "./plugins/app/declared-statuses";
import figuresCalendar from "./plugins/app/figures-calendar";
import metrics from "./plugins/app/metrics";
import { operationsRoutes, overload } from "./plugins/app/operations";
import readRouting from "./plugins/app/read-routing";
import reportingMonthLock from "./plugins/app/reporting-month-lock";
import repositories from "./plugins/app/repositories";
import compression from "./plugins/external/compression";
import errorHandler from "./plugins/external/error-handler";
import { frameworkErrors } from "./plugins/external/framework-errors";
import openapi from "./plugins/external/openapi";
import security from "./plugins/external/security";
import webApp from "./plugins/external/web-app";
import adminRoutes from "./routes/api/v1/admin";
import authRoutes from "./routes/api/v1/auth";
import changesRoutes from "./routes/api/v1/changes";
import dashboardRoutes from "./routes/api/v1/dashboard";
import exportsRoutes from "./routes/api/v1/exports";
import importsRoutes from "./routes/api/v1/imports";
import indicatorsRoutes from "./routes/api/v1/indicators";
import notificationsRoutes from "./routes/api/v1/notifications";
import openDataRoutes from "./routes/api/v1/open-data";
import planVersionsRoutes from "./routes/api/v1/plan-versions";
import projectActivityRoutes from "./routes/api/v1/project-activity";
import projectChecksRoutes from "./routes/api/v1/project-checks";
import projectSpendingRoutes from "./routes/api/v1/project-spending";
import projectsRoutes from "./routes/api/v1/projects";
import reportingMonthsRoutes from "./routes/api/v1/reporting-months";
import reportingRatesRoutes from "./routes/api/v1/reporting-rates";
import setupRoutes from "./routes/api/v1/setup";
import unitsRoutes from "./routes/api/v1/units";
import workListsRoutes from "./routes/api/v1/work-lists";

export interface AppOptions {
  env: Env;
  db: Database;
  logger?: FastifyServerOptions["logger"];
}

/** The whole application on an open database: external plugins, app decorators, then routes. */
export async function buildApp({ env, db: database, logger }: AppOptions) {
  const app = Fastify({
    logger: logger ?? { level: env.LOG_LEVEL },
    bodyLimit: 1_048_576,
    trustProxy: env.TRUST_PROXY,
    // a malformed or too long URL, refused by the router before any hook: problem+json all the same
    frameworkErrors,
    // a slow or stalled client cannot hold a connection forever (see env.ts)
    requestTimeout: env.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: env.KEEP_ALIVE_TIMEOUT_MS,
    connectionTimeout: env.CONNECTION_TIMEOUT_MS,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorHandler);
  await app.register(security, { env });
  await app.register(compression);
  await app.register(openapi);
  await app.register(db, { db: database, env });
  await app.register(metrics, { enabled: Boolean(env.METRICS_TOKEN) });
  await app.register(overload, { env });
  // before auth, in a context of their own: the metrics scraper's Bearer token is not an API key
  await app.register(operationsRoutes, { env });
  await app.register(auth, { env });
  await app.register(readRouting, { env });
  await app.register(repositories);
  await app.register(figuresCalendar);
  await app.register(cacheHeaders);
  await app.register(declaredStatuses);
  await app.register(
    async (v1) => {
      await v1.register(reportingMonthLock);
      await v1.register(authRoutes, { secureCookies: env.COOKIE_SECURE, signInPerMinute: env.SIGN_IN_PER_MINUTE });
      await v1.register(adminRoutes);
      await v1.register(setupRoutes);
      await v1.register(unitsRoutes);
      await v1.register(projectsRoutes);
      await v1.register(projectActivityRoutes);
      await v1.register(projectSpendingRoutes);
      await v1.register(indicatorsRoutes);
      await v1.register(dashboardRoutes);
      await v1.register(reportingMonthsRoutes);
      await v1.register(projectChecksRoutes);
      await v1.register(planVersionsRoutes, { timeZone: env.TIME_ZONE });
      await v1.register(reportingRatesRoutes, { deadlineDay: env.REPORT_DEADLINE_DAY, timeZone: env.TIME_ZONE });
      await v1.register(importsRoutes);
      await v1.register(exportsRoutes);
      await v1.register(openDataRoutes);
      await v1.register(changesRoutes);
      await v1.register(workListsRoutes);
      await v1.register(notificationsRoutes, { env });
    },
    { prefix: "/api/v1" },
  );
  await app.register(webApp, { env });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
