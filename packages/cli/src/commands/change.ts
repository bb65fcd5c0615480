// `roadshow change`: appends one entry to a stop's day-of log (workspace/<stop_id>/log.csv) and prints its number.
import { userInfo } from "node:os";
import path from "node:path";
import type { Command } from "commander";
import { DateTime } from "luxon";
import type { Stop } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { saidIssue, type InputIssue } from "../issues.js";
import { readAgenda } from "../read/load.js";
import { loadRun } from "../run/load.js";
import { Reporter } from "../run/report.js";
import { t } from "../text/i18n.js";
import { NOTHING, said } from "../text/cli-text.js";
import { checkInstance, logError, startDay } from "../workspace/day.js";
import { foldLog, inEffect, LOG_KINDS, logCsv, readLog, resolve, writeDurably, type DayState, type EntryProblem, type LogEntry } from "../workspace/log.js";
import { listVersions, stopPaths, withStop } from "../workspace/store.js";
import { EXAMPLE_DIR, type CommandContext } from "./shared.js";

/** Options of `roadshow change`. */
export interface ChangeArgs {
  readonly dataDir: string;
  readonly stop: string;
  readonly kind: string;
  /** The participant id, or for `undo` the entry number. */
  readonly subject: string | undefined;
  readonly value: string | undefined;
  readonly by: string | undefined;
  readonly note: string | undefined;
  /** `checkin` only: the time of arrival (default: now at the stop). */
  readonly at?: string | undefined;
}

/** Test seam: the clock. */
export interface ChangeWorld {
  readonly now: () => Date;
}

const who = (io: Io): string => io.env["ROADSHOW_USER"] ?? (() => {
  try {
    return userInfo().username;
  } catch {
    return "";
  }
})();

/** The new entry as the command line gives it (`undo` names an entry, every other kind a participant). */
function entryOf(args: ChangeArgs, number: number, at: string, by: string): LogEntry {
  const kind = args.kind.toLowerCase();
  const spec = LOG_KINDS.get(kind);
  if (spec === undefined) {
    throw new UsageError(said("cli.change.unknownKind", { kind: args.kind, kinds: [...LOG_KINDS.values()].map((k) => k.usage).join(", ") }));
  }
  if (args.subject === undefined || args.subject === "") throw new UsageError(said("cli.change.noSubject", { kind, names: spec.names === "entry" ? "entry" : "participant", usage: spec.usage }));
  if (spec.names === "entry") {
    if (args.value !== undefined) throw new UsageError(said("cli.change.undoOne", { usage: spec.usage }));
    return { entry: number, at, by, kind, participantId: "", value: args.subject, note: args.note ?? "", line: 0 };
  }
  if (spec.value === "required" && args.value === undefined) throw new UsageError(said("cli.change.needsValue", { kind, usage: spec.usage }));
  if (spec.value === "none" && args.value !== undefined) throw new UsageError(said("cli.change.noValue", { kind, usage: spec.usage }));
  return { entry: number, at, by, kind, participantId: args.subject, value: args.value ?? "", note: args.note ?? "", line: 0 };
}

/** A problem of the entry being added, located where the id or value was looked up. */
function newEntryIssue(args: ChangeArgs, logFile: string, p: EntryProblem): InputIssue {
  const kind = LOG_KINDS.get(p.entry.kind);
  if (p.code === "unknown-participant") {
    // An unknown id is located where it was looked for: firms.csv, or delegations.csv for a delegation's kind.
    const delegation = p.column === "participant_id" && kind?.names === "delegation";
    const file = path.join(args.dataDir, delegation ? "delegations.csv" : "firms.csv");
    const value = p.column === "participant_id" ? p.entry.participantId : p.entry.value;
    return saidIssue({ severity: "error", code: p.code, file, line: null, column: delegation ? "delegation_id" : "firm_id", value }, p.message, p.hint);
  }
  const value = p.column === "participant_id" ? p.entry.participantId : p.entry.value;
  const entry = `${p.entry.kind} ${p.entry.participantId} ${p.entry.value}`.trim();
  return saidIssue({ severity: "error", code: p.code, file: logFile, line: null, column: p.column, value }, said("input.new-entry", { entry, message: p.message }), p.hint);
}

