// Reads a command's inputs (data folder, history agendas) into checked domain values, and builds the instance of one stop.
import path from "node:path";
import { applyChanges, metHistory, validateInstance, type PastMeeting, type Stop, type StopInstance } from "@roadshow/core";
import { atecoWarnings } from "./ateco-warnings.js";
import { InputError } from "../errors.js";
import { historyFromAgendas, readAgendaFile, readDataDir, type AgendaRow, type DataSet } from "./index.js";
import { checkAgendaTimes } from "./agenda.js";
import { saidIssue, type InputIssue } from "../issues.js";
import { nearest } from "./suggest.js";
import { toInputIssue } from "./instance-issues.js";
import { nearIds, said } from "../text/cli-text.js";

/** Where a run's inputs are: the data folder, the files that replace its defaults, history agendas and a weights file. */
export interface Sources {
  readonly dataDir: string;
  /** Affinity scores (default `<data-dir>/scores.csv` if present). */
  readonly scores?: string | undefined;
  /** Must/avoid requests (default `<data-dir>/requests.csv` if present). */
  readonly requests?: string | undefined;
  /** Earlier agendas: their pairs do not meet again. */
  readonly history?: readonly string[] | undefined;
  /** Stop-specific changes (default `<data-dir>/changes.csv` if present). */
  readonly changes?: string | undefined;
  /** Meeting outcomes (default `<data-dir>/outcomes.csv` if present). */
  readonly outcomes?: string | undefined;
  /** A weights file (JSON or CSV `weight,value`). */
  readonly weights?: string | undefined;
}

/** Every path a run reads as data: no output of the run may replace one (`writeOutputs`' `inputs`). */
export function inputPaths(sources: Sources): (string | undefined)[] {
  return [sources.dataDir, sources.scores, sources.requests, sources.changes, sources.outcomes, sources.weights, ...(sources.history ?? [])];
}

/** Inputs read and checked, with the warnings met on the way. */
export interface Loaded {
  readonly data: DataSet;
  /** Meetings of the history agendas that count as met (cancelled and not-held ones left out, see `metHistory`). */
  readonly history: readonly PastMeeting[];
  readonly warnings: readonly InputIssue[];
  /** Per `--history` file, the stops it holds and the line of each one's first meeting. */
  readonly historyStops?: readonly { readonly file: string; readonly stops: ReadonlyMap<string, number> }[];
}

/** Reads an agenda file; throws `InputError` with every issue when it cannot be read. */
export async function readAgenda(file: string): Promise<readonly AgendaRow[]> {
  const agenda = await readAgendaFile(file);
  if (agenda.rows === null || agenda.issues.some((i) => i.severity === "error")) {
    throw new InputError(said("cli.input.notAgenda", { file }), agenda.issues);
  }
  return agenda.rows;
}

/**
 * Reads an agenda and checks its dates and times against the stops' slots:
 * mismatches are `severity` issues (errors for an agenda being validated or
 * exported, warnings for history, --previous and --frozen). Throws `InputError`
 * with every issue when the file cannot be read or an error was found.
 */
export async function readAgendaChecked(file: string, data: DataSet, severity: "error" | "warning"): Promise<{ rows: readonly AgendaRow[]; warnings: InputIssue[] }> {
  const agenda = await readAgendaFile(file);
  const issues = [...agenda.issues, ...checkAgendaTimes(agenda.good, data.stops, file, severity)];
  if (agenda.rows === null || issues.some((i) => i.severity === "error")) {
    throw new InputError(said("cli.input.notAgenda", { file }), issues);
  }
  return { rows: agenda.rows, warnings: issues };
}

