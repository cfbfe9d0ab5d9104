/**
 * The legacy site's project page (saved as text from its mobile view) read into the import shape.
 * A pure function: no database. Texts are kept exactly as on the page; only numbers and dates are
 * parsed. Pages differ: a capture may start at the progress line (no name, code, unit or year: the
 * code is then taken from the file name), write 100 or 100.00, score the evaluation or not, give the
 * officer's phone or not, and leave out whole sections.
 */
import { type LegacyPage, type LocalizedMessage, legacyPage } from "@cpm/schema";
import { dateFromEitherEra, type LegacyFlag, measureTypeOfUnit, slashDate } from "@cpm/schema/rules";

export type ParsedLegacyPage =
  | { ok: true; page: LegacyPage; flags: LegacyFlag[] }
  | { ok: false; code: string | null; reason: LocalizedMessage };

const HEADINGS = {
  rationale: (line: string) => line === "หลักการและเหตุผล",
  objectives: (line: string) => line === "วัตถุประสงค์ของโครงการ",
  targets: (line: string) => line === "เป้าหมายของโครงการ",
  strategy: (line: string) => line.startsWith("สนับสนุนยุทธศาสตร์"),
  reports: (line: string) => line === "ผลการดำเนินงาน",
  plan: (line: string) => line === "แผนการดำเนินงานฯ" || line === "แผนการดำเนินงาน",
  indicators: (line: string) => line.startsWith("สนับสนุนตัวชี้วัด"),
  end: (line: string) => line.startsWith("** ผลการประเมินโครงการ"),
} as const;

