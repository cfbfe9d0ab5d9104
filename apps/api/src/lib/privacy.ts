import { splitOfficerAndPhone } from "@cpm/schema/rules";
import type { Actor } from "../auth/actor";

/**
 * Personal details are never public: anonymous readers get no officer's phone. The phone has its
 * own field (a name with a phone typed into it is refused), so nothing is left to mask in text.
 */
export function forReader<T extends { responsibleOfficerPhone?: string | null }>(actor: Actor, project: T): T {
  return actor.kind === "anonymous" ? { ...project, responsibleOfficerPhone: null } : project;
}

/** An officer's text without a phone typed after the name (for texts written before phones had their field). */
export const withoutPhoneNumbers = (text: string): string => splitOfficerAndPhone(text).name;

/** The officer's columns from text that may carry a phone after the name (legacy pages, imports). */
export function officerColumns(text: string) {
  const { name, phone } = splitOfficerAndPhone(text);
  return { responsibleOfficer: name, responsibleOfficerPhone: phone };
}
