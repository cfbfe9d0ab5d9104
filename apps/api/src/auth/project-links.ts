import type { FastifyInstance, FastifyRequest } from "fastify";
import { forbidden } from "../plugins/app/auth";
import { decide } from "./policy";

/**
 * Linking a KPI to a project (or unlinking it) changes what the project's page shows: the writer
 * needs the right to write that project too, whichever unit owns the KPI. Unknown codes are left
 * to the repository, which refuses them with a 400 naming the field.
 */
export async function assertMayLinkProjects(app: FastifyInstance, request: FastifyRequest, codes: string[]) {
  for (const code of new Set(codes)) {
    const unitAncestry = await app.auth.unitAncestry({ projectCode: code });
    if (!unitAncestry) continue;
    if (decide(request.actor, "project.write", { publicRead: false, unitAncestry }) !== "allow") {
      throw forbidden({
        th: `คุณไม่มีสิทธิ์แก้ไขโครงการ ${code} จึงเชื่อมหรือยกเลิกการเชื่อมตัวชี้วัดกับโครงการนี้ไม่ได้`,
        en: `You may not write project ${code}, so you may not link a KPI to it or unlink one from it`,
      });
    }
  }
}

/** The codes in one list and not the other: the links a change adds or removes. */
export function changedLinks(before: string[], after: string[]): { added: string[]; removed: string[] } {
  return {
    added: after.filter((code) => !before.includes(code)),
    removed: before.filter((code) => !after.includes(code)),
  };
}
