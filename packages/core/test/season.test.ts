/** Checks planSeason on a hand-made season: date order, repeats, history, independent stops and frozen agendas. */
import { describe, expect, it } from "vitest";
import { InvalidInstanceError } from "../src/errors.js";
import { planSeason, SEASON_FAIRNESS, type HeldMeeting } from "../src/season/season.js";
import type { Meeting } from "../src/types.js";
import { makeDelegation, makeFirm, seasonStop, twoStopSeason } from "./builders.js";

/** Meetings as a held agenda gives them: the parts are scored again for `why`. */
const withoutParts = (meetings: readonly Meeting[]): HeldMeeting[] => meetings.map(({ parts: _parts, ...m }) => m);

const stop = seasonStop;
const twoStops = twoStopSeason;


const pairs = (meetings: readonly Meeting[]): string[] => meetings.map((m) => `${m.firmId}-${m.delegationId}`);

describe("planSeason", () => {
  it("plans in date order and never pairs a firm with a delegation it met at an earlier stop", () => {
    const plan = planSeason(twoStops());
    expect(plan.stops.map((s) => s.schedule.stop.id)).toEqual(["S1", "S2"]);
    expect(plan.stops.map((s) => pairs(s.schedule.meetings))).toEqual([["F1-US1"], ["F1-US2"]]);
    expect(plan.stats).toMatchObject({ planned: 2, frozen: 0, meetings: 2, pairs: 2, firmCountries: 1, repeats: 0, firms: 1, firmsWithoutMeeting: 0 });
  });

  it("lets pairs meet again with allowRepeats, and counts them", () => {
    const plan = planSeason(twoStops(), { allowRepeats: true });
    expect(plan.stops.map((s) => pairs(s.schedule.meetings))).toEqual([["F1-US1"], ["F1-US1"]]);
    expect(plan.stats.repeats).toBe(1);
  });

  it("orders stops on the same date by id", () => {
    const plan = planSeason(twoStops({ stops: [stop("B", "2026-03-01"), stop("A", "2026-03-01")], firms: [makeFirm({ id: "F1", stops: ["A", "B"] })] }));
    expect(plan.stops.map((s) => s.schedule.stop.id)).toEqual(["A", "B"]);
  });

  it("honours the initial history", () => {
    const plan = planSeason(twoStops({ history: [{ firmId: "F1", delegationId: "US1", stopId: "OLD" }] }));
    expect(plan.stops.map((s) => pairs(s.schedule.meetings))).toEqual([["F1-US2"], []]);
  });

  it("plans each stop alone with independent: repeats and no season points", () => {
    const plan = planSeason(twoStops(), { independent: true });
    expect(plan.stops.map((s) => s.schedule.meetings.map((m) => [m.delegationId, m.score]))).toEqual([[["US1", 9]], [["US1", 9]]]);
    expect(plan.stats.repeats).toBe(1);
  });

  it("passes frozen agendas through unchanged and counts them as history, also for earlier stops", () => {
    const held: HeldMeeting[] = [{ slot: 1, table: 7, delegationId: "US1", firmId: "F1", score: 123 }];
    const plan = planSeason(twoStops({ frozen: new Map([["S2", held]]) }));
    expect(plan.stops.map((s) => s.origin)).toEqual(["planned", "frozen"]);
    expect(withoutParts(plan.stops[1]!.schedule.meetings)).toEqual(held);
    expect(plan.stops[1]!.schedule.tables).toEqual([{ delegationId: "US1", tables: [7] }, { delegationId: "US2", tables: [] }]);
    expect(plan.stops[1]!.violations).toEqual([]);
    expect(pairs(plan.stops[0]!.schedule.meetings)).toEqual(["F1-US2"]);
    expect(plan.stats).toMatchObject({ planned: 1, frozen: 1, repeats: 0 });
  });

  it("counts a pair a frozen agenda repeats once, and reports the repeat", () => {
    const firm = makeFirm({ id: "F1", stops: ["S1", "S2"], representatives: 2 });
    const held: HeldMeeting[] = [
      { slot: 1, table: 1, delegationId: "US1", firmId: "F1", score: 9 },
      { slot: 2, table: 1, delegationId: "US1", firmId: "F1", score: 9 },
    ];
    const plan = planSeason(twoStops({ stops: [stop("S1", "2026-03-01", 2), stop("S2", "2026-04-01", 2)], firms: [firm], frozen: new Map([["S1", held]]) }), { minMeetings: 2 });
    const frozen = plan.stops[0]!.schedule;
    expect(withoutParts(frozen.meetings)).toEqual(held);
    expect(plan.stops[0]!.violations.length).toBeGreaterThan(0);
    // One distinct meeting: the firm is short of K = 2, so it is served once, not twice.
    expect(frozen.stats.levels.served).toBe(1);
  });

  it("reports the rules a frozen agenda breaks against what was held before it", () => {
    const held: HeldMeeting[] = [{ slot: 1, table: 1, delegationId: "US1", firmId: "F1", score: 9 }];
    const plan = planSeason(twoStops({ frozen: new Map([["S1", held], ["S2", held]]) }));
    expect(plan.stops[0]!.violations).toEqual([]);
    expect(plan.stops[1]!.violations.map((v) => v.code)).toEqual(["met-before"]);
    expect(plan.stats.repeats).toBe(1);
  });

  it("re-plans from a stop onward: earlier stops from frozen, later frozen agendas ignored, missing ones skipped", () => {
    const held: HeldMeeting[] = [{ slot: 1, table: 1, delegationId: "US2", firmId: "F1", score: 5 }];
    const input = twoStops({ frozen: new Map([["S1", held], ["S2", held], ["ELSEWHERE", held]]) });
    const plan = planSeason(input, { from: "S2" });
    expect(plan.stops.map((s) => [s.schedule.stop.id, s.origin])).toEqual([["S1", "frozen"], ["S2", "planned"]]);
    expect(pairs(plan.stops[1]!.schedule.meetings)).toEqual(["F1-US1"]);
    expect(plan.ignoredFrozen).toEqual(["ELSEWHERE", "S2"]);
    expect(plan.skipped).toEqual([]);

    const missing = planSeason(twoStops(), { from: "S2" });
    expect(missing.skipped).toEqual(["S1"]);
    expect(missing.stops.map((s) => s.schedule.stop.id)).toEqual(["S2"]);
    expect(pairs(missing.stops[0]!.schedule.meetings)).toEqual(["F1-US1"]);
  });

  it("rejects a from that is not a stop", () => {
    expect(() => planSeason(twoStops(), { from: "NOPE" })).toThrow(InvalidInstanceError);
    expect(() => planSeason(twoStops(), { from: "NOPE" })).toThrow('invalid instance: options.from: unknown-stop, value "NOPE"');
  });
});

