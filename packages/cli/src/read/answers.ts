/** answers.csv → the follow-up answers: each participant's rating and outcome of a meeting, some months on. */
import type { FollowUpAnswer, FollowUpOutcome } from "@roadshow/core";
import type { InputIssue } from "../issues.js";
import { said } from "../text/cli-text.js";
import { MAX_ROWS } from "./limits.js";
import { refParser, type KnownIds } from "./ids.js";
import { fail, ok, type Parser } from "./report.js";
import type { Row } from "./row.js";
import { readRows, readTable, type FileRead, type InputFile, type TableSpec } from "./table.js";
import { parseId, parseInteger } from "./values.js";

export const ANSWERS: TableSpec = {
  what: "input.table.followUpAnswers",
  maxRows: MAX_ROWS.outcomes,
  columns: [
    { name: "stop_id", required: true },
    { name: "firm_id", required: true },
    { name: "delegation_id", required: true },
    { name: "respondent_id", required: true },
    { name: "rating", required: false },
    { name: "outcome", required: false },
  ],
};

/** The scale's words, English codes and the Italian ones the follow-up mail offers. */
const OUTCOME_WORDS: ReadonlyMap<string, FollowUpOutcome> = new Map([
  ["no-contact", "no-contact"], ["no contact", "no-contact"], ["no contact yet", "no-contact"], ["nessun contatto", "no-contact"],
  ["in-contact", "in-contact"], ["in contact", "in-contact"], ["in contatto", "in-contact"],
  ["negotiating", "negotiating"], ["in trattativa", "negotiating"], ["trattativa", "negotiating"],
  ["agreement", "agreement"], ["accordo", "agreement"],
]);

const parseOutcome: Parser<FollowUpOutcome> = (raw) => {
  const outcome = OUTCOME_WORDS.get(raw.toLowerCase().replace(/\s+/g, " "));
  return outcome === undefined
    ? fail("bad-choice", said("input.bad-choice.outcome", { value: raw }), said("input.bad-choice.outcome.fix", {}))
    : ok(outcome);
};

const parseRating = parseInteger(1, 5);

/**
 * answers.csv → one answer per stop, meeting and respondent (the firm or the
 * delegation of the meeting). Empty `rating` or `outcome`: not given. The
 * meeting must be on the stop's agenda: the report checks that.
 */
export function readAnswers(
  file: InputFile,
  known: { stops: KnownIds | null; firms: KnownIds | null; delegations: KnownIds | null },
  out: InputIssue[],
): FileRead<FollowUpAnswer> {
  const parseStop = refParser(known.stops, "unknown-stop");
  const parseFirm = refParser(known.firms, "unknown-firm", { suggest: false });
  const parseDelegation = refParser(known.delegations, "unknown-delegation");
  const seen = new Map<string, number>();
  const read = (row: Row): FollowUpAnswer | null => {
    const answer = row.values({
      stopId: row.required("stop_id", parseStop),
      firmId: row.required("firm_id", parseFirm),
      delegationId: row.required("delegation_id", parseDelegation),
      respondentId: row.required("respondent_id", parseId),
      rating: row.optional("rating", parseRating, null as number | null),
      outcome: row.optional("outcome", parseOutcome, null as FollowUpOutcome | null),
    });
    if (answer === null) return null;
    if (answer.respondentId !== answer.firmId && answer.respondentId !== answer.delegationId) {
      row.error("respondent_id", "wrong-respondent", answer.respondentId, said("input.wrong-respondent", { respondent: answer.respondentId, firm: answer.firmId, delegation: answer.delegationId }), said("input.wrong-respondent.fix", { firm: answer.firmId, delegation: answer.delegationId }));
      return null;
    }
    const key = `${answer.stopId}\u0000${answer.firmId}\u0000${answer.delegationId}\u0000${answer.respondentId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      row.error("respondent_id", "duplicate-answer", answer.respondentId, said("input.duplicate-answer", { respondent: answer.respondentId, firm: answer.firmId, delegation: answer.delegationId, stop: answer.stopId, earlier: String(earlier) }), said("input.duplicate-answer.fix", { earlier: String(earlier), line: String(row.line) }));
      return null;
    }
    seen.set(key, row.line);
    return answer;
  };
  return readRows(file, readTable(file, ANSWERS, out), null, "stop_id", read);
}
