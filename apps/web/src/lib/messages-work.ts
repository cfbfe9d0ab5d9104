/** Strings of an officer's, an evaluator's and an executive's daily work: forms, work lists, history. */
export const WORK_MESSAGES = {
  required: { th: "จำเป็นต้องกรอก", en: "required" },
  cancel: { th: "ยกเลิก", en: "Cancel" },
  confirmSave: { th: "ยืนยันการบันทึก", en: "Confirm and save" },
  back: { th: "กลับไปแก้ไข", en: "Go back" },
  navMyUnit: { th: "งานของหน่วยงาน", en: "My unit" },
  navPendingEvaluations: { th: "รอประเมิน", en: "Awaiting scores" },
  myUnitTitle: { th: "โครงการของหน่วยงาน", en: "My unit's projects" },
  notReportedFirst: {
    th: "ยังไม่รายงานเดือนนี้ (รายงานก่อน)",
    en: "Not reported this month (report these first)",
  },
  reportedAlready: { th: "รายงานแล้วเดือนนี้", en: "Reported this month" },
  allReported: { th: "ทุกโครงการรายงานแล้วในเดือนนี้", en: "Every project has reported this month" },
  pendingEvaluationsTitle: { th: "โครงการที่รอ สยป. ประเมิน", en: "Projects awaiting the evaluation office's score" },
  pendingEvaluationsHint: {
    th: "โครงการของปีงบประมาณที่ยังไม่มีคะแนนประเมินของไตรมาสที่เลือก",
    en: "Projects of the fiscal year with no score yet for the chosen quarter",
  },
  nothingPending: { th: "ไม่มีโครงการที่รอประเมิน", en: "Nothing awaits a score" },
  scoreThis: { th: "ประเมิน", en: "Score" },
  // report: drop, correction, withdrawal
  reason: { th: "เหตุผล", en: "Reason" },
  dropReasonHint: {
    th: "ร้อยละต่ำกว่ารายงานครั้งก่อน ({previous} %) ต้องระบุเหตุผล เหตุผลจะถูกเก็บไว้ในประวัติการแก้ไข",
    en: "Lower than the previous report ({previous} %): give a reason; it is kept in the history",
  },
  confirmDrop: {
    th: "ยืนยันบันทึกร้อยละ {percent} ซึ่งต่ำกว่ารายงานครั้งก่อน ({previous} %) หรือไม่",
    en: "Save {percent} %, lower than the previous report ({previous} %)?",
  },
  reportSaved: { th: "บันทึกรายงานร้อยละ {percent} ({date}) แล้ว", en: "Report saved: {percent} % ({date})" },
  correct: { th: "แก้ไขรายงาน", en: "Correct" },
  withdraw: { th: "ถอนรายงาน", en: "Withdraw" },
  correctReportTitle: { th: "แก้ไขรายงานครั้งที่ {no}", en: "Correct report {no}" },
  withdrawReportTitle: { th: "ถอนรายงานครั้งที่ {no}", en: "Withdraw report {no}" },
  correctionReasonHint: {
    th: "เช่น พิมพ์ตัวเลขผิด เหตุผลจะถูกเก็บไว้ในประวัติการแก้ไข",
    en: "e.g. a typing mistake; kept in the history",
  },
  withdrawHint: {
    th: "รายงานที่ถอนจะไม่ถูกนับอีก แต่ยังอยู่ในประวัติการแก้ไขพร้อมเหตุผล",
    en: "A withdrawn report no longer counts; it stays in the history with the reason",
  },
  confirmWithdraw: { th: "ยืนยันการถอนรายงาน", en: "Withdraw the report" },
  reportCorrected: { th: "แก้ไขรายงานครั้งที่ {no} แล้ว", en: "Report {no} corrected" },
  reportWithdrawn: { th: "ถอนรายงานครั้งที่ {no} แล้ว", en: "Report {no} withdrawn" },
  // evaluations and KPIs
  scoreHint: {
    th: "คะแนนที่ สยป. ประเมินโครงการในไตรมาสนี้ 0–100 (ทศนิยมไม่เกิน 2 ตำแหน่ง)",
    en: "The evaluation office's score of the project for this quarter, 0–100 (at most two decimals)",
  },
  evaluationNote: { th: "หมายเหตุ", en: "Note" },
  confirmEvaluation: {
    th: "บันทึกคะแนน {score} ของไตรมาสที่ {quarter} หรือไม่",
    en: "Save the score {score} for quarter {quarter}?",
  },
  evaluationSaved: { th: "บันทึกคะแนนไตรมาสที่ {quarter}: {score} แล้ว", en: "Quarter {quarter} scored {score}" },
  kpiExplained: {
    th: "ผลงาน คือค่าที่ทำได้ในไตรมาส ในหน่วยของตัวชี้วัด ({unit}) ซึ่งหน่วยงานเป็นผู้บันทึก · ผลประเมินตัวชี้วัด 2.1 และ 2.2 คือคะแนน 0–100 ที่ สยป. ประเมินตามเกณฑ์ข้อ 2.1 และข้อ 2.2",
    en: "Result: what was achieved in the quarter, in the KPI's unit ({unit}), entered by the unit · Scores 2.1 and 2.2: the evaluation office's scores (0–100) under criteria 2.1 and 2.2",
  },
  kpiValueHint: { th: "ผลงานของไตรมาส ({unit})", en: "The quarter's result ({unit})" },
  score21: { th: "ผลประเมิน 2.1 (0–100)", en: "Score 2.1 (0–100)" },
  score22: { th: "ผลประเมิน 2.2 (0–100)", en: "Score 2.2 (0–100)" },
  confirmKpi: {
    th: "บันทึกผลตัวชี้วัด {code} ไตรมาสที่ {quarter} หรือไม่",
    en: "Save KPI {code}, quarter {quarter}?",
  },
  kpiSaved: { th: "บันทึกผลตัวชี้วัด {code} ไตรมาสที่ {quarter} แล้ว", en: "KPI {code}, quarter {quarter} saved" },
  // new project
  strategyGoal: { th: "เป้าหมายตามแผนยุทธศาสตร์", en: "Strategy goal" },
  noStrategy: { th: "ภารกิจงานประจำของหน่วยงาน (ไม่ระบุยุทธศาสตร์)", en: "Routine mission (no strategy goal)" },
  policiesHint: { th: "นโยบายผู้ว่าราชการ (P) ที่โครงการสนับสนุน", en: "The governor's policies (P) the project serves" },
  kpisOfProject: { th: "ตัวชี้วัดของโครงการ", en: "KPIs of the project" },
  addKpi: { th: "เพิ่มตัวชี้วัด", en: "Add a KPI" },
  removeKpi: { th: "ลบตัวชี้วัด", en: "Remove the KPI" },
  kpiCode: { th: "รหัสตัวชี้วัด", en: "KPI code" },
  kpiName: { th: "ชื่อตัวชี้วัด", en: "KPI name" },
  measureUnit: { th: "หน่วยนับ (เช่น ระดับ, ร้อยละ)", en: "Unit of measure (e.g. level, percent)" },
  kpiType: { th: "ประเภทตัวชี้วัด", en: "KPI type" },
  resultLevel: { th: "ระดับของผล", en: "Result level" },
  onlyWritableUnits: {
    th: "แสดงเฉพาะหน่วยงานที่คุณมีสิทธิ์สร้างโครงการ",
    en: "Only the units you may create projects for",
  },
  noWritableUnits: {
    th: "บัญชีนี้ไม่มีสิทธิ์สร้างโครงการของหน่วยงานใด",
    en: "This account may not create projects for any unit",
  },
  requiredLegend: { th: "ช่องที่มี * จำเป็นต้องกรอก", en: "Fields marked * are required" },
  // history in words
  historyEmpty: { th: "ยังไม่มีการแก้ไข", en: "No changes yet" },
  changedFromTo: { th: "จาก", en: "from" },
  changedTo: { th: "เป็น", en: "to" },
  by: { th: "โดย", en: "by" },
} satisfies Record<string, { th: string; en: string }>;
