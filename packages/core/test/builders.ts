import fc from "fast-check";
import type { SeasonInput } from "../src/season/season.js";
import type { Delegation, Firm, MeetingRequest, ScoreEntry, Stop, StopInstance, TimeWindow } from "../src/types.js";

export const makeStop = (over: Partial<Stop> = {}): Stop => ({
  id: "BG-2026-03",
  city: "Bergamo",
  date: "2026-03-18",
  sector: "mechanics",
  start: 14 * 60,
  end: 16 * 60,
  slotMinutes: 20,
  gapMinutes: 0,
  breaks: [],
  timezone: "Europe/Rome",
  ...over,
});

export const makeDelegation = (over: Partial<Delegation> & { id: string }): Delegation => ({
  country: "US",
  name: `Delegation ${over.id}`,
  stops: null,
  tables: 1,
  sectors: [],
  available: null,
  ...over,
});

export const makeFirm = (over: Partial<Firm> & { id: string }): Firm => ({
  name: `Firm ${over.id}`,
  sectors: ["mechanics"],
  stops: ["BG-2026-03"],
  targets: [],
  markets: [],
  available: null,
  maxMeetings: null,
  representatives: 1,
  ...over,
});

export const makeInstance = (over: Partial<StopInstance> = {}): StopInstance => ({
  stop: makeStop(),
  delegations: [],
  firms: [],
  requests: [],
  scores: null,
  history: [],
  ...over,
});

const COUNTRIES = ["US", "DE", "FR", "IN"] as const;

/** A stop of a season: `slots` slots of 20 minutes from 14:00. */
export const seasonStop = (id: string, date: string, slots = 1): Stop => makeStop({ id, city: id, date, end: 14 * 60 + 20 * slots });

/** Two stops in date order given in reverse; one firm and two US delegations at both, US1 worth more. */
export const twoStopSeason = (over: Partial<SeasonInput> = {}): SeasonInput => ({
  stops: [seasonStop("S2", "2026-04-01"), seasonStop("S1", "2026-03-01")],
  delegations: [makeDelegation({ id: "US1" }), makeDelegation({ id: "US2" })],
  firms: [makeFirm({ id: "F1", stops: ["S1", "S2"] })],
  requests: [],
  scores: [
    { firmId: "F1", delegationId: "US1", score: 9 },
    { firmId: "F1", delegationId: "US2", score: 5 },
  ],
  history: [],
  ...over,
});

export interface InstanceShape {
  readonly firms: number;
  readonly delegations: number;
  /** Slots = session minutes / 20. */
  readonly slots: number;
  readonly windows: boolean;
}

/**
 * Random stop instances with external scores (so the objective does not depend
 * on affinity rules), capacities > 1, caps, musts, avoids and optional windows.
 */
export function arbInstance(shape: InstanceShape): fc.Arbitrary<StopInstance> {
  const window = (slots: number): fc.Arbitrary<readonly TimeWindow[] | null> =>
    shape.windows
      ? fc.oneof(
          fc.constant(null),
          fc
            .tuple(fc.integer({ min: 0, max: slots - 1 }), fc.integer({ min: 1, max: slots }))
            .map(([a, len]) => [{ start: 14 * 60 + a * 20, end: 14 * 60 + Math.min(slots, a + len) * 20 }]),
        )
      : fc.constant(null);
  return fc
    .record({
      slots: fc.integer({ min: 1, max: shape.slots }),
      firms: fc.integer({ min: 1, max: shape.firms }),
      delegations: fc.integer({ min: 1, max: shape.delegations }),
      seedScores: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: shape.firms * shape.delegations, maxLength: shape.firms * shape.delegations }),
    })
    .chain(({ slots, firms, delegations, seedScores }) =>
      fc.record({
        slots: fc.constant(slots),
        delegations: fc.tuple(
          ...Array.from({ length: delegations }, (_, d) =>
            fc.record({
              id: fc.constant(`D${d}`),
              country: fc.constantFrom(...COUNTRIES),
              tables: fc.integer({ min: 1, max: 2 }),
              available: window(slots),
            }),
          ),
        ),
        firms: fc.tuple(
          ...Array.from({ length: firms }, (_, f) =>
            fc.record({
              id: fc.constant(`F${f}`),
              representatives: fc.integer({ min: 1, max: 2 }),
              maxMeetings: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
              available: window(slots),
            }),
          ),
        ),
        requests: fc.array(
          fc.record({
            firm: fc.integer({ min: 0, max: firms - 1 }),
            country: fc.constantFrom(...COUNTRIES),
            kind: fc.constantFrom("must", "must", "avoid") as fc.Arbitrary<"must" | "avoid">,
          }),
          { maxLength: 3 },
        ),
        scores: fc.constant(seedScores),
      }),
    )
    .map(({ slots, delegations, firms, requests, scores }) => {
      const seen = new Set<string>();
      const reqs: MeetingRequest[] = [];
      for (const r of requests) {
        const key = `${r.firm}|${r.country}`;
        if (seen.has(key)) continue;
        seen.add(key);
        reqs.push({ firmId: `F${r.firm}`, country: r.country, kind: r.kind });
      }
      const entries: ScoreEntry[] = [];
      firms.forEach((f, i) =>
        delegations.forEach((d, j) => {
          const s = scores[i * shape.delegations + j] ?? 0;
          if (s > 0) entries.push({ firmId: f.id, delegationId: d.id, score: s });
        }),
      );
      return makeInstance({
        stop: makeStop({ end: 14 * 60 + slots * 20 }),
        delegations: delegations.map((d) => makeDelegation(d)),
        firms: firms.map((f) => makeFirm(f)),
        requests: reqs,
        scores: entries,
      });
    });
}
