/** Checks planStop against brute force on tiny instances: the optimum without windows, and a valid bound with them. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planStop } from "../src/plan.js";
import { verifyAgenda } from "../src/verify.js";
import { arbInstance } from "./builders.js";
import { bruteForce } from "./brute-force.js";

const close = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;

describe("planStop on tiny instances against brute force", () => {
  it("equals the exhaustive optimum without windows", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 3, delegations: 2, slots: 3, windows: false }), fc.integer({ min: 1, max: 2 }), (instance, K) => {
        const schedule = planStop(instance, { minMeetings: K });
        const exact = bruteForce(instance, K);
        expect(verifyAgenda(instance, schedule.meetings)).toEqual([]);
        expect(schedule.stats.levels.musts).toBe(exact.musts);
        expect(schedule.stats.levels.served).toBe(exact.served);
        expect(close(schedule.stats.levels.score, exact.score)).toBe(true);
        expect(schedule.stats.optimal).toBe(true);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("never exceeds the bound, and the bound is never below the optimum, with windows", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 3, delegations: 2, slots: 3, windows: true }), (instance) => {
        const schedule = planStop(instance, { minMeetings: 1 });
        const exact = bruteForce(instance, 1);
        const { levels, bounds } = schedule.stats;
        expect(verifyAgenda(instance, schedule.meetings)).toEqual([]);
        expect(bounds.musts).toBeGreaterThanOrEqual(exact.musts);
        if (levels.musts === exact.musts) expect(bounds.served).toBeGreaterThanOrEqual(exact.served);
        expect(bounds.score + 1e-6).toBeGreaterThanOrEqual(levels.score);
        expect(levels.musts).toBe(exact.musts);
        expect(levels.served).toBe(exact.served);
        expect(close(levels.score, exact.score)).toBe(true);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
