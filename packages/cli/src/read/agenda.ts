// agenda.csv read back: its rows checked against the data, their times against the stops, and the history they make.
import { DateTime } from "luxon";
import { buildSlots, formatTime } from "@roadshow/core";
import type { CountryCode, PastMeeting, Slot, Stop, TimeOfDay } from "@roadshow/core";
import { parseCountry } from "./countries.js";
import { formatMessage, TEXT_LANGS, type MessageKey } from "../text/i18n.js";
import type { InputIssue, Severity } from "../issues.js";
import { NOTHING, orList, said } from "../text/cli-text.js";
import { MAX_ROWS } from "./limits.js";
import { fail, ok, Reporter } from "./report.js";
import type { Parser } from "./report.js";
import { readRows, readTable } from "./table.js";
import type { InputFile, TableSpec } from "./table.js";
import { parseDate, parseId, parseInteger, parseScore, parseText, parseTime } from "./values.js";

/**
 * One meeting of an agenda.csv, typed, with its physical line.
 * @example { line: 2, stopId: "BG-2026-03", date: "2026-03-18", slot: 1, start: 840, end: 860,
 *   table: 1, delegationId: "US-CG", country: "US", firmId: "F0001", firmName: "Meccanica Orobica S.r.l.", score: 70 }
 */
export interface AgendaRow {
  readonly line: number;
  readonly stopId: string;
  readonly date: string;
  readonly slot: number;
  readonly start: TimeOfDay;
  readonly end: TimeOfDay;
  readonly table: number;
  readonly delegationId: string;
  readonly country: CountryCode;
  readonly firmId: string;
  readonly firmName: string;
  readonly score: number;
  /** Calendar SEQUENCE the meeting was sent with (0 when the column is absent). */
  readonly sequence: number;
  /** The instants of `start_iso` / `end_iso` (epoch ms), when the file has those columns. */
  readonly startMs?: number;
  readonly endMs?: number;
}

const AGENDA_NAMES = ["stop_id", "date", "slot", "start", "end", "table", "delegation_id", "country", "firm_id", "firm_name", "score", "start_iso", "end_iso", "sequence"];

/** The Agenda sheet of agenda.xlsx has its headers in `--lang` (`Tavolo`): each is read back as its column. */
const LABELS: ReadonlyMap<string, string> = new Map(
  TEXT_LANGS.flatMap((lang) => AGENDA_NAMES.map((name) => [formatMessage(lang, `xlsx.col.${name}` as MessageKey, {}).toLowerCase(), name] as const)),
);

/** The CLI writes extra columns after the required ones; they are read back silently. */
export const AGENDA: TableSpec = {
  what: "input.table.meetings",
  maxRows: MAX_ROWS.agenda,
  quietExtras: true,
  labels: LABELS,
  columns: [
    ...["stop_id", "date", "slot", "start", "end", "table", "delegation_id", "country", "firm_id", "firm_name", "score"].map(
      (name) => ({ name, required: true, ...(name === "date" ? { type: "date" as const } : name === "start" || name === "end" ? { type: "time" as const } : {}) }),
    ),
    // Written by the CLI: the meeting's instants with their UTC offset (unambiguous on a DST night)
    // and the calendar SEQUENCE each meeting was last sent with.
    { name: "start_iso", required: false },
    { name: "end_iso", required: false },
    { name: "sequence", required: false },
  ],
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO 8601 date and time with its UTC offset (`2026-10-25T02:40+02:00`) → epoch ms. */
const parseInstant: Parser<number> = (raw) => {
  const instant = INSTANT.test(raw) ? DateTime.fromISO(raw, { setZone: true }) : null;
  return instant !== null && instant.isValid
    ? ok(instant.toMillis())
    : fail("bad-time", said("input.bad-time.instant", { value: raw }), said("input.bad-time.instant.fix", {}));
};

const sequence = parseInteger(0, 1_000_000);

const positive = parseInteger(1, 100_000);

/** A score of agenda.csv, which the CLI writes itself: with `--excel` every decimal has a comma, read silently. */
const ownScore: Parser<number> = (raw) => {
  const read = parseScore(raw);
  return read.ok ? ok(read.value) : read;
};

/**
 * agenda.csv → typed rows. Only the format is checked here (times against the
 * stop's slots in `checkAgendaTimes`; the hard rules are the core's
 * `verifyAgenda`). `rows` is `null` on any error; `good` holds the rows read
 * cleanly even then, so the rules can still be checked on them.
 */
export function parseAgenda(file: InputFile): { rows: AgendaRow[] | null; good: AgendaRow[]; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const table = readTable(file, AGENDA, issues);
  const read = readRows(file, table, null, "stop_id", (row) => {
    const meeting = row.values({
      stopId: row.required("stop_id", parseId),
      date: row.required("date", parseDate),
      slot: row.required("slot", positive),
      start: row.required("start", parseTime),
      end: row.required("end", parseTime),
      table: row.required("table", positive),
      delegationId: row.required("delegation_id", parseId),
      country: row.required("country", parseCountry),
      firmId: row.required("firm_id", parseId),
      firmName: row.required("firm_name", parseText),
      score: row.required("score", ownScore),
      sequence: row.optional("sequence", sequence, 0),
    });
    const startMs = row.optional("start_iso", parseInstant, null);
    const endMs = row.optional("end_iso", parseInstant, null);
    // Local times alone can end "before" they start on a fall-back night (02:40-02:00): only instants tell.
    if (typeof startMs === "number" && typeof endMs === "number" && endMs <= startMs) {
      row.error("end_iso", "end-before-start", row.raw("end_iso"), said("input.end-before-start.meeting", { end: row.raw("end_iso"), start: row.raw("start_iso") }), said("input.end-before-start.meeting.fix", {}));
    }
    if (meeting === null || row.failed) return null;
    return { line: row.line, ...meeting, ...(typeof startMs === "number" && { startMs }), ...(typeof endMs === "number" && { endMs }) };
  });
  const clean = table !== null && !issues.some((i) => i.severity === "error");
  const rows = read.items.map((i) => i.value);
  return { rows: clean ? rows : null, good: rows, issues };
}

/** An instant as agenda.csv writes it: `2026-10-25T02:40+02:00`. */
export function formatInstant(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true, suppressSeconds: true })!;
}

