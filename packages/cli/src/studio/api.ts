/**
 * The studio's HTTP contract: what the browser sends and what the server answers,
 * shared by the server (`packages/cli/src/studio`) and the page (`packages/cli/studio-web`).
 */
import type { MeetingChange, ObjectiveLevels, ScheduleStatus, ScorePart, Violation } from "@roadshow/core";
import type { InferOutput } from "valibot";
import type { ShownIssue } from "../issues.js";
import type { FieldProblem, AgendaBodySchema, MailBodySchema, OpenBodySchema, PeopleBodySchema, PlanOptionsSchema, ReplanBodySchema, SaveBodySchema, StudioLangSchema } from "./schema.js";

// The bodies the page sends are the schemas' types (schema.ts): the server checks them with the same schemas.

export type StudioLang = InferOutput<typeof StudioLangSchema>;

/** A file the page may name: `data:<path>` inside the data folder, `out:<path>` inside the output folder. */
export type FileRef = string;

/** What the page learns first. */
export interface SessionInfo {
  readonly lang: StudioLang;
  readonly dataDir: string;
  readonly outDir: string;
  readonly version: string;
  /** Whether `--smtp` was given: the Save view can then send, not only write the messages. */
  readonly smtp: boolean;
}

/** The CLI's planning options, as the Plan view sets them. */
export type PlanOptions = InferOutput<typeof PlanOptionsSchema>;

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
  minMeetings: 1, allowRepeats: false, balance: true, exact: true, timeLimitSeconds: null, history: [], scores: null, requests: null, weights: null, changes: null, outcomes: null,
};

/** One file of the data folder. */
export interface FileInfo {
  readonly name: string;
  readonly bytes: number;
  /** ISO instant of the last change. */
  readonly modified: string;
  readonly errors: number;
  readonly warnings: number;
}

/** A participant of a stop in the Data view. */
export interface RosterEntry {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  /** `14:00-16:00, 17:00-18:00`, or `null` for the whole session. */
  readonly windows: string | null;
  /** Representatives of a firm, tables of a delegation. */
  readonly capacity: number;
  readonly maxMeetings: number | null;
}

export interface StopRoster {
  readonly id: string;
  readonly label: string;
  readonly firms: readonly RosterEntry[];
  readonly delegations: readonly RosterEntry[];
}

/** The Data view: files, every input issue, and who takes part in each stop (when the inputs read). */
export interface DataView {
  readonly version: number;
  readonly dataDir: string;
  readonly files: readonly FileInfo[];
  readonly issues: readonly ShownIssue[];
  readonly ok: boolean;
  readonly stops: readonly StopRoster[];
  /** Files the Plan view may pick as history, scores, requests or weights. */
  readonly choices: { readonly agendas: readonly FileRef[]; readonly inputs: readonly FileRef[] };
}

export interface SlotInfo {
  readonly index: number;
  readonly start: string;
  readonly end: string;
}

/** A participant in the Grid: `present[s - 1]` tells whether it is there in slot s. */
export interface Participant {
  readonly id: string;
  readonly name: string;
  readonly country: string;
  readonly capacity: number;
  readonly maxMeetings: number | null;
  readonly present: readonly boolean[];
}

/** The stop as the grid draws it. */
export interface StopInfo {
  readonly id: string;
  readonly label: string;
  readonly slots: readonly SlotInfo[];
  readonly breaks: readonly { readonly start: string; readonly end: string; readonly after: number }[];
  /** Table number → its delegation (fixed for the session). */
  readonly tables: readonly { readonly table: number; readonly delegationId: string }[];
  readonly firms: readonly Participant[];
  readonly delegations: readonly Participant[];
}

/** A meeting as the grid holds it (the score is the server's). */
export interface DeskMeeting {
  readonly slot: number;
  readonly table: number;
  readonly firmId: string;
  readonly delegationId: string;
  readonly score: number;
}

/** An agenda judged: levels, bound, unmatched firms and every broken rule. */
export interface Review {
  readonly status: ScheduleStatus;
  readonly levels: ObjectiveLevels;
  readonly bounds: ObjectiveLevels;
  readonly gapPercent: number;
  /** The CLI's summary, line by line. */
  readonly summary: readonly string[];
  readonly unmatched: readonly { readonly firmId: string; readonly name: string; readonly country: string | null; readonly meetings: number; readonly text: string }[];
  /** `meetings` are indexes into the agenda that was checked. */
  readonly violations: readonly Violation[];
  /** Score parts as text, keyed `firmId|delegationId`. */
  readonly why: Readonly<Record<string, string>>;
  /** Scores, keyed `firmId|delegationId`, of the agenda's pairs. */
  readonly scores: Readonly<Record<string, number>>;
}

/** The hard rules an agenda breaks (`meetings` index into the agenda sent), answered before its full review. */
export interface VerifyAnswer {
  readonly violations: readonly Violation[];
}

/** A stop on the desk: the stop, its agenda and the review of it. */
export interface Desk {
  readonly stop: StopInfo;
  readonly meetings: readonly DeskMeeting[];
  readonly review: Review;
  /** Where the agenda came from: `plan`, or the file opened. */
  readonly source: string;
}

