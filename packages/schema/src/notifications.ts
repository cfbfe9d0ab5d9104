import { z } from "zod";

/** An in-app notification (a reminder) of the signed-in user, in the user's language. */
export const notification = z
  .object({
    id: z.number().int(),
    kind: z.string(),
    subject: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
    /** when it was also e-mailed; null: in-app only */
    emailedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "Notification" });

export const notificationList = z
  .object({ unread: z.number().int(), items: z.array(notification) })
  .meta({ id: "NotificationList" });

export const notificationIdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

/** The signed-in user's own settings for reminders. */
export const notificationSettings = z
  .object({
    /** where reminders are mailed; empty: none */
    email: z.union([z.literal(""), z.email().max(254)]),
    /** th (default) or en: the language of the e-mails */
    language: z.enum(["th", "en"]),
    /** false: no reminder e-mails (the in-app notifications stay) */
    emailReminders: z.boolean(),
  })
  .meta({ id: "NotificationSettings" });

export const notificationSettingsPatch = notificationSettings
  .partial()
  .strict()
  .meta({ id: "NotificationSettingsPatch" });

/** What a reminder pass run on demand did: reminders due today, notifications written now, e-mails sent. */
export const reminderPassResult = z
  .object({ due: z.number().int(), created: z.number().int(), mailed: z.number().int() })
  .meta({ id: "ReminderPassResult" });

export type Notification = z.infer<typeof notification>;
export type NotificationSettings = z.infer<typeof notificationSettings>;
