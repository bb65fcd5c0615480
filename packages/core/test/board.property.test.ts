/** Checks that the slot board's nested journals roll back exactly what they recorded, and that `moveAll` does what removing and placing would (random instances). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Board } from "../src/board.js";
import { prepare } from "../src/prepare.js";
import { arbInstance } from "./builders.js";

describe("Board: journals and moveAll", () => {
  it("nest: an inner rollback undoes only its changes, an outer one undoes the committed inner ones too", () => {
    const ops = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 12 });
    fc.assert(
      fc.property(arbInstance({ firms: 4, delegations: 3, slots: 4, windows: true }), ops, ops, ops, (instance, before, inner, outer) => {
        const prep = prepare(instance, { minMeetings: 1 });
        const board = new Board(prep);
        const apply = (steps: readonly [number, number][]): void => {
          for (const [a, b] of steps) {
            if (prep.eligible.length === 0) return;
            const pair = prep.eligible[a % prep.eligible.length]!;
            const { firm, delegation, slots } = prep.pairs[pair]!;
            const t = slots[b % slots.length]!;
            if (board.slotOf[pair] !== -1) board.remove(pair);
            else if (!board.firmFull(firm, t) && !board.delegationFull(delegation, t)) board.place(pair, t);
          }
        };
        apply(before);
        const start = board.snapshot();
        const startLevels = board.levels();
        board.beginJournal();
        apply(outer);
        const middle = board.snapshot();
        board.beginJournal();
        apply(inner);
        board.rollback();
        expect([...board.snapshot()]).toEqual([...middle]);
        board.beginJournal();
        apply(inner);
        board.commit();
        board.rollback();
        expect([...board.snapshot()]).toEqual([...start]);
        expect(board.levels()).toEqual(startLevels);
      }),
      { seed: 3, numRuns: 200 },
    );
  });

  it("moveAll leaves the board as removing the meetings and placing them again would, and a journal undoes it", () => {
    const moves = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(arbInstance({ firms: 5, delegations: 3, slots: 5, windows: true }), fc.array(fc.nat(), { maxLength: 20 }), moves, (instance, seedPlaces, chosen) => {
        const prep = prepare(instance, { minMeetings: 1 });
        if (prep.eligible.length === 0) return;
        // Two boards with the same meetings, placed in the same order.
        const boards = [new Board(prep), new Board(prep)] as const;
        for (const k of seedPlaces) {
          const pair = prep.eligible[k % prep.eligible.length]!;
          const { firm, delegation, slots } = prep.pairs[pair]!;
          const t = slots[k % slots.length]!;
          if (boards[0].slotOf[pair] !== -1 || boards[0].firmFull(firm, t) || boards[0].delegationFull(delegation, t)) continue;
          for (const board of boards) board.place(pair, t);
        }
        const placed = boards[0].placed();
        if (placed.length === 0) return;
        // Distinct placed meetings, each to one of its common slots (capacity may be exceeded in between, as in a chain).
        const pairs: number[] = [];
        const to: number[] = [];
        for (const [a, b] of chosen) {
          const pair = placed[a % placed.length]!;
          if (pairs.includes(pair)) continue;
          const slots = prep.pairs[pair]!.slots;
          pairs.push(pair);
          to.push(slots[b % slots.length]!);
        }
        const start = boards[0].snapshot();
        const startLevels = boards[0].levels();
        boards[0].beginJournal();
        boards[0].moveAll(pairs, to);
        for (const pair of pairs) boards[1].remove(pair);
        pairs.forEach((pair, i) => boards[1].place(pair, to[i]!));
        const state = (board: Board): unknown => ({
          slots: [...board.snapshot()],
          levels: board.levels(),
          firms: prep.firms.map((_, f) => prep.slots.map((__, t) => [board.firmRoom(f, t), [...board.firmMeetingsAt(f, t)]])),
          delegations: prep.delegations.map((_, d) => prep.slots.map((__, t) => [board.delegationRoom(d, t), [...board.delegationMeetings(d, t)]])),
        });
        expect(state(boards[0])).toEqual(state(boards[1]));
        expect(boards[0].levels()).toEqual(startLevels);
        boards[0].rollback();
        expect([...boards[0].snapshot()]).toEqual([...start]);
        expect(boards[0].levels()).toEqual(startLevels);
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
