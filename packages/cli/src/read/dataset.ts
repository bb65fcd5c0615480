// A data folder's files parsed together into one checked DataSet: each file, then the references between them.
import type { Delegation, Firm, FollowUpAnswer, MeetingOutcome, MeetingRequest, ScoreEntry, Stop, StopChange } from "@roadshow/core";
import { readChanges } from "./changes.js";
import { readDelegations } from "./delegations.js";
import { readFirms } from "./firms.js";
import { readOutcomes } from "./outcomes.js";
import { readAnswers } from "./answers.js";
import type { InputIssue } from "../issues.js";
import { said } from "../text/cli-text.js";
import { checkReferences } from "./references.js";
import { Reporter } from "./report.js";
import { readRequests } from "./requests.js";
import { readScores } from "./scores.js";
import { readStops } from "./stops.js";
import type { FileRead, InputFile } from "./table.js";

/** Every input of a run, checked. Sorted by id (requests and scores by their pair) so row order never matters. */
export interface DataSet {
  readonly stops: readonly Stop[];
  readonly delegations: readonly Delegation[];
  readonly firms: readonly Firm[];
  readonly requests: readonly MeetingRequest[];
  /** `null` when no scores.csv was given: the built-in affinity is used. */
  readonly scores: readonly ScoreEntry[] | null;
  /** Stop-specific changes (changes.csv), in file order; empty without the file. */
  readonly changes: readonly StopChange[];
  /** Meeting outcomes (outcomes.csv); empty without the file. */
  readonly outcomes: readonly MeetingOutcome[];
  /** Follow-up answers (answers.csv); empty without the file. */
  readonly answers?: readonly FollowUpAnswer[];
}

export type DataFileKind = "stops" | "delegations" | "firms" | "requests" | "scores" | "changes" | "outcomes" | "answers";

/** The optional data files, read when present in the folder or named on the command line. */
export const OPTIONAL_FILES = ["requests", "scores", "changes", "outcomes", "answers"] as const;

/** The data files as bytes; stops, delegations and firms are required. */
export type DataFiles = { readonly [K in DataFileKind]?: InputFile };

export const REQUIRED_FILES = ["stops", "delegations", "firms"] as const;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/**
 * The values of a file sorted by text fields, the first field first (the order of
 * their `\u0000`-joined key), compared in place: a million scores need no key strings.
 */
const values = <T>(read: FileRead<T>, ...fields: ((t: T) => string)[]): T[] =>
  read.items
    .map((i) => i.value)
    .sort((a, b) => {
      for (const field of fields) {
        const order = byText(field(a), field(b));
        if (order !== 0) return order;
      }
      return 0;
    });

/**
 * The pure half of reading a data folder: bytes → checked domain values and
 * every issue found. `data` is `null` when any issue is an error.
 */
export function parseDataSet(files: DataFiles): { data: DataSet | null; issues: InputIssue[] } {
  return readDataFiles(files, true);
}

/**
 * `parseDataSet`, for a caller that has already reported the required files it
 * could not provide (`reportMissing: false`): those are then skipped silently.
 */
export function readDataFiles(files: DataFiles, reportMissing: boolean): { data: DataSet | null; issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const skipped: InputIssue[] = [];
  const given = (kind: (typeof REQUIRED_FILES)[number]) => {
    const file = files[kind];
    if (file !== undefined) return { file, out: issues };
    if (reportMissing) {
      new Reporter(`${kind}.csv`, issues).error("missing-file", {}, said("input.missing-file.notGiven", { file: `${kind}.csv` }), said("input.missing-file.notGiven.fix", { file: `${kind}.csv` }));
    }
    // An empty stand-in reads as an unreadable file (no ids), so nothing refers to it in vain.
    return { file: { name: `${kind}.csv`, bytes: new Uint8Array() }, out: skipped };
  };
  const s = given("stops");
  const d = given("delegations");
  const f = given("firms");
  const stops = readStops(s.file, s.out);
  const delegations = readDelegations(d.file, stops.known, d.out);
  const firms = readFirms(f.file, stops.known, f.out);
  const requests = files.requests === undefined ? null : readRequests(files.requests, firms.known, issues);
  const scores = files.scores === undefined ? null : readScores(files.scores, firms.known, delegations.known, issues);
  const changes = files.changes === undefined ? null : readChanges(files.changes, { stops, firms, delegations }, issues);
  const outcomes = files.outcomes === undefined ? null : readOutcomes(files.outcomes, { stops: stops.known, firms: firms.known, delegations: delegations.known }, issues);
  const answers = files.answers === undefined ? null : readAnswers(files.answers, { stops: stops.known, firms: firms.known, delegations: delegations.known }, issues);
  const failed = () => skipped.length > 0 || issues.some((i) => i.severity === "error");
  // Cross-file warnings on partly read data would be misleading; they come once the errors are fixed.
  if (!failed()) checkReferences({ stops, delegations, firms, requests, scores }, issues);
  if (failed()) return { data: null, issues };
  return {
    data: {
      stops: values(stops, (s) => s.id),
      delegations: values(delegations, (d) => d.id),
      firms: values(firms, (f) => f.id),
      requests: requests === null ? [] : values(requests, (r) => r.firmId, (r) => r.country),
      scores: scores === null ? null : values(scores, (s) => s.firmId, (s) => s.delegationId),
      changes: changes === null ? [] : changes.items.map((i) => i.value),
      outcomes: outcomes === null ? [] : values(outcomes, (o) => o.stopId, (o) => o.firmId, (o) => o.delegationId),
      answers: answers === null ? [] : values(answers, (a) => a.stopId, (a) => a.firmId, (a) => a.delegationId, (a) => a.respondentId),
    },
    issues,
  };
}
