/** Why a pair has, or has not, a meeting in a schedule, told to one firm for every delegation of the stop. */
import { InvalidInstanceError } from "./errors.js";
import { firmAt, pairAt, type PairBlock, prepare } from "./prepare.js";
import { assertValidInstance, instanceIssue } from "./validate.js";
import type { Affinity, Delegation, Firm, Meeting, Schedule, ScheduleOptions, Stop, StopInstance } from "./types.js";

/**
 * Why a firm × delegation pair has, or has not, a meeting in a schedule:
 * - `scheduled`: it has one;
 * - `avoided`: an organiser's `avoid` request; `met-before`: they met at an earlier stop;
 * - `zero-score`: no interest in the country and no sector fit (or not listed in scores.csv);
 * - `not-present-together`: no slot where both are present;
 * - `delegation-full`: the delegation's tables were all taken in every common
 *   slot (checked first: the firm's own agenda then follows from it);
 * - `firm-full`: the firm reached `max_meetings`, or its representatives were
 *   in meetings in every common slot;
 * - `lower-score`: in the common slots where the delegation had a free table
 *   the firm was in other meetings (elsewhere the tables were taken): the pair
 *   fits in principle, but the meetings chosen scored higher;
 * - `not-reached`: a common slot was free on both sides; only a search stopped
 *   by its time limit leaves that (an optimal agenda never does).
 */
export type ExplainReason =
  | "scheduled"
  | "avoided"
  | "met-before"
  | "zero-score"
  | "not-present-together"
  | "firm-full"
  | "delegation-full"
  | "lower-score"
  | "not-reached";

/** Every `ExplainReason`, for renderers and tests. */
export const EXPLAIN_REASONS: readonly ExplainReason[] = [
  "scheduled", "avoided", "met-before", "zero-score", "not-present-together",
  "firm-full", "delegation-full", "lower-score", "not-reached",
];

/**
 * Why a meeting kept in a pair's place came first: it meets a `must` request
 * (its only meeting with that country); it is one of the first K meetings of
 * another firm; it scores at least as much; or it served the total score best.
 */
export type PreferredPriority = "must" | "min-meetings" | "higher-score" | "total";

/**
 * The least valuable meeting that took a pair's place.
 * @example { meeting: { slot: 4, table: 1, delegationId: "US-CG", firmId: "F0012", score: 40 }, priority: "min-meetings" }
 */
export interface PreferredMeeting {
  readonly meeting: Meeting;
  readonly priority: PreferredPriority;
}

/**
 * One delegation of the stop as seen by one firm.
 * @example { delegation, affinity, reason: "delegation-full", meeting: null, commonSlots: [1, 2, 3],
 *   firmBusySlots: [2], delegationBusySlots: [1, 2, 3], capReached: false, preferred }
 */
export interface PairExplanation {
  readonly delegation: Delegation;
  readonly affinity: Affinity;
  readonly reason: ExplainReason;
  /** The pair's meeting when `scheduled`. */
  readonly meeting: Meeting | null;
  /** 1-based slots where both are present. */
  readonly commonSlots: readonly number[];
  /** Common slots where every representative of the firm was in a meeting. */
  readonly firmBusySlots: readonly number[];
  /** Common slots where every table of the delegation was taken. */
  readonly delegationBusySlots: readonly number[];
  /** The firm had reached its `max_meetings`. */
  readonly capReached: boolean;
  /**
   * For `delegation-full`, `firm-full`, `lower-score`: the least valuable meeting
   * kept in the pair's place (of the delegation in the common slots; of the firm
   * at its cap, or in the common slots where the delegation had a free table).
   */
  readonly preferred: PreferredMeeting | null;
}

/**
 * Everything one firm may ask about its agenda at a stop.
 * @example { stop, firm, meetings, minMeetings: 1, pairs }
 */
export interface FirmExplanation {
  readonly stop: Stop;
  readonly firm: Firm;
  /** The firm's meetings, by slot. */
  readonly meetings: readonly Meeting[];
  readonly minMeetings: number;
  /** Every delegation at the stop, by score (highest first), then id. */
  readonly pairs: readonly PairExplanation[];
}

const BLOCKED: Readonly<Record<PairBlock, ExplainReason>> = {
  avoided: "avoided",
  "met-before": "met-before",
  "zero-score": "zero-score",
  "no-common-slot": "not-present-together",
};

const EPS = 1e-9;

const byValue = (a: Meeting, b: Meeting): number =>
  a.score - b.score || (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : 0) || (a.delegationId < b.delegationId ? -1 : a.delegationId > b.delegationId ? 1 : 0) || a.slot - b.slot;

