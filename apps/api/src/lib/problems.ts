import type { FieldError, LocalizedMessage } from "@cpm/schema";

/** A failure the client can act on; the error handler turns it into problem+json. */
export class DomainError extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly localized: LocalizedMessage,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(localized.en);
    this.name = "DomainError";
  }
}

export const notFound = (what: string, key: string, th: string) =>
  new DomainError(404, "not-found", "Not Found", { th: `ไม่พบ${th} ${key}`, en: `No ${what} ${key}` });

export const conflict = (field: string, en: string, th: string) =>
  new DomainError(409, "conflict", "Conflict", { th, en }, [{ path: field, code: "taken", message: { th, en } }]);

export const invalid = (path: string, code: string, message: LocalizedMessage) =>
  new DomainError(400, "validation", "Bad Request", message, [{ path, code, message }]);

export const preconditionFailed = (currentVersion: number) =>
  new DomainError(
    412,
    "precondition-failed",
    "Precondition Failed",
    {
      th: "ข้อมูลถูกแก้ไขโดยผู้อื่นหลังจากที่คุณเปิดอ่าน กรุณาโหลดข้อมูลล่าสุดแล้วแก้ไขอีกครั้ง",
      en: "Someone else changed this record after you read it; reload the current version and try again",
    },
    undefined,
    { currentVersion },
  );
