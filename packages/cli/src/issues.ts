// Input issues: what the readers report (severity, code, file, line, column, value, message, fix) and every issue code.
/**
 * A sentence as data: a key of the catalogues (text/catalogues/) and its arguments, worded in the
 * reader's language where it is printed; `en` is its English (an error's `message` for programs).
 * Made by `said()` (text/cli-text.ts).
 */
export interface Said {
  readonly key: string;
  /** Values, or phrases said in the same language (a suggestion, a list). */
  readonly args: Readonly<Record<string, string | number | Said>>;
  readonly en: string;
}

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
  /** What is wrong, in English (in the user's language once printed or written as JSON by `formatIssues`). */
  readonly message: string;
  /** One-line fix, in English like `message`. */
  readonly hint: string;
  /**
   * The message and the fix as catalogue sentences, which `formatIssues` words in the user's language.
   * Not part of the JSON output.
   */
  readonly said: { readonly message: Said; readonly hint: Said };
  /** When the file is a workbook (.xlsx): the sheet, `line` being its row number. */
  readonly sheet?: string;
  /** When the file is a workbook: the column's letter (`C`), beside its header in `column`. */
  readonly letter?: string;
  /** A file or folder that could not be read: the full path tried (`/home/anna/dati/firms.csv`). */
  readonly path?: string;
}

/** An issue as printed and written as JSON (`formatIssues`): its message and fix in the user's language, without `said`. */
export type ShownIssue = Omit<InputIssue, "said">;

