import type { CountryCode, PastMeeting, TimeOfDay } from "@roadshow/core";
import { parseCountry } from "./countries.js";
import type { InputIssue } from "./issues.js";
import { MAX_ROWS } from "./limits.js";
import { ok } from "./report.js";
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
}

/** The CLI writes extra columns after the required ones; they are read back silently. */
export const AGENDA: TableSpec = {
  what: "meetings",
  maxRows: MAX_ROWS.agenda,
  quietExtras: true,
  columns: [
    ...["stop_id", "date", "slot", "start", "end", "table", "delegation_id", "country", "firm_id", "firm_name", "score"].map(
      (name) => ({ name, required: true }),
    ),
    // Written by the CLI: the calendar SEQUENCE each meeting was last sent with.
    { name: "sequence", required: false },
  ],
};

const sequence = parseInteger(0, 1_000_000);

const positive = parseInteger(1, 100_000);

/** A score of agenda.csv, which the CLI writes itself: with `--excel` every decimal has a comma, read silently. */
const ownScore: Parser<number> = (raw) => {
  const read = parseScore(raw);
  return read.ok ? ok(read.value) : read;
};

/**
 * agenda.csv → typed rows. Only the format is checked here; whether the meetings
 * obey the hard rules is the core's `verifyAgenda`. `rows` is `null` on any error.
 */
export function parseAgenda(file: InputFile): { rows: AgendaRow[] | null; issues: InputIssue[] } {
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
    if (meeting !== null && meeting.end <= meeting.start) {
      row.error("end", "end-before-start", row.raw("end"), `the meeting ends at ${row.raw("end")}, not after it starts at ${row.raw("start")}`, "check start and end");
    }
    return meeting === null || row.failed ? null : { line: row.line, ...meeting };
  });
  const ok = table !== null && !issues.some((i) => i.severity === "error");
  return { rows: ok ? read.items.map((i) => i.value) : null, issues };
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
