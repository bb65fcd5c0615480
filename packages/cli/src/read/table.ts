// A CSV file or a workbook sheet to located rows: decode and parse (or convert the sheet), check the row limit, match the header.
import type { InputIssue } from "../issues.js";
import type { IdRegistry, KnownIds } from "./ids.js";
import { matchColumns } from "./columns.js";
import type { ColumnSpec, Columns } from "./columns.js";
import { decodeBytes } from "./decode.js";
import { parseCsv, type CsvTable } from "./parse-csv.js";
import { Reporter } from "./report.js";
import { Row } from "./row.js";
import { sheetPlace, sheetTable } from "./sheet-table.js";
import type { SheetSource } from "./workbook.js";
import { said } from "../text/cli-text.js";
import type { MessageKey } from "../text/messages.js";

/** A table's rows as the catalogue names them (`input.table.<rows>`). */
export type TableNoun = Extract<MessageKey, `input.table.${string}`>;

/** A file as given: its name (for messages) and its bytes, or the workbook sheet that holds the table. */
export interface InputFile {
  /** As the user knows it: relative to the data folder, or as typed (the workbook's name for a sheet). */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The table is this sheet of an .xlsx workbook (`bytes` is then unused). */
  readonly sheet?: SheetSource;
}

/** What one kind of CSV file looks like. */
export interface TableSpec {
  readonly columns: readonly ColumnSpec[];
  readonly maxRows: number;
  /** How messages name the table's rows: a catalogue noun (`input.table.firms`: "firms", "the firms", "firm" as its `form` asks). */
  readonly what: TableNoun;
  /** Files the CLI writes itself carry extra columns: no warning for them. */
  readonly quietExtras?: boolean;
  /** Header labels roadshow writes in its own workbooks (`Tavolo`, lower case) → column names, read back as those columns. */
  readonly labels?: ReadonlyMap<string, string>;
}

export interface Table {
  readonly report: Reporter;
  readonly columns: Columns;
  /**
   * Data rows, ragged ones included (flagged) so their ids still count as defined.
   * Made one at a time while iterating (a million rows need not exist at once).
   */
  readonly rows: Iterable<{ readonly row: Row; readonly ragged: boolean }>;
  /** How many data rows there are. */
  readonly count: number;
}

function parseText(file: InputFile, report: Reporter, spec: TableSpec): CsvTable | null {
  const text = decodeBytes(file.bytes, report);
  return text === null ? null : parseCsv(text, report, spec.maxRows);
}

function* rowsOf(csv: CsvTable, columns: Columns, report: Reporter): Generator<{ readonly row: Row; readonly ragged: boolean }> {
  for (const r of csv.rows) yield { row: new Row(r.line, r.cells, columns, report), ragged: r.ragged };
}

/**
 * Bytes → located rows: decode, parse, check the row limit, match the header.
 * `null` (with its issues in `out`) when the file cannot be read as that table.
 */
export function readTable(file: InputFile, spec: TableSpec, out: InputIssue[]): Table | null {
  const report = new Reporter(file.name, out, file.sheet === undefined ? undefined : sheetPlace(file.sheet));
  const csv = file.sheet === undefined ? parseText(file, report, spec) : sheetTable(file.sheet, spec.columns, report, spec.maxRows, spec.labels);
  if (csv === null) return null;
  if (csv.count > spec.maxRows) {
    report.error(
      "too-many-rows",
      {},
      said("input.too-many-rows", { count: csv.count, what: said(spec.what, { form: "many" }), max: spec.maxRows }),
      said("input.too-many-rows.fix", { what: said(spec.what, { form: "the" }) }),
    );
    return null;
  }
  const columns = matchColumns(csv.header, csv.headerLine, spec.columns, report, spec.quietExtras ?? false);
  if (columns === null) return null;
  if (csv.count === 0) {
    report.warning(
      "no-rows",
      { line: csv.headerLine },
      said("input.no-rows", { where: file.sheet === undefined ? "file" : "sheet", what: said(spec.what, { form: "many" }) }),
      said("input.no-rows.fix", { what: said(spec.what, { form: "one" }) }),
    );
  }
  return {
    report,
    columns,
    rows: { [Symbol.iterator]: () => rowsOf(csv, columns, report) },
    count: csv.kept,
  };
}

/** A value read from a row, with the row's line. */
export interface Located<T> {
  readonly value: T;
  readonly line: number;
}

/** What a file reader returns: clean rows as domain values, and every id it defines. */
export interface FileRead<T> {
  readonly file: string;
  readonly items: readonly Located<T>[];
  /** Ids the file defines (rows with errors included), for reference checks; `null` when the file is unreadable. */
  readonly known: KnownIds | null;
  /** The header of a column as written in the file. */
  readonly column: (name: string) => string;
}

/**
 * Runs `read` on every clean row of a table; a ragged row only makes its id known
 * (its cells are misaligned, but other files may still refer to it).
 */
export function readRows<T>(
  file: InputFile,
  table: Table | null,
  ids: IdRegistry | null,
  idColumn: string,
  read: (row: Row) => T | null,
): FileRead<T> {
  const items: Located<T>[] = [];
  for (const { row, ragged } of table?.rows ?? []) {
    if (ragged) {
      ids?.note(row.raw(idColumn), row.line);
      continue;
    }
    const value = read(row);
    if (value !== null) items.push({ value, line: row.line });
  }
  // Only the columns are kept: the table's rows would otherwise live as long as the values.
  const columns = table?.columns;
  return {
    file: file.name,
    items,
    known: table === null || ids === null ? null : { ids: ids.lines, file: file.name, column: idColumn },
    column: (name) => columns?.header(name) ?? name,
  };
}
