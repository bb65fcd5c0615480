// Reads a command's inputs (data folder, history agendas) into checked domain values, and builds the instance of one stop.
import path from "node:path";
import { applyChanges, metHistory, validateInstance, type PastMeeting, type Stop, type StopInstance } from "@roadshow/core";
import { atecoWarnings } from "./ateco-warnings.js";
import { InputError } from "./errors.js";
import { historyFromAgendas, readAgendaFile, readDataDir, type AgendaRow, type DataSet } from "./input/index.js";
import type { InputIssue } from "./input/issues.js";
import { nearest } from "./input/suggest.js";
import { toInputIssue } from "./instance-issues.js";

/** Where a command's inputs are. */
export interface Sources {
  readonly dataDir: string;
  readonly scores?: string | undefined;
  readonly requests?: string | undefined;
  readonly history?: readonly string[] | undefined;
  /** Stop-specific changes (default `<data-dir>/changes.csv` if present). */
  readonly changes?: string | undefined;
  /** Meeting outcomes (default `<data-dir>/outcomes.csv` if present). */
  readonly outcomes?: string | undefined;
}

/** Inputs read and checked, with the warnings met on the way. */
export interface Loaded {
  readonly data: DataSet;
  /** Meetings of the history agendas that count as met (cancelled and not-held ones left out, see `metHistory`). */
  readonly history: readonly PastMeeting[];
  readonly warnings: readonly InputIssue[];
}

/** Reads an agenda file; throws `InputError` with every issue when it cannot be read. */
export async function readAgenda(file: string): Promise<readonly AgendaRow[]> {
  const agenda = await readAgendaFile(file);
  if (agenda.rows === null || agenda.issues.some((i) => i.severity === "error")) {
    throw new InputError(`${file} cannot be read as an agenda`, agenda.issues);
  }
  return agenda.rows;
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
  for (const file of sources.history ?? []) {
    const agenda = await readAgendaFile(file);
    issues.push(...agenda.issues);
    if (agenda.rows) history.push(...historyFromAgendas(agenda.rows));
  }
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0 || read.data === null) {
    throw new InputError(`${errors.length} problem(s) in the input files of ${sources.dataDir}`, issues);
  }
  return { data: read.data, history: metHistory(history, read.data.changes, read.data.outcomes), warnings: [...issues.filter((i) => i.severity === "warning"), ...atecoWarnings(read.data)] };
}

/** The stop named on the command line, or an input error with suggestions. */
export function findStop(data: DataSet, stopId: string, dataDir: string): Stop {
  const stop = data.stops.find((s) => s.id === stopId);
  if (stop) return stop;
  const ids = data.stops.map((s) => s.id);
  const near = nearest(stopId, ids);
  throw new InputError(`unknown stop`, [
    {
      severity: "error",
      code: "unknown-stop",
      file: path.join(dataDir, "stops.csv"),
      line: null,
      column: "stop_id",
      value: stopId,
      message: `--stop ${stopId} is not a stop_id of stops.csv${near.length > 0 ? `; did you mean ${near.join(", ")}?` : ""}`,
      hint: `use one of: ${ids.join(", ")}`,
    },
  ]);
}

/**
 * The instance of one stop for the core, as it is on the day (the stop's
 * changes applied), checked by the core as well: its errors (none, when the
 * file checks did their job) become an `InputError` naming files and columns.
 */
export function instanceOf(loaded: Loaded, stop: Stop): StopInstance {
  const instance = applyChanges(masterInstanceOf(loaded, stop), loaded.data.changes);
  const errors = validateInstance(instance).filter((i) => i.severity === "error");
  if (errors.length > 0) throw new InputError(`the core refused stop ${stop.id}`, errors.map((i) => toInputIssue(i, instance)));
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
