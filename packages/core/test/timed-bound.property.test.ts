/** Checks the timed selection (the flow selection with delegations' tables per slot) against brute force: never below the optimum, never above the selection, and tighter than it on crowded narrow windows. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { relaxedLevels, tightest, timedSelection } from "../src/bounds.js";
import { atLeast, lexBetter } from "../src/levels.js";
import { prepare } from "../src/prepare.js";
import { select } from "../src/select.js";
import type { StopInstance } from "../src/types.js";
import { arbInstance } from "./builders.js";
import { bruteForce } from "./brute-force.js";

const FIRMS = 6;

/** The generated day with most firms in a one- or two-slot window and delegations at one table (so firms crowd a delegation's slots), the rest as generated. */
const crowded = fc
  .tuple(
    arbInstance({ firms: FIRMS, delegations: 2, slots: 4, windows: true }),
    fc.array(fc.option(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 2 })), { freq: 4, nil: null }), { minLength: FIRMS, maxLength: FIRMS }),
  )
  .map(([instance, narrow]): StopInstance => {
    const slots = (instance.stop.end - instance.stop.start) / 20;
    return {
      ...instance,
      // One table each, so a delegation's places in a slot are few.
      delegations: instance.delegations.map((d) => ({ ...d, tables: 1 })),
      firms: instance.firms.map((firm, f) => {
        const window = narrow[f];
        if (window === null || window === undefined) return firm;
        const first = Math.min(window[0], slots - 1);
        return { ...firm, available: [{ start: instance.stop.start + first * 20, end: instance.stop.start + Math.min(slots, first + window[1]) * 20 }] };
      }),
    };
  });

describe("timedSelection", () => {
  it("is a true upper bound: lexicographically at least the exhaustive optimum, at most the flow selection", () => {
    let tighter = 0;
    fc.assert(
      fc.property(crowded, fc.integer({ min: 1, max: 2 }), (instance, K) => {
        const prep = prepare(instance, { minMeetings: K });
        const optimum = bruteForce(instance, K);
        const flow = select(prep, "lexicographic").levels;
        const timed = timedSelection(prep);
        if (timed === null) {
          // Only a day with no window at all skips it (it would equal the selection there).
          expect(prep.windowed).toBe(false);
          return;
        }
        expect(atLeast(timed, optimum)).toBe(true);
        expect(atLeast(flow, timed)).toBe(true);
        // The search's target and the summary's bounds come from the tightest relaxation: still above the optimum.
        expect(atLeast(tightest(relaxedLevels(prep, "lexicographic")), optimum)).toBe(true);
        if (lexBetter(flow, timed)) tighter++;
      }),
      { seed: 24, numRuns: 300 },
    );
    // The bound above would hold trivially for one equal to the selection: this one is tighter on crowded days.
    expect(tighter).toBeGreaterThan(20);
  });
});