/** Meetings grouped by a key. */
function groupBy(meetings: readonly Meeting[], key: (m: Meeting) => string): Map<string, Meeting[]> {
  const out = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const k = key(m);
    const list = out.get(k);
    if (list) list.push(m);
    else out.set(k, [m]);
  }
  return out;
}

/**
 * Explains a schedule to one firm: for every delegation of the stop, its
 * score and parts, its meeting or the reason there is none (see
 * `ExplainReason`), and the least valuable meeting preferred to it. `options`
 * must be those the schedule was planned with. Throws an
 * `InvalidInstanceError` when the instance is invalid, or when the firm is not
 * registered for the stop (`unknown-firm`, path `["firmId"]`).
 */
export function explainFirm(instance: StopInstance, schedule: Schedule, firmId: string, options: ScheduleOptions = {}): FirmExplanation {
  assertValidInstance(instance);
  const prep = prepare(instance, options);
  const f = prep.firms.findIndex((x) => x.id === firmId);
  if (f < 0) {
    throw new InvalidInstanceError([instanceIssue("error", "unknown-firm", ["firmId"], firmId, { stop: instance.stop.id })]);
  }
  const firm = firmAt(prep, f);
  const D = prep.delegations.length;
  const K = prep.minMeetings;
  const country = new Map(instance.delegations.map((d) => [d.id, d.country]));
  const musts = new Set(instance.requests.filter((r) => r.kind === "must").map((r) => `${r.firmId}|${r.country}`));

  const byFirm = groupBy(schedule.meetings, (m) => m.firmId);
  const byFirmCountry = groupBy(schedule.meetings, (m) => `${m.firmId}|${country.get(m.delegationId)}`);
  const byDelegationSlot = groupBy(schedule.meetings, (m) => `${m.delegationId}|${m.slot}`);
  const own = [...(byFirm.get(firm.id) ?? [])].sort((a, b) => a.slot - b.slot || a.table - b.table);
  const ownBySlot = groupBy(own, (m) => String(m.slot));
  const capReached = firm.maxMeetings !== null && own.length >= firm.maxMeetings;

  const priority = (m: Meeting, score: number): PreferredPriority => {
    const mustKey = `${m.firmId}|${country.get(m.delegationId)}`;
    if (musts.has(mustKey) && byFirmCountry.get(mustKey)?.length === 1) return "must";
    if (m.firmId !== firm.id && (byFirm.get(m.firmId)?.length ?? 0) <= K) return "min-meetings";
    return m.score >= score - EPS ? "higher-score" : "total";
  };

  const pairs = prep.delegations.map((delegation, d): PairExplanation => {
    const pair = pairAt(prep, f * D + d);
    const commonSlots = pair.slots.map((t) => t + 1);
    const meeting = own.find((m) => m.delegationId === delegation.id) ?? null;
    const firmAt = (slot: number) => ownBySlot.get(String(slot)) ?? [];
    const delegationAt = (slot: number) => byDelegationSlot.get(`${delegation.id}|${slot}`) ?? [];
    const firmBusySlots = commonSlots.filter((s) => firmAt(s).length >= firm.representatives);
    const delegationBusySlots = commonSlots.filter((s) => delegationAt(s).length >= delegation.tables);
    const facts = { delegation, affinity: pair.affinity, meeting, commonSlots, firmBusySlots, delegationBusySlots, capReached };
    if (meeting !== null) return { ...facts, reason: "scheduled", preferred: null };
    if (pair.block !== null) return { ...facts, reason: BLOCKED[pair.block], preferred: null };

    const delegationFull = delegationBusySlots.length === commonSlots.length;
    const delegationFree = commonSlots.filter((s) => !delegationBusySlots.includes(s));
    const reason: ExplainReason = delegationFull ? "delegation-full"
      : capReached || firmBusySlots.length === commonSlots.length ? "firm-full"
      : delegationFree.some((s) => !firmBusySlots.includes(s)) ? "not-reached"
      : "lower-score";
    // The meetings kept in the pair's place: those it would have to displace.
    const blockers =
      reason === "delegation-full" ? delegationBusySlots.flatMap(delegationAt)
      : reason === "firm-full" && capReached ? own
      : reason === "not-reached" ? []
      : delegationFree.flatMap(firmAt);
    const least = [...blockers].sort(byValue)[0];
    return { ...facts, reason, preferred: least === undefined ? null : { meeting: least, priority: priority(least, pair.affinity.score) } };
  });
  pairs.sort((a, b) => b.affinity.score - a.affinity.score || (a.delegation.id < b.delegation.id ? -1 : 1));
  return { stop: instance.stop, firm, meetings: own, minMeetings: K, pairs };
}
