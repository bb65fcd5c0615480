/** Checks that re-optimising participants' days never worsens an agenda, keeps it valid, and finds a one-delegation optimum. */
import { Budget } from "../src/budget.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { atLeast, lexBetter } from "../src/levels.js";
import { prepare } from "../src/prepare.js";
import { reoptimiseParticipants } from "../src/search/reassign.js";
import { select } from "../src/select.js";
import { seat, tableAssignment, timetable } from "../src/timetable.js";
import { verifyPrepared } from "../src/verify.js";
import { arbInstance } from "./builders.js";
import { bruteForce } from "./brute-force.js";

/** No time limit: the steps stop on their own. */
const budget = new Budget({ timeLimitMs: Infinity, now: () => 0 });

describe("reoptimiseParticipants", () => {
  it("never makes an agenda worse, keeps it valid, and leaves no participant's day to improve", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 8, delegations: 4, slots: 5, windows: true }), fc.integer({ min: 1, max: 2 }), (instance, K) => {
        const prep = prepare(instance, { minMeetings: K });
        const board = timetable(prep, select(prep, "lexicographic").pairs);
        const before = board.levels();
        const improved = reoptimiseParticipants(prep, board, budget);
        expect(improved).toBe(lexBetter(board.levels(), before));
        expect(atLeast(board.levels(), before)).toBe(true);
        expect(verifyPrepared(prep, seat(prep, board, tableAssignment(prep)))).toEqual([]);
        expect(reoptimiseParticipants(prep, board, budget)).toBe(false);
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  it("finds the optimum of a one-delegation stop from any start (its day is the whole agenda)", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 4, delegations: 1, slots: 4, windows: true }), (instance) => {
        const prep = prepare(instance, { minMeetings: 1 });
        const board = timetable(prep, []);
        reoptimiseParticipants(prep, board, budget);
        const exact = bruteForce(instance, 1);
        expect(board.levels().musts).toBe(exact.musts);
        expect(board.levels().served).toBe(exact.served);
        expect(Math.abs(board.levels().score - exact.score)).toBeLessThan(1e-6);
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});