/** Reads the data folder and history agendas; throws `InputError` with every issue when any is an error. */
export async function load(sources: Sources): Promise<Loaded> {
  const read = await readDataDir(sources.dataDir, {
    ...(sources.scores !== undefined && { scoresFile: sources.scores }),
    ...(sources.requests !== undefined && { requestsFile: sources.requests }),
    ...(sources.changes !== undefined && { changesFile: sources.changes }),
    ...(sources.outcomes !== undefined && { outcomesFile: sources.outcomes }),
  });
  const issues: InputIssue[] = [...read.issues];
  const history: PastMeeting[] = [];
  const historyStops: { file: string; stops: Map<string, number> }[] = [];
  for (const file of sources.history ?? []) {
    const agenda = await readAgendaFile(file);
    for (const issue of agenda.issues) issues.push(issue);
    if (agenda.rows === null) continue;
    if (read.data !== null) for (const issue of checkAgendaTimes(agenda.rows, read.data.stops, file, "warning")) issues.push(issue);
    // One push per meeting: a spread of 200,000 arguments overflows the call stack.
    for (const past of historyFromAgendas(agenda.rows)) history.push(past);
    const stops = new Map<string, number>();
    for (const row of agenda.rows) if (!stops.has(row.stopId)) stops.set(row.stopId, row.line);
    historyStops.push({ file, stops });
  }
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0 || read.data === null) {
    throw new InputError(said("cli.input.problems", { count: errors.length, dir: sources.dataDir }), issues);
  }
  return { data: read.data, history: metHistory(history, read.data.changes, read.data.outcomes), historyStops, warnings: [...issues.filter((i) => i.severity === "warning"), ...atecoWarnings(read.data)] };
}

/**
 * History is for earlier stops: a `--history` agenda holding meetings of a stop
 * this run plans or checks would forbid that stop's own meetings. An input error
 * naming the file and line (a re-plan of the stop takes `--previous`).
 */
export function refuseOwnHistory(loaded: Loaded, stopIds: readonly string[]): void {
  const issues: InputIssue[] = [];
  for (const { file, stops } of loaded.historyStops ?? []) {
    for (const stopId of stopIds) {
      const line = stops.get(stopId);
      if (line === undefined) continue;
      issues.push(saidIssue(
        { severity: "error", code: "own-history", file, line, column: "stop_id", value: stopId },
        said("input.own-history", { file, stop: stopId }),
        said("input.own-history.fix", {}),
      ));
    }
  }
  if (issues.length > 0) throw new InputError(said("cli.input.ownHistory", {}), issues);
}

/**
 * `--previous` is an earlier agenda of the same stop: one holding meetings of
 * other stops only is an input error (its calendars would cancel nothing).
 */
export function checkPrevious(rows: readonly AgendaRow[], file: string, stopIds: readonly string[]): void {
  if (rows.length === 0 || rows.some((r) => stopIds.includes(r.stopId))) return;
  const first = rows[0]!;
  throw new InputError(said("cli.input.otherStop", {}), [saidIssue(
    { severity: "error", code: "other-stop", file, line: first.line, column: "stop_id", value: first.stopId },
    said("input.other-stop", { file, other: first.stopId, stops: stopIds.join(", ") }),
    said("input.other-stop.fix", { stops: stopIds.join(", ") }),
  )]);
}

/** The stop named on the command line, or an input error with suggestions. */
export function findStop(data: DataSet, stopId: string, dataDir: string): Stop {
  const stop = data.stops.find((s) => s.id === stopId);
  if (stop) return stop;
  const ids = data.stops.map((s) => s.id);
  const near = nearest(stopId, ids);
  throw new InputError(said("cli.input.unknownStop", {}), [saidIssue(
    { severity: "error", code: "unknown-stop", file: path.join(dataDir, "stops.csv"), line: null, column: "stop_id", value: stopId },
    said("input.unknown-stop.option", { stop: stopId, near: nearIds(near) }),
    said("input.unknown-stop.option.fix", { ids: ids.join(", ") }),
  )]);
}

/**
 * The instance of one stop for the core, as it is on the day (the stop's
 * changes applied), checked by the core as well: its errors (none, when the
 * file checks did their job) become an `InputError` naming files and columns.
 */
export function instanceOf(loaded: Loaded, stop: Stop): StopInstance {
  const instance = applyChanges(masterInstanceOf(loaded, stop), loaded.data.changes);
  const errors = validateInstance(instance).filter((i) => i.severity === "error");
  if (errors.length > 0) throw new InputError(said("cli.input.coreRefused", { stop: stop.id }), errors.map((i) => toInputIssue(i, instance)));
  return instance;
}

/** The instance of one stop from the master data alone (no changes.csv). */
export function masterInstanceOf(loaded: Loaded, stop: Stop): StopInstance {
  return {
    stop,
    delegations: loaded.data.delegations,
    firms: loaded.data.firms,
    requests: loaded.data.requests,
    scores: loaded.data.scores,
    history: loaded.history,
  };
}
