/** Severity of an input issue: errors stop the run, warnings do not. */
export type Severity = "error" | "warning";

/**
 * One problem found in an input file, located as precisely as possible.
 * @example { severity: "error", code: "bad-time", file: "stops.csv", line: 4, column: "start",
 *   value: "9.30", message: "start is not a time", hint: "write times as HH:MM, e.g. 09:30" }
 */
export interface InputIssue {
  readonly severity: Severity;
  /** Stable kebab-case code, one per kind of problem. */
  readonly code: string;
  /** File name as given by the user (path relative to the data dir or as typed). */
  readonly file: string;
  /** 1-based physical line in the file; `null` for whole-file issues. */
  readonly line: number | null;
  /** Column header name (as in the file); `null` when not about one cell. */
  readonly column: string | null;
  /** The offending value, as read. */
  readonly value: string | null;
  readonly message: string;
  /** One-line fix. */
  readonly hint: string;
}
