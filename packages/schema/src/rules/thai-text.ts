/**
 * Thai text for matching and ordering. Stored texts stay exactly as entered; these derive
 * the separate columns used to search and sort them.
 */

const NIKHAHIT_SARA_AA = /\u0E4D\u0E32/g; // ํ + า, the legacy site's other spelling of ำ (SARA AM)
const INVISIBLE = /[\u200B-\u200D\uFEFF]/g;

/** Form that compares equal across the spellings seen in the legacy data. */
export function normalizeThai(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, "").replace(NIKHAHIT_SARA_AA, "\u0E33");
}

/** Lower-cased, whitespace-collapsed normal form for substring and trigram search. */
export function searchText(text: string): string {
  return normalizeThai(text.normalize("NFKC")).toLowerCase().replace(/\s+/g, " ").trim();
}

const LEADING_VOWEL = /[\u0E40-\u0E44]/; // เ แ โ ใ ไ
const CONSONANT = /[\u0E01-\u0E2E]/;
const TONE_OR_MARK = /[\u0E47-\u0E4E]/; // ็ ่ ้ ๊ ๋ ์ ํ ๎: secondary differences only

/**
 * A key whose code-point order ("C" collation) is Thai dictionary order at the primary
 * level: a leading vowel sorts after the consonant it precedes (เก sorts under ก), and tone
 * marks only break ties. PGlite has no ICU collation, so the database sorts by this key.
 */
export function thaiSortKey(text: string): string {
  const chars = Array.from(searchText(text));
  const primary: string[] = [];
  const marks: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] as string;
    const next = chars[i + 1];
    if (LEADING_VOWEL.test(ch) && next !== undefined && CONSONANT.test(next)) {
      primary.push(next, ch);
      i++;
    } else if (TONE_OR_MARK.test(ch)) {
      marks.push(ch);
    } else {
      primary.push(ch);
    }
  }
  return marks.length > 0 ? `${primary.join("")}\u0001${marks.join("")}` : primary.join("");
}

export function compareThai(a: string, b: string): number {
  const ka = thaiSortKey(a);
  const kb = thaiSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
