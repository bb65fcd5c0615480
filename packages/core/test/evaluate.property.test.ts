/** Checks that reviewAgenda gives back a planned agenda's levels and agrees with verifyAgenda on edited agendas. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAgenda, reviewAgenda } from "../src/evaluate.js";
import { planStop } from "../src/plan.js";
import { verifyAgenda } from "../src/verify.js";
import { arbInstance } from "./builders.js";

describe("reviewAgenda", () => {
  it("gives back a planned agenda's levels with no violation", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 6, delegations: 3, slots: 4, windows: true }), fc.integer({ min: 1, max: 2 }), (instance, K) => {
        const planned = planStop(instance, { minMeetings: K });
        const { schedule, violations } = reviewAgenda(instance, planned.meetings, { minMeetings: K });
        expect(violations).toEqual([]);
        expect(schedule.stats.levels).toEqual(planned.stats.levels);
        expect(schedule.meetings).toEqual(planned.meetings);
      }),
      { seed: 17, numRuns: 150 },
    );
  });

  it("agrees with verifyAgenda and evaluateAgenda on an edited agenda (a meeting repeated)", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 6, delegations: 3, slots: 4, windows: true }), fc.nat(), (instance, k) => {
        const planned = planStop(instance, { minMeetings: 1 }).meetings;
        fc.pre(planned.length > 0);
        const copy = planned[k % planned.length]!;
        const edited = [...planned, { ...copy, slot: copy.slot === 1 ? 2 : 1 }];
        const review = reviewAgenda(instance, edited);
        expect(review.violations).toEqual(verifyAgenda(instance, edited));
        expect(review.violations.length).toBeGreaterThan(0);
        expect(review.schedule.stats.levels).toEqual(evaluateAgenda(instance, edited).stats.levels);
        // The repeat is counted once.
        expect(review.schedule.stats.levels.score).toBeCloseTo(planStop(instance, { minMeetings: 1 }).stats.levels.score, 6);
      }),
      { seed: 19, numRuns: 150 },
    );
  });
});
