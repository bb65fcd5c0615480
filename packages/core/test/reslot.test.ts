/** Checks that re-optimising one slot picks that slot's best meetings and never makes an agenda worse. */
import { Budget } from "../src/budget.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Board } from "../src/board.js";
import { atLeast } from "../src/levels.js";
import { prepare } from "../src/prepare.js";
import { reoptimiseSlots } from "../src/search/reslot.js";
import { select } from "../src/select.js";
import { seat, tableAssignment, timetable } from "../src/timetable.js";
import { verifyPrepared } from "../src/verify.js";
import { arbInstance, makeDelegation, makeFirm, makeInstance, makeStop } from "./builders.js";

/** No time limit: the steps stop on their own. */
const budget = new Budget({ timeLimitMs: Infinity, now: () => 0 });

describe("reoptimiseSlots", () => {
  it("replaces a slot's meetings by the best choice for that slot", () => {
    const prep = prepare(
      makeInstance({
        stop: makeStop({ end: 14 * 60 + 20 }),
        delegations: [makeDelegation({ id: "D" })],
        firms: [makeFirm({ id: "A" }), makeFirm({ id: "B", maxMeetings: 1 })],
        scores: [
          { firmId: "A", delegationId: "D", score: 5 },
          { firmId: "B", delegationId: "D", score: 3 },
        ],
      }),
      { minMeetings: 0 },
    );
    const board = new Board(prep);
    board.place(1, 0); // B × D, worth 3
    expect(reoptimiseSlots(prep, board, budget)).toBe(true);
    expect(board.placed()).toEqual([0]); // A × D, worth 5
  });

  it("never makes an agenda worse and keeps it valid", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 8, delegations: 4, slots: 5, windows: true }), fc.integer({ min: 1, max: 2 }), (instance, K) => {
        const prep = prepare(instance, { minMeetings: K });
        const board = timetable(prep, select(prep, "lexicographic").pairs);
        const before = board.levels();
        reoptimiseSlots(prep, board, budget);
        expect(atLeast(board.levels(), before)).toBe(true);
        expect(verifyPrepared(prep, seat(prep, board, tableAssignment(prep)))).toEqual([]);
      }),
      { seed: 5, numRuns: 200 },
    );
  });
});
