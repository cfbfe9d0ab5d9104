/**
 * Phone numbers belong in their own field (ผู้รับผิดชอบ's phone), never in free text such as the
 * responsible officer's name: the field can be withheld from anonymous readers, free text cannot
 * be reliably masked ("02.123.4567", "(02) 123 4567", U+2010 hyphens all slipped through).
 */

// an optional marker (โทร. / tel / ต่อ / ext …), then a run of digits with the separators people type
const PHONE_SOURCE =
  "(?:(?:โทร(?:ศัพท์)?|มือถือ|tel|phone|mobile|ต่อ|ext)\\.?\\s*:?\\s*)?[(+]?[0-9๐-๙][0-9๐-๙\\s().\\u2010-\\u2015-]{2,}[0-9๐-๙]";

const PHONE = new RegExp(PHONE_SOURCE, "iu");
const NAME_THEN_PHONE = new RegExp(`^(.*?)\\s*(${PHONE_SOURCE}.*)$`, "isu");

export function containsPhoneNumber(text: string): boolean {
  return PHONE.test(text);
}

/** An officer's text as typed on the legacy site, split into the name and the phone part after it. */
export function splitOfficerAndPhone(text: string): { name: string; phone: string } {
  const match = NAME_THEN_PHONE.exec(text);
  return match ? { name: (match[1] ?? "").trim(), phone: (match[2] ?? "").trim() } : { name: text, phone: "" };
}
