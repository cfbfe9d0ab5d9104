import type { IsoDate } from "@cpm/schema/rules";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { forgetCalendar, turnCalendar } from "../../figures";

declare module "fastify" {
  interface FastifyInstance {
    figures: {
      /** Bring the kept figures to today (a no-op when they are); what the minute timer calls. */
      turnCalendar(): Promise<{ turned: boolean; frozenMonths: number }>;
    };
  }
}

/** How often a process looks whether the day turned in the city's time zone. */
const CHECK_EVERY_MS = 60_000;

/**
 * Keeps what moves with the calendar alone: at start (catching up a missed day or month) and when
 * the day turns. Every process checks; the advisory lock in turnCalendar lets one do the work.
 */
export default fp(
  async (app: FastifyInstance) => {
    let turnedFor: IsoDate | null = null;
    let timer: NodeJS.Timeout | undefined;
    const turn = async () => {
      const today = app.clock.today();
      const result = await turnCalendar(app.db.prisma, today);
      forgetCalendar(app.db.prisma);
      turnedFor = today;
      if (result.turned) app.log.info({ today, frozenMonths: result.frozenMonths }, "kept figures turned to today");
      return result;
    };
    app.decorate("figures", { turnCalendar: turn });
    app.addHook("onReady", async () => {
      await turn();
      timer = setInterval(() => {
        if (app.clock.today() === turnedFor) return;
        turn().catch((error: unknown) => app.log.error({ err: error }, "turning the kept figures failed"));
      }, CHECK_EVERY_MS);
      timer.unref();
    });
    app.addHook("onClose", async () => clearInterval(timer));
  },
  { name: "figures-calendar", dependencies: ["db"] },
);
