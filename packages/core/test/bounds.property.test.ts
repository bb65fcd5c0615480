/** Checks the slot relaxation's bounds against the served count that slotCore reaches (random instances). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prepare } from "../src/prepare.js";
import { slotCore, slotRelaxation } from "../src/bounds.js";
import { boardOf } from "../src/timetable.js";
import { arbInstance } from "./builders.js";

describe("slotCore", () => {
  it("serves as many firms as the slot relaxation's bound when K = 1 and nobody has a must", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 7, delegations: 3, slots: 4, windows: true }), (generated) => {
        const instance = { ...generated, requests: generated.requests.filter((r) => r.kind !== "must") };
        const prep = prepare(instance, { minMeetings: 1 });
        const bound = slotRelaxation(prep, "lexicographic")!;
        const board = boardOf(prep, slotCore(prep)!);
        expect(board.levels().served).toBe(bound.served);
        expect(board.placed().length).toBe(bound.served);
      }),
      { seed: 5, numRuns: 300 },
    );
  });
});