/** The ids a log entry for a meeting (`cancel`) must name: a meeting of the latest version, when there is one. */
async function checkMeeting(entry: LogEntry, agenda: string | undefined): Promise<void> {
  if (agenda === undefined) return;
  const rows = await readAgenda(agenda);
  const has = rows.some((r) => (r.firmId === entry.participantId && r.delegationId === entry.value) || (r.delegationId === entry.participantId && r.firmId === entry.value));
  if (has) return;
  throw new InputError(said("cli.change.noMeeting", {}), [saidIssue(
    { severity: "error", code: "no-such-meeting", file: agenda, line: null, column: "firm_id", value: `${entry.participantId} ${entry.value}` },
    said("input.no-such-meeting", { one: entry.participantId, other: entry.value, agenda }),
    said("input.no-such-meeting.fix", {}),
  )]);
}

/**
 * A `lock` names the other participant; the entry keeps the meeting's place with it
 * (`<other>|<slot>|<table>`), read from the latest version or a refill since, so that what
 * is locked does not depend on which version a later re-plan starts from. A place given
 * already (`US-CG|3|2`) is kept as given.
 */
async function lockPlace(entry: LogEntry, agenda: string | undefined, day: DayState): Promise<LogEntry> {
  if (entry.kind !== "lock" || entry.value.includes("|")) return entry;
  const rows = agenda === undefined ? [] : await readAgenda(agenda);
  const of = (m: { firmId: string; delegationId: string }) => (m.firmId === entry.participantId && m.delegationId === entry.value) || (m.delegationId === entry.participantId && m.firmId === entry.value);
  const meeting = [...day.refills.map((r) => r.meeting)].reverse().find(of) ?? rows.find(of);
  // An unknown id is said as every entry's is (located in firms.csv or delegations.csv), below.
  const unknown = "code" in resolve(day, entry.participantId, "participant") || "code" in resolve(day, entry.value, "participant");
  if (meeting === undefined && unknown) return entry;
  if (meeting === undefined) {
    throw new InputError(said("cli.change.noMeeting", {}), [saidIssue(
      { severity: "error", code: "no-such-meeting", file: agenda ?? entry.participantId, line: null, column: "firm_id", value: `${entry.participantId} ${entry.value}` },
      said("input.no-such-meeting.lock", { one: entry.participantId, other: entry.value, where: agenda === undefined ? NOTHING : said("text.inParentheses", { text: agenda }) }),
      said("input.no-such-meeting.lock.fix", {}),
    )]);
  }
  return { ...entry, value: `${entry.value}|${meeting.slot}|${meeting.table}` };
}

/** A check-in's time is its value: `--at`, else the time now at the stop; `--at` belongs to check-ins only. */
function withArrival(args: ChangeArgs, stop: Stop, now: Date): ChangeArgs {
  const checkin = args.kind.toLowerCase() === "checkin";
  if (args.at !== undefined && !checkin) throw new UsageError(said("cli.change.atCheckin", { kind: args.kind }));
  if (!checkin || args.value !== undefined) return args;
  return { ...args, value: args.at ?? DateTime.fromJSDate(now, { zone: stop.timezone }).toFormat("HH:mm") };
}