describe("the season fairness rule", () => {
  it("prefers a country the firm has not met yet", () => {
    // At S2 US2 scores 9 and DE 8: without the rule F1 meets US again.
    const input = twoStops({
      delegations: [makeDelegation({ id: "US1" }), makeDelegation({ id: "US2" }), makeDelegation({ id: "DE", country: "DE", stops: ["S2"] })],
      scores: [
        { firmId: "F1", delegationId: "US1", score: 10 },
        { firmId: "F1", delegationId: "US2", score: 9 },
        { firmId: "F1", delegationId: "DE", score: 8 },
      ],
    });
    expect(planSeason(input, { fairness: null }).stops.map((s) => pairs(s.schedule.meetings))).toEqual([["F1-US1"], ["F1-US2"]]);
    const plan = planSeason(input);
    expect(plan.stops.map((s) => pairs(s.schedule.meetings))).toEqual([["F1-US1"], ["F1-DE"]]);
    // Both pairs are new countries at S1 and the firm is alone there: 15 points each, nobody is behind.
    expect(plan.stops[0]!.schedule.meetings[0]!.score).toBe(10 + SEASON_FAIRNESS.newCountry);
    expect(plan.stops[1]!.schedule.meetings[0]!.score).toBe(8 + SEASON_FAIRNESS.newCountry);
    expect(plan.stats.firmCountries).toBe(2);
  });

  it("serves a firm without any meeting yet before one that has had some", () => {
    // One table at S2: F1 (met US1 at S1) scores 9 with US2, F2 (new) scores 1.
    const input = twoStops({
      firms: [makeFirm({ id: "F1", stops: ["S1", "S2"] }), makeFirm({ id: "F2", stops: ["S2"] })],
      delegations: [makeDelegation({ id: "US1", stops: ["S1"] }), makeDelegation({ id: "US2", stops: ["S2"] })],
      scores: [
        { firmId: "F1", delegationId: "US1", score: 9 },
        { firmId: "F1", delegationId: "US2", score: 9 },
        { firmId: "F2", delegationId: "US2", score: 1 },
      ],
    });
    expect(pairs(planSeason(input, { independent: true }).stops[1]!.schedule.meetings)).toEqual(["F1-US2"]);
    const plan = planSeason(input);
    expect(pairs(plan.stops[1]!.schedule.meetings)).toEqual(["F2-US2"]);
    // F2: new country 15 + behind (mean 0.5 − 0) × 10 + first meeting 1 × top eligible affinity 9 (F1–US2).
    expect(plan.stops[1]!.schedule.meetings[0]!.score).toBe(1 + 15 + 5 + 9);
    expect(plan.stats.firmsWithoutMeeting).toBe(0);
  });
});
