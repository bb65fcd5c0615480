/** Checks planSeason on generated seasons: no pair meets twice, hard and fairness rules hold, frozen stops stay as given. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAgenda } from "../../../oracle/verify.js";
import { planSeason, SEASON_FAIRNESS, type SeasonInput, type SeasonPlan } from "../src/season/season.js";
import type { Delegation, Firm, Meeting, MeetingRequest, PastMeeting, ScoreEntry, Slot, Stop, StopInstance, TimeWindow } from "../src/types.js";

const COUNTRIES = ["US", "DE", "FR"] as const;
const START = 14 * 60;

interface SeasonShape {
  readonly firms: number;
  readonly delegations: number;
  readonly slots: number;
  readonly windows: boolean;
  /** Whether `must` requests are generated (avoids always are). */
  readonly musts: boolean;
}

/**
 * Seasons of 3–4 stops (dates in random order, some equal) with firms and
 * delegations shared between stops, explicit scores 0–9, musts and avoids,
 * capacities, caps and optional windows.
 */
function arbSeason(shape: SeasonShape): fc.Arbitrary<SeasonInput> {
  const window = (slots: number): fc.Arbitrary<readonly TimeWindow[] | null> =>
    shape.windows
      ? fc.oneof(
          { weight: 3, arbitrary: fc.constant(null) },
          fc.tuple(fc.integer({ min: 0, max: slots - 1 }), fc.integer({ min: 1, max: slots })).map(([a, len]) => [{ start: START + a * 20, end: START + Math.min(slots, a + len) * 20 }]),
        )
      : fc.constant(null);
  const kinds: readonly ("must" | "avoid")[] = shape.musts ? ["must", "must", "avoid"] : ["avoid"];
  return fc
    .record({
      stops: fc.integer({ min: 3, max: 4 }),
      firms: fc.integer({ min: 2, max: shape.firms }),
      delegations: fc.integer({ min: 1, max: shape.delegations }),
    })
    .chain((n) => {
      const stopIds = Array.from({ length: n.stops }, (_, s) => `S${s}`);
      const someStops = fc.subarray(stopIds, { minLength: 1 });
      return fc.record({
        stops: fc.tuple(...stopIds.map((id) => fc.record({ id: fc.constant(id), day: fc.integer({ min: 1, max: 9 }), slots: fc.integer({ min: 1, max: shape.slots }) }))),
        delegations: fc.tuple(
          ...Array.from({ length: n.delegations }, (_, d) =>
            fc.record({
              id: fc.constant(`D${d}`),
              country: fc.constantFrom(...COUNTRIES),
              tables: fc.integer({ min: 1, max: 2 }),
              stops: fc.option(someStops, { nil: null }),
              available: window(shape.slots),
            }),
          ),
        ),
        firms: fc.tuple(
          ...Array.from({ length: n.firms }, (_, f) =>
            fc.record({
              id: fc.constant(`F${f}`),
              stops: someStops,
              representatives: fc.integer({ min: 1, max: 2 }),
              maxMeetings: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 4 }),
              available: window(shape.slots),
            }),
          ),
        ),
        scores: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n.firms * n.delegations, maxLength: n.firms * n.delegations }),
        requests: fc.array(
          fc.record({ firm: fc.integer({ min: 0, max: n.firms - 1 }), country: fc.constantFrom(...COUNTRIES), kind: fc.constantFrom(...kinds) }),
          { maxLength: 3 },
        ),
      });
    })
    .map(({ stops, delegations, firms, scores, requests }) => {
      const seen = new Set<string>();
      const asked: MeetingRequest[] = requests.flatMap((r) => {
        const key = `${r.firm}|${r.country}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [{ firmId: `F${r.firm}`, country: r.country, kind: r.kind }];
      });
      const entries: ScoreEntry[] = [];
      firms.forEach((f, i) =>
        delegations.forEach((d, j) => {
          const score = scores[i * delegations.length + j]!;
          if (score > 0) entries.push({ firmId: f.id, delegationId: d.id, score });
        }),
      );
      return {
        stops: stops.map((s): Stop => ({
          id: s.id, city: s.id, date: `2026-03-0${s.day}`, sector: "mechanics", start: START, end: START + 20 * s.slots,
          slotMinutes: 20, gapMinutes: 0, breaks: [], timezone: "Europe/Rome",
        })),
        delegations: delegations.map((d): Delegation => ({ ...d, name: d.id, sectors: [] })),
        firms: firms.map((f): Firm => ({ ...f, name: f.id, sectors: ["mechanics"], targets: [], markets: [] })),
        requests: asked,
        scores: entries,
        history: [],
      };
    });
}

const key = (firmId: string, delegationId: string): string => `${firmId}\u0000${delegationId}`;
const inside = (slot: Slot, windows: readonly TimeWindow[] | null): boolean =>
  windows === null || windows.some((w) => w.start <= slot.start && slot.end <= w.end);

/**
 * The documented fairness rule, written again from its JSDoc: the points a
 * pair gets at a stop given the meetings of the earlier stops.
 */
function expectedBonus(input: SeasonInput, instance: StopInstance, slots: readonly Slot[], before: readonly PastMeeting[], allowRepeats: boolean) {
  const { stop } = instance;
  const country = new Map(input.delegations.map((d) => [d.id, d.country]));
  const base = new Map(input.scores!.map((s) => [key(s.firmId, s.delegationId), s.score]));
  const meetings = new Map<string, number>();
  const met = new Set<string>();
  for (const m of before) {
    meetings.set(m.firmId, (meetings.get(m.firmId) ?? 0) + 1);
    met.add(key(m.firmId, country.get(m.delegationId)!));
  }
  const firms = input.firms.filter((f) => f.stops.includes(stop.id));
  const delegations = input.delegations.filter((d) => d.stops === null || d.stops.includes(stop.id));
  const mean = firms.reduce((sum, f) => sum + (meetings.get(f.id) ?? 0), 0) / firms.length;
  const history = new Set(instance.history.map((h) => key(h.firmId, h.delegationId)));
  const avoided = new Set(input.requests.filter((r) => r.kind === "avoid").map((r) => key(r.firmId, r.country)));
  let top = 0;
  for (const f of firms) {
    for (const d of delegations) {
      const eligible = (base.get(key(f.id, d.id)) ?? 0) > 0 && !avoided.has(key(f.id, d.country)) && (allowRepeats || !history.has(key(f.id, d.id)));
      if (eligible && slots.some((s) => inside(s, f.available) && inside(s, d.available))) top = Math.max(top, base.get(key(f.id, d.id))!);
    }
  }
  return (firmId: string, delegationId: string): number => {
    const score = base.get(key(firmId, delegationId)) ?? 0;
    if (score <= 0) return 0;
    const fresh = met.has(key(firmId, country.get(delegationId)!)) ? 0 : SEASON_FAIRNESS.newCountry;
    const behind = Math.min(SEASON_FAIRNESS.behindCap, mean - (meetings.get(firmId) ?? 0));
    const first = mean > 0 && !meetings.has(firmId) ? SEASON_FAIRNESS.firstMeeting * top : 0;
    return score + Math.round((fresh + Math.max(0, behind) * SEASON_FAIRNESS.behindPerMeeting + first) * 100) / 100;
  };
}

/** Every stop's agenda checked by the independent checker against the season before it; repeated pairs across the season. */
function checkSeason(input: SeasonInput, plan: SeasonPlan, allowRepeats: boolean): void {
  const before: PastMeeting[] = [];
  const firms = new Map(input.firms.map((f) => [f.id, f]));
  const delegations = new Map(input.delegations.map((d) => [d.id, d]));
  for (const { schedule, options } of plan.stops) {
    const instance: StopInstance = { ...input, stop: schedule.stop, history: [...before] };
    const scoreOf = expectedBonus(input, instance, schedule.slots, before, allowRepeats);
    expect(checkAgenda(instance, schedule.slots, { allowRepeats, scoreOf }, schedule.meetings)).toEqual([]);
    // The stop's options still give its scores once later stops are planned.
    const bonus = options.bonus ?? (() => 0);
    for (const m of schedule.meetings) {
      const base = input.scores!.find((e) => e.firmId === m.firmId && e.delegationId === m.delegationId)!.score;
      expect(base + bonus(firms.get(m.firmId)!, delegations.get(m.delegationId)!)).toBeCloseTo(m.score, 6);
    }
    before.push(...schedule.meetings.map((m) => ({ firmId: m.firmId, delegationId: m.delegationId, stopId: schedule.stop.id })));
  }
  const pairs = new Set(before.map((m) => key(m.firmId, m.delegationId)));
  if (!allowRepeats) expect(pairs.size).toBe(before.length);
  expect(plan.stats.pairs).toBe(pairs.size);
  expect(plan.stats.meetings).toBe(before.length);
}

describe("planSeason on generated seasons", () => {
  it("never pairs a firm and a delegation twice, and every agenda obeys the hard rules and the fairness rule", () => {
    fc.assert(
      fc.property(arbSeason({ firms: 6, delegations: 4, slots: 3, windows: true, musts: true }), fc.boolean(), (input, allowRepeats) => {
        const plan = planSeason(input, { allowRepeats });
        expect(plan.stops.map((s) => s.schedule.stop.date)).toEqual(input.stops.map((s) => s.date).sort());
        checkSeason(input, plan, allowRepeats);
        if (!allowRepeats) expect(plan.stats.repeats).toBe(0);
      }),
      { seed: 42, numRuns: 150 },
    );
  });

  it("keeps frozen agendas as given, and freezing a plan's first stops then re-planning from the next reproduces it", () => {
    fc.assert(
      fc.property(arbSeason({ firms: 6, delegations: 4, slots: 3, windows: true, musts: true }), fc.integer({ min: 1, max: 2 }), (input, k) => {
        const plan = planSeason(input);
        const frozen = new Map<string, readonly Meeting[]>(plan.stops.slice(0, k).map((s) => [s.schedule.stop.id, s.schedule.meetings]));
        const again = planSeason({ ...input, frozen }, { from: plan.stops[k]!.schedule.stop.id });
        expect(again.stops.map((s) => s.origin)).toEqual(plan.stops.map((_, i) => (i < k ? "frozen" : "planned")));
        expect(again.stops.map((s) => s.schedule.meetings)).toEqual(plan.stops.map((s) => s.schedule.meetings));
        expect(again.stops.slice(0, k).map((s) => s.violations)).toEqual(plan.stops.slice(0, k).map(() => []));
        expect(again.skipped).toEqual([]);
      }),
      { seed: 7, numRuns: 100 },
    );
  });

  // Metamorphic: the measure the rule documents. Not a theorem: a `must`
  // request (the objective's first level) can force a firm to another
  // delegation of a country it met before and take the table an otherwise
  // unserved firm had when planning alone, so musts are left out here.
  it("leaves no more firms without any meeting than planning each stop alone", () => {
    let season = 0;
    let independent = 0;
    fc.assert(
      fc.property(arbSeason({ firms: 8, delegations: 4, slots: 3, windows: true, musts: false }), (input) => {
        const fair = planSeason(input).stats;
        const alone = planSeason(input, { independent: true }).stats;
        expect(fair.firmsWithoutMeeting).toBeLessThanOrEqual(alone.firmsWithoutMeeting);
        season += fair.firmCountries;
        independent += alone.firmCountries;
      }),
      { seed: 2026, numRuns: 200 },
    );
    // Distinct firm–country pairs improve overall, not in every season.
    expect(season).toBeGreaterThan(independent);
  });
});
