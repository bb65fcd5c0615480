/** Checks the board's free-slot bookkeeping on days of 33 to 70 slots (masks of several words): insertion into a free slot succeeds exactly when one exists, and no chain ever exceeds a firm's representatives or a delegation's tables. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Board } from "../src/board.js";
import { prepare } from "../src/prepare.js";
import type { StopInstance } from "../src/types.js";
import { makeDelegation, makeFirm, makeInstance, makeStop } from "./builders.js";

const START = 8 * 60;
const MINUTES = 10;

/** A window of slots [a, a + len) as times, or the whole day. */
const window = (slots: number): fc.Arbitrary<readonly { start: number; end: number }[] | null> =>
  fc.oneof(
    fc.constant(null),
    fc
      .tuple(fc.integer({ min: 0, max: slots - 1 }), fc.integer({ min: 1, max: slots }))
      .map(([a, len]) => [{ start: START + a * MINUTES, end: START + Math.min(slots, a + len) * MINUTES }]),
  );

const arbLongDay: fc.Arbitrary<StopInstance> = fc.integer({ min: 33, max: 70 }).chain((slots) =>
  fc
    .record({
      firms: fc.array(fc.record({ representatives: fc.integer({ min: 1, max: 2 }), available: window(slots) }), { minLength: 1, maxLength: 5 }),
      delegations: fc.array(fc.record({ tables: fc.integer({ min: 1, max: 2 }), available: window(slots) }), { minLength: 1, maxLength: 4 }),
    })
    .map(({ firms, delegations }) =>
      makeInstance({
        stop: makeStop({ start: START, end: START + slots * MINUTES, slotMinutes: MINUTES }),
        firms: firms.map((f, i) => makeFirm({ id: `F${i}`, ...f })),
        delegations: delegations.map((d, j) => makeDelegation({ id: `D${j}`, country: (["US", "DE", "FR", "IN"] as const)[j] ?? "US", sectors: ["mechanics"], ...d })),
      }),
    ),
);

describe("Board free-slot masks", () => {
  it("agree with the loads after any places, removes and insertions, on days longer than one mask word", () => {
    const ops = fc.array(fc.tuple(fc.constantFrom("toggle", "insert0", "insert2"), fc.nat(), fc.nat()), { maxLength: 60 });
    fc.assert(
      fc.property(arbLongDay, ops, (instance, steps) => {
        const prep = prepare(instance, { minMeetings: 1 });
        if (prep.eligible.length === 0) return;
        expect(prep.slots.length).toBeGreaterThan(32);
        const board = new Board(prep);
        const hasFreeSlot = (pair: number): boolean => {
          const { firm, delegation, slots } = prep.pairs[pair]!;
          return slots.some((t) => !board.firmFull(firm, t) && !board.delegationFull(delegation, t));
        };
        for (const [op, a, b] of steps) {
          const pair = prep.eligible[a % prep.eligible.length]!;
          if (op === "toggle") {
            const { firm, delegation, slots } = prep.pairs[pair]!;
            const t = slots[b % slots.length]!;
            if (board.slotOf[pair] !== -1) board.remove(pair);
            else if (!board.firmFull(firm, t) && !board.delegationFull(delegation, t)) board.place(pair, t);
          } else if (board.slotOf[pair] === -1) {
            const free = hasFreeSlot(pair);
            const placed = board.insert(pair, op === "insert0" ? 0 : 2, 400);
            // Without a chain, an insertion succeeds exactly when a free slot exists (and then takes one).
            if (op === "insert0") expect(placed).toBe(free);
            if (free) expect(placed).toBe(true);
          }
          // Every slot within every firm's representatives and every delegation's tables.
          prep.firms.forEach((firm, f) => {
            for (let t = 0; t < prep.slots.length; t++) expect(board.firmMeetingsAt(f, t).length).toBeLessThanOrEqual(firm.representatives);
          });
          prep.delegations.forEach((delegation, d) => {
            for (let t = 0; t < prep.slots.length; t++) expect(board.delegationMeetings(d, t).length).toBeLessThanOrEqual(delegation.tables);
          });
        }
      }),
      { seed: 7, numRuns: 150 },
    );
  });
});
