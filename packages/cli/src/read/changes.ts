/** changes.csv → stop-specific changes: who is absent, present, late, or has fewer tables or people at one stop. */
import type { ChangeStatus, Delegation, Firm, Stop, StopChange } from "@roadshow/core";
import type { InputIssue } from "../issues.js";
import { MAX_ROWS } from "./limits.js";
import { refParser } from "./ids.js";
import { fail, ok, type Parser } from "./report.js";
import type { Row } from "./row.js";
import { windowText } from "./stops.js";
import { didYouMean, nearest } from "./suggest.js";
import { readRows, readTable } from "./table.js";
import type { FileRead, InputFile, TableSpec } from "./table.js";
import { parseId, parseInteger, parseText, parseWindows } from "./values.js";

export const CHANGES: TableSpec = {
  what: "changes",
  maxRows: MAX_ROWS.changes,
  columns: [
    { name: "stop_id", required: true },
    { name: "participant_id", required: true },
    { name: "status", required: false },
    { name: "available", required: false },
    { name: "tables", required: false },
    { name: "representatives", required: false },
    { name: "note", required: false },
  ],
};

/** Italian staff write Italian words: accepted as they are. */
const STATUS_WORDS: Readonly<Record<string, ChangeStatus>> = {
  absent: "absent", present: "present", assente: "absent", presente: "present",
};

const parseStatus: Parser<ChangeStatus> = (raw) => {
  const status = STATUS_WORDS[raw.toLowerCase()];
  if (status !== undefined) return ok(status);
  const near = nearest(raw, Object.keys(STATUS_WORDS), 3, 1);
  return fail(
    "bad-choice",
    `"${raw}" is not a status: write absent or present (assente, presente)${didYouMean(near)}`,
    near.length > 0 ? `write ${near[0]}` : "write absent, present, or leave it empty to change only the other columns",
  );
};

const tablesOrPeople = parseInteger(1, 1_000);

/** What the changes are checked against: the files they refer to, as read. */
export interface ChangeTargets {
  readonly stops: FileRead<Stop>;
  readonly firms: FileRead<Firm>;
  readonly delegations: FileRead<Delegation>;
}

/**
 * changes.csv → one change per stop and participant. A participant id is a
 * firm_id or a delegation_id; an unknown one is an error that suggests
 * delegation ids only (never another firm: its absence must not be handed to
 * a firm with a similar id). `tables` applies to delegations, `representatives`
 * to firms; a second row for the same stop and participant is an error.
 */
export function readChanges(file: InputFile, targets: ChangeTargets, out: InputIssue[]): FileRead<StopChange> {
  const parseStop = refParser(targets.stops.known, "unknown-stop");
  const firms = new Map(targets.firms.items.map((i) => [i.value.id, i.value]));
  const delegations = new Map(targets.delegations.items.map((i) => [i.value.id, i.value]));
  const stops = new Map(targets.stops.items.map((i) => [i.value.id, i.value]));
  const firmIds = targets.firms.known?.ids;
  const delegationIds = targets.delegations.known?.ids;
  const seen = new Map<string, number>();

  const parseParticipant: Parser<string> = (raw) => {
    const id = parseId(raw);
    if (!id.ok || firmIds === undefined || delegationIds === undefined) return id;
    if (firmIds.has(raw) || delegationIds.has(raw)) return id;
    const near = nearest(raw, delegationIds.keys(), 3);
    return fail(
      "unknown-participant",
      `"${raw}" is neither a firm_id of ${targets.firms.file} nor a delegation_id of ${targets.delegations.file}${didYouMean(near)}`,
      `check the id in ${targets.firms.file} or ${targets.delegations.file}; a walk-in firm needs its row in ${targets.firms.file} first`,
    );
  };

  const read = (row: Row): StopChange | null => {
    const values = row.values({
      stopId: row.required("stop_id", parseStop),
      participantId: row.required("participant_id", parseParticipant),
      status: row.optional("status", parseStatus, null),
      available: row.optional("available", parseWindows, null),
      tables: row.optional("tables", tablesOrPeople, null),
      representatives: row.optional("representatives", tablesOrPeople, null),
      note: row.optional("note", parseText, ""),
    });
    if (values === null) return null;
    const change: StopChange = { ...values, available: values.available?.length ? values.available : null };
    const firm = firms.get(change.participantId);
    const delegation = delegations.get(change.participantId);
    if (firm !== undefined && delegation !== undefined) {
      row.error("participant_id", "ambiguous-participant", change.participantId, `${change.participantId} is both a firm_id and a delegation_id, so the change is ambiguous`, `rename the firm or the delegation so that ids differ`);
      return null;
    }
    if (firm !== undefined && change.tables !== null) {
      row.error("tables", "wrong-kind", String(change.tables), `${change.participantId} is a firm: tables applies to delegations`, "for a firm write its people in representatives, and leave tables empty");
    }
    if (delegation !== undefined && change.representatives !== null) {
      row.error("representatives", "wrong-kind", String(change.representatives), `${change.participantId} is a delegation: representatives applies to firms`, "for a delegation write its parallel meetings in tables, and leave representatives empty");
    }
    const key = `${change.stopId}\u0000${change.participantId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      row.error("participant_id", "duplicate-change", change.participantId, `${change.participantId} at ${change.stopId} already has a change on line ${earlier}`, `write one row per stop and participant: merge lines ${earlier} and ${row.line}`);
    } else {
      seen.set(key, row.line);
    }
    if (row.failed) return null;
    warnIneffective(row, change, firm, delegation, stops.get(change.stopId));
    return change;
  };
  return readRows(file, readTable(file, CHANGES, out), null, "stop_id", read);
}

/** Changes that read fine but change nothing, or not what was probably meant. */
function warnIneffective(row: Row, change: StopChange, firm: Firm | undefined, delegation: Delegation | undefined, stop: Stop | undefined): void {
  const overrides = change.available !== null || change.tables !== null || change.representatives !== null;
  if (change.status === null && !overrides) {
    row.warning("participant_id", "empty-change", change.participantId, `the row changes nothing for ${change.participantId} at ${change.stopId} (status, available, tables and representatives are empty)`, "fill in status (absent or present) or a value to override, or delete the row");
    return;
  }
  if (change.status === "absent" && overrides) {
    row.warning("status", "absent-with-overrides", "absent", `${change.participantId} is absent at ${change.stopId}: its available, tables and representatives there are ignored`, "leave them empty, or clear status if the participant comes after all");
  }
  const attends = firm !== undefined ? firm.stops.includes(change.stopId) : delegation !== undefined && (delegation.stops === null || delegation.stops.includes(change.stopId));
  if (change.status === "absent" && !attends && (firm !== undefined || delegation !== undefined)) {
    row.warning("status", "absent-not-registered", "absent", `${change.participantId} is not registered for ${change.stopId}, so marking it absent changes nothing`, "check the stop_id");
  }
  if (stop !== undefined && change.available !== null && change.status !== "absent") {
    const inside = change.available.some((w) => w.start < stop.end && stop.start < w.end);
    if (!inside) {
      row.warning("available", "window-outside-session", change.available.map(windowText).join("|"), `no window overlaps the session of ${stop.id} (${windowText(stop)}): ${change.participantId} can hold no meeting there`, `write a window inside ${windowText(stop)}, or mark the participant absent`);
    }
  }
}
