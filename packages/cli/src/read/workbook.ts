/**
 * An .xlsx workbook opened (with exceljs) into plain sheets: each sheet's cells
 * as Excel typed them (text, number, date, true/false, an error), merged ranges
 * and whether the sheet is hidden. Nothing is interpreted here; `sheet-table.ts`
 * turns a sheet into the same located rows a CSV gives.
 */
import type ExcelJS from "exceljs";
import type { Reporter } from "./report.js";
import { said } from "../text/cli-text.js";

/** One cell as stored: `null` when empty; a `Date` for a cell formatted as a date or time. */
export type SheetCell = null | string | number | boolean | Date | { readonly error: string };

/** A merged range, 1-based and inclusive; its value is the top-left cell's. */
export interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * One sheet of a workbook, read into plain values.
 * @example { workbook: "roadshow.xlsx", name: "firms", hidden: false, date1904: false,
 *   rows: [{ number: 1, cells: ["firm_id", "name"] }], merges: [] }
 */
export interface SheetSource {
  /** The workbook's file name, as the user knows it. */
  readonly workbook: string;
  readonly name: string;
  /** Hidden or very hidden in the spreadsheet program. */
  readonly hidden: boolean;
  /** The workbook counts serial dates from 1904 (old Mac Excel). */
  readonly date1904: boolean;
  /** Rows that hold at least one cell, in order; `cells[0]` is column A. */
  readonly rows: readonly { readonly number: number; readonly cells: readonly SheetCell[] }[];
  readonly merges: readonly Merge[];
}

/** Plain value of an exceljs cell value: formulas give their cached result, rich text its text, links their text. */
function plain(value: ExcelJS.CellValue): SheetCell | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value !== "object") return String(value);
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    // A formula the saving program never computed has no value to read.
    return result === undefined ? undefined : plain(result as ExcelJS.CellValue);
  }
  if ("text" in value) {
    const text = (value as { text: unknown }).text;
    return typeof text === "string" ? text : plain(text as ExcelJS.CellValue);
  }
  return null;
}

/** A formula without a cached result, read as an error cell. */
/** A formula cell saved without its value (its error text is English data; a message says it from the catalogue). */
export const UNCOMPUTED = { error: "formula without a computed value" } as const;

function sheetOf(workbook: string, ws: ExcelJS.Worksheet, date1904: boolean, formula: ExcelJS.ValueType): SheetSource {
  const rows: { number: number; cells: SheetCell[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: SheetCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged cell reads as its range's top-left value (exceljs does it); the table decides what that means.
      // exceljs' `value` drops a formula's cached result when it is 0 or false; `result` keeps it.
      const value = cell.type === formula ? (cell.result === undefined ? undefined : plain(cell.result as ExcelJS.CellValue)) : plain(cell.value);
      while (cells.length < col - 1) cells.push(null);
      cells[col - 1] = value === undefined ? UNCOMPUTED : value;
    });
    if (cells.some((c) => c !== null && !(typeof c === "string" && c.trim() === ""))) rows.push({ number, cells });
  });
  const merges: Merge[] = [];
  for (const range of ws.model.merges ?? []) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (m === null) continue;
    merges.push({ top: Number(m[2]), left: columnNumber(m[1]!), bottom: Number(m[4]), right: columnNumber(m[3]!) });
  }
  return { workbook, name: ws.name, hidden: ws.state !== "visible", date1904, rows, merges };
}

/** `A` → 1, `AA` → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → `A`, 27 → `AA`. */
export function columnLetter(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Whether a file is an .xlsx workbook, by its name. */
export function isWorkbookName(file: string): boolean {
  return file.toLowerCase().endsWith(".xlsx");
}

/**
 * Bytes of an .xlsx file → its sheets, in the workbook's order. `null` with a
 * located `not-xlsx` error when the bytes are not a workbook exceljs can open.
 */
export async function readWorkbook(bytes: Uint8Array, report: Reporter): Promise<SheetSource[] | null> {
  // Loaded on first use: exceljs is most of the program's start-up, and most runs read and write no workbook.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.Workbook();
  try {
    // exceljs' type asks for its own Buffer flavour; a Node Buffer over the same bytes is what it reads.
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    report.error(
      "not-xlsx",
      {},
      said("input.not-xlsx", { reason: err instanceof Error ? err.message.split("\n")[0]! : String(err) }),
      said("input.not-xlsx.fix", {}),
    );
    return null;
  }
  const date1904 = wb.properties.date1904 === true;
  return wb.worksheets.map((ws) => sheetOf(report.file, ws, date1904, Excel.ValueType.Formula));
}
