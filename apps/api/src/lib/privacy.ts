import type { Actor } from "../auth/actor";

// "โทร. 1234", "tel 02-123-4567", "ต่อ 5501", or a bare run of digits that looks like a phone number
const PHONE = /\s*(?:(?:โทร(?:ศัพท์)?|tel|phone|ต่อ|ext)\.?\s*:?\s*)?(?:\+?\d|[๐-๙])[\d๐-๙\s-]{2,}[\d๐-๙]/giu;

/** An officer's name without the phone numbers people type beside it. */
export const withoutPhoneNumbers = (text: string): string => text.replace(PHONE, "").trim();

/** Personal details are never public: anonymous readers get the responsible officer's name only. */
export function forReader<T extends { responsibleOfficer: string }>(actor: Actor, project: T): T {
  return actor.kind === "anonymous"
    ? { ...project, responsibleOfficer: withoutPhoneNumbers(project.responsibleOfficer) }
    : project;
}
