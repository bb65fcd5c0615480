/** Checks that skipping the slot relaxation when an agenda already has the flow's musts and served (`slotMoot`) moves neither the search's target nor any bound (random instances with windows). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boundsFor, relaxedLevels, slotMoot, slotRelaxation, tightest } from "../src/bounds.js";
import { prepare } from "../src/prepare.js";
import { select } from "../src/select.js";
import { timetable } from "../src/timetable.js";
import { arbInstance } from "./builders.js";

describe("slotMoot", () => {
  it("leaves the tightest relaxation and every bound as they are with the slot relaxation", () => {
    let moot = 0;
    fc.assert(
      fc.property(arbInstance({ firms: 6, delegations: 3, slots: 4, windows: true }), fc.constantFrom(1, 2), (instance, K) => {
        const prep = prepare(instance, { minMeetings: K });
        if (!prep.windowed || prep.eligible.length === 0) return;
        const selection = select(prep, "lexicographic");
        const levels = timetable(prep, selection.pairs).levels();
        if (!slotMoot(levels, selection.levels)) return;
        moot++;
        const slot = slotRelaxation(prep, "lexicographic");
        if (slot === null) return;
        const without = relaxedLevels(prep, "lexicographic", selection, false);
        const withSlot = [...without, slot];
        expect(tightest(withSlot)).toEqual(tightest(without));
        expect(boundsFor(prep, withSlot, levels)).toEqual(boundsFor(prep, without, levels));
      }),
      { seed: 11, numRuns: 300 },
    );
    // The property is about the moot case: the generator must reach it often.
    expect(moot).toBeGreaterThan(100);
  });
});
