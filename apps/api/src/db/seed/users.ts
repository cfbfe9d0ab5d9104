import { hashPassword } from "../../auth/passwords";
import type { Prisma, Role } from "../../generated/prisma/client";

/** Demo sign-ins, one per role (README lists them; change their passwords on a real server). */
export const DEMO_USERS: {
  username: string;
  displayName: string;
  role: Role;
  unitCode: string | null;
  phone: string;
}[] = [
  { username: "admin", displayName: "ผู้ดูแลระบบ", role: "admin", unitCode: null, phone: "" },
  {
    username: "officer.wangthonglang",
    displayName: "เจ้าหน้าที่ เขตวังทองหลาง",
    role: "officer",
    unitCode: "50450000",
    phone: "02-514-0000 ต่อ 5501",
  },
  {
    username: "officer.finance",
    displayName: "เจ้าหน้าที่ สำนักการคลัง",
    role: "officer",
    unitCode: "14000000",
    phone: "02-224-0000",
  },
  {
    username: "head.wangthonglang",
    displayName: "หัวหน้า เขตวังทองหลาง",
    role: "head",
    unitCode: "50450000",
    phone: "02-514-0000 ต่อ 5500",
  },
  { username: "evaluator", displayName: "ผู้ประเมิน สยป.", role: "evaluator", unitCode: "21000000", phone: "" },
  { username: "executive", displayName: "ผู้บริหาร", role: "executive", unitCode: null, phone: "" },
];

export const demoPassword = (username: string) => `demo-${username}-2570`;

export async function seedDemoUsers(tx: Prisma.TransactionClient, unitIds: Map<string, number>) {
  for (const user of DEMO_USERS) {
    await tx.user.create({
      data: {
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        phone: user.phone,
        unitId: user.unitCode ? (unitIds.get(user.unitCode) ?? null) : null,
        passwordHash: await hashPassword(demoPassword(user.username)),
      },
    });
  }
}
