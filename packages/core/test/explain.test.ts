/** Checks that explainFirm gives each unscheduled pair the right reason (full, busy, blocked, lower score, not reached). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInstanceError } from "../src/errors.js";
import { explainFirm, type FirmExplanation, type PairExplanation } from "../src/explain.js";
import { pairAffinities } from "../src/prepare.js";
import { planStop } from "../src/plan.js";
import { scorePairs } from "../src/prepare.js";
import { DEFAULT_WEIGHTS } from "../src/affinity.js";
import type { ScheduleOptions, StopInstance } from "../src/types.js";
import { arbInstance, makeDelegation, makeFirm, makeInstance, makeStop } from "./builders.js";

/** Sessions of `n` 20-minute slots from 14:00; slot s (1-based) is `at(s)`. */
const stop = (n: number) => makeStop({ end: 14 * 60 + 20 * n });
const at = (...slots: number[]) => slots.map((s) => ({ start: 14 * 60 + 20 * (s - 1), end: 14 * 60 + 20 * s }));
// No sector fits (stop and delegations are about mechanics): scores come from targets only.
const firm = (id: string, targets: string[], over: Parameters<typeof makeFirm>[0] | object = {}) =>
  makeFirm({ id, sectors: ["fashion"], targets, ...over });
const US = makeDelegation({ id: "US-CG", country: "US" });
const CA = makeDelegation({ id: "CA-TCS", country: "CA" });
const DE = makeDelegation({ id: "DE-AHK", country: "DE" });

function explain(instance: StopInstance, firmId: string, options: ScheduleOptions = {}): FirmExplanation {
  return explainFirm(instance, planStop(instance, options), firmId, options);
}
const pairOf = (e: FirmExplanation, delegationId: string): PairExplanation => e.pairs.find((p) => p.delegation.id === delegationId)!;

describe("explainFirm", () => {
  it("US full with another firm's only meeting: delegation-full, naming the meeting preferred", () => {
    const instance = makeInstance({ stop: stop(1), delegations: [US, CA], firms: [firm("F1", ["US", "CA"]), firm("F2", ["US"])] });
    const e = explain(instance, "F1");
    expect(pairOf(e, "CA-TCS")).toMatchObject({ reason: "scheduled", meeting: { slot: 1, delegationId: "CA-TCS" }, preferred: null });
    const us = pairOf(e, "US-CG");
    expect(us).toMatchObject({ reason: "delegation-full", commonSlots: [1], delegationBusySlots: [1], capReached: false });
    expect(us.preferred).toEqual({ meeting: { slot: 1, table: expect.any(Number), delegationId: "US-CG", firmId: "F2", score: 30, parts: expect.any(Array) }, priority: "min-meetings" });
    expect(e.pairs.map((p) => p.delegation.id)).toEqual(["US-CG", "CA-TCS"]);
    expect(e.meetings.map((m) => m.delegationId)).toEqual(["CA-TCS"]);
  });

  it("a must request of another firm is named as the priority", () => {
    const instance = makeInstance({
      stop: stop(1),
      delegations: [US],
      // F2's pair scores less (19.2 + 10 for the must) than F1's (30).
      firms: [firm("F1", ["US"]), firm("F2", ["DE", "CA", "US"])],
      requests: [{ firmId: "F2", country: "US", kind: "must" }],
    });
    const e = explain(instance, "F1", { minMeetings: 1 });
    const us = pairOf(e, "US-CG");
    expect(us.reason).toBe("delegation-full");
    expect(us.preferred).toMatchObject({ meeting: { firmId: "F2", score: 29.2 }, priority: "must" });
  });

  it("at max_meetings: firm-full, preferring its better meeting", () => {
    const instance = makeInstance({ stop: stop(2), delegations: [US, CA], firms: [firm("F1", ["US", "CA"], { maxMeetings: 1 })] });
    const ca = pairOf(explain(instance, "F1"), "CA-TCS");
    expect(ca).toMatchObject({ reason: "firm-full", capReached: true, firmBusySlots: [expect.any(Number)] });
    expect(ca.preferred).toMatchObject({ meeting: { delegationId: "US-CG", score: 30 }, priority: "higher-score" });
  });

  it("busy in every common slot: firm-full without a cap", () => {
    const instance = makeInstance({ stop: stop(1), delegations: [US, CA], firms: [firm("F1", ["US", "CA"])] });
    const ca = pairOf(explain(instance, "F1"), "CA-TCS");
    expect(ca).toMatchObject({ reason: "firm-full", capReached: false, firmBusySlots: [1], delegationBusySlots: [] });
    expect(ca.preferred?.meeting.delegationId).toBe("US-CG");
  });

  it("free on one side in each slot, never on both: lower-score", () => {
    const instance = makeInstance({
      stop: stop(3),
      delegations: [{ ...US, available: at(2) }, CA, DE],
      firms: [firm("F1", ["US", "CA", "DE"]), firm("F3", ["CA"], { available: at(1) }), firm("F4", ["CA"], { available: at(3) })],
    });
    const ca = pairOf(explain(instance, "F1"), "CA-TCS");
    expect(ca).toMatchObject({ reason: "lower-score", commonSlots: [1, 2, 3], delegationBusySlots: [1, 3] });
    expect(ca.preferred).toMatchObject({ meeting: { delegationId: "US-CG", slot: 2, score: 30 }, priority: "higher-score" });
  });

  it("blocked pairs: avoided, met-before, zero-score, not-present-together", () => {
    const FR = makeDelegation({ id: "FR-BF", country: "FR", available: at(2) });
    const IN = makeDelegation({ id: "IN-CG", country: "IN" });
    const instance = makeInstance({
      stop: stop(2),
      delegations: [US, CA, DE, FR, IN],
      firms: [firm("F1", ["US", "CA", "DE", "FR"], { available: at(1) })],
      requests: [{ firmId: "F1", country: "CA", kind: "avoid" }],
      history: [{ firmId: "F1", delegationId: "DE-AHK", stopId: "earlier" }],
    });
    const e = explain(instance, "F1");
    expect(pairOf(e, "US-CG").reason).toBe("scheduled");
    expect(pairOf(e, "CA-TCS").reason).toBe("avoided");
    expect(pairOf(e, "DE-AHK").reason).toBe("met-before");
    expect(pairOf(e, "FR-BF")).toMatchObject({ reason: "not-present-together", commonSlots: [] });
    expect(pairOf(e, "IN-CG")).toMatchObject({ reason: "zero-score", affinity: { score: 0, parts: [] } });
  });

  it("a pair that still fits is not-reached (an agenda cut short by a time limit)", () => {
    const instance = makeInstance({ stop: stop(2), delegations: [US], firms: [firm("F1", ["US"])] });
    const schedule = planStop(instance);
    const e = explainFirm(instance, { ...schedule, meetings: [] }, "F1");
    expect(pairOf(e, "US-CG")).toMatchObject({ reason: "not-reached", preferred: null });
  });

  it("rejects a firm not registered for the stop", () => {
    const instance = makeInstance({ stop: stop(1), delegations: [US], firms: [firm("F1", ["US"], { stops: ["elsewhere"] })] });
    expect(() => explain(instance, "F1")).toThrow(InvalidInstanceError);
    try {
      explain(instance, "F1");
    } catch (error) {
      expect((error as InvalidInstanceError).issues).toEqual([expect.objectContaining({ code: "unknown-firm", path: ["firmId"], value: "F1" })]);
    }
  });
});

