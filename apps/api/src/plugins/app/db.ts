import { fiscalYearOf, type IsoDate, todayIn } from "@cpm/schema/rules";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { Database } from "../../db/database";
import type { Env } from "../../env";

declare module "fastify" {
  interface FastifyInstance {
    db: Database;
    clock: Clock;
  }
}

/** "Today" in the city's time zone, pinned by APP_TODAY for tests and reproducible demos. */
export interface Clock {
  today(): IsoDate;
  currentFiscalYear(): number;
}

export const makeClock = (env: Pick<Env, "APP_TODAY" | "TIME_ZONE">): Clock => ({
  today: () => env.APP_TODAY ?? todayIn(env.TIME_ZONE),
  currentFiscalYear() {
    return fiscalYearOf(this.today());
  },
});

export default fp(
  async (app: FastifyInstance, opts: { db: Database; env: Env }) => {
    app.decorate("db", opts.db);
    app.decorate("clock", makeClock(opts.env));
  },
  { name: "db" },
);
