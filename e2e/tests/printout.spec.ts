import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { SCREENSHOTS } from "./support";

// Issue 8, item 11: the official printout of a project, checked as the PDF Chromium prints
// (read back with poppler's pdftotext; its pages saved as PNG under artifacts/screenshots/).
const pdfText = (file: string, page?: number) =>
  execFileSync("pdftotext", ["-layout", ...(page ? ["-f", String(page), "-l", String(page)] : []), file, "-"], {
    encoding: "utf8",
  });

/** How far down page 1 its content reaches (0–1), leaving out the page number in the bottom margin. */
function firstPageFill(file: string): number {
  const html = execFileSync("pdftotext", ["-bbox", "-f", "1", "-l", "1", file, "-"], { encoding: "utf8" });
  const height = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)?.[1]);
  const words = [...html.matchAll(/<word xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)];
  const body = words.filter(([, , text]) => text !== "หน้า" && !/^\d+\/\d+$/.test(text ?? ""));
  return Math.max(...body.map(([, yMax]) => Number(yMax))) / height;
}

test("the printout is an official document: city heading, title, date printed, page numbers, whole Thai headers, one total row, signatures", async ({
  page,
}) => {
  await page.goto("/projects/50450000-3247/print");
  await expect(page.getByTestId("print-signatures")).toBeVisible();
  // the plan-vs-actual chart drawn (its code loads lazily), not its empty frame
  await expect(page.getByTestId("plan-chart").locator(".recharts-wrapper")).toBeVisible();
  const dir = mkdtempSync(path.join(tmpdir(), "cpm-printout-"));
  const file = path.join(dir, "printout.pdf");
  writeFileSync(file, await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true }));

  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))?.[1]);
  expect(pages).toBeGreaterThan(1);
  // "หน้า 1/N" in every page's margin
  for (let n = 1; n <= pages; n++) expect(pdfText(file, n)).toContain(`หน้า ${n}/${pages}`);

  const first = pdfText(file, 1);
  const today = new Intl.DateTimeFormat("th-TH-u-ca-buddhist", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "Asia/Bangkok",
  }).format(new Date());
  expect(first).toContain("กรุงเทพมหานคร");
  expect(first).toContain("สำนักงานเขตวังทองหลาง");
  expect(first).toContain("รายงานผลการดำเนินงานโครงการ ปีงบประมาณ 2564");
  expect(first).toContain(`พิมพ์เมื่อ ${today}`);
  // the first page is filled, not a heading followed by white space
  expect(firstPageFill(file)).toBeGreaterThan(0.75);

  const all = pdfText(file);
  // the step table's header: every word whole (not "ขั้น / ตอน", "น้ำ / หนัก")
  const header = all.split("\n").find((line) => line.includes("ลำดับ"));
  expect(header).toMatch(/ลำดับ\s+ขั้นตอน\s+น้ำหนัก\s+กำหนดการ\s+ดำเนินการ\s+ความสำเร็จ/);
  // the total row once, at the end of the table, not on every page the table spans
  expect(all.split("น้ำหนักรวม").length - 1).toBe(1);

  const last = pdfText(file, pages);
  expect(last.split("ลงชื่อ").length - 1).toBe(2);
  expect(last).toContain("(นางอรวรรณ ขุมบางลี่)");
  expect(last).toContain("ผู้รับผิดชอบโครงการ");
  expect(last).toContain("หัวหน้าหน่วยงาน สำนักงานเขตวังทองหลาง");

  // the pages as images, for people to look at
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const old of readdirSync(SCREENSHOTS).filter((name) => name.startsWith("printout-page-"))) {
    rmSync(path.join(SCREENSHOTS, old));
  }
  execFileSync("pdftoppm", ["-r", "60", "-png", file, path.join(SCREENSHOTS, "printout-page")]);
  expect(readdirSync(SCREENSHOTS).filter((name) => name.startsWith("printout-page-"))).toHaveLength(pages);
  rmSync(dir, { recursive: true, force: true });
});
