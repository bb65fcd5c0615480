/**
 * A hand edit does not cascade: one meeting moved by hand onto another delegation's table free in
 * that slot, then a re-plan without changes, gives every other meeting back exactly (no delegation
 * loses its tables, no table number appears that the agenda did not use), the moved meeting back
 * at a table of its own delegation, and tells only its two participants; checked by the
 * independent checker and the independent still-valid reading, on random stops.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planStop, replanStop, type Meeting, type Schedule } from "@roadshow/core";
import { arbInstance } from "../packages/core/test/builders.js";
import { stillValid } from "../oracle/still-valid.js";
import { checkAgenda } from "../oracle/verify.js";

const key = (m: Pick<Meeting, "firmId" | "delegationId" | "slot" | "table">): string => `${m.firmId}|${m.delegationId}|${m.slot}|${m.table}`;

/**
 * Every (meeting, table) where the table is another delegation's, free in the meeting's slot, and
 * seen as that delegation's in the agenda (two of its meetings there: with one, the agenda alone
 * cannot tell which of the two delegations sat there).
 */
function handMoves(schedule: Schedule): { index: number; table: number }[] {
  const ownerOf = new Map(schedule.tables.flatMap((t) => t.tables.map((n) => [n, t.delegationId] as const)));
  const used = new Set(schedule.meetings.map((m) => `${m.slot}|${m.table}`));
  const held = (table: number) => schedule.meetings.filter((m) => m.table === table).length;
  return schedule.meetings.flatMap((m, index) =>
    [...ownerOf].filter(([n, owner]) => owner !== m.delegationId && !used.has(`${m.slot}|${n}`) && held(n) >= 2).map(([table]) => ({ index, table })));
}

describe("replan after a meeting is moved by hand onto another delegation's free table", () => {
  it("moves only that meeting, back to its own delegation's table; nobody else moves or is told", () => {
    let tried = 0;
    fc.assert(
      fc.property(arbInstance({ firms: 10, delegations: 4, slots: 8, windows: true }), fc.nat(), fc.integer({ min: 1, max: 2 }), (instance, pick, K) => {
        const plan = planStop(instance, { minMeetings: K });
        const moves = handMoves(plan);
        if (moves.length === 0) return;
        tried++;
        const { index, table } = moves[pick % moves.length]!;
        const moved = plan.meetings[index]!;
        const edited = plan.meetings.map((m, i) => (i === index ? { ...m, table } : m));
        const replan = replanStop(instance, edited, { minMeetings: K });
        const after = replan.schedule.meetings;
        expect(checkAgenda(instance, replan.schedule.slots, { allowRepeats: false }, after)).toEqual([]);
        // Every other meeting exactly as it was; the tables as the plan had them.
        const now = new Set(after.map(key));
        expect(plan.meetings.filter((_, i) => i !== index).filter((m) => !now.has(key(m)))).toEqual([]);
        expect(replan.schedule.tables).toEqual(plan.tables);
        expect(Math.max(...after.map((m) => m.table))).toBeLessThanOrEqual(Math.max(...plan.meetings.map((m) => m.table)));
        // The moved pair meets again, in its slot, at one of its delegation's tables.
        const own = plan.tables.find((t) => t.delegationId === moved.delegationId)!.tables;
        const back = after.find((m) => m.firmId === moved.firmId && m.delegationId === moved.delegationId)!;
        expect(back.slot).toBe(moved.slot);
        expect(own).toContain(back.table);
        expect(after).toHaveLength(plan.meetings.length);
        // Only its two participants are told; the independent reading agrees on what was still valid.
        expect(replan.changes.map((c) => `${c.firmId}|${c.delegationId}|${c.kind}|${c.reason}`)).toEqual([`${moved.firmId}|${moved.delegationId}|table-changed|other-table`]);
        expect([...replan.stats.notifiedFirms, ...replan.stats.notifiedDelegations]).toEqual([moved.firmId, moved.delegationId]);
        const { valid } = stillValid(instance, edited, { allowRepeats: false });
        expect(valid.map(key).sort()).toEqual(edited.filter((_, i) => i !== index).map(key).sort());
      }),
      { seed: 2205, numRuns: 150 },
    );
    expect(tried).toBeGreaterThan(40);
  });
});
