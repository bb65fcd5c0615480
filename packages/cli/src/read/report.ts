// How value parsers answer (a value, or located errors and warnings) and the Reporter that places their notes in a file.
import type { InputIssue, Said, Severity } from "../issues.js";
import { said } from "../text/cli-text.js";
import { MAX_ISSUES_PER_FILE } from "./limits.js";

/**
 * A problem found by a value parser, before it is placed in a file. Its sentence and fix are
 * catalogue sentences (`said("input.empty-cell", { column })`), worded in the user's language where printed.
 */
export interface Note {
  readonly code: string;
  readonly message: Said;
  readonly hint: Said;
  /** The offending part when it is not the whole cell (one list item). */
  readonly value?: string;
}

/** A parser's answer: a value, or the errors that prevented it; warnings either way. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Note[] }
  | { readonly ok: false; readonly errors: readonly Note[]; readonly warnings: readonly Note[] };

/** Turns one trimmed, non-empty cell into a value. */
export type Parser<T> = (raw: string) => Parsed<T>;

const NONE: readonly Note[] = Object.freeze([]);

export function ok<T>(value: T, warnings: readonly Note[] = NONE): Parsed<T> {
  return { ok: true, value, warnings };
}

export function fail(code: string, message: Said, hint: Said, value?: string): Parsed<never> {
  const note: Note = value === undefined ? { code, message, hint } : { code, message, hint, value };
  return { ok: false, errors: [note], warnings: NONE };
}

/** Where an issue is, inside the reporter's file. */
export interface Where {
  readonly line?: number | null;
  readonly column?: string | null;
  readonly value?: string | null;
  /** A workbook column's letter, when the column has no header to find it by. */
  readonly letter?: string;
  /** A file or folder that could not be read: the full path tried. */
  readonly path?: string;
}

/**
 * Where a file's issues are when it is a workbook sheet: the sheet's name and the
 * letter of each column by its header as written (filled once the header is read).
 */
export interface SheetPlace {
  readonly sheet: string;
  readonly letters: Map<string, string>;
}

/**
 * Collects the issues of one file into a shared list, at most
 * `MAX_ISSUES_PER_FILE` of them: past that one `too-many-issues` entry (per
 * severity) says the rest are not listed, so an error still fails the run.
 */
export class Reporter {
  private readonly once = new Set<string>();
  private count = 0;
  private readonly dropped = new Set<Severity>();

  constructor(
    readonly file: string,
    private readonly out: InputIssue[],
    /** Set when the file is a sheet of a workbook: its issues then name the sheet and the column's letter. */
    readonly place?: SheetPlace,
  ) {}

  error(code: string, where: Where, message: Said, hint: Said): void {
    this.add("error", code, where, message, hint);
  }

  warning(code: string, where: Where, message: Said, hint: Said): void {
    this.add("warning", code, where, message, hint);
  }

  note(severity: Severity, note: Note, where: Where): void {
    this.add(severity, note.code, { ...where, value: note.value ?? where.value ?? null }, note.message, note.hint);
  }

  /** True the first time a key is seen: lets a repeated warning be reported once per file. */
  first(key: string): boolean {
    if (this.once.has(key)) return false;
    this.once.add(key);
    return true;
  }

  private add(severity: Severity, code: string, where: Where, message: Said, hint: Said): void {
    if (this.count >= MAX_ISSUES_PER_FILE) {
      if (this.dropped.has(severity)) return;
      this.dropped.add(severity);
      const message = said("input.too-many-issues", { max: MAX_ISSUES_PER_FILE, line: where.line ?? "?", severity });
      const hint = said("input.too-many-issues.fix", {});
      this.out.push({
        severity, code: "too-many-issues", file: this.file, line: where.line ?? null, column: null, value: null,
        message: message.en, hint: hint.en, said: { message, hint },
      });
      return;
    }
    this.count++;
    this.out.push({
      severity,
      code,
      file: this.file,
      line: where.line ?? null,
      column: where.column ?? null,
      value: where.value ?? null,
      message: message.en,
      hint: hint.en,
      said: { message, hint },
      ...this.inSheet(where),
      ...(where.path !== undefined && { path: where.path }),
    });
  }

  /** The sheet and column letter of an issue in a workbook sheet; nothing for a CSV file. */
  private inSheet(where: Where): { sheet?: string; letter?: string } {
    if (this.place === undefined) return {};
    const column = where.column ?? null;
    const letter =
      where.letter ??
      (column === null
        ? undefined
        : (this.place.letters.get(column) ?? [...this.place.letters].find(([h]) => h.trim().toLowerCase() === column.trim().toLowerCase())?.[1]));
    return { sheet: this.place.sheet, ...(letter !== undefined && { letter }) };
  }
}
