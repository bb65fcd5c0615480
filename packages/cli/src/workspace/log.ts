/**
 * The day-of log of one stop: `workspace/<stop_id>/log.csv`, an append-only list of
 * what the organiser learnt during the day, one entry per call or event.
 *
 * Design (the workspace's contract is docs/formats.md, "Workspace"):
 * - The state of a stop is never typed twice: it is the master files (stops, firms,
 *   delegations, requests, scores and the data folder's own changes.csv) plus the
 *   entries of this log that are in effect, folded in order (`deriveDay`, day.ts).
 * - Entries are only ever added. A mistake is taken back by an `undo <entry>` entry;
 *   undoing an undo brings its entry back. An entry is in effect unless an entry in
 *   effect undoes it (undo only points backwards, so this is decided from the end).
 * - Every kind is one row of `LOG_KINDS`: who it names (a firm, a delegation, either,
 *   or an earlier entry), whether it takes a value, and `apply`, which checks the value
 *   against the day so far and changes the day. Parsing, validation and derivation all
 *   go through that one table, so a new kind (the desk's check-in, no-show, …) is one
 *   row more. The stop-level kinds become `StopChange`s and reach the core through its
 *   own `applyChanges`, exactly as rows of changes.csv do; `cancel` excludes one pair.
 * - Writing: the whole file is written to a temporary file, flushed (fsync) and
 *   renamed over the old one, then the folder is flushed, all under the stop's lock
 *   (`openStop`, store.ts): a kill at any instant leaves the old log or the new one,
 *   never a half line, and two writers cannot both append.
 * - Re-entering the entry that ends the log (same kind, participant and value, still in
 *   effect) appends nothing and answers that entry's number: a command re-run after a
 *   kill does not count twice.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { applyChanges, buildSlots, formatTime, type AgendaMeeting, type DeskEvent, type Delegation, type Firm, type StopChange, type StopInstance, type TimeWindow } from "@roadshow/core";
import { InputError } from "../errors.js";
import { saidIssue, type InputIssue } from "../issues.js";
import type { Note } from "../read/report.js";
import { nearest } from "../read/suggest.js";
import { nearAs, said } from "../text/cli-text.js";
import { readTable, type TableSpec } from "../read/table.js";
import { parseInteger, parseTime, parseWindows } from "../read/values.js";
import { toCsv } from "../write/csv.js";

/** Columns of log.csv, in order. */
export const LOG_COLUMNS = ["entry", "at", "by", "kind", "participant_id", "value", "note"] as const;

/**
 * One entry of the log.
 * @example { entry: 3, at: "2026-02-25T08:12:40.120Z", by: "anna", kind: "arrives", participantId: "US-CG", value: "15:00", note: "flight delayed", line: 4 }
 */
export interface LogEntry {
  /** 1, 2, 3, … in file order. */
  readonly entry: number;
  /** When it was entered, ISO 8601 UTC. */
  readonly at: string;
  /** Who entered it. */
  readonly by: string;
  readonly kind: string;
  /** A firm or delegation id; empty for `undo`. */
  readonly participantId: string;
  /** The kind's value as written (`15:00`, `14:00-16:00`, `2`, the other participant, the entry undone). */
  readonly value: string;
  readonly note: string;
  /** Line in log.csv (0 for an entry not written yet). */
  readonly line: number;
}

/**
 * The day of one stop while the log is folded: the instance as it is now, the stop
 * changes that made it (for `applyChanges`), and the pairs taken out by `cancel`.
 */
export interface DayState {
  /** The master instance with the data folder's changes.csv applied; never changed. */
  readonly base: StopInstance;
  /** `base` with `changes` applied (kept up to date by `addChange`). */
  instance: StopInstance;
  readonly changes: StopChange[];
  /** `firm\u0000delegation` → the entry that cancelled the meeting (`cancel`, or a `decline`). */
  readonly cancelled: Map<string, number>;
  /** What the reception recorded (`checkin`, `noshow`), in log order: the core's `DeskRecord`. */
  readonly desk: DeskEvent[];
  /** Meetings added on the day by `refill` entries, with their entry. */
  readonly refills: { readonly entry: number; readonly meeting: AgendaMeeting }[];
  /** `firm\u0000delegation` → the entry where a participant confirmed the meeting. */
  readonly confirmed: Map<string, number>;
  /** `firm\u0000delegation` → the meeting a `lock` entry pins (a re-plan keeps it where it is), with the entry. */
  readonly locked: Map<string, { readonly entry: number; readonly meeting: AgendaMeeting }>;
}

