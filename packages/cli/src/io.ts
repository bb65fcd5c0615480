/**
 * `@roadshow/cli/io`: the CLI's file side as a library, for programs that embed
 * `@roadshow/core` and want the same files in and out without the binary —
 * read a data folder (or a workbook, `.xlsx`) with the same located issues, write agenda.csv,
 * unmatched.csv, the day-of-event files and agenda.xlsx byte for byte as `roadshow schedule`.
 * A thin layer over the CLI's own modules; see docs/library.md.
 */
import type { PastMeeting, Schedule, StopInstance } from "@roadshow/core";
import { InputError } from "./errors.js";
import type { Organizer, OutputFile, PreviousMeeting } from "./write/exports.js";
import type { Lang } from "./text/i18n.js";
import type { AgendaRow, DataSet, InputIssue } from "./read/index.js";
import { readAgenda as readAgendaOrThrow } from "./read/load.js";
import { writeOutputs } from "./write/transaction.js";
import { agendaOutput, stopOutput, type OutputOptions } from "./run/files.js";
import { loadRun, stopInstanceOf } from "./run/load.js";
import { workbookFiles } from "./write/stop-xlsx.js";
import type { RunFiles } from "./run/options.js";

export { EnvironmentError, InputError } from "./errors.js";
export type { AgendaRow, DataSet, InputIssue, IssueCode, Severity } from "./read/index.js";
export { ISSUE_CODES, parseDataSet, parseAgenda, historyFromAgendas, readDataDir, readAgendaFile } from "./read/index.js";
export type { Lang } from "./text/i18n.js";
export { formatIssues } from "./text/issues-format.js";
export { loadExactSolver, highsSolver } from "./solve/highs.js";
export type { FormatOptions } from "./text/issues-format.js";
export { toInputIssue } from "./read/instance-issues.js";
export { agendaCsv, unmatchedCsv, AGENDA_COLUMNS } from "./write/agenda-csv.js";
export { renderExports, participantCsvs, renderAgendas, renderGrid, renderSummary, renderCalendars, meetingUid } from "./write/exports.js";
export type { ExportInput, ExportOptions, Organizer, OutputFile, PreviousMeeting } from "./write/exports.js";
export { stopWorkbook, seasonWorkbook } from "./write/stop-xlsx.js";
export type { StopWorkbookOptions } from "./write/stop-xlsx.js";
export { xlsxBytes } from "./write/xlsx.js";
export type { XlsxColumn, XlsxSheet, XlsxType } from "./write/xlsx.js";

/** Where the data is, beyond the folder: the same as the CLI's `--scores`, `--requests`, `--changes`, `--outcomes` and `--history`. */
export type LoadOptions = Omit<RunFiles, "dataDir" | "weights">;

/** A data folder read and checked: its domain values, history and the warnings met on the way. */
export interface StopData {
  readonly data: DataSet;
  readonly history: readonly PastMeeting[];
  readonly warnings: readonly InputIssue[];
}

/** The result of `loadStopData`: the data, or every issue (file, line, column, value, message, hint). */
export type LoadResult = ({ readonly ok: true } & StopData) | { readonly ok: false; readonly issues: readonly InputIssue[] };

/**
 * Reads stops.csv, delegations.csv, firms.csv (requests.csv, scores.csv,
 * changes.csv and outcomes.csv when present) from `dir`, and any history
 * agendas, exactly as the CLI does:
 * the same encodings, delimiters, aliases and checks, the same located issues.
 * Relative paths are taken from the process's working folder.
 * @example
 * const read = await loadStopData("examples/lombardia-2026");
 * if (!read.ok) console.error(formatIssues(read.issues, { color: false, format: "text" }));
 */
export async function loadStopData(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  try {
    const run = await loadRun({ files: { ...options, dataDir: dir } });
    return { ok: true, ...run.loaded };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/**
 * The instance of one stop of the data as it is on the day (changes.csv
 * applied), ready for `planStop`. Throws an
 * `InputError` (with an `unknown-stop` issue and suggestions) for an unknown
 * stop id, or with the issues the core's `validateInstance` finds.
 */
export function stopInstance(stopData: StopData, stopId: string, dir = "."): StopInstance {
  return stopInstanceOf(stopData, stopId, dir);
}

/** Reads an agenda.csv (written by roadshow or edited by hand); throws an `InputError` with every issue. */
export function readAgenda(file: string): Promise<readonly AgendaRow[]> {
  return readAgendaOrThrow(file);
}

/**
 * How to write a planned stop's files.
 * @example { lang: "en", excel: false, force: true }
 */
export interface WriteOptions {
  /** Language of every human text (reasons, `why`, agendas, calendars). Default `en`. */
  readonly lang?: Lang;
  /** CSVs for Italian Excel (BOM, `;`, CRLF). Default false. */
  readonly excel?: boolean;
  /** Overwrite existing files. Default false: nothing is written when any file exists. */
  readonly force?: boolean;
  /** The agenda sent before (`readAgenda`): calendars cancel what was dropped, `sequence` rises for moved meetings. */
  readonly previous?: readonly PreviousMeeting[];
  /** Written as ORGANIZER on every calendar event. */
  readonly organizer?: Organizer;
  /** `writeStopFiles` adds agenda.xlsx, as `--xlsx` does. Default false. */
  readonly xlsx?: boolean;
}

/**
 * Every file `roadshow schedule` writes for a planned stop, as content:
 * agenda.csv, unmatched.csv, participant CSVs, agendas.html, grid.html,
 * summary.html and the calendars. Pure.
 */
export function stopFiles(schedule: Schedule, instance: StopInstance, options: WriteOptions = {}): OutputFile[] {
  return stopOutput(schedule, instance, outputOptions(options));
}

const outputOptions = (options: WriteOptions): OutputOptions => ({
  lang: options.lang ?? "en",
  excel: options.excel ?? false,
  organizer: options.organizer,
  previous: options.previous,
});

/**
 * Writes the files of `stopFiles` (and agenda.xlsx with `xlsx`) as the folder `outDir`, all or none, as the
 * CLI does: without `force` the folder must be new or empty; with it, a folder
 * roadshow wrote is replaced as a whole. Throws an `EnvironmentError` when the
 * folder exists without `force` or cannot be written.
 * @returns the paths written, relative to `outDir`.
 */
export async function writeStopFiles(outDir: string, schedule: Schedule, instance: StopInstance, options: WriteOptions = {}): Promise<string[]> {
  const xlsx = await workbookFiles(schedule, instance, { xlsx: options.xlsx ?? false, lang: options.lang ?? "en", ...(options.previous && { previous: options.previous }) });
  const files: OutputFile<string | Uint8Array>[] = [...stopFiles(schedule, instance, options), ...xlsx];
  await writeFiles(outDir, files, options);
  return files.map((f) => f.path);
}

/**
 * Writes agenda.csv and unmatched.csv only, as `roadshow schedule` writes them
 * (the `why` and `sequence` columns included).
 * @returns the paths written, relative to `outDir`.
 */
export async function writeAgenda(outDir: string, schedule: Schedule, instance: StopInstance, options: WriteOptions = {}): Promise<string[]> {
  const files = agendaOutput(schedule, instance, outputOptions(options));
  await writeFiles(outDir, files, options);
  return files.map((f) => f.path);
}

/** Writes output files as the folder `outDir`, all or none, as the CLI does (see `writeStopFiles`). */
export function writeFiles(outDir: string, files: readonly OutputFile<string | Uint8Array>[], options: { readonly force?: boolean } = {}): Promise<void> {
  return writeOutputs(outDir, files, { force: options.force ?? false });
}
