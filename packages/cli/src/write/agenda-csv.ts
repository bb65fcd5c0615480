// agenda.csv and unmatched.csv of a planned stop, in the CSV dialect asked for.
import { formatInstant } from "../read/agenda.js";
import { formatTime, type Delegation, type Firm, type Schedule } from "@roadshow/core";
import { meetingSequence, type PreviousMeeting } from "./exports.js";
import { t, type Lang } from "../text/i18n.js";
import { scheduleWhy } from "../text/why.js";
import { toCsv, type CsvCell, type CsvDialect } from "./csv.js";

/** The spec's agenda columns, in order. */
export const AGENDA_COLUMNS = [
  "stop_id", "date", "slot", "start", "end", "table", "delegation_id", "country", "firm_id", "firm_name", "score",
] as const;

/** A number as written in CSVs: no float noise, no exponent. */
export function formatNumber(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/**
 * `agenda.csv`: one row per meeting, sorted by slot then table. Extra columns:
 * `start_iso` and `end_iso`, the slot's instants with their UTC offset (so a
 * reader can trust the times on a DST night, when `02:40`-`02:00` is a real
 * slot), `why` (each meeting's score parts in words, in `lang`: one path for
 * `schedule`, `replan`, `season`, `export` and the studio) and `sequence`, the
 * calendar SEQUENCE of the meeting (raised when it moved since `previous`), so
 * that calendars sent from the next re-run keep superseding.
 */
export function agendaCsv(
  schedule: Schedule,
  firms: readonly Firm[],
  delegations: readonly Delegation[],
  dialect: CsvDialect,
  lang: Lang,
  previous: readonly PreviousMeeting[] = [],
): string {
  const table = agendaTable(schedule, firms, delegations, lang, previous);
  return toCsv(table.header, table.rows, dialect);
}

/** A table as the writers share it: column names (the CSV's) and rows of cells, numbers as numbers. */
export interface OutTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly CsvCell[])[];
}

/** The rows of agenda.csv, and of the Agenda sheet of agenda.xlsx. */
export function agendaTable(
  schedule: Schedule,
  firms: readonly Firm[],
  delegations: readonly Delegation[],
  lang: Lang,
  previous: readonly PreviousMeeting[] = [],
): OutTable {
  const firmName = new Map(firms.map((f) => [f.id, f.name]));
  const country = new Map(delegations.map((d) => [d.id, d.country]));
  const slots = new Map(schedule.slots.map((s) => [s.index, s]));
  const why = scheduleWhy(schedule, lang);
  const header = [...AGENDA_COLUMNS, "start_iso", "end_iso", "why", "sequence"];
  const zone = schedule.stop.timezone;
  const instants = new Map(schedule.slots.map((s) => [s.index, [formatInstant(s.startMs, zone), formatInstant(s.endMs, zone)]]));
  const before = new Map(previous.filter((p) => p.stopId === schedule.stop.id).map((p) => [`${p.firmId}|${p.delegationId}`, p]));
  const rows = schedule.meetings.map((m) => {
    const slot = slots.get(m.slot)!;
    const row = [
      schedule.stop.id, schedule.stop.date, m.slot, formatTime(slot.start), formatTime(slot.end), m.table,
      m.delegationId, country.get(m.delegationId) ?? "", m.firmId, firmName.get(m.firmId) ?? "", m.score,
      ...instants.get(m.slot)!,
    ];
    const key = `${m.firmId}|${m.delegationId}`;
    return [...row, why.get(key) ?? "", meetingSequence(m, before.get(key))];
  });
  return { header, rows };
}

/** `unmatched.csv`: firms under K meetings and unmet musts, with a reason code and a sentence. */
export function unmatchedCsv(schedule: Schedule, firms: readonly Firm[], dialect: CsvDialect, lang: Lang): string {
  const table = unmatchedTable(schedule, firms, lang);
  return toCsv(table.header, table.rows, dialect);
}

/** The rows of unmatched.csv, and of the Unmatched sheet of agenda.xlsx. */
export function unmatchedTable(schedule: Schedule, firms: readonly Firm[], lang: Lang): OutTable {
  const firmName = new Map(firms.map((f) => [f.id, f.name]));
  const rows = schedule.unmatched.map((u) => [
    schedule.stop.id, u.firmId, firmName.get(u.firmId) ?? "", u.country ?? "", u.reason, u.meetings,
    t(lang, `reason.${u.reason}`),
  ]);
  return { header: ["stop_id", "firm_id", "firm_name", "country", "reason", "meetings", "message"], rows };
}
