/**
 * One linear pass over CSV text (RFC 4180 quotes; `\n`, `\r\n` or `\r` line
 * ends), handing each record with the physical line it starts on to a sink.
 * A record with a quote error is reported on its start line and skipped: the
 * scan resumes on the next line, so one stray quote costs one row, not the rest
 * of the file. No recursion and no whole-file copies; the sink can stop early.
 */

/** What went wrong in a skipped record. */
export type ScanProblem =
  /** A quoted cell never closed (or ran past `maxQuotedLines` line breaks). */
  | "unclosed"
  /** A double quote inside a cell that does not start with one. */
  | "opening"
  /** Text after the closing quote of a cell. */
  | "closing"
  /** A cell longer than `maxCell` characters. */
  | "long-cell";

export interface ScanSink {
  /** A record; return `false` to stop scanning. */
  readonly record: (line: number, cells: string[]) => boolean;
  /** A skipped record; `length` is the cell's length for `long-cell`. Return `false` to stop scanning. */
  readonly problem: (line: number, problem: ScanProblem, length: number) => boolean;
}

export interface ScanLimits {
  /** Longest cell, in characters. */
  readonly maxCell: number;
  /** Most line breaks inside one quoted cell: past them the quote counts as never closed. */
  readonly maxQuotedLines: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/** Index just past the line break that ends the line holding `from` (or the text's end). */
function nextLine(text: string, from: number): number {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === LF) return k + 1;
    if (c === CR) return k + 1 < text.length && text.charCodeAt(k + 1) === LF ? k + 2 : k + 1;
  }
  return text.length;
}

/** Scans `text` with one delimiter, record by record. */
export function scanCsv(text: string, delimiter: string, sink: ScanSink, limits: ScanLimits): void {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  const blank = (c: number) => c === SPACE || (c === TAB && d !== TAB);
  let i = 0;
  let line = 1;
  while (i < n) {
    const recordStart = i;
    const recordLine = line;
    let breaks = 0;
    let problem: ScanProblem | null = null;
    let problemLength = 0;
    const cells: string[] = [];
    // One field per turn; `i` ends on the delimiter, a line break or the end.
    for (;;) {
      let j = i;
      while (j < n && blank(text.charCodeAt(j))) j++;
      let cell: string;
      if (j < n && text.charCodeAt(j) === QUOTE) {
        let k = j + 1;
        let from = k;
        let value = "";
        let closed = false;
        let cellBreaks = 0;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === QUOTE) {
            if (k + 1 < n && text.charCodeAt(k + 1) === QUOTE) {
              value += text.slice(from, k + 1);
              k += 2;
              from = k;
              continue;
            }
            value += text.slice(from, k);
            k++;
            closed = true;
            break;
          }
          if (c === CR || c === LF) {
            // Line ends inside a cell read as `\n`, whatever the file uses.
            value += `${text.slice(from, k)}\n`;
            k += c === CR && k + 1 < n && text.charCodeAt(k + 1) === LF ? 2 : 1;
            from = k;
            if (++cellBreaks > limits.maxQuotedLines) break;
            continue;
          }
          k++;
        }
        if (!closed) {
          problem = "unclosed";
          break;
        }
        if (k - j > limits.maxCell) {
          problem = "long-cell";
          problemLength = k - j;
          break;
        }
        while (k < n && blank(text.charCodeAt(k))) k++;
        const after = k < n ? text.charCodeAt(k) : -1;
        if (after !== -1 && after !== d && after !== LF && after !== CR) {
          problem = "closing";
          break;
        }
        breaks += cellBreaks;
        cell = value;
        i = k;
      } else {
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === LF || c === CR) break;
          if (c === QUOTE) {
            problem = "opening";
            break;
          }
          k++;
        }
        if (problem !== null) break;
        if (k - i > limits.maxCell) {
          problem = "long-cell";
          problemLength = k - i;
          break;
        }
        cell = text.slice(i, k);
        i = k;
      }
      cells.push(cell);
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      if (i < n) i += text.charCodeAt(i) === CR && i + 1 < n && text.charCodeAt(i + 1) === LF ? 2 : 1;
      break;
    }
    if (problem !== null) {
      // Skip the record's first line only: the rows after a stray quote are read.
      i = nextLine(text, recordStart);
      line = recordLine + 1;
      if (!sink.problem(recordLine, problem, problemLength)) return;
      continue;
    }
    line = recordLine + breaks + 1;
    if (!sink.record(recordLine, cells)) return;
  }
}
