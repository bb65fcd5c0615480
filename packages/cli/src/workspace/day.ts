/** A stop as it is on the day: the master files (with the data folder's changes.csv) plus the log's entries in effect. */
import path from "node:path";
import { validateInstance, type AgendaMeeting, type DeskRecord, type Stop, type StopInstance } from "@roadshow/core";
import { InputError } from "../errors.js";
import type { InputIssue } from "../issues.js";
import { instanceOf, type Loaded } from "../read/load.js";
import { toInputIssue } from "../read/instance-issues.js";
import { foldLog, logIssue, type DayState, type EntryProblem, type LogEntry } from "./log.js";
import { said } from "../text/cli-text.js";

/** The day derived from the master files and the log. */
export interface Day {
  /** The instance to plan: the stop's changes (changes.csv, then the log) applied by the core's `applyChanges`. */
  readonly instance: StopInstance;
  /** Meetings the log cancelled: pairs that may not meet (the core's `excluded`). */
  readonly excluded: readonly { readonly firmId: string; readonly delegationId: string }[];
  /** The entries folded (all of the log, or the first `logThrough`). */
  readonly entries: readonly LogEntry[];
  /** What the reception recorded: check-ins and no-shows, in log order. */
  readonly desk: DeskRecord;
  /** Meetings added by `refill` entries, with their entry number. */
  readonly refills: readonly { readonly entry: number; readonly meeting: AgendaMeeting }[];
  /** Meetings pinned by `lock` entries (one per pair, the latest), in entry order. */
  readonly locked: readonly { readonly entry: number; readonly meeting: AgendaMeeting }[];
}

/** A fresh day state on the master instance. */
export function startDay(loaded: Loaded, stop: Stop): DayState {
  const base = instanceOf(loaded, stop);
  return { base, instance: base, changes: [], cancelled: new Map(), desk: [], refills: [], confirmed: new Map(), locked: new Map() };
}

/** The day's result once folded. */
export function dayOf(state: DayState, entries: readonly LogEntry[]): Day {
  const excluded = [...state.cancelled.keys()].map((k) => {
    const [firmId, delegationId] = k.split("\u0000") as [string, string];
    return { firmId, delegationId };
  });
  const locked = [...state.locked.values()].sort((a, b) => a.entry - b.entry);
  return { instance: state.instance, excluded, entries, desk: { events: [...state.desk] }, refills: [...state.refills], locked };
}

/**
 * Folds the log (its first `through` entries, all by default) over the stop's master
 * instance. Every problem of an entry is an input error located in log.csv.
 */
export function deriveDay(loaded: Loaded, stop: Stop, entries: readonly LogEntry[], logFile: string, through = entries.length): Day {
  const state = startDay(loaded, stop);
  const used = entries.slice(0, through);
  const problems = foldLog(state, used);
  if (problems.length > 0) throw logError(logFile, problems);
  checkInstance(state.instance, logFile);
  return dayOf(state, used);
}

/** The problems of entries in log.csv, as one input error. */
export function logError(logFile: string, problems: readonly EntryProblem[]): InputError {
  return new InputError(said("cli.input.logProblems", { count: problems.length, file: logFile }), problems.map((p) => logIssue(logFile, p)));
}

/** The core's own check of the day's instance (a log cannot make it invalid, but the core has the last word). */
export function checkInstance(instance: StopInstance, logFile: string): void {
  const errors = validateInstance(instance).filter((i) => i.severity === "error");
  if (errors.length === 0) return;
  const issues: InputIssue[] = errors.map((i) => ({ ...toInputIssue(i, instance), file: path.normalize(logFile) }));
  throw new InputError(said("cli.input.dayInvalid", { stop: instance.stop.id }), issues);
}