/** What a kind names. */
export type Names = "firm" | "delegation" | "participant" | "entry";

/**
 * One kind of entry: what it names, whether it takes a value, and how it changes the
 * day. `apply` returns a note (code, message, hint) when the entry cannot apply.
 */
export interface LogKind {
  readonly name: string;
  /** How the command line writes it, for help and messages: `arrives <participant-id> <HH:MM>`. */
  readonly usage: string;
  readonly names: Names;
  readonly value: "none" | "required";
  readonly apply: (day: DayState, entry: LogEntry, who: Participant | null) => Note | null;
}

/** A participant an entry names, as it is in the day so far. */
export type Participant = { readonly kind: "firm"; readonly value: Firm } | { readonly kind: "delegation"; readonly value: Delegation };

export const pairKey = (firmId: string, delegationId: string): string => `${firmId}\u0000${delegationId}`;

/** Adds one stop change and re-applies it through the core's `applyChanges`. */
function addChange(day: DayState, entry: LogEntry, change: Omit<StopChange, "stopId" | "participantId" | "note">): void {
  const full: StopChange = { stopId: day.base.stop.id, participantId: entry.participantId, note: entry.note, ...change };
  day.changes.push(full);
  day.instance = { ...day.instance, ...pickParticipants(day.instance, full) };
}

// applyChanges folds changes in order: applying the new one to the current instance is the same fold.
function pickParticipants(instance: StopInstance, change: StopChange): Pick<StopInstance, "firms" | "delegations"> {
  const next = applyChanges(instance, [change]);
  return { firms: next.firms, delegations: next.delegations };
}

const none = { status: null, available: null, tables: null, representatives: null } as const;

/** Whether a participant takes part in the stop in the day so far. */
export function attends(day: DayState, who: Participant): boolean {
  const stopId = day.base.stop.id;
  return who.kind === "firm" ? who.value.stops.includes(stopId) : who.value.stops === null || who.value.stops.includes(stopId);
}

const session = (day: DayState): TimeWindow => ({ start: day.base.stop.start, end: day.base.stop.end });
const windowsOf = (day: DayState, who: Participant): readonly TimeWindow[] => who.value.available ?? [session(day)];
const text = (ws: readonly TimeWindow[]): string => ws.map((w) => `${formatTime(w.start)}-${formatTime(w.end)}`).join(", ");

/** A window change that leaves the participant some time inside the session, or the note saying it leaves none. */
function setWindows(day: DayState, entry: LogEntry, who: Participant, windows: readonly TimeWindow[]): Note | null {
  const s = session(day);
  const inside = windows.map((w) => ({ start: Math.max(w.start, s.start), end: Math.min(w.end, s.end) })).filter((w) => w.start < w.end);
  if (inside.length === 0) {
    return {
      code: "no-time-left",
      message: said("input.no-time-left", { kind: entry.kind, value: entry.value, id: who.value.id, session: text([s]), windows: text(windowsOf(day, who)) }),
      hint: said("input.no-time-left.fix", { session: text([s]), id: who.value.id }),
    };
  }
  addChange(day, entry, { ...none, available: inside });
  return null;
}

/** A note for a value that did not parse. */
const badValue = (parsed: { ok: false; errors: readonly Note[] }): Note => parsed.errors[0]!;

function needsAttending(day: DayState, entry: LogEntry, who: Participant): Note | null {
  if (attends(day, who)) return null;
  return {
    code: "not-at-stop",
    message: said("input.not-at-stop", { id: who.value.id, stop: day.base.stop.id, kind: entry.kind }),
    hint: said("input.not-at-stop.fix", { id: who.value.id }),
  };
}

const count = parseInteger(1, 1_000);

/**
 * Every kind of entry, by name. A new kind is one entry here (and a line in
 * docs/formats.md); nothing else reads kinds.
 */