describe("explainFirm on random instances", () => {
  it("agrees with the schedule and the pair blocks, and full sides are really full", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 4, delegations: 3, slots: 3, windows: true }), fc.integer({ min: 1, max: 2 }), (instance, K) => {
        const options = { minMeetings: K };
        const schedule = planStop(instance, options);
        const blocks = new Map(scorePairs(instance, options).map((p) => [`${p.firm.id}|${p.delegation.id}`, p]));
        for (const f of instance.firms) {
          const e = explainFirm(instance, schedule, f.id, options);
          expect(e.pairs.length).toBe(instance.delegations.length);
          for (const p of e.pairs) {
            const key = `${f.id}|${p.delegation.id}`;
            const met = schedule.meetings.find((m) => `${m.firmId}|${m.delegationId}` === key);
            expect(p.reason === "scheduled").toBe(met !== undefined);
            expect(p.affinity).toEqual(blocks.get(key)!.affinity);
            const block = blocks.get(key)!.block;
            if (block !== null) expect(p.reason).toBe(block === "no-common-slot" ? "not-present-together" : block);
            if (schedule.status !== "timedout") expect(p.reason).not.toBe("not-reached");
            if (p.reason === "delegation-full") expect(p.delegationBusySlots).toEqual(p.commonSlots);
            if (p.reason === "firm-full" && !p.capReached) expect(p.firmBusySlots).toEqual(p.commonSlots);
            if (p.reason === "delegation-full" || p.reason === "lower-score") expect(p.preferred).not.toBeNull();
            if (p.preferred) expect(schedule.meetings).toContainEqual(p.preferred.meeting);
          }
        }
      }),
      { seed: 42, numRuns: 150 },
    );
  });
});

describe("pairAffinities", () => {
  it("scores pairs exactly as the scheduler does: built-in with musts and a bonus, or from scores.csv", () => {
    const bonus = (f: { id: string }, d: { id: string }) => (f.id < "F2" ? 0 : d.id.length + 0.5);
    fc.assert(
      fc.property(arbInstance({ firms: 4, delegations: 3, slots: 2, windows: false }), fc.boolean(), (random, builtIn) => {
        // Built-in affinity: sectors and targets per firm, so that scores vary.
        const instance = builtIn
          ? { ...random, scores: null, firms: random.firms.map((f, i) => ({ ...f, sectors: i % 2 ? ["mechanics"] : ["energy"], targets: ["US", "DE", "FR"].slice(i % 3) })) }
          : random;
        const options = { bonus, weights: { ...DEFAULT_WEIGHTS, must: 7 } };
        const all = scorePairs(instance, options);
        const ids = all.map((p) => ({ firmId: p.firm.id, delegationId: p.delegation.id }));
        expect(pairAffinities(instance, ids, options)).toEqual(all.map((p) => p.affinity));
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it("scores unknown ids 0", () => {
    expect(pairAffinities(makeInstance(), [{ firmId: "F9", delegationId: "D9" }])).toEqual([{ firmId: "F9", delegationId: "D9", score: 0, parts: [] }]);
  });
});
