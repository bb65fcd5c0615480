/** changes.csv → stop-specific changes: who is absent, present, late, or has fewer tables or people at one stop. */
import type { ChangeStatus, Delegation, Firm, Stop, StopChange } from "@roadshow/core";
import type { InputIssue } from "../issues.js";
import { nearAs, said } from "../text/cli-text.js";
import { MAX_ROWS } from "./limits.js";
import { refParser } from "./ids.js";
import { fail, ok, type Parser } from "./report.js";
import type { Row } from "./row.js";
import { windowText } from "./stops.js";
import { nearest } from "./suggest.js";
import { readRows, readTable } from "./table.js";
import type { FileRead, InputFile, TableSpec } from "./table.js";
import { parseId, parseInteger, parseText, parseWindows } from "./values.js";

export const CHANGES: TableSpec = {
  what: "input.table.changes",
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
    said("input.bad-choice.status", { value: raw, near: nearAs(near) }),
    near.length > 0 ? said("input.bad-choice.status.near.fix", { status: near[0]! }) : said("input.bad-choice.status.fix", {}),
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
      said("input.unknown-participant.changes", { value: raw, firms: targets.firms.file, delegations: targets.delegations.file, near: nearAs(near) }),
      said("input.unknown-participant.changes.fix", { firms: targets.firms.file, delegations: targets.delegations.file }),
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
      row.error("participant_id", "ambiguous-participant", change.participantId, said("input.ambiguous-participant.change", { id: change.participantId }), said("input.ambiguous-participant.fix", {}));
      return null;
    }
    if (firm !== undefined && change.tables !== null) {
      row.error("tables", "wrong-kind", String(change.tables), said("input.wrong-kind.tables", { id: change.participantId }), said("input.wrong-kind.tables.fix", {}));
    }
    if (delegation !== undefined && change.representatives !== null) {
      row.error("representatives", "wrong-kind", String(change.representatives), said("input.wrong-kind.representatives", { id: change.participantId }), said("input.wrong-kind.representatives.fix", {}));
    }
    const key = `${change.stopId}\u0000${change.participantId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      row.error("participant_id", "duplicate-change", change.participantId, said("input.duplicate-change", { id: change.participantId, stop: change.stopId, earlier: String(earlier) }), said("input.duplicate-change.fix", { earlier: String(earlier), line: String(row.line) }));
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
    row.warning("participant_id", "empty-change", change.participantId, said("input.empty-change", { id: change.participantId, stop: change.stopId }), said("input.empty-change.fix", {}));
    return;
  }
  if (change.status === "absent" && overrides) {
    row.warning("status", "absent-with-overrides", "absent", said("input.absent-with-overrides", { id: change.participantId, stop: change.stopId }), said("input.absent-with-overrides.fix", {}));
  }
  const attends = firm !== undefined ? firm.stops.includes(change.stopId) : delegation !== undefined && (delegation.stops === null || delegation.stops.includes(change.stopId));
  if (change.status === "absent" && !attends && (firm !== undefined || delegation !== undefined)) {
    row.warning("status", "absent-not-registered", "absent", said("input.absent-not-registered", { id: change.participantId, stop: change.stopId }), said("input.absent-not-registered.fix", {}));
  }
  if (stop !== undefined && change.available !== null && change.status !== "absent") {
    const inside = change.available.some((w) => w.start < stop.end && stop.start < w.end);
    if (!inside) {
      row.warning("available", "window-outside-session", change.available.map(windowText).join("|"), said("input.window-outside-session.change", { stop: stop.id, session: windowText(stop), id: change.participantId }), said("input.window-outside-session.change.fix", { session: windowText(stop) }));
    }
  }
}