export const LOG_KINDS: ReadonlyMap<string, LogKind> = new Map(
  ([
    {
      name: "absent", usage: "absent <participant-id>", names: "participant", value: "none",
      apply: (day, e) => (addChange(day, e, { ...none, status: "absent" }), null),
    },
    {
      name: "present", usage: "present <participant-id>", names: "participant", value: "none",
      apply: (day, e) => (addChange(day, e, { ...none, status: "present" }), null),
    },
    {
      name: "arrives", usage: "arrives <participant-id> <HH:MM>", names: "participant", value: "required",
      apply: (day, e, who) => {
        const t = parseTime(e.value);
        if (!t.ok) return badValue(t);
        return needsAttending(day, e, who!) ?? setWindows(day, e, who!, windowsOf(day, who!).map((w) => ({ start: Math.max(w.start, t.value), end: w.end })));
      },
    },
    {
      name: "leaves", usage: "leaves <participant-id> <HH:MM>", names: "participant", value: "required",
      apply: (day, e, who) => {
        const t = parseTime(e.value);
        if (!t.ok) return badValue(t);
        return needsAttending(day, e, who!) ?? setWindows(day, e, who!, windowsOf(day, who!).map((w) => ({ start: w.start, end: Math.min(w.end, t.value) })));
      },
    },
    {
      name: "window", usage: "window <participant-id> <HH:MM-HH:MM>", names: "participant", value: "required",
      apply: (day, e, who) => {
        const w = parseWindows(e.value);
        if (!w.ok) return badValue(w);
        return needsAttending(day, e, who!) ?? setWindows(day, e, who!, w.value);
      },
    },
    {
      name: "tables", usage: "tables <delegation-id> <n>", names: "delegation", value: "required",
      apply: (day, e) => {
        const n = count(e.value);
        if (!n.ok) return badValue(n);
        addChange(day, e, { ...none, tables: n.value });
        return null;
      },
    },
    {
      name: "representatives", usage: "representatives <firm-id> <n>", names: "firm", value: "required",
      apply: (day, e) => {
        const n = count(e.value);
        if (!n.ok) return badValue(n);
        addChange(day, e, { ...none, representatives: n.value });
        return null;
      },
    },
    {
      name: "cancel", usage: "cancel <participant-id> <other-participant-id>", names: "participant", value: "required",
      apply: (day, e, who) => {
        const other = resolve(day, e.value, who!.kind === "firm" ? "delegation" : "firm");
        if ("code" in other) return other;
        const [firmId, delegationId] = who!.kind === "firm" ? [who!.value.id, other.value.id] : [other.value.id, who!.value.id];
        day.cancelled.set(pairKey(firmId, delegationId), e.entry);
        return null;
      },
    },
    // The desk: check-ins, no-shows, a meeting confirmed or declined before the stop, and standby refills.
    {
      name: "checkin", usage: "checkin <participant-id> [--at HH:MM]", names: "participant", value: "required",
      apply: (day, e, who) => {
        const t = parseTime(e.value);
        if (!t.ok) return badValue(t);
        day.desk.push({ kind: "checkin", participantId: who!.value.id, at: t.value });
        return null;
      },
    },
    {
      name: "noshow", usage: "noshow <participant-id> <slot>", names: "participant", value: "required",
      apply: (day, e, who) => {
        const n = parseInteger(1, buildSlots(day.base.stop).length)(e.value);
        if (!n.ok) return badValue(n);
        day.desk.push({ kind: "noshow", participantId: who!.value.id, slot: n.value });
        return null;
      },
    },
    {
      name: "confirm", usage: "confirm <participant-id> <other-participant-id>", names: "participant", value: "required",
      apply: (day, e, who) => meetingOf(day, e, who!, (key) => void day.confirmed.set(key, e.entry)),
    },
    {
      name: "decline", usage: "decline <participant-id> <other-participant-id>", names: "participant", value: "required",
      apply: (day, e, who) => meetingOf(day, e, who!, (key) => void day.cancelled.set(key, e.entry)),
    },
    {
      // The pair asked to meet again: outcomes.csv's follow_up (written by `roadshow outcomes`).
      name: "followup", usage: "followup <participant-id> <other-participant-id>", names: "participant", value: "required",
      apply: (day, e, who) => meetingOf(day, e, who!, () => undefined),
    },
    {
      name: "refill", usage: "refill <firm-id> <delegation-id>|<slot>|<table>", names: "firm", value: "required",
      apply: (day, e, who) => {
        const [delegationId = "", slot = "", table = ""] = e.value.split("|");
        const other = resolve(day, delegationId, "delegation");
        if ("code" in other) return other;
        const s = parseInteger(1, buildSlots(day.base.stop).length)(slot);
        if (!s.ok) return badValue(s);
        const t = parseInteger(1, 100_000)(table);
        if (!t.ok) return badValue(t);
        day.refills.push({ entry: e.entry, meeting: { firmId: who!.value.id, delegationId: other.value.id, slot: s.value, table: t.value } });
        return null;
      },
    },
    {
      name: "lock", usage: "lock <participant-id> <other-participant-id>", names: "participant", value: "required",
      apply: (day, e, who) => {
        // Written as `<other>|<slot>|<table>`: `roadshow change` completes the other's id with the meeting's place.
        const [otherId = "", slot = "", table = ""] = e.value.split("|");
        const other = resolve(day, otherId, who!.kind === "firm" ? "delegation" : "firm");
        if ("code" in other) return other;
        const s = parseInteger(1, buildSlots(day.base.stop).length)(slot);
        if (!s.ok) return badValue(s);
        const t = parseInteger(1, 100_000)(table);
        if (!t.ok) return badValue(t);
        const [firmId, delegationId] = who!.kind === "firm" ? [who!.value.id, other.value.id] : [other.value.id, who!.value.id];
        day.locked.set(pairKey(firmId, delegationId), { entry: e.entry, meeting: { firmId, delegationId, slot: s.value, table: t.value } });
        return null;
      },
    },
    // Undo is decided before the fold (`inEffect`); here it only checks its target.
    { name: "undo", usage: "undo <entry-number>", names: "entry", value: "none", apply: () => null },
  ] satisfies LogKind[]).map((k) => [k.name, k]),
);