/** Server-sent events of `/api/plan`: progress while it solves, then the desk or an error. */
export type PlanEvent =
  | { readonly type: "progress"; readonly phase: string; readonly message: string; readonly elapsedMs: number }
  | { readonly type: "done"; readonly desk: Desk }
  | { readonly type: "error"; readonly message: string; readonly issues: readonly ShownIssue[] };

/** An agenda of a stop to judge (`/api/check`, `/api/verify`). */
export type AgendaBody = InferOutput<typeof AgendaBodySchema>;

/** An agenda file to open (`/api/open`). */
export type OpenBody = InferOutput<typeof OpenBodySchema>;

export type ReplanBody = InferOutput<typeof ReplanBodySchema>;

export interface ReplanAnswer {
  readonly desk: Desk;
  readonly changes: readonly MeetingChange[];
  /** Meetings kept exactly as they were, of those before. */
  readonly unchanged: number;
  readonly previous: number;
  readonly notified: number;
}

/** One delegation as one firm sees it (People view). */
export interface FirmPair {
  readonly delegationId: string;
  readonly name: string;
  readonly country: string;
  readonly score: number;
  readonly parts: readonly ScorePart[];
  readonly why: string;
  readonly reason: string;
  readonly reasonText: string;
  readonly preferredText: string | null;
  readonly meeting: { readonly slot: number; readonly table: number } | null;
  /** Whether the pair may meet at all (not avoided, not met before, score above 0, present together). */
  readonly eligible: boolean;
}

/** One firm as one delegation sees it. */
export interface DelegationPair {
  readonly firmId: string;
  readonly name: string;
  readonly score: number;
  readonly why: string;
  readonly block: string | null;
  readonly meeting: { readonly slot: number; readonly table: number } | null;
}

export type PeopleAnswer =
  | { readonly kind: "firm"; readonly id: string; readonly name: string; readonly title: string; readonly headline: string; readonly pairs: readonly FirmPair[] }
  | { readonly kind: "delegation"; readonly id: string; readonly name: string; readonly title: string; readonly headline: string; readonly pairs: readonly DelegationPair[] };

export type PeopleBody = InferOutput<typeof PeopleBodySchema>;

export type SaveBody = InferOutput<typeof SaveBodySchema>;

export type SaveAnswer =
  | {
      readonly saved: true; readonly folder: string; readonly files: number; readonly check: string; readonly violations: number;
      /** Which command's files were written: a plan as `schedule`, a re-plan of the agenda in the folder as `replan`, an edit as `export`. */
      readonly as: "schedule" | "replan" | "export";
    }
  | { readonly saved: false; readonly folder: string; readonly existing: readonly string[]; readonly hasAgenda: boolean };

export type MailBody = InferOutput<typeof MailBodySchema>;

export interface MailAnswer {
  readonly folder: string;
  /** What `roadshow mail` printed. */
  readonly output: string;
  readonly sent: boolean;
  /** Only the participants of the folder's changes.csv. */
  readonly onlyChanged: boolean;
}

/** The stop's workspace as the page reads it (`GET /api/workspace?stop=`): `roadshow status --format json` of one stop. */
export type { StopStatus } from "../workspace/status-json.js";

/** One log entry, as `roadshow change <data-dir> --stop <stop> <kind> <participant> [value]` takes it. */
export interface WorkspaceChangeBody {
  readonly stop: string;
  readonly kind: string;
  /** The participant id (for `undo`, the entry number). */
  readonly participant: string;
  readonly value?: string;
  readonly note?: string;
  readonly by?: string;
}

/** The stop's next version: `schedule` (the first) or `replan` without `--out`. */
export interface WorkspacePlanBody {
  readonly stop: string;
  readonly kind: "schedule" | "replan";
}

/** `roadshow send` of the stop's current version (through the studio's `--smtp`, else the messages are written only). */
export interface WorkspaceSendBody {
  readonly stop: string;
  readonly organizer: string;
  readonly dryRun: boolean;
}

/** What the CLI function printed (and, for send, whether mail went out). */
export interface WorkspaceAnswer {
  readonly output: string;
  readonly sent?: boolean;
}

/** Each POST route of the API: the body it takes (checked by its schema) and what it answers. */
export interface PostRoutes {
  readonly "/api/check": { readonly body: AgendaBody; readonly answer: Desk };
  readonly "/api/verify": { readonly body: AgendaBody; readonly answer: VerifyAnswer };
  readonly "/api/open": { readonly body: OpenBody; readonly answer: Desk };
  readonly "/api/replan": { readonly body: ReplanBody; readonly answer: ReplanAnswer };
  readonly "/api/people": { readonly body: PeopleBody; readonly answer: PeopleAnswer };
  readonly "/api/save": { readonly body: SaveBody; readonly answer: SaveAnswer };
  readonly "/api/mail": { readonly body: MailBody; readonly answer: MailAnswer };
  readonly "/api/workspace/change": { readonly body: WorkspaceChangeBody; readonly answer: WorkspaceAnswer };
  readonly "/api/workspace/plan": { readonly body: WorkspacePlanBody; readonly answer: WorkspaceAnswer };
  readonly "/api/workspace/send": { readonly body: WorkspaceSendBody; readonly answer: WorkspaceAnswer };
}

/** An error the page shows: a sentence and, for input problems, the located issues; for a malformed request (400), its fields. */
export interface ErrorAnswer {
  readonly error: string;
  readonly issues: readonly ShownIssue[];
  readonly fields?: readonly FieldProblem[];
}
