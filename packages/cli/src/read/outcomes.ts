/** outcomes.csv → what happened to meetings after the day: no-shows and follow-ups. */
import type { MeetingOutcome } from "@roadshow/core";
import type { InputIssue } from "../issues.js";
import { said } from "../text/cli-text.js";
import { MAX_ROWS } from "./limits.js";
import { refParser } from "./ids.js";
import type { KnownIds } from "./ids.js";
import { fail, ok, type Parser } from "./report.js";
import type { Row } from "./row.js";
import { readRows, readTable } from "./table.js";
import type { FileRead, InputFile, TableSpec } from "./table.js";
import { parseId } from "./values.js";

export const OUTCOMES: TableSpec = {
  what: "input.table.outcomes",
  maxRows: MAX_ROWS.outcomes,
  columns: [
    { name: "stop_id", required: true },
    { name: "firm_id", required: true },
    { name: "delegation_id", required: true },
    { name: "held", required: true },
    { name: "follow_up", required: false },
  ],
};

const YES = new Set(["yes", "y", "true", "1", "si", "sì", "x"]);
const NO = new Set(["no", "n", "false", "0"]);

/** yes / no (also true/false, 1/0, sì). */
export const parseYesNo: Parser<boolean> = (raw) => {
  const word = raw.toLowerCase();
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  return fail("bad-yes-no", said("input.bad-yes-no", { value: raw }), said("input.bad-yes-no.fix", {}));
};

/**
 * outcomes.csv → one outcome per stop, firm and delegation. An empty `held`
 * means yes; an empty `follow_up` means no. A firm no longer in firms.csv is a
 * warning (the row is ignored); firm ids are never suggested, so an outcome is
 * not recorded for the wrong firm.
 */
export function readOutcomes(
  file: InputFile,
  known: { stops: KnownIds | null; firms: KnownIds | null; delegations: KnownIds | null },
  out: InputIssue[],
): FileRead<MeetingOutcome> {
  const parseStop = refParser(known.stops, "unknown-stop");
  const parseDelegation = refParser(known.delegations, "unknown-delegation");
  const seen = new Map<string, number>();
  const read = (row: Row): MeetingOutcome | null => {
    const outcome = row.values({
      stopId: row.required("stop_id", parseStop),
      firmId: row.required("firm_id", parseId),
      delegationId: row.required("delegation_id", parseDelegation),
      held: row.optional("held", parseYesNo, true),
      followUp: row.optional("follow_up", parseYesNo, false),
    });
    if (outcome === null) return null;
    const key = `${outcome.stopId}\u0000${outcome.firmId}\u0000${outcome.delegationId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      row.error("delegation_id", "duplicate-outcome", outcome.delegationId, said("input.duplicate-outcome", { firm: outcome.firmId, delegation: outcome.delegationId, stop: outcome.stopId, earlier: String(earlier) }), said("input.duplicate-outcome.fix", { earlier: String(earlier), line: String(row.line) }));
      return null;
    }
    seen.set(key, row.line);
    if (known.firms !== null && !known.firms.ids.has(outcome.firmId)) {
      row.warning("firm_id", "unknown-firm", outcome.firmId, said("input.unknown-firm.outcome", { firm: outcome.firmId, file: known.firms.file }), said("input.unknown-firm.outcome.fix", { file: known.firms.file, line: String(row.line) }));
      return null;
    }
    return outcome;
  };
  return readRows(file, readTable(file, OUTCOMES, out), null, "stop_id", read);
}
