/**
 * The board's report of what stops produced (pure): meetings booked, held and
 * not held (overall, per country, per sector, per time of day), table use,
 * meetings per firm, countries asked for and never met, and the follow-up
 * answers. Every figure is counted on the agendas, outcomes and answers given;
 * the definitions are in formats.md ("report.csv").
 */
import { buildSlots, formatTime, slotsInside } from "../slots.js";
import type { CountryCode, FollowUpAnswer, FollowUpOutcome, MeetingOutcome, StopInstance } from "../types.js";
import type { AgendaMeeting } from "../verify.js";
import { HeldTally, meetingKey, notHeldKeys, type Tally } from "../tally.js";

export type { Tally } from "../tally.js";
import { got } from "../at.js";

/** One stop as it was: the instance (names, countries, sectors, tables, windows), the agenda of the day, its outcomes and answers. */
export interface StopRecord {
  readonly instance: StopInstance;
  readonly agenda: readonly AgendaMeeting[];
  /** outcomes.csv rows of this stop: a meeting without a row was held. */
  readonly outcomes: readonly MeetingOutcome[];
  /** Follow-up answers of this stop. */
  readonly answers: readonly FollowUpAnswer[];
}

/**
 * A country a firm asked for (a target or a `must`) and met in no held meeting.
 * @example { firmId: "F0001", country: "US", asked: "target", offered: true }
 */
export interface UnmetCountry {
  readonly firmId: string;
  readonly country: CountryCode;
  readonly asked: "must" | "target";
  /** A delegation of the country was at a stop the firm registered for. */
  readonly offered: boolean;
}

/** The follow-up answers: how many per outcome on b2match's scale, and the ratings. */
export interface FollowUpSummary {
  readonly answers: number;
  readonly outcomes: Readonly<Record<FollowUpOutcome, number>>;
  readonly ratings: number;
  /** Mean rating (1–5), `null` without ratings. */
  readonly meanRating: number | null;
}

/**
 * What the report shows for one stop or several (the season).
 * @example { stopIds: ["BS-2026-02"], total: { key: "all", booked: 150, held: 138, notHeld: 12 }, … }
 */
export interface DayReport {
  readonly stopIds: readonly string[];
  readonly total: Tally;
  readonly byCountry: readonly Tally[];
  /** By the firm's primary sector. */
  readonly bySector: readonly Tally[];
  /** By the slot's local start time (`14:20`). */
  readonly byTime: readonly Tally[];
  /** Table-slots offered: Σ over delegations of tables × slots they were present. */
  readonly tableSlots: number;
  /** Firms registered, by meetings booked: `{ meetings: 2, firms: 54 }`, every count from 0 to the most. */
  readonly perFirm: readonly { readonly meetings: number; readonly firms: number }[];
  /** Each firm registered, by id: its meetings booked and held (`{ key: "F0002", booked: 3, held: 2, notHeld: 1 }`). */
  readonly firms: readonly Tally[];
  readonly unmet: readonly UnmetCountry[];
  readonly followUp: FollowUpSummary;
}

/** The follow-up scale, in order (b2match's, six months on). */
export const FOLLOW_UP_OUTCOMES: readonly FollowUpOutcome[] = ["no-contact", "in-contact", "negotiating", "agreement"];

/**
 * The report over some stops (one for a stop's report, all planned for the
 * season's). A meeting is held unless its outcome says `held` no.
 */
export function dayReport(stops: readonly StopRecord[]): DayReport {
  const byCountry = new HeldTally();
  const bySector = new HeldTally();
  const byTime = new HeldTally();
  const total = new HeldTally();
  const booked = new Map<string, number>();
  const byFirm = new HeldTally();
  const registered = new Set<string>();
  const metCountries = new Map<string, Set<string>>();
  const offered = new Map<string, Set<string>>();
  const asked = new Map<string, Map<string, "must" | "target">>();
  const outcomesCount: Record<FollowUpOutcome, number> = { "no-contact": 0, "in-contact": 0, negotiating: 0, agreement: 0 };
  let answers = 0;
  let ratings = 0;
  let ratingSum = 0;
  let tableSlots = 0;

  for (const { instance, agenda, outcomes, answers: stopAnswers } of stops) {
    const { stop } = instance;
    const slots = buildSlots(stop);
    const firms = new Map(instance.firms.map((f) => [f.id, f]));
    const delegations = instance.delegations.filter((d) => d.stops === null || d.stops.includes(stop.id));
    const country = new Map(instance.delegations.map((d) => [d.id, d.country]));
    const notHeld = notHeldKeys(outcomes, stop.id);
    for (const d of delegations) tableSlots += d.tables * slotsInside(stop, slots, d.available).filter(Boolean).length;
    const countriesHere = new Set(delegations.map((d) => d.country));
    for (const f of instance.firms) {
      if (!f.stops.includes(stop.id)) continue;
      registered.add(f.id);
      if (!booked.has(f.id)) booked.set(f.id, 0);
      byFirm.open(f.id);
      const wants = asked.get(f.id) ?? new Map<string, "must" | "target">();
      for (const c of f.targets) if (!wants.has(c)) wants.set(c, "target");
      asked.set(f.id, wants);
      const seen = offered.get(f.id) ?? new Set<string>();
      for (const c of countriesHere) seen.add(c);
      offered.set(f.id, seen);
    }
    for (const r of instance.requests) {
      if (r.kind !== "must" || !registered.has(r.firmId) || !firms.get(r.firmId)?.stops.includes(stop.id)) continue;
      asked.get(r.firmId)?.set(r.country, "must");
    }
    for (const m of agenda) {
      const held = !notHeld.has(meetingKey(stop.id, m.firmId, m.delegationId));
      const c = country.get(m.delegationId) ?? "";
      total.count("all", held);
      byCountry.count(c, held);
      bySector.count(firms.get(m.firmId)?.sectors[0] ?? "", held);
      const slot = slots[m.slot - 1];
      byTime.count(slot === undefined ? String(m.slot) : formatTime(slot.start), held);
      booked.set(m.firmId, (booked.get(m.firmId) ?? 0) + 1);
      byFirm.count(m.firmId, held);
      if (held) metCountries.set(m.firmId, (metCountries.get(m.firmId) ?? new Set()).add(c));
    }
    for (const a of stopAnswers) {
      if (a.stopId !== stop.id) continue;
      answers++;
      if (a.outcome !== null) outcomesCount[a.outcome]++;
      if (a.rating !== null) {
        ratings++;
        ratingSum += a.rating;
      }
    }
  }

  const most = Math.max(0, ...booked.values());
  const perFirm = Array.from({ length: most + 1 }, (_, meetings) => ({ meetings, firms: [...booked.values()].filter((n) => n === meetings).length }));
  const unmet: UnmetCountry[] = [];
  for (const firmId of [...asked.keys()].sort()) {
    for (const [country, kind] of [...got(asked, firmId)].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (metCountries.get(firmId)?.has(country)) continue;
      unmet.push({ firmId, country, asked: kind, offered: offered.get(firmId)?.has(country) ?? false });
    }
  }
  return {
    stopIds: stops.map((s) => s.instance.stop.id),
    total: total.tallies()[0] ?? { key: "all", booked: 0, held: 0, notHeld: 0 },
    byCountry: byCountry.tallies(),
    bySector: bySector.tallies(),
    byTime: byTime.tallies(),
    tableSlots,
    perFirm,
    firms: byFirm.tallies(),
    unmet,
    followUp: { answers, outcomes: outcomesCount, ratings, meanRating: ratings === 0 ? null : ratingSum / ratings },
  };
}
