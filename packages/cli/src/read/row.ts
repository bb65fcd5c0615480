// One row of a CSV file: its cells by column, read with parsers, each problem located at file, line and column.
import type { Columns } from "./columns.js";
import { said } from "../text/cli-text.js";
import type { Said } from "../issues.js";
import type { Parser, Reporter } from "./report.js";

/**
 * One data row with its location: reads cells by column name through parsers,
 * reporting every problem at its line and column. `failed` tells whether the
 * row produced an error, so the caller keeps only clean rows as domain values.
 */
export class Row {
  failed = false;

  constructor(
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly columns: Columns,
    readonly report: Reporter,
  ) {}

  /** The trimmed cell; `""` when empty or the column is absent. */
  raw(name: string): string {
    const i = this.columns.index(name);
    return i === undefined ? "" : (this.cells[i] ?? "");
  }

  /** Whether the file has the column. */
  has(name: string): boolean {
    return this.columns.has(name);
  }

  /** Header as written in the file. */
  column(name: string): string {
    return this.columns.header(name);
  }

  /**
   * A required cell. Empty → `empty-cell`; a missing column was reported once on
   * the header, so its cells just mark the row failed.
   */
  required<T>(name: string, parse: Parser<T>): T | undefined {
    if (!this.columns.has(name)) {
      this.failed = true;
      return undefined;
    }
    const raw = this.raw(name);
    if (raw === "") {
      const column = this.column(name);
      this.error(name, "empty-cell", raw, said("input.empty-cell", { column }), said("input.empty-cell.fix", { column }));
      return undefined;
    }
    return this.parse(name, raw, parse);
  }

  /** An optional cell: empty (or no column) gives `fallback`; `undefined` on error. */
  optional<T, F>(name: string, parse: Parser<T>, fallback: F): T | F | undefined {
    const raw = this.raw(name);
    return raw === "" ? fallback : this.parse(name, raw, parse);
  }

  /**
   * The values read from this row, or `null` when any check failed. Every reader
   * returns `undefined` only after reporting an error, so a row that has not
   * failed has all its values.
   */
  values<T extends Record<string, unknown>>(values: T): { [K in keyof T]: Exclude<T[K], undefined> } | null {
    return this.failed ? null : (values as { [K in keyof T]: Exclude<T[K], undefined> });
  }

  error(name: string | null, code: string, value: string | null, message: Said, hint: Said): void {
    this.failed = true;
    this.report.error(code, this.where(name, value), message, hint);
  }

  warning(name: string | null, code: string, value: string | null, message: Said, hint: Said): void {
    this.report.warning(code, this.where(name, value), message, hint);
  }

  private where(name: string | null, value: string | null) {
    return { line: this.line, column: name === null ? null : this.column(name), value };
  }

  private parse<T>(name: string, raw: string, parse: Parser<T>): T | undefined {
    const result = parse(raw);
    if (result.ok && result.warnings.length === 0) return result.value;
    const where = this.where(name, raw);
    // A value read the same way on many rows (`USA`, a new sector) is reported on its first cell per column;
    // decimal commas (a whole column of them, as `--excel` writes) once per column.
    for (const w of result.warnings) {
      const value = w.code === "decimal-comma" ? "" : (w.value ?? raw);
      if (this.report.first(`${w.code}\0${name}\0${value}`)) this.report.note("warning", w, where);
    }
    if (result.ok) return result.value;
    this.failed = true;
    for (const e of result.errors) this.report.note("error", e, where);
    return undefined;
  }
}
