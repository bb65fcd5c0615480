/**
 * Tables → an .xlsx workbook's bytes, streamed row by row (exceljs'
 * WorkbookWriter: a row is serialised and compressed when added, so a sheet of
 * 12,000 meetings never exists as a cell model in memory). Cells are typed
 * from their column: numbers as numbers, dates as dates, times as times; every
 * sheet has its header bold, frozen and filtered, widths fitted to its content
 * and an A4 print setup that repeats the header on each page. The same tables
 * give the same bytes (fixed workbook dates, fixed zip entry times).
 */
import { PassThrough } from "node:stream";
import type ExcelJS from "exceljs";
import type { Lang } from "../text/i18n.js";
import type { CsvCell } from "./csv.js";
import { fixZipTimes } from "./zip-times.js";

/** How a column's cells are written. `integer` and `number` cells that are not numbers (`1|2`, `—`) stay text. */
export type XlsxType = "text" | "integer" | "number" | "date" | "time";

export interface XlsxColumn {
  readonly header: string;
  readonly type: XlsxType;
}

/**
 * One sheet: its columns and rows (cells as the CSV writers make them: `2026-02-25`
 * for a date, `14:00` for a time). Rows are read once, in order, as they are written.
 * @example { name: "Agenda", columns: [{ header: "Start", type: "time" }], rows: [["14:00"]] }
 */
export interface XlsxSheet {
  readonly name: string;
  readonly columns: readonly XlsxColumn[];
  readonly rows: Iterable<readonly CsvCell[]>;
}

const DATE_FORMAT: Readonly<Record<Lang, string>> = { it: "dd/mm/yyyy", en: "yyyy-mm-dd" };
const TIME = /^(\d{1,2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** Rows looked at to size the columns (the rest are streamed unseen). */
const SAMPLE = 500;

type Value = string | number | Date | null;

// One style object per number format, shared by every cell that has it: exceljs caches a style by its object,
// so a shared one is looked up once (a fresh object per cell costs more than the rest of the cell).
const PLAIN: Partial<ExcelJS.Style> = {};
const INTEGER: Partial<ExcelJS.Style> = { numFmt: "0" };
const CLOCK: Partial<ExcelJS.Style> = { numFmt: "hh:mm" };
const DAY: Readonly<Record<Lang, Partial<ExcelJS.Style>>> = { it: { numFmt: DATE_FORMAT.it }, en: { numFmt: DATE_FORMAT.en } };

/** A cell's value and style for its column's type. */
function typed(cell: CsvCell, type: XlsxType, lang: Lang): { value: Value; style: Partial<ExcelJS.Style> } {
  if (cell === "") return { value: null, style: PLAIN };
  if (type === "text") return { value: String(cell), style: PLAIN };
  if (type === "integer" || type === "number") {
    const n = typeof cell === "number" ? cell : NUMBER.test(cell) ? Number(cell) : null;
    if (n === null) return { value: String(cell), style: PLAIN };
    return { value: n, style: type === "integer" && Number.isInteger(n) ? INTEGER : PLAIN };
  }
  const text = String(cell);
  if (type === "time") {
    const m = TIME.exec(text);
    // A time is a fraction of a day, shown hh:mm.
    return m === null ? { value: text, style: PLAIN } : { value: (Number(m[1]) * 60 + Number(m[2])) / 1440, style: CLOCK };
  }
  const m = DATE.exec(text);
  return m === null ? { value: text, style: PLAIN } : { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), style: DAY[lang] };
}

/** The width a cell needs, in characters. */
function shown(cell: CsvCell, type: XlsxType): number {
  if (type === "date") return 10;
  if (type === "time") return 5;
  const text = String(cell);
  const line = text.indexOf("\n");
  return line < 0 ? text.length : line;
}

/** Widths from the header and the first rows: at least 6, at most 60 characters, plus room for the filter button. */
function widths(columns: readonly XlsxColumn[], sample: readonly (readonly CsvCell[])[]): number[] {
  return columns.map((c, i) => {
    let width = c.header.length + 3;
    for (const row of sample) width = Math.max(width, shown(row[i] ?? "", c.type) + 2);
    return Math.min(60, Math.max(6, width));
  });
}

/** Writes one sheet through the streaming writer. */
function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: XlsxSheet, lang: Lang): void {
  const rows = sheet.rows[Symbol.iterator]();
  const sample: (readonly CsvCell[])[] = [];
  for (let next = rows.next(); !next.done; next = rows.next()) {
    sample.push(next.value);
    if (sample.length >= SAMPLE) break;
  }
  const width = sheet.columns.length;
  const ws = wb.addWorksheet(sheet.name, {
    views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: width > 6 ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:1",
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = widths(sheet.columns, sample).map((w) => ({ width: w }));
  const header = ws.addRow(sheet.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  let count = 0;
  const add = (cells: readonly CsvCell[]) => {
    const row = ws.addRow([]);
    sheet.columns.forEach((column, i) => {
      const { value, style } = typed(cells[i] ?? "", column.type, lang);
      if (value === null) return;
      const cell = row.getCell(i + 1);
      cell.value = value;
      cell.style = style;
    });
    row.commit();
    count++;
  };
  for (const cells of sample) add(cells);
  for (let next = rows.next(); !next.done; next = rows.next()) add(next.value);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: count + 1, column: Math.max(1, width) } };
  ws.commit();
}

/** Sheets → the bytes of an .xlsx workbook (sheets in the order given). */
export async function xlsxBytes(sheets: readonly XlsxSheet[], lang: Lang): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  // Shared strings: a status, a country or a firm's name repeated on many rows is written once.
  // Loaded on first use: exceljs is most of the program's start-up, and most runs read and write no workbook.
  const { default: Excel } = await import("exceljs");
  const wb = new Excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } });
  // Fixed, so the same tables give the same bytes.
  wb.created = wb.modified = new Date(Date.UTC(2000, 0, 1));
  wb.creator = wb.lastModifiedBy = "roadshow";
  for (const sheet of sheets) addSheet(wb, sheet, lang);
  await wb.commit();
  await done;
  return fixZipTimes(new Uint8Array(Buffer.concat(chunks)));
}
