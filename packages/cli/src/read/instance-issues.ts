/**
 * Core instance issues (`validateInstance`, `InvalidInstanceError`) told in the
 * terms of the input files: `firms[3].maxMeetings` becomes firms.csv, column
 * `max_meetings`, firm F0004; the core gives each issue as data (code, path,
 * value, params), worded here from the catalogues (`core.issue.<code>`) in the
 * user's language. The CLI checks files first, so these arise only when its
 * own checks miss something the core refuses.
 */
import { formatPath, formatTime, type InstanceIssue, type InstanceIssueCode, type InstanceIssueOf, type LockProblem } from "@roadshow/core";
import type { InputIssue, Said } from "../issues.js";
import { NOTHING, orList, said } from "../text/cli-text.js";

/** What a path's first part names: its file, its id column and what one record is (`core.issue.record`). */
const FILES: Record<string, { file: string; id: string; what: string }> = {
  stop: { file: "stops.csv", id: "stop_id", what: "stop" },
  stops: { file: "stops.csv", id: "stop_id", what: "stop" },
  delegations: { file: "delegations.csv", id: "delegation_id", what: "delegation" },
  firms: { file: "firms.csv", id: "firm_id", what: "firm" },
  requests: { file: "requests.csv", id: "firm_id", what: "request" },
  scores: { file: "scores.csv", id: "firm_id", what: "score" },
  history: { file: "--history agenda", id: "firm_id", what: "history" },
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
 * record's id and the core's sentence in the message, said in the user's
 * language where it is printed (the core's data carries no line numbers).
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
  const message = said("core.issue", {
    record: place !== undefined && id !== null ? said("core.issue.record", { what: place.what, id }) : NOTHING,
    sentence: coreIssueSentence(issue),
    path: formatPath(issue.path),
  });
  const hint = said("core.issue.fix", {});
  const value = issue.value === undefined || issue.value === null ? null : typeof issue.value === "string" ? issue.value : JSON.stringify(issue.value);
  return {
    severity: issue.severity,
    code: issue.code,
    file: place?.file ?? "input",
    line: null,
    column,
    value,
    message: message.en,
    hint: hint.en,
    said: { message, hint },
  };
}

/** Why a lock does not hold, as a phrase of the catalogues. */
const LOCK_PROBLEMS: { readonly [P in LockProblem]: Said } = {
  "firm-absent": said("core.lock.firm-absent", {}),
  "delegation-absent": said("core.lock.delegation-absent", {}),
  "firm-window": said("core.lock.firm-window", {}),
  "delegation-window": said("core.lock.delegation-window", {}),
  capacity: said("core.lock.capacity", {}),
  "other-table": said("core.lock.other-table", {}),
  rule: said("core.lock.rule", {}),
  clash: said("core.lock.clash", {}),
};

const text = (value: unknown): string => String(value);
/** The path's first name: the list (or record) the issue is in. */
const listOf = (issue: InstanceIssue): string => text(issue.path[0]);

/** The sentence of one code, from the issue's data. */
type Sentence<C extends InstanceIssueCode> = (issue: InstanceIssueOf<C>) => Said;

/** Every code of the core's issues and its sentence (`core.issue.<code>`): the type makes it miss none. */
export const CORE_ISSUE_SENTENCES: { readonly [C in InstanceIssueCode]: Sentence<C> } = {
  "missing-id": (i) => said("core.issue.missing-id", { of: listOf(i) === "stop" ? "stop" : "list" }),
  "duplicate-id": (i) => said("core.issue.duplicate-id", { id: text(i.value), first: formatPath([listOf(i), i.params.first]) }),
  "bad-date": (i) => said("core.issue.bad-date", { value: text(i.value) }),
  "bad-timezone": (i) => said("core.issue.bad-timezone", { value: text(i.value) }),
  "bad-time": () => said("core.issue.bad-time", {}),
  "end-before-start": (i) => said("core.issue.end-before-start", { of: i.params.of, start: formatTime(i.params.start), end: formatTime(i.params.end) }),
  "bad-slot-length": () => said("core.issue.bad-slot-length", {}),
  "bad-gap": () => said("core.issue.bad-gap", {}),
  "no-slots": (i) => said("core.issue.no-slots", { minutes: i.params.slotMinutes, start: formatTime(i.params.start), end: formatTime(i.params.end) }),
  "bad-window": () => said("core.issue.bad-window", {}),
  "overlapping-breaks": (i) => said("core.issue.overlapping-breaks", { other: i.params.other, index: text(i.path.at(-1)) }),
  "bad-capacity": (i) => said("core.issue.bad-capacity", { field: text(i.path.at(-1)) }),
  "bad-max-meetings": () => said("core.issue.bad-max-meetings", {}),
  "bad-country": () => said("core.issue.bad-country", {}),
  "bad-list": (i) => {
    const { items, nullable } = i.params;
    return said("core.issue.bad-list", { list: items === "windows" ? (nullable ? "windows" : "breaks") : nullable ? "nullable" : "texts" });
  },
  "bad-choice": (i) => said("core.issue.bad-choice", { choices: orList(i.params.choices.map((c) => `"${c}"`)) }),
  "bad-score": () => said("core.issue.bad-score", {}),
  "duplicate-pair": (i) => said("core.issue.duplicate-pair", { firm: i.params.firmId, delegation: i.params.delegationId, first: formatPath([listOf(i), i.params.first]) }),
  "must-and-avoid": (i) => said("core.issue.must-and-avoid", { firm: i.params.firmId, country: i.params.country, first: formatPath([listOf(i), i.params.first]) }),
  "unknown-stop": (i) => said("core.issue.unknown-stop", { of: listOf(i) === "options" ? "from" : "list", id: text(i.value) }),
  "unknown-firm": (i) => said("core.issue.unknown-firm", { of: i.params.stop === undefined ? listOf(i) : "stop", id: text(i.value), stop: i.params.stop ?? "" }),
  "unknown-delegation": (i) => said("core.issue.unknown-delegation", { of: listOf(i), id: text(i.value) }),
  "bad-lock": (i) => {
    const { firmId, delegationId, slot, table, problem } = i.params;
    return said("core.issue.bad-lock", { firm: firmId, delegation: delegationId, slot, table, problem: LOCK_PROBLEMS[problem] });
  },
};

/**
 * What a core issue says, as a sentence of the catalogues (without the record and path `toInputIssue` adds).
 * @example sayIn("it", coreIssueSentence(issue)) // "\"Mars/Base\" non è un fuso orario IANA (ad es. Europe/Rome)"
 */
export function coreIssueSentence(issue: InstanceIssue): Said {
  return (CORE_ISSUE_SENTENCES[issue.code] as Sentence<InstanceIssueCode>)(issue);
}
