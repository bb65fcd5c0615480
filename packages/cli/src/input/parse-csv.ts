import { parse } from "csv-parse/sync";
import { unneutralise } from "../output/csv.js";
import type { Reporter } from "./report.js";

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
  readonly rows: readonly CsvRow[];
}

const DELIMITERS = [",", ";", "\t"] as const;
const NAMES: Record<CsvTable["delimiter"], string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** The delimiter found most often outside quotes in the header line; `,` on a tie or none. */
export function detectDelimiter(text: string): CsvTable["delimiter"] {
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
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
  return unneutralise(cell.trim()).trim();
}

function newlines(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) for (const ch of cell) if (ch === "\n") n++;
  return n;
}

interface Parsed {
  readonly record: string[];
  readonly info: { readonly lines: number };
}

/**
 * Text → header and rows (RFC 4180 quotes, `,` `;` or tab from the header line,
 * any line ends). Quote errors and ragged rows are reported and parsing goes on,
 * so one run lists them all. Rows whose cells are all empty are skipped.
 */
export function parseCsv(text: string, report: Reporter): CsvTable | null {
  // One line-end convention makes csv-parse's line count exact, even for mixed files.
  const normalised = text.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(normalised);
  const quoteErrors = new Set<number>();
  const records = parse(normalised, {
    delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: { lines?: number; message?: string } | undefined) => {
      const line = err?.lines ?? null;
      if (line !== null && quoteErrors.has(line)) return;
      if (line !== null) quoteErrors.add(line);
      report.error(
        "bad-quote",
        { line },
        `the line has an unbalanced or misplaced double quote (${err?.message ?? "CSV syntax error"})`,
        'put a cell containing the delimiter or quotes inside "…", doubling inner quotes ("")',
      );
    },
  }) as unknown as Parsed[];

  const located = records
    .map((r) => ({ line: r.info.lines - newlines(r.record), cells: r.record.map(cleanCell) }))
    .filter((r) => r.cells.some((c) => c !== ""));
  const first = located[0];
  if (first === undefined) {
    report.error("empty-file", {}, "the file has no header line", "export the sheet again, with its header line");
    return null;
  }
  const width = first.cells.length;
  const rows: CsvRow[] = [];
  for (const r of located.slice(1)) {
    // Trailing empty cells (a spreadsheet exporting blank columns) are harmless.
    const extraEmpty = r.cells.length > width && r.cells.slice(width).every((c) => c === "");
    const cells = extraEmpty ? r.cells.slice(0, width) : r.cells;
    const ragged = cells.length !== width;
    if (ragged) {
      report.error(
        "ragged-row",
        { line: r.line },
        `line ${r.line} has ${cells.length} cells but the header has ${width} (${NAMES[delimiter]}-separated)`,
        `give every row ${width} cells; quote cells that contain a ${NAMES[delimiter]}`,
      );
    }
    rows.push({ line: r.line, cells, ragged });
  }
  return { delimiter, headerLine: first.line, header: first.cells, rows };
}
