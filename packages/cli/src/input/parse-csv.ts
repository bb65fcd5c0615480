import { CsvError, parse } from "csv-parse/sync";
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

const QUOTE_PROBLEMS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: "a double quote opened on this line is never closed",
  INVALID_OPENING_QUOTE: "a double quote inside a cell that does not start with one",
  CSV_INVALID_CLOSING_QUOTE: "text follows the closing double quote of a cell",
};

/** After this many syntax errors the rest of a file is not worth reading. */
const MAX_SYNTAX_ERRORS = 100;

interface Located {
  readonly line: number;
  readonly cells: string[];
}

/** Start lines of records parsed from `firstLine` on: with empty lines kept as records, each takes one line plus its quoted line breaks. */
function locate(records: readonly string[][], firstLine: number): { records: Located[]; next: number } {
  const located: Located[] = [];
  let line = firstLine;
  for (const cells of records) {
    located.push({ line, cells });
    line += 1 + newlines(cells);
  }
  return { records: located, next: line };
}

const parseOptions = (delimiter: string) => ({ delimiter, relax_column_count: true, skip_empty_lines: false }) as const;

/**
 * All records with their start lines. The whole text is parsed in one go; only
 * after a syntax error (a stray quote) is it parsed again piecewise: the error is
 * reported on the line its record starts and parsing restarts on the next line,
 * so one bad quote costs one row, not the rest of the file.
 */
function parseRecords(text: string, delimiter: string, report: Reporter): Located[] {
  try {
    return locate(parse(text, parseOptions(delimiter)), 1).records;
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
  }
  const lines = text.split("\n");
  const records: Located[] = [];
  let from = 0;
  for (let errors = 0; from < lines.length; errors++) {
    const chunk: string[][] = [];
    try {
      parse(lines.slice(from).join("\n"), {
        ...parseOptions(delimiter),
        on_record: (record: string[]) => {
          chunk.push(record);
          return null;
        },
      });
      records.push(...locate(chunk, from + 1).records);
      return records;
    } catch (err) {
      if (!(err instanceof CsvError)) throw err;
      const good = locate(chunk, from + 1);
      records.push(...good.records);
      const bad = good.next - 1;
      report.error(
        "bad-quote",
        { line: bad + 1 },
        `${QUOTE_PROBLEMS[err.code] ?? err.message}; the row is skipped`,
        'put a cell that contains the delimiter or a quote inside "…", doubling inner quotes ("")',
      );
      from = bad + 1;
      if (errors + 1 >= MAX_SYNTAX_ERRORS) {
        report.error("bad-quote", { line: from + 1 }, `too many quote errors; the file is not read past line ${from}`, "check how the file was exported");
        break;
      }
    }
  }
  return records;
}

/**
 * Text → header and rows (RFC 4180 quotes, `,` `;` or tab from the header line,
 * any line ends). Quote errors and ragged rows are reported and parsing goes on,
 * so one run lists them all. Rows whose cells are all empty are skipped.
 */
export function parseCsv(text: string, report: Reporter): CsvTable | null {
  // One line-end convention makes line numbers exact, even for mixed files.
  const normalised = text.replace(/\r\n?/g, "\n");
  const delimiter = detectDelimiter(normalised);
  const records = parseRecords(normalised, delimiter, report);
  const located = records
    .map((r) => ({ line: r.line, cells: r.cells.map(cleanCell) }))
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
