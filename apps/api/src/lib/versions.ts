import { DomainError, invalid } from "./problems";

/**
 * The version a client read, from `If-Match: "7"` (or W/"7"). Writes must send it, so that no
 * one overwrites a change they have not seen: a missing header is 428, a stale one 412.
 */
export function expectedVersion(ifMatch: string | undefined): number {
  if (ifMatch === undefined) {
    throw new DomainError(
      428,
      "precondition-required",
      "Precondition Required",
      {
        th: "ต้องส่ง If-Match เป็นเวอร์ชันที่อ่านมา (ETag) เพื่อไม่ให้ทับการแก้ไขของผู้อื่น",
        en: "Send If-Match with the version you read (its ETag), so that no one else's change is overwritten",
      },
      [{ path: "headers.if-match", code: "required", message: { th: "จำเป็นต้องระบุ", en: "Required" } }],
    );
  }
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(ifMatch);
  if (!match) {
    throw invalid("headers.if-match", "invalidETag", {
      th: 'If-Match ต้องเป็นเวอร์ชันที่ได้จาก ETag เช่น "3"',
      en: 'If-Match must be a version from the ETag, e.g. "3"',
    });
  }
  return Number(match[1]);
}

export const etagOf = (version: number) => `"${version}"`;
