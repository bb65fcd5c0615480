// Workbooks written and read by an implementation that is not ours (Python openpyxl, scripts/xlsx/openpyxl_tool.py), for the .xlsx tests.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const TOOL = path.resolve(import.meta.dirname, "../../../scripts/xlsx/openpyxl_tool.py");

/** A cell as a spreadsheet program stores it (see openpyxl_tool.py). */
export type SpecCell =
  | null
  | string
  | number
  | boolean
  | { readonly date: string; readonly format?: string }
  | { readonly datetime: string; readonly format?: string }
  | { readonly time: string; readonly format?: string }
  | { readonly number: number; readonly format?: string }
  | { readonly formula: string };

export interface SpecSheet {
  readonly name: string;
  readonly state?: "visible" | "hidden" | "veryHidden";
  readonly merges?: readonly string[];
  readonly rows: readonly (readonly SpecCell[])[];
}

function run(args: readonly string[]): string {
  const r = spawnSync("python3", [TOOL, ...args], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`openpyxl_tool ${args[0]} failed (run scripts/ensure-openpyxl.sh): ${r.stderr}`);
  return r.stdout;
}

/** Writes a workbook with openpyxl, as a spreadsheet program would save it. */
export function writeWorkbook(file: string, sheets: readonly SpecSheet[], options: { readonly date1904?: boolean } = {}): void {
  const dir = mkdtempSync(path.join(tmpdir(), "roadshow-openpyxl-"));
  try {
    const spec = path.join(dir, "spec.json");
    writeFileSync(spec, JSON.stringify({ date1904: options.date1904 ?? false, sheets }));
    run(["write", spec, file]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One cell as openpyxl reads it: its value (dates and times in ISO form), type (`s`, `n`, `b`, `d`, `f`) and number format. */
export interface ReadCell {
  readonly value: string | number | boolean | null;
  readonly type: string;
  readonly is_date: boolean;
  readonly format: string;
}

export interface ReadSheet {
  readonly name: string;
  readonly state: string;
  readonly freeze: string | null;
  readonly autofilter: string | null;
  readonly paper: string | number | null;
  readonly orientation: string | null;
  readonly fit_width: number | null;
  readonly print_titles: string | null;
  readonly widths: Readonly<Record<string, number>>;
  readonly bold_header: boolean;
  readonly rows: readonly (readonly ReadCell[])[];
}

/** Reads a workbook with openpyxl: every sheet's cells with their types, and its layout. */
export function readWorkbookIndependently(file: string): readonly ReadSheet[] {
  return (JSON.parse(run(["read", file])) as { sheets: ReadSheet[] }).sheets;
}

const INTEGER = /^-?\d{1,9}$/;
const DECIMAL = /^-?\d+\.\d+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{2}:\d{2}$/;

/**
 * A CSV cell typed the way a person typing it into Excel gets it: whole and
 * decimal numbers become numbers, ISO dates date cells shown `dd/mm/yyyy` (the
 * Italian display), `HH:MM` time cells; everything else text. Ids with leading
 * zeros stay text, as Excel keeps them when typed with a leading apostrophe.
 */
export function typedCell(text: string): SpecCell {
  if (text === "") return null;
  if (INTEGER.test(text) && !/^-?0\d/.test(text)) return Number(text);
  if (DECIMAL.test(text)) return Number(text);
  if (ISO_DATE.test(text)) return { date: text, format: "dd/mm/yyyy" };
  if (TIME.test(text)) return { time: `${text}:00`, format: "hh:mm" };
  return text;
}

/** A simple CSV (no quotes with line breaks) as rows of cells. */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, "").split(/\r?\n/)) {
    if (line === "") continue;
    const cells: string[] = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ",") {
        cells.push(cell);
        cell = "";
      } else cell += ch;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

/** A CSV file as a sheet of typed cells. */
export function csvSheet(name: string, csvFile: string): SpecSheet {
  return { name, rows: csvRows(readFileSync(csvFile, "utf8")).map((row) => row.map(typedCell)) };
}