/** Appends one entry to the stop's log, under the stop's lock; prints its number. */
export async function change(args: ChangeArgs, common: Common, io: Io, world: ChangeWorld = { now: () => new Date() }): Promise<void> {
  const run = await loadRun({ files: { dataDir: args.dataDir } }, new Reporter(io, common));
  const loaded = run.loaded;
  const stop = run.findStop(args.stop);
  const paths = stopPaths(args.dataDir, stop.id);
  await withStop(paths, async () => {
    const entries = readLog(paths.log);
    const typed = entryOf(withArrival(args, stop, world.now()), entries.length + 1, world.now().toISOString(), args.by ?? who(io));
    const state = startDay(loaded, stop);
    const earlier = foldLog(state, entries);
    if (earlier.length > 0) throw logError(paths.log, earlier);
    const entry = await lockPlace(typed, listVersions(paths).at(-1)?.agenda, state);
    // Re-entering the log's last entry (a command re-run after a kill) adds nothing.
    const last = entries.at(-1);
    const effect = inEffect(entries);
    if (last !== undefined && effect.at(-1) && last.kind === entry.kind && last.participantId === entry.participantId && last.value === entry.value) {
      io.stdout(`${t(common.lang, "change.again", { entry: last.entry, stop: stop.id, log: paths.log })}\n`);
      return;
    }
    if (entry.kind === "undo") {
      const target = Number(entry.value);
      const undoneBy = entries.find((e, i) => effect[i] && e.kind === "undo" && Number(e.value) === target);
      if (undoneBy !== undefined) {
        throw new InputError(said("cli.change.alreadyUndone", { entry: target }), [saidIssue(
          { severity: "error", code: "already-undone", file: paths.log, line: undoneBy.line, column: "value", value: entry.value },
          said("input.already-undone", { entry: target, by: undoneBy.entry }),
          said("input.already-undone.fix", { entry: target, by: undoneBy.entry }),
        )]);
      }
    }
    const problems = foldLog(state, [...entries, entry]).filter((p) => p.entry === entry);
    if (problems.length > 0) throw new InputError(said("cli.change.refused", {}), problems.map((p) => newEntryIssue(args, paths.log, p)));
    checkInstance(state.instance, paths.log);
    if (entry.kind === "cancel" || entry.kind === "confirm" || entry.kind === "decline") await checkMeeting(entry, listVersions(paths).at(-1)?.agenda);
    writeDurably(paths.log, logCsv([...entries, entry]));
    const what = entry.kind === "undo" ? `undo ${entry.value}` : `${entry.kind} ${entry.participantId}${entry.value === "" ? "" : ` ${entry.value}`}`;
    io.stdout(`${t(common.lang, "change.added", { entry: entry.entry, stop: stop.id, what, log: paths.log })}\n`);
  });
}

/** The flags of `roadshow change`, as commander parses them. */
interface ChangeFlags {
  readonly stop: string;
  readonly by?: string;
  readonly note?: string;
  readonly at?: string;
}

/** Registers `roadshow change`. */
export function defineChange(root: Command, ctx: CommandContext): void {
  const kinds = [...LOG_KINDS.values()].map((k) => `  ${k.usage}`).join("\n");
  root
    .command("change")
    .description("help.change")
    .argument("<data-dir>", "help.change.data-dir")
    .argument("<kind>", "help.change.kind")
    .argument("[participant-id]", "help.change.participant-id")
    .argument("[value]", "help.change.value")
    .requiredOption("--stop <id>", "help.change.stop")
    .option("--by <name>", "help.change.by")
    .option("--note <text>", "help.change.note")
    .option("--at <HH:MM>", "help.change.at")
    .addHelpText("after", `\nKinds:\n${kinds}\n${ctx.examples(1)}  roadshow change ${EXAMPLE_DIR} --stop BS-2026-02 arrives US-CG 15:00\n  roadshow change ${EXAMPLE_DIR} --stop BS-2026-02 undo 3\n`)
    .action(async (dataDir: string, kind: string, subject: string | undefined, value: string | undefined, o: ChangeFlags) => {
      await change({ dataDir, stop: o.stop, kind, subject, value, by: o.by, note: o.note, at: o.at }, ctx.common(), ctx.io);
      ctx.done(EXIT.ok);
    });
}