type Section = keyof typeof HEADINGS;

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)`;
const PROJECT_CODE = /(\d{8}-\d{1,6})/;
const CODE_LINE = /^(.*\S)\s*:\s*(\d{8}-\d{1,6})$/;
const UNIT_LINE = /^(.*\S)\s*:\s*\((\d{4})\)$/;
const PROGRESS_LINE = new RegExp(String.raw`^ความคืบหน้าโครงการ\s*ร้อยละ\s*${NUMBER}$`);
const EVALUATION_LINE = /^\*+\s*สยป\.\s*ประเมินโครงการ\s*:?\s*(.*)$/;
const EVALUATION_SCORE = new RegExp(String.raw`ไตรมาสที่\s*([1-4])(?:\s+${NUMBER})?\s*$`);
const PLAN_LINK = /^ดูโครงการแผนปี/;
const SUB_UNITS = /^(\d{8})?\s*\/\s*(\d{8})?$/;
const REPORT_HEAD = new RegExp(
  String.raw`^\((\d+)\)\s*ความคืบหน้าโครงการฯ?\s*ร้อยละ\s*${NUMBER}\s*(?:\((\d{4})-(\d{1,2})-(\d{1,2})\))?$`,
);
const REPORT_SEPARATOR = /^-{3,}&&&-{3,}$/;
const PROBLEMS = /^\*\*\s*ปัญหาของโครงการ\s*:/;
const OBSTACLES = /^\*\*\s*อุปสรรคของโครงการ\s*:/;
const LEADING_SLASH_DATE = /^(\d{1,2}\/\d{1,2}\/\d{4})\s*:/;
const STEP_HEAD = /^ขั้นตอน\s*(\d+)$/;
const STEP_DATE = /^(เริ่มต้น|สิ้นสุด)\s*:\s*(?:(\d{4})-(\d{1,2})-(\d{1,2})(?:\s+[\d:]+)?)?\s*$/;
const KPI_HEAD = /^รายละเอียดเกี่ยวกับตัวชี้วัด\s*:\s*(\S+)$/;
const KPI_NAME = /^ตัวชี้วัด\s*:\s*(.*)$/;
const KPI_TARGET = new RegExp(String.raw`^ค่าเป้าหมาย\s*(.*?)\s*:\s*${NUMBER}$`);
const KPI_ACHIEVED = new RegExp(String.raw`^ผลงานที่ทำได้\s*(.*?)\s*:\s*${NUMBER}?$`);
const KPI_TYPE = /^ประเภทตัวชี้วัด\s*:\s*(.*)$/;
const KPI_LEVEL = /^ตัวชี้วัดระดับ.*\((output|outcome)\)$/i;
const KPI_TABLE_START = /^\(\*\s*2\.1\s*\/\s*2\.2\s*\*\)$/;
const KPI_SCORES = new RegExp(String.raw`^(?:${NUMBER}|-)?\s*\/\s*(?:${NUMBER}|-)?$`);
/** (3027), โทร.6573, โทร. 02-123-4567 at the end of the officer's line */
const OFFICER_PHONE = /^(.*?)\s*(?:\(([\d\s-]+)\)|((?:โทร(?:ศัพท์)?|tel)\.?\s*:?\s*[\d\s-]+))$/iu;

const num = (text: string) => Number(text.replaceAll(",", ""));

const fail = (code: string | null, th: string, en: string): ParsedLegacyPage => ({
  ok: false,
  code,
  reason: { th, en },
});

/** The lines between two indices, joined as on the page, without the blank lines around them. */
const textOf = (lines: string[], from: number, to: number) => lines.slice(from, to).join("\n").trim();

function splitOfficer(line: string): { officer: string; officerPhone: string | null } {
  const match = OFFICER_PHONE.exec(line);
  if (!match?.[1]) return { officer: line, officerPhone: null };
  const phone = (match[2] ?? match[3] ?? "").trim();
  return { officer: match[1], officerPhone: phone || null };
}

/**
 * Read one page. `fileName` names the capture (e.g. `50450000-3247.txt`): the code of a capture
 * without a header comes from it.
 */
export function parseLegacyPage(text: string, fileName?: string): ParsedLegacyPage {
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd());
  const headingAt = new Map<Section, number>();
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    for (const [section, matches] of Object.entries(HEADINGS) as [Section, (l: string) => boolean][]) {
      if (!headingAt.has(section) && matches(trimmed)) headingAt.set(section, index);
    }
  });
  const starts = [...headingAt.values()].sort((a, b) => a - b);
  const firstHeading = starts[0] ?? lines.length;
  /** The lines of a section, from after its heading to the next heading; empty when the page has none. */
  const section = (name: Section): [number, number] => {
    const at = headingAt.get(name);
    if (at === undefined) return [0, 0];
    const next = starts.find((s) => s > at) ?? lines.length;
    return [at + 1, next];
  };

  // the head: name : code, unit : (year), progress, officer, evaluation
  let code: string | null = null;
  let name: string | null = null;
  let unitName: string | null = null;
  let fiscalYear: number | null = null;
  let progress: number | null = null;
  let officerLine = "";
  let evaluation: LegacyPage["evaluation"] = null;
  let progressAt = -1;
  for (let i = 0; i < firstHeading; i++) {
    const line = (lines[i] as string).trim();
    const codeMatch = CODE_LINE.exec(line);
    if (codeMatch && code === null) {
      name = codeMatch[1] as string;
      code = codeMatch[2] as string;
      continue;
    }
    const unitMatch = UNIT_LINE.exec(line);
    if (unitMatch && unitName === null) {
      unitName = unitMatch[1] as string;
      fiscalYear = Number(unitMatch[2]);
      continue;
    }
    const progressMatch = PROGRESS_LINE.exec(line);
    if (progressMatch) {
      progress = num(progressMatch[1] as string);
      progressAt = i;
      continue;
    }
    const evaluationMatch = EVALUATION_LINE.exec(line);
    if (evaluationMatch) {
      const score = EVALUATION_SCORE.exec((evaluationMatch[1] as string).trim());
      if (score) {
        evaluation = { quarter: Number(score[1]) as 1 | 2 | 3 | 4, score: score[2] ? num(score[2]) : null };
      }
      continue;
    }
    // the officer's line follows the progress line, before the link to the year's plan
    if (progressAt >= 0 && !officerLine && line && !PLAN_LINK.test(line)) officerLine = line;
  }

  const codeFromFile = fileName ? (PROJECT_CODE.exec(fileName.split(/[\\/]/).pop() ?? "")?.[1] ?? null) : null;
  const codeFrom = code ? "header" : "fileName";
  code ??= codeFromFile;
  if (!code) {
    return fail(
      null,
      "หน้านี้ไม่มีส่วนหัว (ชื่อ รหัส หน่วยงาน ปีงบประมาณ) และชื่อไฟล์ไม่มีรหัสโครงการ",
      "The page has no header (name, code, unit, fiscal year) and its file name has no project code",
    );
  }
  if (progressAt < 0 && !headingAt.size) {
    return fail(code, "ไม่ใช่หน้าโครงการของระบบเดิม", "Not a project page of the legacy site");
  }

  // rationale, then the sub-unit codes (responsible/budget), then objectives and targets
  const [rationaleFrom, rationaleTo] = section("rationale");
  let rationaleEnd = rationaleTo;
  let responsibleUnitCode: string | null = null;
  let budgetUnitCode: string | null = null;
  for (let i = rationaleTo - 1; i >= rationaleFrom; i--) {
    const line = (lines[i] as string).trim();
    if (!line) continue;
    const match = SUB_UNITS.exec(line);
    if (match && (match[1] || match[2])) {
      responsibleUnitCode = match[1] ?? null;
      budgetUnitCode = match[2] ?? null;
      rationaleEnd = i;
    }
    break;
  }

  const [strategyFrom, strategyTo] = section("strategy");
  const strategyLines = lines
    .slice(strategyFrom, strategyTo)
    .map((l) => l.trim())
    .filter(Boolean);
  const routineMission = strategyLines.some((l) => l.includes("ภารกิจงานประจำ"));

  const reports = parseReports(lines, ...section("reports"));
  if (!Array.isArray(reports)) return { ...reports, code };
  const steps = parseSteps(lines, ...section("plan"));
  const indicators = parseIndicators(lines, ...section("indicators"));

  const candidate = {
    code,
    codeFrom,
    name,
    unitCode: code.split("-")[0],
    unitName,
    fiscalYear,
    progress,
    ...splitOfficer(officerLine),
    evaluation,
    rationale: textOf(lines, rationaleFrom, rationaleEnd),
    responsibleUnitCode,
    budgetUnitCode,
    objectives: textOf(lines, ...section("objectives")),
    targets: textOf(lines, ...section("targets")),
    strategyPath: routineMission ? [] : strategyLines,
    routineMission,
    reports,
    steps,
    indicators,
  };
  const parsed = legacyPage.safeParse(candidate);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    return fail(code, `อ่านหน้าได้ไม่ครบถ้วน: ${where}`, `The page could not be read: ${where}`);
  }
  const flags: LegacyFlag[] =
    codeFrom === "fileName"
      ? [
          {
            code: "codeFromFileName",
            path: "code",
            message: {
              th: `หน้านี้ไม่มีส่วนหัว: รหัส ${code} มาจากชื่อไฟล์`,
              en: `The page has no header: the code ${code} comes from the file name`,
            },
          },
        ]
      : [];
  return { ok: true, page: parsed.data, flags };
}

type Report = LegacyPage["reports"][number];

function parseReports(lines: string[], from: number, to: number): Report[] | Extract<ParsedLegacyPage, { ok: false }> {
  const reports: Report[] = [];
  let i = from;
  while (i < to) {
    const head = REPORT_HEAD.exec((lines[i] as string).trim());
    if (!head) {
      i++;
      continue;
    }
    // the report runs to its separator (or the section's end)
    let end = i + 1;
    while (end < to && !REPORT_SEPARATOR.test((lines[end] as string).trim())) end++;
    const body = lines.slice(i + 1, end);
    // the percent repeated on a line of its own opens the body
    const firstText = body.findIndex((l) => l.trim() !== "");
    const start = firstText >= 0 && /^\d+(?:\.\d+)?$/.test((body[firstText] as string).trim()) ? firstText + 1 : 0;
    const problemsAt = body.findIndex((l) => PROBLEMS.test(l.trim()));
    const obstaclesAt = body.findIndex((l) => OBSTACLES.test(l.trim()));
    const narrativeEnd = [problemsAt, obstaclesAt, body.length].filter((n) => n >= 0 && n >= start)[0] as number;
    const narrative = body.slice(start, narrativeEnd).join("\n").trim();
    const after = (at: number, until: number, marker: RegExp) =>
      at < 0
        ? ""
        : [
            (body[at] as string).trim().replace(marker, ""),
            ...body.slice(at + 1, until >= 0 && until > at ? until : body.length),
          ]
            .join("\n")
            .trim();
    const problems = after(problemsAt, obstaclesAt, PROBLEMS);
    const obstacles = after(obstaclesAt, -1, OBSTACLES);
    const number = Number(head[1]);
    const reportDate = head[3]
      ? dateFromEitherEra(Number(head[3]), Number(head[4]), Number(head[5]))
      : slashDate(LEADING_SLASH_DATE.exec(narrative)?.[1] ?? "");
    if (!reportDate) {
      return fail(
        null,
        `รายงานลำดับที่ ${number} ไม่มีวันที่ที่อ่านได้`,
        `Report (${number}) has no date that can be read`,
      ) as Extract<ParsedLegacyPage, { ok: false }>;
    }
    reports.push({ number, reportDate, percent: num(head[2] as string), narrative, problems, obstacles });
    i = end + 1;
  }
  return reports;
}

function parseSteps(lines: string[], from: number, to: number): LegacyPage["steps"] {
  const steps: LegacyPage["steps"] = [];
  let current: LegacyPage["steps"][number] | null = null;
  let colonLines = 0;
  for (let i = from; i < to; i++) {
    const line = (lines[i] as string).trim();
    const head = STEP_HEAD.exec(line);
    if (head) {
      current = { order: Number(head[1]), name: "", weight: 0, plannedStart: null, plannedEnd: null };
      steps.push(current);
      colonLines = 0;
      continue;
    }
    if (!current) continue;
    const date = STEP_DATE.exec(line);
    if (date) {
      const value = date[2] ? dateFromEitherEra(Number(date[2]), Number(date[3]), Number(date[4])) : null;
      if (date[1] === "เริ่มต้น") current.plannedStart = value;
      else current.plannedEnd = value;
      continue;
    }
    if (line.startsWith(":")) {
      // first the step's name, then its weight (10%)
      const value = line.slice(1).trim();
      const weight = /^(\d+(?:\.\d+)?)\s*%$/.exec(value);
      if (colonLines > 0 && weight) current.weight = Number(weight[1]);
      else if (colonLines === 0) current.name = line.slice(1);
      colonLines++;
    }
  }
  return steps;
}

function parseIndicators(lines: string[], from: number, to: number): LegacyPage["indicators"] {
  const indicators: LegacyPage["indicators"] = [];
  let current: LegacyPage["indicators"][number] | null = null;
  let inTable = false;
  let row: { quarter?: number; value?: number } = {};
  for (let i = from; i < to; i++) {
    const line = (lines[i] as string).trim();
    if (!line) continue;
    const head = KPI_HEAD.exec(line);
    if (head) {
      current = {
        code: head[1] as string,
        name: "",
        measureUnit: "",
        measureType: "number",
        target: 0,
        achieved: null,
        type: "routine",
        resultLevel: "output",
        quarters: [],
      };
      indicators.push(current);
      inTable = false;
      continue;
    }
    if (!current) continue;
    if (inTable) {
      if (row.quarter === undefined && /^[1-4]$/.test(line)) row.quarter = Number(line);
      else if (row.quarter !== undefined && row.value === undefined && /^[\d,.]+$/.test(line)) row.value = num(line);
      else if (row.quarter !== undefined && row.value !== undefined) {
        const scores = KPI_SCORES.exec(line);
        current.quarters.push({
          quarter: row.quarter as 1 | 2 | 3 | 4,
          value: row.value,
          score21: scores?.[1] ? num(scores[1]) : null,
          score22: scores?.[2] ? num(scores[2]) : null,
        });
        row = {};
      }
      continue;
    }
    if (KPI_TABLE_START.test(line)) {
      inTable = true;
      row = {};
      continue;
    }
    readKpiLine(current, line);
  }
  return indicators;
}

type Kpi = LegacyPage["indicators"][number];

/** The KPI's lines before its quarter table, each read by the first pattern it matches. */
const KPI_LINES: [RegExp, (kpi: Kpi, match: RegExpExecArray) => void][] = [
  [
    KPI_TARGET,
    (kpi, m) => {
      kpi.measureUnit = m[1] as string;
      kpi.measureType = measureTypeOfUnit(kpi.measureUnit);
      kpi.target = num(m[2] as string);
    },
  ],
  [
    KPI_ACHIEVED,
    (kpi, m) => {
      kpi.achieved = m[2] ? num(m[2]) : null;
    },
  ],
  [
    KPI_TYPE,
    (kpi, m) => {
      kpi.type = (m[1] as string).includes("ยุทธศาสตร์") ? "strategic" : "routine";
    },
  ],
  [
    KPI_LEVEL,
    (kpi, m) => {
      kpi.resultLevel = (m[1] as string).toLowerCase() as Kpi["resultLevel"];
    },
  ],
  [
    KPI_NAME,
    (kpi, m) => {
      kpi.name = m[1] as string;
    },
  ],
];

function readKpiLine(kpi: Kpi, line: string) {
  for (const [pattern, read] of KPI_LINES) {
    const match = pattern.exec(line);
    if (match) {
      read(kpi, match);
      return;
    }
  }
}
