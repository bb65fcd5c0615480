/** `excluded` pairs (meetings the organiser cancelled): never planned, and a re-plan cancels them and keeps every other meeting. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planStop } from "../src/plan.js";
import { replanStop } from "../src/replan/replan.js";
import { verifyAgenda } from "../src/verify.js";
import { arbInstance } from "./builders.js";

describe("excluded pairs", () => {
  it("are never planned, and a re-plan cancels exactly them among the still-valid meetings", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 8, delegations: 3, slots: 5, windows: true }), fc.nat(), (instance, pick) => {
        const first = planStop(instance);
        if (first.meetings.length === 0) return;
        const gone = first.meetings[pick % first.meetings.length]!;
        const excluded = [{ firmId: gone.firmId, delegationId: gone.delegationId }];
        const fresh = planStop(instance, { excluded });
        expect(fresh.meetings.some((m) => m.firmId === gone.firmId && m.delegationId === gone.delegationId)).toBe(false);
        expect(verifyAgenda(instance, fresh.meetings)).toEqual([]);
        const replan = replanStop(instance, first.meetings, { excluded });
        expect(replan.schedule.meetings.some((m) => m.firmId === gone.firmId && m.delegationId === gone.delegationId)).toBe(false);
        expect(replan.changes.filter((c) => c.kind === "cancelled")).toEqual([{ kind: "cancelled", firmId: gone.firmId, delegationId: gone.delegationId, before: { slot: gone.slot, table: gone.table }, after: null, reason: "rule" }]);
        expect(replan.stats.unchanged).toBe(first.meetings.length - 1);
      }),
      { seed: 21, numRuns: 40 },
    );
  });
});
