import { invalid } from "./problems";

/** The version a client read, from `If-Match: "7"` (or W/"7"); undefined when the header is absent. */
export function expectedVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === "*") return undefined;
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
