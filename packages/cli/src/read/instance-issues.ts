/**
 * Core instance issues (`validateInstance`, `InvalidInstanceError`) told in the
 * terms of the input files: `firms[3].maxMeetings` becomes firms.csv, column
 * `max_meetings`, firm F0004. The CLI checks files first, so these arise only
 * when its own checks miss something the core refuses.
 */
import { formatPath, type InstanceIssue } from "@roadshow/core";
import type { InputIssue } from "../issues.js";

/** What a path's first part names: its file, its id column and how to call one record. */
const FILES: Record<string, { file: string; id: string; what: string }> = {
  stop: { file: "stops.csv", id: "stop_id", what: "stop" },
  stops: { file: "stops.csv", id: "stop_id", what: "stop" },
  delegations: { file: "delegations.csv", id: "delegation_id", what: "delegation" },
  firms: { file: "firms.csv", id: "firm_id", what: "firm" },
  requests: { file: "requests.csv", id: "firm_id", what: "request of firm" },
  scores: { file: "scores.csv", id: "firm_id", what: "score of firm" },
  history: { file: "--history agenda", id: "firm_id", what: "past meeting of firm" },
};

/** Core field name → CSV column name, where they differ. */
const COLUMNS: Record<string, string> = {
  slotMinutes: "slot_minutes",
  gapMinutes: "gap_minutes",
  maxMeetings: "max_meetings",
  firmId: "firm_id",
  delegationId: "delegation_id",
};

/** The id of the record a path points into: a stop's, firm's or delegation's `id`, or a pair's `firmId`. */
function recordId(records: object, list: string, index: number | null): string | null {
  const field: unknown = (records as Record<string, unknown>)[list];
  const value = index === null ? field : Array.isArray(field) ? field[index] : undefined;
  if (value === null || typeof value !== "object") return null;
  const r = value as { id?: unknown; firmId?: unknown };
  const id = r.id ?? r.firmId;
  return typeof id === "string" && id !== "" ? id : null;
}

/**
 * One core issue as an input issue: the file and column it came from, the
 * record's id in the message (the core's data carries no line numbers).
 * @param records the instance (or season input) the issue's path points into
 */
export function toInputIssue(issue: InstanceIssue, records: object = {}): InputIssue {
  // The path's list (or record), its index when it is a list, and the record's field.
  const [head, ...rest] = issue.path;
  const list = typeof head === "string" ? head : "";
  const index = typeof rest[0] === "number" ? rest[0] : null;
  const named = rest[index === null ? 0 : 1];
  const field = typeof named === "string" ? named : null;
  const place = FILES[list];
  const id = recordId(records, list, index);
  const column = field === null ? null : field === "id" ? (place?.id ?? "id") : (COLUMNS[field] ?? field);
  const value = issue.value === undefined || issue.value === null ? null : typeof issue.value === "string" ? issue.value : JSON.stringify(issue.value);
  return {
    severity: issue.severity,
    code: issue.code,
    file: place?.file ?? "input",
    line: null,
    column,
    value,
    message: `${place !== undefined && id !== null ? `${place.what} ${id}: ` : ""}${issue.message} (${formatPath(issue.path)})`,
    hint: "fix the value in the file; the input checks let it through, so please also report this to the roadshow maintainers",
  };
}
