import type { Prisma } from "../../generated/prisma/client";

/**
 * A demo strategic plan in the shape of the city's 20-year plan: seven pillars (ด้าน), each with
 * a dimension (มิติ) and goals (เป้าหมาย). Codes are the demo's own.
 */
const PILLARS = [
  ["มหานครปลอดภัย", "ลดความเสี่ยงจากภัยพิบัติและอาชญากรรม"],
  ["มหานครสีเขียว สะดวกสบาย", "เพิ่มพื้นที่สีเขียวและลดมลพิษ"],
  ["มหานครสำหรับทุกคน", "สร้างสังคมที่เอื้ออาทรและทั่วถึง"],
  ["มหานครกะทัดรัด", "พัฒนาเมืองและการเดินทางอย่างมีระเบียบ"],
  ["มหานครประชาธิปไตย", "ส่งเสริมการมีส่วนร่วมของประชาชน"],
  ["มหานครแห่งเศรษฐกิจและการเรียนรู้", "พัฒนาเศรษฐกิจและการศึกษาตลอดชีวิต"],
  ["การบริหารจัดการเมืองมหานคร", "บริหารงานโปร่งใสและทันสมัย"],
] as const;

export const DEMO_POLICIES = [
  ["P001", "ปลูกต้นไม้ล้านต้น"],
  ["P014", "ลดฝุ่น PM2.5 จากแหล่งกำเนิด"],
  ["P032", "ทางเท้าดี เดินได้ เดินดี"],
  ["P058", "ศูนย์บริการสาธารณสุขใกล้บ้าน"],
  ["P077", "โรงเรียนคุณภาพ เรียนดี มีความสุข"],
  ["P103", "งบประมาณแบบมีส่วนร่วม"],
  ["P145", "สร้างเครือข่ายภาคประชาสังคม"],
  ["P188", "เปิดเผยข้อมูลและลดขั้นตอนบริการ"],
] as const;

export async function seedStrategyAndPolicies(tx: Prisma.TransactionClient): Promise<string[]> {
  const goals: string[] = [];
  for (const [index, [pillar, goal]] of PILLARS.entries()) {
    const n = index + 1;
    const p = await tx.strategyNode.create({ data: { code: `${n}`, name: pillar, level: "pillar" } });
    const d = await tx.strategyNode.create({
      data: { code: `${n}.1`, name: `มิติที่ ${n}.1 ${pillar}`, level: "dimension", parentId: p.id },
    });
    await tx.strategyNode.create({ data: { code: `${n}.1.1`, name: goal, level: "goal", parentId: d.id } });
    goals.push(`${n}.1.1`);
  }
  await tx.policy.createMany({ data: DEMO_POLICIES.map(([code, name]) => ({ code, name })) });
  return goals;
}