/** The stop's slots, built once per stop. */
function slotsOf(stop: Stop, cache: Map<string, readonly Slot[]>): readonly Slot[] {
  let slots = cache.get(stop.id);
  if (slots === undefined) cache.set(stop.id, (slots = buildSlots(stop)));
  return slots;
}

/**
 * The date, slot, local start and end of each meeting against its stop's slots,
 * so that an edited time is caught with its line instead of being ignored
 * (`severity` issues); `start_iso` / `end_iso`, when present, that disagree with
 * the slot are warnings (the slot counts). Stops not in `stops` are not checked.
 */
export function checkAgendaTimes(rows: readonly AgendaRow[], stops: readonly Stop[], file: string, severity: Severity): InputIssue[] {
  const byId = new Map(stops.map((s) => [s.id, s]));
  const cache = new Map<string, readonly Slot[]>();
  const issues: InputIssue[] = [];
  const report = new Reporter(file, issues);
  const add = severity === "error" ? report.error.bind(report) : report.warning.bind(report);
  for (const r of rows) {
    const stop = byId.get(r.stopId);
    if (stop === undefined) continue;
    const slots = slotsOf(stop, cache);
    if (r.date !== stop.date) {
      add("date-mismatch", { line: r.line, column: "date", value: r.date }, said("input.date-mismatch", { stop: r.stopId, date: stop.date, given: r.date }), said("input.date-mismatch.fix", { date: stop.date }));
    }
    const slot = slots[r.slot - 1];
    if (slot === undefined) {
      add("unknown-slot", { line: r.line, column: "slot", value: String(r.slot) }, said("input.unknown-slot", { stop: r.stopId, count: String(slots.length), slot: String(r.slot) }), said("input.unknown-slot.fix", { count: String(slots.length) }));
      continue;
    }
    const span = `${formatTime(slot.start)}-${formatTime(slot.end)}`;
    if (r.start !== slot.start) {
      // On a fall-back night one local time starts two slots: name them all.
      const others = slots.filter((s) => s.start === r.start);
      const move = others.length === 0 ? NOTHING : said("input.slot-mismatch.move", { slots: orList(others.map((o) => said("input.slot-mismatch.slot", { slot: String(o.index), span: `${formatTime(o.start)}-${formatTime(o.end)}` }))) });
      add("slot-mismatch", { line: r.line, column: "start", value: formatTime(r.start) }, said("input.slot-mismatch.start", { start: formatTime(r.start), slot: String(r.slot), span }), said("input.slot-mismatch.start.fix", { start: formatTime(slot.start), move }));
    }
    if (r.end !== slot.end) {
      add("slot-mismatch", { line: r.line, column: "end", value: formatTime(r.end) }, said("input.slot-mismatch.end", { end: formatTime(r.end), slot: String(r.slot), span }), said("input.slot-mismatch.end.fix", { end: formatTime(slot.end) }));
    }
    // The instants are the CLI's own record of the slot: one that disagrees is worth a warning, the slot counts.
    for (const [column, ms, want] of [["start_iso", r.startMs, slot.startMs], ["end_iso", r.endMs, slot.endMs]] as const) {
      if (ms === undefined || ms === want) continue;
      report.warning("slot-mismatch", { line: r.line, column, value: formatInstant(ms, stop.timezone) },
        said("input.slot-mismatch.instant", { column, given: formatInstant(ms, stop.timezone), slot: String(r.slot), want: formatInstant(want, stop.timezone) }),
        said("input.slot-mismatch.instant.fix", { want: formatInstant(want, stop.timezone), column }));
    }
  }
  return issues;
}

/** Who already met whom where, once per firm, delegation and stop, sorted. */
export function historyFromAgendas(rows: readonly AgendaRow[]): PastMeeting[] {
  const byKey = new Map<string, PastMeeting>();
  for (const r of rows) {
    const key = `${r.firmId}\u0000${r.delegationId}\u0000${r.stopId}`;
    if (!byKey.has(key)) byKey.set(key, { firmId: r.firmId, delegationId: r.delegationId, stopId: r.stopId });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, m]) => m);
}
