/** Checks that gap compaction closes idle gaps, keeps every meeting and rule, and never adds a gap. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Board } from "../src/board.js";
import { anneal } from "../src/anneal.js";
import { Budget } from "../src/budget.js";
import { boardGaps, compact } from "../src/compact.js";
import { planStop } from "../src/plan.js";
import { prepare } from "../src/prepare.js";
import { select } from "../src/select.js";
import { seat, tableAssignment, timetable } from "../src/timetable.js";
import { verifyPrepared } from "../src/verify.js";
import { arbInstance, makeDelegation, makeFirm, makeInstance, makeStop } from "./builders.js";

/** Firm gaps first, then delegation gaps, then idle slots: the order compaction lowers. */
const order = (g: ReturnType<typeof boardGaps>): number[] => [g.firms, g.delegations, g.firmIdleSlots, g.delegationIdleSlots];
const notWorse = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return true;
};

describe("compact", () => {
  it("closes a firm's idle gap by moving a meeting next to the others", () => {
    // Four slots, one firm meeting D1 in slot 1 and D2 in slot 4: one gap of two slots.
    const prep = prepare(
      makeInstance({
        stop: makeStop({ end: 14 * 60 + 80 }),
        delegations: [makeDelegation({ id: "D1" }), makeDelegation({ id: "D2" })],
        firms: [makeFirm({ id: "A" })],
        scores: [
          { firmId: "A", delegationId: "D1", score: 5 },
          { firmId: "A", delegationId: "D2", score: 3 },
        ],
      }),
    );
    const board = new Board(prep);
    board.place(0, 0);
    board.place(1, 3);
    expect(boardGaps(prep, board)).toMatchObject({ firms: 1, firmIdleSlots: 2 });
    expect(compact(prep, board)).toBeGreaterThan(0);
    expect(boardGaps(prep, board)).toMatchObject({ firms: 0, firmIdleSlots: 0 });
    expect(board.placed()).toEqual([0, 1]);
  });

  it("keeps every meeting and every rule, and never adds gaps", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 8, delegations: 4, slots: 6, windows: true }), fc.integer({ min: 1, max: 2 }), (instance, K) => {
        const prep = prepare(instance, { minMeetings: K });
        const board = timetable(prep, select(prep, "lexicographic").pairs);
        const pairs = board.placed();
        const levels = board.levels();
        const before = order(boardGaps(prep, board));
        compact(prep, board);
        expect(board.placed()).toEqual(pairs);
        expect(board.levels()).toEqual(levels);
        expect(notWorse(order(boardGaps(prep, board)), before)).toBe(true);
        expect(verifyPrepared(prep, seat(prep, board, tableAssignment(prep)))).toEqual([]);
      }),
      { seed: 13, numRuns: 200 },
    );
  });

  it("anneals past the descent's local minimum: every meeting and rule kept, never more gaps, the same slots on every run", () => {
    let better = 0;
    fc.assert(
      fc.property(arbInstance({ firms: 10, delegations: 4, slots: 8, windows: true }), fc.integer({ min: 1, max: 2 }), (instance, K) => {
        const prep = prepare(instance, { minMeetings: K });
        const board = timetable(prep, select(prep, "lexicographic").pairs);
        compact(prep, board);
        const pairs = board.placed();
        const levels = board.levels();
        const before = order(boardGaps(prep, board));
        expect(anneal(prep, board, new Budget({ timeLimitMs: 1e9 }))).toBe(false);
        const after = order(boardGaps(prep, board));
        expect(board.placed()).toEqual(pairs);
        expect(board.levels()).toEqual(levels);
        expect(notWorse(after, before)).toBe(true);
        if (after.join() !== before.join()) better++;
        expect(verifyPrepared(prep, seat(prep, board, tableAssignment(prep)))).toEqual([]);
        const again = timetable(prep, select(prep, "lexicographic").pairs);
        compact(prep, again);
        anneal(prep, again, new Budget({ timeLimitMs: 1e9 }));
        expect(again.snapshot()).toEqual(board.snapshot());
      }),
      { seed: 29, numRuns: 150 },
    );
    // Not vacuous: on some of these days the descent had stopped short.
    expect(better).toBeGreaterThan(0);
  });

  it("reports the gaps of the planned agenda, counted from its meetings", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 8, delegations: 4, slots: 6, windows: true }), (instance) => {
        const schedule = planStop(instance);
        const count = (key: "firmId" | "delegationId"): number => {
          const slots = new Map<string, Set<number>>();
          for (const m of schedule.meetings) slots.set(m[key], (slots.get(m[key]) ?? new Set()).add(m.slot));
          let gaps = 0;
          for (const busy of slots.values()) {
            const sorted = [...busy].sort((a, b) => a - b);
            for (let t = sorted[0]! + 1; t < sorted[sorted.length - 1]!; t++) if (!busy.has(t) && busy.has(t - 1)) gaps++;
          }
          return gaps;
        };
        expect(schedule.stats.gaps).toMatchObject({ firms: count("firmId"), delegations: count("delegationId") });
      }),
      { seed: 17, numRuns: 100 },
    );
  });
});
