import type { Row } from "./tables";

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One row in COPY's text format: tab-separated, `\N` for null, backslash escapes. */
export function copyLine(row: Row): string {
  let line = "";
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (i > 0) line += "\t";
    if (cell === null || cell === undefined) line += "\\N";
    else if (typeof cell === "number") line += String(cell);
    else line += COPY_SPECIAL.test(cell) ? cell.replace(/[\\\t\n\r]/g, (ch) => COPY_ESCAPES[ch] as string) : cell;
  }
  return line;
}

/** The rows as COPY text, one line each. */
export const copyText = (rows: Row[]): string => {
  let text = "";
  for (const row of rows) text += `${copyLine(row)}\n`;
  return text;
};

/** One row as a VALUES tuple of SQL literals (standard_conforming_strings: only quotes need doubling). */
export function valuesTuple(row: Row): string {
  const cells = row.map((cell) => {
    if (cell === null || cell === undefined) return "NULL";
    if (typeof cell === "number") return String(cell);
    return `'${cell.includes("'") ? cell.replaceAll("'", "''") : cell}'`;
  });
  return `(${cells.join(",")})`;
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
