// Writing CSV: the plain dialect and Italian Excel's (BOM, `;`, CRLF, decimal comma), formula-safe cells.
import { neutralise } from "../csv-formula.js";
/** How a CSV is written: the plain dialect, or the one Italian Excel opens on a double click. */
export interface CsvDialect {
  /** UTF-8 BOM, `;` delimiter, CRLF line ends, decimal comma. */
  readonly excel: boolean;
}

/** A cell: text (neutralised against formulas) or a number (written in the dialect's notation). */
export type CsvCell = string | number;

/**
 * A number as a CSV cell: at most six decimals, no float noise, no exponent, no
 * thousands separator; with `excel` a decimal comma (`39,2`), which Italian Excel and
 * LibreOffice read as the number 39.2 (`39.2` they read as text, or as a date).
 * @example csvNumber(39.2, { excel: true }) // "39,2"
 */
export function csvNumber(value: number, dialect: CsvDialect): string {
  // Whole numbers (slots, tables, most scores) need no rounding.
  if (Number.isSafeInteger(value)) return String(value);
  const rounded = Math.round(value * 1e6) / 1e6;
  const text = Math.abs(rounded) < 1e21 ? rounded.toFixed(6).replace(/\.?0+$/, "") : String(rounded);
  const plain = text === "-0" ? "0" : text;
  return dialect.excel ? plain.replace(".", ",") : plain;
}

// Either dialect's delimiter, a tab, a quote or a line break: a file written with `,` is opened by
// Italian Excel with `;` (and the other way round), so a cell holding any separator is quoted in both.
const NEEDS_QUOTES = /[,;\t"\r\n]/;

/** RFC 4180 quoting, widened to every separator a spreadsheet may split on; inner quotes doubled. */
function quote(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * A CSV text of a header and rows: text cells neutralised, number cells written by `csvNumber`.
 * Pass numbers as numbers: a number written as text (`"39.2"`) stays as it is (and is quoted
 * when it holds a separator).
 * Every cell holding `,` `;` a tab, a quote or a line break is quoted, in both dialects (the bytes
 * csv-stringify writes with that `quoted_match`; written here, 5x faster on 4,000 files). The header
 * is neutralised too: it may hold ids from the data (season-countries.csv's stop columns).
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): string {
  const delimiter = dialect.excel ? ";" : ",";
  const eol = dialect.excel ? "\r\n" : "\n";
  // A number holds no separator but the Excel dialect's decimal comma: left bare, Excel reads it as a number.
  const cell = (c: CsvCell) => (typeof c === "number" ? csvNumber(c, dialect) : quote(neutralise(c)));
  const line = (cells: readonly CsvCell[]) => cells.map(cell).join(delimiter) + eol;
  let body = line(header);
  for (const row of rows) body += line(row);
  return dialect.excel ? `\uFEFF${body}` : body;
}
