// Workbooks as Excel and LibreOffice save them (hand-written SpreadsheetML: shared and inline strings, rich text, numFmtId 14/20/21, cached formula results, 1904 dates, an oversized <dimension>, styled empty rows, merged titles, a hidden sheet) plan the same files as their CSV twins, byte for byte; broken cells give the CSV twin's located issues plus sheet and column letter.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDataDir, type InputIssue } from "../../src/read/index.js";
import { csvRows } from "../openpyxl.js";
import { writeRawWorkbook, type RawCell, type RawSheet } from "../ooxml.js";
import { runCli } from "../run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../../examples/lombardia-2026");
const STOP = "BS-2026-02";
const FILES = ["stops", "delegations", "firms", "requests"] as const;
const work = mkdtempSync(path.join(tmpdir(), "roadshow-xlsx-programs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DATES = new Set(["date"]);
const TIMES = new Set(["start", "end"]);
const INTEGERS = new Set(["slot_minutes", "gap_minutes", "tables", "max_meetings", "representatives"]);

/** How a program saves cells: its date and time formats, and its habits. */
interface Program {
  readonly date: number | string;
  readonly time: number | string;
  readonly date1904: boolean;
  readonly libreOffice: boolean;
}

const EXCEL_IT: Program = { date: "dd/mm/yyyy;@", time: "[$-410]hh.mm", date1904: false, libreOffice: false };
const EXCEL_BUILT_IN: Program = { date: 14, time: 20, date1904: false, libreOffice: false };
const EXCEL_MAC_1904: Program = { date: 14, time: 21, date1904: true, libreOffice: false };
const LIBREOFFICE: Program = { date: "DD/MM/YYYY", time: "HH:MM", date1904: false, libreOffice: true };

/** Serial day of an ISO date in the workbook's date system. */
function serial(iso: string, date1904: boolean): number {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return (Date.parse(`${iso}T00:00:00Z`) - epoch) / 86_400_000;
}

/**
 * One CSV cell as the program stores it once typed: dates and times as serial
 * numbers with a date or time format, counts as numbers (every fifth a formula
 * with its cached result), and text as shared strings, every third in
 * formatted runs (rich text) or, in LibreOffice's habit here, inline.
 */
function cell(column: string, text: string, row: number, program: Program): RawCell {
  if (text === "") return null;
  if (DATES.has(column) && /^\d{4}-\d{2}-\d{2}$/.test(text)) return { n: serial(text, program.date1904), fmt: program.date };
  if (TIMES.has(column) && /^\d{2}:\d{2}$/.test(text)) {
    const [h, m] = text.split(":").map(Number);
    return { n: (h! * 60 + m!) / 1440, fmt: program.time };
  }
  if (INTEGERS.has(column) && /^\d+$/.test(text)) return row % 5 === 0 ? { formula: `${text}*1`, result: Number(text) } : { n: Number(text) };
  if (row % 3 === 1 && text.length > 3) return program.libreOffice ? { inline: text } : { rich: [text.slice(0, 3), text.slice(3)] };
  if (row % 7 === 2) return { formula: `"${text}"`, result: text };
  return text;
}

/**
 * A CSV as a sheet kept by hand: a merged title row above the header, a blank
 * row every ninth row, then styled empty rows and a <dimension> far past the data.
 */
function sheetOf(name: string, csv: string, program: Program): RawSheet {
  const [header, ...data] = csvRows(csv);
  const rows: RawCell[][] = [[`Roadshow Lombardia 2026 — ${name}`], header!.map((h, i) => (i === 0 && !program.libreOffice ? { rich: [h] } : h))];
  data.forEach((r, i) => {
    rows.push(r.map((text, j) => cell(header![j]!, text, i, program)));
    if (i % 9 === 8) rows.push([]);
  });
  rows.push([], [{ styled: true }, { styled: true }], [], [{ styled: true }]);
  return { name, rows, merges: [`A1:${String.fromCharCode(64 + Math.min(header!.length, 6))}1`], dimension: "A1:Z2000", libreOffice: program.libreOffice };
}

const csvOf = (kind: string) => readFileSync(path.join(EXAMPLE, `${kind}.csv`), "utf8");

/** A data folder with one roadshow.xlsx as `program` saves it (a hidden instructions sheet first), from `csv` per file. */
function bookFolder(name: string, program: Program, csv: (kind: string) => string = csvOf): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  const sheets = [{ name: "Istruzioni", state: "hidden" as const, rows: [["Compilare un foglio per file."]] }, ...FILES.map((kind) => sheetOf(kind, csv(kind), program))];
  writeRawWorkbook(path.join(dir, "roadshow.xlsx"), sheets, { date1904: program.date1904 });
  return dir;
}

/** Every file under a folder, relative path → content. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.relative(dir, path.join(entry.parentPath, entry.name)), readFileSync(path.join(entry.parentPath, entry.name), "utf8"));
  }
  return files;
}

async function schedule(dataDir: string, out: string): Promise<Map<string, string>> {
  const r = await runCli("schedule", dataDir, "--stop", STOP, "--out", out);
  expect(r.code, r.stderr).toBe(0);
  return tree(out);
}

describe("workbooks saved by spreadsheet programs", () => {
  let reference: Map<string, string>;

  it.each([
    ["Italian Excel (custom dd/mm/yyyy and hh.mm formats)", "excel-it", EXCEL_IT],
    ["Excel's built-in date and time formats (14, 20)", "excel-builtin", EXCEL_BUILT_IN],
    ["Mac Excel's 1904 date system (h:mm:ss, 21)", "excel-1904", EXCEL_MAC_1904],
    ["LibreOffice (DD/MM/YYYY, t=\"n\", inline strings)", "libreoffice", LIBREOFFICE],
  ])("%s plans every file as the CSVs do, byte for byte", async (_label, name, program) => {
    reference ??= await schedule(EXAMPLE, path.join(work, "out-csv"));
    const dir = bookFolder(name, program);
    const { issues } = await readDataDir(dir);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    const ours = await schedule(dir, path.join(work, `out-${name}`));
    expect([...ours.keys()].sort()).toEqual([...reference.keys()].sort());
    for (const [file, content] of ours) expect(content, file).toBe(reference.get(file));
  });

  /**
   * A broken cell as a CSV and as a workbook (typed as above): the same
   * issues (code, severity, row, column, value, message, fix), the workbook's
   * also naming the sheet and the column's letter.
   */
  async function twins(name: string, kind: (typeof FILES)[number], edit: (rows: string[][]) => void): Promise<{ csv: InputIssue[]; book: InputIssue[] }> {
    const edited = (k: string) => {
      if (k !== kind) return csvOf(k);
      const rows = csvRows(csvOf(k));
      edit(rows);
      return `${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\n")}\n`;
    };
    const csvDir = path.join(work, `${name}-csv`);
    mkdirSync(csvDir);
    for (const k of FILES) writeFileSync(path.join(csvDir, `${k}.csv`), edited(k));
    // No title row and no blank rows here, so the workbook's row numbers are the CSV's line numbers.
    const bookDir = path.join(work, `${name}-xlsx`);
    mkdirSync(bookDir);
    const sheets = FILES.map((k): RawSheet => {
      const [header, ...data] = csvRows(edited(k));
      return { name: k, rows: [header!, ...data.map((r, i) => r.map((t, j) => cell(header![j]!, t, i, EXCEL_IT)))] };
    });
    writeRawWorkbook(path.join(bookDir, "roadshow.xlsx"), sheets);
    const csv = (await readDataDir(csvDir)).issues;
    const book = (await readDataDir(bookDir)).issues;
    const plain = ({ file: _f, sheet: _s, letter: _l, ...rest }: InputIssue) => rest;
    expect(book.map(plain)).toEqual(csv.map(plain));
    expect(book.length).toBeGreaterThan(0);
    for (const issue of book) expect(issue).toMatchObject({ file: "roadshow.xlsx", sheet: kind });
    return { csv, book };
  }

  it("a date typed as Italian text (07/10/2026) is the CSV's bad-date, at sheet, row, letter and header, with the fix", async () => {
    const { book } = await twins("text-date", "stops", (rows) => void (rows[1]![2] = "07/10/2026"));
    expect(book.find((i) => i.code === "bad-date")).toMatchObject({ sheet: "stops", line: 2, letter: "C", column: "date", value: "07/10/2026", hint: "write 2026-10-07" });
  });

  it("a time typed as 9.30 and a count typed the Italian way (1.234,5) are the CSV's errors, located", async () => {
    const { book } = await twins("text-time", "stops", (rows) => {
      rows[2]![4] = "9.30";
      rows[3]![6] = "1.234,5";
    });
    expect(book.find((i) => i.code === "bad-time")).toMatchObject({ line: 3, letter: "E", column: "start", value: "9.30", hint: "write 09:30" });
    expect(book.find((i) => i.line === 4 && i.column === "slot_minutes")).toMatchObject({ severity: "error", letter: "G", value: "1.234,5" });
  });

  it("a misspelled header is the CSV's missing-column with its suggestion, and the unknown header's letter", async () => {
    const { book } = await twins("misspelled", "firms", (rows) => void (rows[0]![1] = "nmae"));
    expect(book.find((i) => i.code === "missing-column")).toMatchObject({ severity: "error", sheet: "firms", line: 1, message: expect.stringContaining("did you mean nmae?") });
    expect(book.find((i) => i.code === "unknown-column")).toMatchObject({ sheet: "firms", letter: "B", value: "nmae" });
  });
});
