// A meeting moved onto another delegation's table is the one verifyAgenda reports (wrong-table, naming the table's delegation), not every meeting of both delegations.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planStop } from "../src/plan.js";
import { verifyAgenda } from "../src/verify.js";
import type { Meeting, StopInstance } from "../src/types.js";
import { arbInstance, makeDelegation, makeFirm, makeInstance } from "./builders.js";

/** A meeting of one delegation and a table of another that holds a meeting in the agenda: the move to try. */
function moves(instance: StopInstance): { meetings: readonly Meeting[]; tryMove: (k: number, j: number, sameSlot: boolean) => { moved: Meeting[]; index: number; owner: string } | null } {
  const schedule = planStop(instance);
  const { meetings, tables } = schedule;
  const tryMove = (k: number, j: number, sameSlot: boolean) => {
    if (meetings.length === 0) return null;
    const index = k % meetings.length;
    const m = meetings[index]!;
    const others = tables.filter((a) => a.delegationId !== m.delegationId).flatMap((a) => a.tables.map((table) => ({ table, owner: a.delegationId })));
    const used = others.filter((o) => meetings.some((x) => x.table === o.table));
    if (used.length === 0) return null;
    const { table, owner } = used[j % used.length]!;
    const slots = sameSlot ? [m.slot] : schedule.slots.map((s) => s.index).filter((s) => s !== m.slot);
    const slot = slots.find((s) => !meetings.some((x) => x.slot === s && x.table === table));
    if (slot === undefined) return null;
    const moved = meetings.map((x, i) => (i === index ? { ...x, slot, table } : x));
    return { moved, index, owner };
  };
  return { meetings, tryMove };
}

describe("verifyAgenda: a meeting at another delegation's table", () => {
  it("in a free cell of the same slot: one wrong-table naming that meeting alone and the table's delegation (seeded random stops)", () => {
    let tried = 0;
    fc.assert(
      fc.property(arbInstance({ firms: 8, delegations: 4, slots: 5, windows: true }), fc.nat(), fc.nat(), (instance, k, j) => {
        const move = moves(instance).tryMove(k, j, true);
        if (move === null) return;
        tried++;
        const violations = verifyAgenda(instance, move.moved);
        expect(violations.map((v) => [v.code, v.meetings, v.params.owner])).toEqual([["wrong-table", [move.index], move.owner]]);
      }),
      { seed: 22, numRuns: 300 },
    );
    expect(tried).toBeGreaterThan(40);
  });

  it("in another slot: every rule broken involves the moved meeting, and the table rule names it alone", () => {
    let tried = 0;
    fc.assert(
      fc.property(arbInstance({ firms: 8, delegations: 4, slots: 5, windows: false }), fc.nat(), fc.nat(), (instance, k, j) => {
        const move = moves(instance).tryMove(k, j, false);
        if (move === null) return;
        tried++;
        const violations = verifyAgenda(instance, move.moved);
        for (const v of violations) expect(v.meetings, v.code).toContain(move.index);
        expect(violations.filter((v) => v.code === "wrong-table").map((v) => [v.meetings, v.params.owner])).toEqual([[[move.index], move.owner]]);
      }),
      { seed: 23, numRuns: 300 },
    );
    expect(tried).toBeGreaterThan(40);
  });

  // Two delegations of two tables each (1–2 and 3–4), four firms, two slots.
  const instance = makeInstance({
    delegations: [makeDelegation({ id: "DE-1", country: "DE", tables: 2 }), makeDelegation({ id: "US-1", tables: 2 })],
    firms: ["F1", "F2", "F3", "F4"].map((id) => makeFirm({ id, representatives: 2 })),
    scores: ["F1", "F2", "F3", "F4"].flatMap((firmId) => [{ firmId, delegationId: "DE-1", score: 5 }, { firmId, delegationId: "US-1", score: 5 }]),
  });
  const m = (firmId: string, delegationId: string, slot: number, table: number) => ({ firmId, delegationId, slot, table });
  const valid = [m("F1", "DE-1", 1, 1), m("F2", "DE-1", 1, 2), m("F3", "US-1", 1, 3), m("F4", "US-1", 1, 4), m("F3", "DE-1", 2, 1), m("F1", "US-1", 2, 3)];

  it("accepts each delegation at its own tables", () => {
    expect(verifyAgenda(instance, valid)).toEqual([]);
  });

  it("names the one meeting at a table of the other delegation, with that delegation and the tables it keeps", () => {
    const moved = valid.map((x, i) => (i === 5 ? { ...x, table: 2 } : x));
    const [v, ...rest] = verifyAgenda(instance, moved);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ code: "wrong-table", meetings: [5], params: { delegation: "US-1", table: 2, owner: "DE-1", tables: "3, 4", count: 1, limit: 2 } });
    expect(v).not.toHaveProperty("message"); // data only: the CLI's catalogue words it
  });

  it("names the meetings at a table beyond the delegation's count, not the others", () => {
    const moved = [...valid, m("F4", "DE-1", 2, 7)];
    const [v, ...rest] = verifyAgenda(instance, moved);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({ code: "wrong-table", meetings: [6], params: { delegation: "DE-1", table: 7, tables: "1, 2", limit: 2 } });
    expect(v!.params.owner).toBeUndefined();
  });

  it("onto an occupied cell: the clash names both meetings, the table rule the moved one only", () => {
    const moved = valid.map((x, i) => (i === 5 ? { ...x, slot: 1, table: 1 } : x));
    const found = verifyAgenda(instance, moved).map((v) => [v.code, v.meetings]);
    expect(found).toContainEqual(["table-clash", [0, 5]]);
    expect(found).toContainEqual(["wrong-table", [5]]);
  });
});
