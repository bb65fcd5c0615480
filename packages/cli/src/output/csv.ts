import { stringify } from "csv-stringify/sync";

/** How a CSV is written: the plain dialect, or the one Italian Excel opens on a double click. */
export interface CsvDialect {
  /** UTF-8 BOM, `;` delimiter, CRLF line ends. */
  readonly excel: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell a spreadsheet would run as a formula gets a leading `'`
 * (OWASP CSV injection); `unneutralise` on the read side takes it back.
 */
export function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Inverse of `neutralise`. */
export function unneutralise(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** A CSV text of a header and rows, every cell neutralised. Numbers are written as given by the caller. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], dialect: CsvDialect): string {
  const body = stringify([header as string[], ...rows.map((r) => r.map(neutralise))], {
    delimiter: dialect.excel ? ";" : ",",
    record_delimiter: dialect.excel ? "\r\n" : "\n",
  });
  return dialect.excel ? `\uFEFF${body}` : body;
}
