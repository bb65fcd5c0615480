/**
 * The bodies of the studio's API as valibot schemas: the server checks every request
 * with them (missing, unknown and wrong-typed fields are refused, naming the field),
 * and the types the page sends are inferred from them, so the two cannot drift.
 */
import * as v from "valibot";
import type { Said } from "../issues.js";
import { said } from "../text/cli-text.js";
import { TEXT_LANGS } from "../text/messages.js";

/** The studio's languages. */
export const StudioLangSchema = v.picklist(TEXT_LANGS);

/** A file the page may name: `data:<path>` inside the data folder, `out:<path>` inside the output folder. */
const FileRefSchema = v.string();

const wholeNumber = v.pipe(v.number(), v.integer());

/** The CLI's planning options, as the Plan view sets them (every field sent). */
export const PlanOptionsSchema = v.pipe(v.strictObject({
  minMeetings: v.pipe(wholeNumber, v.minValue(0)),
  allowRepeats: v.boolean(),
  /** `--no-balance` sends false; a page that does not send it plans balanced. */
  balance: v.optional(v.boolean(), true),
  /** `--no-exact` sends false; a page that does not send it polishes with HiGHS. */
  exact: v.optional(v.boolean(), true),
  /** `--time-limit` in seconds; `null` keeps the default (60). */
  timeLimitSeconds: v.nullable(v.pipe(v.number(), v.finite(), v.gtValue(0))),
  history: v.pipe(v.array(FileRefSchema), v.readonly()),
  scores: v.nullable(FileRefSchema),
  requests: v.nullable(FileRefSchema),
  weights: v.nullable(FileRefSchema),
  /** `--changes`; `null`: `<data-dir>/changes.csv` when present. */
  changes: v.nullable(FileRefSchema),
  /** `--outcomes`; `null`: `<data-dir>/outcomes.csv` when present. */
  outcomes: v.nullable(FileRefSchema),
}), v.readonly());

/** A meeting as the page sends it (the score is the server's). */
export const MeetingSchema = v.pipe(
  v.strictObject({ slot: wholeNumber, table: wholeNumber, firmId: v.string(), delegationId: v.string() }),
  v.readonly(),
);

const meetings = v.pipe(v.array(MeetingSchema), v.readonly());

const agendaEntries = {
  stop: v.string(),
  options: PlanOptionsSchema,
  lang: StudioLangSchema,
  meetings,
};

/** `/api/check`, `/api/verify`: an agenda of a stop, to be judged. */
export const AgendaBodySchema = v.pipe(v.strictObject(agendaEntries), v.readonly());

/** `/api/open`: an agenda file to put on the desk. */
export const OpenBodySchema = v.pipe(v.strictObject({ ...agendaEntries, file: FileRefSchema }), v.readonly());

/** `/api/replan`: the edited agenda, the meetings locked in place, and whether the others may move. */
export const ReplanBodySchema = v.pipe(v.strictObject({ ...agendaEntries, locked: meetings, allowMoves: v.boolean() }), v.readonly());

/** `/api/people`: one firm's or one delegation's view of the agenda. */
export const PeopleBodySchema = v.pipe(v.strictObject({ ...agendaEntries, kind: v.picklist(["firm", "delegation"]), id: v.string() }), v.readonly());

/** `/api/save`: the agenda written as the CLI writes it. */
export const SaveBodySchema = v.pipe(v.strictObject({
  ...agendaEntries,
  excel: v.boolean(),
  /** Also write agenda.xlsx, as `--xlsx` does (optional: false). */
  xlsx: v.optional(v.boolean(), false),
  /** Overwrite files that exist (the page asked first). */
  force: v.boolean(),
  /** Treat the agenda already in the folder as sent: calendars cancel what was dropped and raise SEQUENCE. */
  previous: v.boolean(),
  organizer: v.nullable(v.string()),
}), v.readonly());

/** `/api/mail`: the saved stop's messages, written and (with `send`) sent. */
export const MailBodySchema = v.pipe(v.strictObject({
  stop: v.string(),
  organizer: v.string(),
  /** Send through the studio's `--smtp` server; otherwise only write the .eml files. */
  send: v.boolean(),
}), v.readonly());

/** Every body the API reads, by the name its errors use. */
export const BODY_SCHEMAS = {
  agenda: AgendaBodySchema,
  open: OpenBodySchema,
  replan: ReplanBodySchema,
  people: PeopleBodySchema,
  save: SaveBodySchema,
  mail: MailBodySchema,
} as const;

/** A kind of body. */
export type BodyKind = keyof typeof BODY_SCHEMAS;

/** A field that failed its check: its dotted path (`meetings.3.slot`) and what is wrong with it, in the answer's language. */
export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/** A field that failed its check, its problem said as a catalogue sentence (worded in the page's language when answered). */
export interface FieldFault {
  readonly field: string;
  /** The field as the sentence names it: its dotted path, or the body as a whole. */
  readonly name: string | Said;
  readonly problem: Said;
}

/** valibot's issues in plain words, the first problem of each field. */
function fieldProblems(issues: readonly v.BaseIssue<unknown>[]): FieldFault[] {
  const seen = new Map<string, FieldFault>();
  for (const issue of issues) {
    const dotted = v.getDotPath(issue);
    const field = dotted ?? "the body";
    if (seen.has(field)) continue;
    const found = issue.received.length > 60 ? `${issue.received.slice(0, 60)}…` : issue.received;
    const problem =
      issue.type === "strict_object" && issue.expected === "never" ? said("studio.body.notAField", {})
      : issue.type === "strict_object" && issue.input === undefined && dotted !== null ? said("studio.body.missing", {})
      : said("studio.body.mustBe", { expected: issue.expected ?? issue.type.replaceAll("_", " "), found });
    seen.set(field, { field, name: dotted ?? said("studio.body.whole", {}), problem });
  }
  return [...seen.values()];
}

/** Checks a value against a schema: the typed value, or the fields that failed. */
export function check<S extends v.GenericSchema>(schema: S, value: unknown): { ok: true; value: v.InferOutput<S> } | { ok: false; problems: FieldFault[] } {
  const result = v.safeParse(schema, value);
  return result.success ? { ok: true, value: result.output } : { ok: false, problems: fieldProblems(result.issues) };
}
