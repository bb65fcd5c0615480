/**
 * CSV text → header and located rows, read in one streaming pass: the row cap
 * and the error cap hold while reading, so a huge or broken file costs bounded
 * memory and time (rows past the cap are counted, not kept).
 */
import { unneutralise } from "../csv-formula.js";
import { scanCsv } from "./csv-scan.js";
import { MAX_CELL_CHARS, MAX_QUOTED_LINES, MAX_STRUCTURE_ERRORS } from "./limits.js";
import type { Reporter } from "./report.js";
import { said } from "../text/cli-text.js";
import type { Said } from "../issues.js";

/** One data record with the physical line it starts on. */
export interface CsvRow {
  readonly line: number;
  readonly cells: readonly string[];
  /** True when the cell count differs from the header's (already reported). */
  readonly ragged: boolean;
}

export interface CsvTable {
  readonly delimiter: "," | ";" | "\t";
  readonly headerLine: number;
  /** Header cells, trimmed, as written. */
  readonly header: readonly string[];
  /** Data rows, at most `maxRows` of them, made one at a time while iterating (stored compactly). */
  readonly rows: Iterable<CsvRow>;
  /** Data rows kept in `rows`. */
  readonly kept: number;
  /** Data rows in the file (more than `kept` when over `maxRows`; a lower bound when reading stopped early). */
  readonly count: number;
}

/** Cells of every kept row in one flat array (no array or object per row: a million rows fit in little memory). */
class RowStore {
  private readonly cells: string[] = [];
  private readonly starts: number[] = [];
  private readonly lines: number[] = [];
  // Short cells repeat (ids, codes, scores): one string each, up to a bounded number of distinct ones.
  private readonly interned = new Map<string, string>();

  constructor(private readonly width: number) {}

  get size(): number {
    return this.lines.length;
  }

  add(line: number, cells: readonly string[]): void {
    this.lines.push(line);
    this.starts.push(this.cells.length);
    for (const cell of cells) this.cells.push(this.intern(cell));
  }

  private intern(cell: string): string {
    if (cell.length > 24) return cell;
    const known = this.interned.get(cell);
    if (known !== undefined) return known;
    if (this.interned.size < 200_000) this.interned.set(cell, cell);
    return cell;
  }

  *[Symbol.iterator](): Generator<CsvRow> {
    for (let i = 0; i < this.lines.length; i++) {
      const cells = this.cells.slice(this.starts[i], i + 1 < this.starts.length ? this.starts[i + 1] : this.cells.length);
      yield { line: this.lines[i]!, cells, ragged: cells.length !== this.width };
    }
  }
}

const DELIMITERS = [",", ";", "\t"] as const;
const NAMES: Record<CsvTable["delimiter"], string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** The first line with more than blanks (at most its first 64 KB). */
function firstLine(text: string): string {
  let from = 0;
  while (from < text.length) {
    let end = text.indexOf("\n", from);
    if (end < 0) end = text.length;
    const line = text.slice(from, Math.min(end, from + 65_536));
    if (line.trim() !== "") return line;
    from = end + 1;
  }
  return "";
}

/** The delimiter found most often outside quotes in the header line; `,` on a tie or none. */
export function detectDelimiter(text: string): CsvTable["delimiter"] {
  const line = firstLine(text);
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvTable["delimiter"] = ",";
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

function cleanCell(cell: string): string {
  // Blanks after a neutralising `'` are the cell's own (`' =x` was written for ` =x`): trim after.
  return unneutralise(cell.trimStart()).trim();
}

/**
 * Text → header and rows (RFC 4180 quotes, `,` `;` or tab from the header line,
 * any line ends). Quote errors, too-long cells and ragged rows are reported and
 * reading goes on, so one run lists them all, up to `MAX_STRUCTURE_ERRORS`.
 * Rows whose cells are all empty are skipped. Rows past `maxRows` are counted only.
 */
export function parseCsv(text: string, report: Reporter, maxRows = Number.POSITIVE_INFINITY): CsvTable | null {
  const delimiter = detectDelimiter(text);
  let header: string[] | null = null;
  let headerLine = 0;
  let rows: RowStore | null = null;
  let count = 0;
  let errors = 0;
  // Every structure error counts; past the cap the file is not read further.
  const structural = (line: number, code: string, message: Said, hint: Said): boolean => {
    report.error(code, { line }, message, hint);
    if (++errors < MAX_STRUCTURE_ERRORS) return true;
    report.error(code, { line }, said("input.structure-errors", { max: MAX_STRUCTURE_ERRORS, line }), said("input.structure-errors.fix", {}));
    return false;
  };
  scanCsv(
    text,
    delimiter,
    {
      record: (line, raw) => {
        // Blank once cleaned (a neutralised tab `'\t` is blank too): skipped.
        let cells = raw.map(cleanCell);
        if (cells.every((c) => c === "")) return true;
        if (header === null) {
          header = cells;
          headerLine = line;
          rows = new RowStore(header.length);
          return true;
        }
        count++;
        if (count > maxRows) return true;
        const width = header.length;
        // Trailing empty cells (a spreadsheet exporting blank columns) are harmless.
        if (cells.length > width && cells.slice(width).every((c) => c === "")) cells = cells.slice(0, width);
        const ragged = cells.length !== width;
        rows!.add(line, cells);
        if (!ragged) return true;
        return structural(
          line,
          "ragged-row",
          said("input.ragged-row", { line, cells: cells.length, width, delimiter: NAMES[delimiter] }),
          said("input.ragged-row.fix", { width, delimiter: NAMES[delimiter] }),
        );
      },
      problem: (line, problem, length) =>
        problem === "long-cell"
          ? structural(line, "long-cell", said("input.long-cell", { length, max: MAX_CELL_CHARS }), said("input.long-cell.fix", {}))
          : structural(line, "bad-quote", said("input.bad-quote", { problem }), said("input.bad-quote.fix", {})),
    },
    { maxCell: MAX_CELL_CHARS, maxQuotedLines: MAX_QUOTED_LINES },
  );
  if (header === null) {
    report.error("empty-file", {}, said("input.empty-file.noHeader", {}), said("input.empty-file.fix", {}));
    return null;
  }
  const kept = rows as RowStore | null;
  return { delimiter, headerLine, header, rows: kept ?? [], kept: kept?.size ?? 0, count };
}