/** The meeting of the entry's participant with the other one its value names, handed to `act` as a pair key. */
function meetingOf(day: DayState, e: LogEntry, who: Participant, act: (key: string) => void): Note | null {
  const other = resolve(day, e.value, who.kind === "firm" ? "delegation" : "firm");
  if ("code" in other) return other;
  act(who.kind === "firm" ? pairKey(who.value.id, other.value.id) : pairKey(other.value.id, who.value.id));
  return null;
}

/** The participant an id names in the day so far, of the kind asked, or the note of an unknown id. */
export function resolve(day: DayState, id: string, kind: Exclude<Names, "entry">): Participant | Note {
  const firm = kind === "delegation" ? undefined : day.instance.firms.find((f) => f.id === id);
  const delegation = kind === "firm" ? undefined : day.instance.delegations.find((d) => d.id === id);
  if (firm && delegation) {
    return { code: "ambiguous-participant", message: said("input.ambiguous-participant", { id }), hint: said("input.ambiguous-participant.fix", {}) };
  }
  if (firm) return { kind: "firm", value: firm };
  if (delegation) return { kind: "delegation", value: delegation };
  const ids = [...(kind === "delegation" ? [] : day.instance.firms.map((f) => f.id)), ...(kind === "firm" ? [] : day.instance.delegations.map((d) => d.id))];
  return {
    code: "unknown-participant",
    message: said("input.unknown-participant", { id, kind, near: nearAs(nearest(id, ids, 3)) }),
    hint: said("input.unknown-participant.fix", {}),
  };
}

/** Which entries are in effect: an entry is undone when an entry in effect undoes it (undo points backwards only). */
export function inEffect(entries: readonly LogEntry[]): boolean[] {
  const effect = entries.map(() => true);
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (!effect[i] || e.kind !== "undo") continue;
    const target = Number(e.value);
    if (Number.isInteger(target) && target >= 1 && target < e.entry) effect[target - 1] = false;
  }
  return effect;
}

/** Where an entry's problem is: `participant_id` or `value`. */
export type EntryProblem = Note & { readonly entry: LogEntry; readonly column: "kind" | "participant_id" | "value" };

/**
 * Folds the entries in effect over the day. Every entry is checked (kind, who it names,
 * its value); the problems are returned with their entry and column, none thrown.
 */
