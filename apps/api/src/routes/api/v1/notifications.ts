import {
  notificationIdParams,
  notificationList,
  notificationSettings,
  notificationSettingsPatch,
  problem,
  reminderPassResult,
} from "@cpm/schema";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Actor } from "../../../auth/actor";
import type { Env } from "../../../env";
import { DomainError, notFound } from "../../../lib/problems";
import { createMailer } from "../../../notifications/mailer";
import { runReminderPass } from "../../../notifications/reminder-pass";
import { forbidden } from "../../../plugins/app/auth";

const tags = ["notifications"];

/** The signed-in user's id; an API key has no notifications or settings. */
const userIdOf = (actor: Actor): number => {
  if (actor.kind !== "user") {
    throw forbidden({ th: "การแจ้งเตือนเป็นของผู้ใช้ที่เข้าสู่ระบบ", en: "Notifications belong to a signed-in user" });
  }
  return actor.userId;
};

/** The signed-in user's reminders (in-app) and their own e-mail settings for them. */
const notificationsRoutes: FastifyPluginAsyncZod<{ env: Env }> = async (app, { env }) => {
  const prisma = app.db.prisma;
  const settingsOf = (userId: number) =>
    prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { email: true, language: true, emailReminders: true },
    }) as Promise<{ email: string; language: "th" | "en"; emailReminders: boolean }>;

  app.get(
    "/notifications",
    {
      config: { access: { permission: "history.read" } },
      schema: {
        tags,
        summary: "The signed-in user's notifications (reminders), newest first, and how many are unread",
        response: { 200: notificationList, 401: problem, 403: problem },
      },
    },
    async (request) => {
      const userId = userIdOf(request.actor);
      const [rows, unread] = await Promise.all([
        prisma.notification.findMany({ where: { userId }, orderBy: { id: "desc" }, take: 200 }),
        prisma.notification.count({ where: { userId, readAt: null } }),
      ]);
      return {
        unread,
        items: rows.map((n) => ({
          id: n.id,
          kind: n.kind,
          subject: n.subject,
          body: n.body,
          createdAt: n.createdAt.toISOString(),
          readAt: n.readAt?.toISOString() ?? null,
          emailedAt: n.emailedAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    "/notifications/:id/read",
    {
      config: { access: { permission: "history.read" } },
      schema: {
        tags,
        summary: "Mark one of the signed-in user's notifications read",
        params: notificationIdParams,
        response: { 204: z.undefined(), 401: problem, 403: problem, 404: problem },
      },
    },
    async (request, reply) => {
      const userId = userIdOf(request.actor);
      const { count } = await prisma.notification.updateMany({
        where: { id: request.params.id, userId },
        data: { readAt: new Date() },
      });
      // someone else's notification is as not found as a missing one
      if (count === 0) throw notFound("notification", String(request.params.id), "การแจ้งเตือน");
      return reply.code(204).send();
    },
  );

  app.get(
    "/notifications/settings",
    {
      config: { access: { permission: "history.read" } },
      schema: {
        tags,
        summary: "The signed-in user's reminder settings: e-mail address, language, e-mail opt-out",
        response: { 200: notificationSettings, 401: problem, 403: problem },
      },
    },
    async (request) => settingsOf(userIdOf(request.actor)),
  );

  app.patch(
    "/notifications/settings",
    {
      config: { access: { permission: "history.read" } },
      schema: {
        tags,
        summary: "Change the signed-in user's own reminder settings (e.g. turn reminder e-mails off)",
        body: notificationSettingsPatch,
        response: { 200: notificationSettings, 400: problem, 401: problem, 403: problem },
      },
    },
    async (request) => {
      const userId = userIdOf(request.actor);
      await prisma.user.update({ where: { id: userId }, data: request.body });
      return settingsOf(userId);
    },
  );

  app.post(
    "/notifications/reminder-pass",
    {
      config: { access: { permission: "admin" } },
      schema: {
        tags,
        summary: "Run today's reminder pass now (admins), as the schedule would",
        description:
          "Writes (and mails) the reminders due today that no earlier pass wrote: each reminder is once-only " +
          "by its key, so running it again, or while the schedule runs, sends nothing twice. 409 when " +
          "`REMINDERS=false`.",
        response: { 200: reminderPassResult, 401: problem, 403: problem, 409: problem },
      },
    },
    async () => {
      if (!env.REMINDERS) {
        throw new DomainError(409, "conflict", "Conflict", {
          th: "เซิร์ฟเวอร์นี้ปิดการแจ้งเตือนไว้ (REMINDERS=false)",
          en: "Reminders are turned off on this server (REMINDERS=false)",
        });
      }
      const mailer = createMailer(env);
      try {
        return await runReminderPass({
          prisma,
          today: app.clock.today(),
          deadlineDay: env.REPORT_DEADLINE_DAY,
          mailer,
          onMailError: (err, userId) => app.log.error({ err, userId }, "reminder e-mail not sent"),
        });
      } finally {
        mailer?.close();
      }
    },
  );
};

export default notificationsRoutes;
