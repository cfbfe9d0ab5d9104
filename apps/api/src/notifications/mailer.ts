import nodemailer from "nodemailer";
import type { Env } from "../env";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends one e-mail; null when no SMTP server is configured (reminders are then in-app only). */
export type Mailer = ((mail: Mail) => Promise<void>) & { close(): void };

/** A nodemailer transport to SMTP_URL, or to SMTP_HOST:SMTP_PORT with SMTP_USER/SMTP_PASS. */
export function createMailer(env: Env): Mailer | null {
  const transport = env.SMTP_URL
    ? nodemailer.createTransport(env.SMTP_URL)
    : env.SMTP_HOST
      ? nodemailer.createTransport({
          host: env.SMTP_HOST,
          port: env.SMTP_PORT,
          secure: env.SMTP_PORT === 465,
          auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS ?? "" } : undefined,
        })
      : null;
  if (!transport) return null;
  const send = async (mail: Mail) => {
    await transport.sendMail({ from: env.MAIL_FROM, ...mail });
  };
  return Object.assign(send, { close: () => transport.close() });
}