export function foldLog(day: DayState, entries: readonly LogEntry[]): EntryProblem[] {
  const problems: EntryProblem[] = [];
  const effect = inEffect(entries);
  entries.forEach((e, i) => {
    const kind = LOG_KINDS.get(e.kind);
    if (kind === undefined) {
      const near = nearest(e.kind, [...LOG_KINDS.keys()], 3);
      problems.push({ entry: e, column: "kind", code: "bad-choice", message: said("input.bad-choice.logKind", { kind: e.kind, near: nearAs(near) }), hint: said("input.bad-choice.logKind.fix", { kinds: [...LOG_KINDS.keys()].join(", ") }) });
      return;
    }
    if (kind.names === "entry") {
      const target = Number(e.value);
      if (!/^\d+$/.test(e.value) || target < 1 || target >= e.entry) {
        problems.push({ entry: e, column: "value", code: "bad-entry", message: said("input.bad-entry.undo", { value: e.value, entry: e.entry }), hint: said("input.bad-entry.undo.fix", { last: e.entry - 1 }) });
      }
      return;
    }
    if (kind.value === "required" && e.value === "") {
      problems.push({ entry: e, column: "value", code: "empty-cell", message: said("input.empty-cell.logValue", { kind: e.kind, usage: kind.usage }), hint: said("input.empty-cell.logValue.fix", { usage: kind.usage }) });
      return;
    }
    if (kind.value === "none" && e.value !== "") {
      problems.push({ entry: e, column: "value", code: "unexpected-value", message: said("input.unexpected-value", { kind: e.kind, value: e.value }), hint: said("input.unexpected-value.fix", { usage: kind.usage }) });
      return;
    }
    const who = resolve(day, e.participantId, kind.names);
    if ("code" in who) {
      problems.push({ entry: e, column: "participant_id", ...who });
      return;
    }
    if (!effect[i]) return;
    const note = kind.apply(day, e, who);
    if (note !== null) problems.push({ entry: e, column: "value", ...note });
  });
  return problems;
}

// ---------------------------------------------------------------- the file

const SPEC: TableSpec = {
  what: "input.table.logEntries",
  maxRows: 100_000,
  columns: LOG_COLUMNS.map((name) => ({ name, required: name !== "note" && name !== "value" && name !== "participant_id" })),
};

/** Reads log.csv (a missing file is an empty log). Throws `InputError` with every located problem of its structure. */
export function readLog(file: string): LogEntry[] {
  if (!existsSync(file)) return [];
  const issues: InputIssue[] = [];
  const table = readTable({ name: file, bytes: new Uint8Array(readFileSync(file)) }, SPEC, issues);
  const entries: LogEntry[] = [];
  if (table !== null) {
    for (const { row, ragged } of table.rows) {
      if (ragged) continue;
      const n = row.raw("entry");
      const expected = entries.length + 1;
      if (n !== String(expected)) {
        row.error("entry", "bad-entry", n, said("input.bad-entry", { value: n, entry: expected }), said("input.bad-entry.fix", { entry: expected }));
        continue;
      }
      entries.push({ entry: expected, at: row.raw("at"), by: row.raw("by"), kind: row.raw("kind").toLowerCase(), participantId: row.raw("participant_id"), value: row.raw("value"), note: row.raw("note"), line: row.line });
    }
  }
  const errors = issues.filter((i) => i.severity === "error");
  if (table === null || errors.length > 0) throw new InputError(said("cli.input.notLog", { file }), errors.length > 0 ? errors : issues);
  return entries;
}

/** A problem of an entry written in log.csv, located at its line and column. */
export function logIssue(file: string, p: EntryProblem): InputIssue {
  const value = p.column === "kind" ? p.entry.kind : p.column === "participant_id" ? p.entry.participantId : p.entry.value;
  return saidIssue({ severity: "error", code: p.code, file, line: p.entry.line, column: p.column, value }, said("input.log-entry", { entry: p.entry.entry, message: p.message }), p.hint);
}

/** log.csv's bytes for these entries. */
export function logCsv(entries: readonly LogEntry[]): string {
  return toCsv(LOG_COLUMNS, entries.map((e) => [String(e.entry), e.at, e.by, e.kind, e.participantId, e.value, e.note]), { excel: false });
}

/**
 * Replaces `file` with `content` so that a kill at any instant leaves the old file or the new
 * one: a temporary file beside it, flushed, renamed over it, and the folder flushed.
 */
export function writeDurably(file: string, content: string | Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temp, "w");
  try {
    writeSync(fd, typeof content === "string" ? Buffer.from(content) : content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  const dir = openSync(path.dirname(file), "r");
  try {
    fsyncSync(dir);
  } finally {
    closeSync(dir);
  }
}
