/**
 * A workbook sheet → the header and located rows a CSV gives, so every check of
 * the CSV path applies unchanged: each cell becomes the text a CSV of the same
 * content would hold (a date cell `2026-03-18`, a time cell `09:30`, the number
 * 12.5 `12.5`), rows keep their sheet row numbers, and each column its letter.
 *
 * What spreadsheets do that CSV files do not: the header is the row among the
 * first ten with the most known column names (a title row or a merged group row
 * above it is skipped); a header cell merged across columns names its first
 * column only; cells merged down rows repeat their value in each row; blank rows
 * and columns are skipped; a serial number in a date or time column is read as a
 * date or time; an error cell (`#N/A`) is a located error.
 */
import type { ColumnSpec } from "./columns.js";
import type { CsvRow, CsvTable } from "./parse-csv.js";
import type { Reporter, SheetPlace } from "./report.js";
import { columnLetter, UNCOMPUTED, type Merge, type SheetCell, type SheetSource } from "./workbook.js";
import { said } from "../text/cli-text.js";

/** Rows searched for the header. */
const HEADER_ROWS = 10;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Epoch ms of serial 0: 1899-12-30 (1900 system) or 1904-01-01. */
const epoch = (date1904: boolean) => (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30));

/** `YYYY-MM-DD`, `HH:MM` (`HH:MM:SS` when seconds are not 0), or both, of a UTC instant the way Excel means it. */
function dateText(ms: number, date1904: boolean): string {
  // Excel stores times as fractions of a day: round to the second to drop the float noise.
  const d = new Date(Math.round(ms / 1000) * 1000);
  const seconds = d.getUTCSeconds();
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds === 0 ? "" : `:${pad(seconds)}`}`;
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && seconds === 0;
  // A time alone is stored on the serial's day 0 (or 1904-01-01).
  const day0 = Math.floor(d.getTime() / 86_400_000) === Math.floor(epoch(date1904) / 86_400_000);
  if (day0 && !midnight) return time;
  return midnight ? date : `${date} ${time}`;
}

/** A number as a CSV would hold it: no float noise (`0.1 + 0.2` is `0.3`), no exponent for ordinary values. */
function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** A cell → the text a CSV of the same content holds; `type` tells how a bare number is meant. */
export function cellText(cell: SheetCell, type: ColumnSpec["type"], date1904: boolean): string {
  if (cell === null) return "";
  if (typeof cell === "string") return cell.replace(/\r\n?/g, "\n").trim();
  if (typeof cell === "boolean") return cell ? "yes" : "no";
  // exceljs makes a Date of every cell formatted as a date or time, counting in UTC.
  if (cell instanceof Date) return dateText(cell.getTime(), date1904);
  if (typeof cell === "number") {
    // A serial date or time in a column meant for one (a cell formatted General, or typed as a number).
    if (type === "date" && cell >= 1 && cell < 2_958_466) return dateText(epoch(date1904) + cell * 86_400_000, date1904);
    if (type === "time" && cell >= 0 && cell < 1) return dateText(epoch(date1904) + cell * 86_400_000, date1904);
    return numberText(cell);
  }
  return cell.error;
}

const norm = (text: string) => text.trim().toLowerCase();

/** The master of the merged range holding (row, col), when that cell is not the master itself. */
function masterOf(merges: readonly Merge[], row: number, col: number): Merge | undefined {
  return merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
}

/**
 * The header row: among the first `HEADER_ROWS` rows, the one naming the most known
 * columns (the first on a tie); the first row when none names any (the CSV checks
 * then say it is not a header).
 */
function headerIndex(sheet: SheetSource, specs: readonly ColumnSpec[], aliases: ReadonlyMap<string, string>): number {
  const known = new Set(specs.map((s) => s.name));
  let best = 0;
  let bestCount = 0;
  sheet.rows.slice(0, HEADER_ROWS).forEach((row, i) => {
    const count = row.cells.filter((c) => typeof c === "string" && (known.has(norm(c)) || aliases.has(norm(c)))).length;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  });
  return best;
}

/**
 * A sheet as the table `parseCsv` would give for a CSV of the same content, and
 * the place that turns a column header into its letter for every issue. `aliases`
 * maps header labels roadshow writes in workbooks (`Tavolo`) to column names.
 */
export function sheetTable(
  sheet: SheetSource,
  specs: readonly ColumnSpec[],
  report: Reporter,
  maxRows: number,
  aliases: ReadonlyMap<string, string> = new Map(),
): CsvTable | null {
  if (sheet.rows.length === 0) {
    report.error("empty-file", {}, said("input.empty-file.sheet", { sheet: sheet.name }), said("input.empty-file.sheet.fix", {}));
    return null;
  }
  const at = headerIndex(sheet, specs, aliases);
  const headerRow = sheet.rows[at]!;
  const header = headerRow.cells.map((cell, i) => {
    const master = masterOf(sheet.merges, headerRow.number, i + 1);
    // A header merged across columns names its first column; merged down, it names its own column.
    if (master !== undefined && master.left !== i + 1) return "";
    const text = cellText(cell, undefined, sheet.date1904);
    return aliases.get(norm(text)) ?? text;
  });
  while (header.length > 0 && header.at(-1) === "") header.pop();
  const types = header.map((h) => specs.find((s) => s.name === norm(h))?.type);
  const place = report.place;
  if (place !== undefined) {
    header.forEach((h, i) => {
      if (h !== "" && !place.letters.has(h)) place.letters.set(h, columnLetter(i + 1));
    });
  }
  const rows: CsvRow[] = [];
  let count = 0;
  const outside = new Set<number>();
  for (const { number, cells } of sheet.rows.slice(at + 1)) {
    count++;
    if (count > maxRows) continue;
    const texts: string[] = [];
    for (let i = 0; i < header.length; i++) {
      const cell = cells[i] ?? null;
      if (cell !== null && typeof cell === "object" && !(cell instanceof Date)) {
        report.error(
          "error-cell",
          { line: number, column: header[i] === "" ? null : header[i]!, value: cell.error, letter: columnLetter(i + 1) },
          said("input.error-cell", { error: cell.error === UNCOMPUTED.error ? said("input.error-cell.uncomputed", {}) : cell.error }),
          said("input.error-cell.fix", {}),
        );
      }
      texts.push(cellText(cell, types[i], sheet.date1904));
    }
    for (let i = header.length; i < cells.length; i++) {
      const text = cellText(cells[i] ?? null, undefined, sheet.date1904);
      if (text === "" || outside.has(i)) continue;
      outside.add(i);
      report.warning(
        "unlabelled-column",
        { line: number, value: text, letter: columnLetter(i + 1) },
        said("input.unlabelled-column", { letter: columnLetter(i + 1) }),
        said("input.unlabelled-column.fix", {}),
      );
    }
    if (texts.every((t) => t === "")) {
      count--;
      continue;
    }
    rows.push({ line: number, cells: texts, ragged: false });
  }
  return { delimiter: ",", headerLine: headerRow.number, header, rows, kept: rows.length, count };
}

/** The place of a sheet's issues: its name, and the letter of each column by its header. */
export function sheetPlace(sheet: SheetSource): SheetPlace {
  return { sheet: sheet.name, letters: new Map() };
}
