/** Checks that the slot board's nested journals roll back exactly what they recorded (random instances). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Board } from "../src/board.js";
import { prepare } from "../src/prepare.js";
import { arbInstance } from "./builders.js";

describe("Board journals", () => {
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
});