/** Every issue code the input side reports, with what it means. */
export const ISSUE_CODES = {
  // Whole files
  "missing-folder": "the data folder does not exist or is not a folder",
  "missing-file": "a required or named file does not exist",
  "unreadable-file": "a file exists but cannot be read, or is a folder, pipe or device",
  "duplicate-file": "two files whose names differ only in case (firms.csv and FIRMS.CSV)",
  "file-too-large": "a file is over the size limit (MAX_FILE_BYTES)",
  "empty-file": "a file has no header line",
  "not-csv": "a binary, spreadsheet, PDF or HTML file instead of CSV",
  "not-xlsx": "a file named .xlsx that is not an Excel workbook",
  "hidden-sheet": "warning: a workbook sheet read is hidden in the spreadsheet program",
  "unknown-sheet": "warning: a sheet of roadshow.xlsx whose name is not one of the input files (ignored)",
  "error-cell": "a workbook cell holding a spreadsheet error (#N/A, #VALUE!) or a formula never computed",
  "unlabelled-column": "warning: a workbook column with values but no header (ignored)",
  "not-utf8": "warning: not UTF-8, read as Windows-1252",
  "too-many-rows": "a file has more rows than supported (MAX_ROWS)",
  "too-many-issues": "more problems in a file than listed (MAX_ISSUES_PER_FILE): the rest are not listed",
  "no-rows": "warning: a file has a header but no data rows",
  // Structure
  "bad-quote": "unbalanced or misplaced double quote",
  "long-cell": "a cell longer than MAX_CELL_CHARS (100,000 characters)",
  "ragged-row": "a row has a different number of cells than the header",
  "no-header": "the first line has none of the expected columns",
  "missing-column": "a required column is missing",
  "duplicate-column": "a column appears twice in the header",
  "unknown-column": "warning: a column the file does not use (ignored)",
  // Cells
  "empty-cell": "a required cell is empty",
  "bad-id": "an id contains the list separator |",
  "duplicate-id": "an id is used on two lines",
  "bad-time": "not a HH:MM time",
  "bad-window": "not a HH:MM-HH:MM window",
  "end-before-start": "a session, window or meeting ends before it starts",
  "bad-date": "not a YYYY-MM-DD calendar date",
  "bad-timezone": "not an IANA time zone",
  "bad-number": "not a number",
  "not-integer": "a decimal where a whole number is expected",
  "out-of-range": "a number below or above its allowed range",
  "zero-max-meetings": "warning: max_meetings 0 means the firm gets no meetings (empty means no cap)",
  "decimal-comma": "warning: a decimal comma was read as a point",
  "bad-choice": "not one of the allowed words (must, avoid)",
  "unknown-country": "not an ISO 3166-1 alpha-2 country code",
  "country-alias": "warning: a country name or alias was mapped to its code",
  "bad-sector": "a sector cell with no letters or digits",
  "sector-alias": "warning: a sector label was mapped to its slug",
  "unknown-sector": "warning: a sector slug that is not known (kept)",
  "bad-ateco": "not an ATECO code",
  "unknown-ateco": "warning: an ATECO code that maps to no roadshow sector",
  "duplicate-in-list": "warning: an item repeated in a list cell",
  "bad-lang": "not a language code ICU knows (it, en, de, pt-BR)",
  "lang-alias": "warning: a language name was mapped to its code",
  "lang-texts-in-english": "warning: a language without roadshow texts (only country names and dates follow it)",
  "bad-email": "not one email address",
  "bad-website": "not a web address",
  // References and consistency
  "unknown-stop": "a stop_id not in stops.csv",
  "unknown-firm": "a firm_id not in firms.csv (in requests.csv, scores.csv and outcomes.csv a warning: the row is ignored)",
  "unknown-delegation": "a delegation_id not in delegations.csv (in scores.csv a warning: the row is ignored)",
  "date-mismatch": "an agenda row's date is not its stop's date",
  "unknown-slot": "an agenda row's slot is not a slot of its stop",
  "slot-mismatch": "an agenda row's start or end (or start_iso, end_iso) is not its slot's",
  "own-history": "a --history agenda holds meetings of the stop being planned or checked",
  "other-stop": "a --previous agenda of another stop",
  "overlapping-breaks": "two breaks of a stop overlap",
  "window-outside-session": "warning: a break or availability window overlaps no session",
  "slot-too-long": "a slot longer than the session",
  "no-slots": "the breaks leave no room for a slot",
  "no-sector": "a firm with neither sectors nor ateco",
  "duplicate-request": "warning: the same request twice",
  "must-and-avoid": "a must and an avoid for the same firm and country",
  "duplicate-pair": "two scores for the same firm and delegation",
  "no-eligible-delegation": "warning: a firm no delegation can meet at a stop it registered for",
  "delegation-at-no-stop": "warning: a delegation present at no stop",
  "country-without-delegation": "warning: a must request for a country with no delegation",
  // changes.csv and outcomes.csv
  "unknown-participant": "a participant_id of changes.csv that is neither a firm_id nor a delegation_id",
  "ambiguous-participant": "an id used by both a firm and a delegation, named in changes.csv",
  "wrong-kind": "tables given for a firm, or representatives for a delegation",
  "duplicate-change": "two rows of changes.csv for the same stop and participant",
  "empty-change": "warning: a row of changes.csv that changes nothing",
  "absent-with-overrides": "warning: an absent participant with windows, tables or representatives (ignored)",
  "absent-not-registered": "warning: a participant marked absent at a stop it is not registered for",
  "bad-yes-no": "not yes or no (held, follow_up)",
  "duplicate-outcome": "two rows of outcomes.csv for the same meeting",
  // answers.csv and the report
  "wrong-respondent": "a respondent_id of answers.csv that is neither the meeting's firm nor its delegation",
  "duplicate-answer": "two rows of answers.csv for the same meeting and respondent",
  "no-agenda": "a report asked of a stop with no agenda (no --agenda, no version in the workspace)",
  // The workspace (log.csv, versions)
  "bad-entry": "an entry number of log.csv out of order, or an undo that names no earlier entry",
  "unexpected-value": "a value given to a log entry kind that takes none",
  "no-time-left": "arrives, leaves or window leaving a participant no time inside the session",
  "not-at-stop": "a window change for a participant that does not take part in the stop at that point of the log",
  "already-undone": "an undo of an entry already undone",
  "no-such-meeting": "cancel naming two participants without a meeting in the latest version",
  "bad-version": "a version's version.json that cannot be read",
  // The weights file (--weights)
  "unknown-weight": "a name in the weights file that is not a weight",
  "duplicate-weight": "a weight given twice in the weights file",
} as const;

export type IssueCode = keyof typeof ISSUE_CODES;

/** Where an issue is and what it is, without its sentences (`saidIssue` adds them). */
export type IssuePlace = Omit<InputIssue, "message" | "hint" | "said">;

/**
 * An issue whose sentence and fix are catalogue sentences (`said(…)`): their English as `message` and `hint`
 * for programs, worded in the user's language where it is printed (`issueIn`).
 * @example saidIssue({ severity: "error", code: "unknown-stop", … }, said("input.unknown-stop.id", { stop, near }), said("input.unknown-stop.id.fix", { ids }))
 */
export function saidIssue(place: IssuePlace, message: Said, hint: Said): InputIssue {
  return { ...place, message: message.en, hint: hint.en, said: { message, hint } };
}

