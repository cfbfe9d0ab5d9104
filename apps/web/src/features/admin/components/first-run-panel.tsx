import { useState } from "react";
import { ApiError } from "../../../lib/api-client";
import { useI18n } from "../../../lib/i18n";
import { useAddFiscalYears, useImportUnits } from "../api/first-run";

const TEXT = {
  title: { th: "หน่วยงานและปีงบประมาณ", en: "Units and fiscal years" },
  unitsHelp: {
    th: "ไฟล์ CSV (UTF-8) แถวแรกเป็นชื่อคอลัมน์ code,name,parent,kind (และ name_en ถ้ามี) หน่วยงานละหนึ่งแถว เมืองก่อน ถ้ามีแถวใดผิด จะไม่นำเข้าเลย",
    en: "A CSV file (UTF-8): a first line naming code,name,parent,kind (and name_en if any), then one unit per line, the city first. If any line is wrong, nothing is imported.",
  },
  file: { th: "ไฟล์หน่วยงาน (CSV)", en: "Units file (CSV)" },
  importUnits: { th: "นำเข้าหน่วยงาน", en: "Import units" },
  years: { th: "ปีงบประมาณ (พ.ศ.) คั่นด้วยช่องว่าง", en: "Fiscal years (Buddhist era), separated by spaces" },
  addYears: { th: "เพิ่มปีงบประมาณ", en: "Add fiscal years" },
  created: { th: "เพิ่มแล้ว", en: "Added" },
  unchanged: { th: "มีอยู่แล้ว", en: "Already there" },
  none: { th: "ไม่มี", en: "none" },
} as const;

/** The first run of a city's own database: its units from a CSV file, and its fiscal years. Admins only. */
export function FirstRunPanel() {
  const { locale } = useI18n();
  const say = (key: keyof typeof TEXT) => TEXT[key][locale];
  const importUnits = useImportUnits();
  const addYears = useAddFiscalYears();
  const [file, setFile] = useState<File | null>(null);
  const [years, setYears] = useState("");
  const importErrors = importUnits.error instanceof ApiError ? importUnits.error : null;
  const yearErrors = addYears.error instanceof ApiError ? addYears.error : null;
  const list = (codes: readonly (string | number)[]) => (codes.length ? codes.join(", ") : say("none"));

  return (
    <section aria-labelledby="first-run-title">
      <h2 id="first-run-title">{say("title")}</h2>
      <form
        className="card form"
        aria-label={say("importUnits")}
        onSubmit={async (event) => {
          event.preventDefault();
          if (file) importUnits.mutate({ csv: await file.text() });
        }}
      >
        <p>{say("unitsHelp")}</p>
        <label>
          {say("file")}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              importUnits.reset();
              setFile(event.currentTarget.files?.[0] ?? null);
            }}
          />
        </label>
        <button type="submit" disabled={!file || importUnits.isPending}>
          {say("importUnits")}
        </button>
        {importUnits.data && (
          <p role="status" data-testid="units-import-result">
            {say("created")}: {list(importUnits.data.created)} · {say("unchanged")}: {list(importUnits.data.unchanged)}
          </p>
        )}
        {importErrors && (
          <div role="alert" data-testid="units-import-errors">
            <p>{importErrors.localized[locale]}</p>
            <ul>
              {importErrors.fieldErrors.map((error) => (
                <li key={`${error.path}-${error.code}`}>{error.message[locale]}</li>
              ))}
            </ul>
          </div>
        )}
      </form>
      <form
        className="card form"
        aria-label={say("addYears")}
        onSubmit={(event) => {
          event.preventDefault();
          const wanted = years
            .split(/[\s,]+/)
            .filter(Boolean)
            .map(Number);
          addYears.mutate({ years: wanted });
        }}
      >
        <label>
          {say("years")}
          <input inputMode="numeric" value={years} onChange={(event) => setYears(event.currentTarget.value)} />
        </label>
        <button type="submit" disabled={!years.trim() || addYears.isPending}>
          {say("addYears")}
        </button>
        {addYears.data && (
          <p role="status">
            {say("created")}: {list(addYears.data.created)} · {say("unchanged")}: {list(addYears.data.unchanged)}
          </p>
        )}
        {yearErrors && (
          <p role="alert">
            {yearErrors.fieldErrors.map((error) => error.message[locale]).join(" ") || yearErrors.localized[locale]}
          </p>
        )}
      </form>
    </section>
  );
}
