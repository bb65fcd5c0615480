/** Checks replanStop on hand-made days: kept meetings, lost ones placed again, absences, walk-ins, locks and tables. */
import { describe, expect, it } from "vitest";
import { planStop } from "../src/plan.js";
import { InvalidInstanceError } from "../src/errors.js";
import { replanStop } from "../src/replan/replan.js";
import type { Meeting, StopInstance } from "../src/types.js";
import { verifyAgenda } from "../src/verify.js";
import { makeDelegation, makeFirm, makeInstance, makeStop } from "./builders.js";

const scores = (entries: [string, string, number][]) => entries.map(([firmId, delegationId, score]) => ({ firmId, delegationId, score }));
const m = (slot: number, table: number, delegationId: string, firmId: string): Omit<Meeting, "score" | "parts"> => ({ slot, table, delegationId, firmId });
const brief = (meetings: readonly Meeting[]): string[] => meetings.map((x) => `${x.slot}/${x.table} ${x.delegationId} ${x.firmId}`);

/** Three slots (14:00–15:00), two delegations. */
const base = makeInstance({
  stop: makeStop({ end: 15 * 60 }),
  delegations: [makeDelegation({ id: "DE", country: "DE" }), makeDelegation({ id: "US", country: "US", tables: 2 })],
  firms: ["A", "B", "C", "D"].map((id) => makeFirm({ id })),
  scores: scores([
    ["A", "US", 9], ["B", "US", 8], ["C", "US", 7], ["D", "US", 6],
    ["A", "DE", 5], ["B", "DE", 4], ["C", "DE", 3], ["D", "DE", 2],
  ]),
});

describe("replanStop", () => {
  it("gives back the previous agenda when nothing changed", () => {
    const previous = planStop(base);
    const replan = replanStop(base, previous.meetings);
    expect(replan.schedule.meetings).toEqual(previous.meetings);
    expect(replan.schedule.tables).toEqual(previous.tables);
    expect(replan.changes).toEqual([]);
    expect(replan.stats).toMatchObject({ previous: previous.meetings.length, unchanged: previous.meetings.length, lostPairs: 0, replaced: 0, moves: 0 });
    expect(replan.stats.notifiedFirms).toEqual([]);
  });

  it("keeps every meeting that still holds and places the lost ones again elsewhere", () => {
    const previous = [m(1, 1, "DE", "A"), m(1, 2, "US", "B"), m(1, 3, "US", "C"), m(2, 2, "US", "A"), m(2, 1, "DE", "B")];
    // US arrives at 14:20: slot 1 is gone for it.
    const late: StopInstance = { ...base, delegations: base.delegations.map((d) => (d.id === "US" ? { ...d, available: [{ start: 860, end: 900 }] } : d)) };
    const replan = replanStop(late, previous);
    expect(verifyAgenda(late, replan.schedule.meetings)).toEqual([]);
    const after = brief(replan.schedule.meetings);
    for (const kept of ["1/1 DE A", "2/2 US A", "2/1 DE B"]) expect(after).toContain(kept);
    expect(replan.stats).toMatchObject({ lostPairs: 2, replaced: 2, replacedBound: 2, unchanged: 3 });
    const moved = replan.changes.filter((c) => c.kind === "moved");
    expect(moved.map((c) => [c.firmId, c.delegationId, c.reason])).toEqual([["B", "US", "delegation-window"], ["C", "US", "delegation-window"]]);
    expect(replan.schedule.status).toBe("optimal");
  });

  it("cancels the meetings of an absent firm and gives its freed place to a firm left short", () => {
    const previous = [m(1, 2, "US", "A"), m(1, 3, "US", "B"), m(2, 2, "US", "C"), m(1, 1, "DE", "C")];
    const instance: StopInstance = { ...base, firms: base.firms.filter((f) => f.id !== "A"), scores: base.scores!.filter((s) => s.firmId !== "D" || s.delegationId === "US") };
    const replan = replanStop(instance, previous);
    expect(verifyAgenda(instance, replan.schedule.meetings)).toEqual([]);
    expect(replan.changes.find((c) => c.firmId === "A")).toMatchObject({ kind: "cancelled", reason: "firm-absent", after: null });
    expect(replan.changes.find((c) => c.firmId === "D")).toMatchObject({ kind: "new", delegationId: "US", reason: "walk-in" });
    expect(replan.stats.notifiedFirms).toEqual(["A", "D"]);
  });

  it("gives a walk-in free table-slots without moving anyone", () => {
    const previous = planStop(base).meetings;
    const walkIn: StopInstance = {
      ...base,
      firms: [...base.firms, makeFirm({ id: "W" })],
      scores: [...base.scores!, ...scores([["W", "DE", 50], ["W", "US", 50]])],
    };
    const replan = replanStop(walkIn, previous);
    expect(verifyAgenda(walkIn, replan.schedule.meetings)).toEqual([]);
    expect(replan.stats.unchanged).toBe(previous.length);
    expect(replan.changes.every((c) => c.kind === "new" && c.firmId === "W" && c.reason === "walk-in")).toBe(true);
  });

  it("keeps a delegation's lowest tables when it has fewer, and numbers a new delegation after the highest table", () => {
    const previous = [m(1, 2, "US", "A"), m(1, 3, "US", "B"), m(2, 3, "US", "C"), m(1, 1, "DE", "D")];
    const instance: StopInstance = {
      ...base,
      delegations: [...base.delegations.map((d) => (d.id === "US" ? { ...d, tables: 1 } : d)), makeDelegation({ id: "FR", country: "FR" })],
      scores: [...base.scores!, ...scores([["A", "FR", 1]])],
    };
    const replan = replanStop(instance, previous);
    expect(replan.schedule.tables).toEqual([
      { delegationId: "DE", tables: [1] },
      { delegationId: "FR", tables: [4] },
      { delegationId: "US", tables: [2] },
    ]);
    expect(verifyAgenda(instance, replan.schedule.meetings)).toEqual([]);
    const after = brief(replan.schedule.meetings);
    expect(after).toContain("1/2 US A");
    // C lost table 3 but slot 2 has room: only its table changes. B lost table 3 in slot 1 (A keeps table 2 there): it moves.
    expect(replan.changes.find((c) => c.firmId === "C" && c.delegationId === "US")).toMatchObject({ kind: "table-changed", before: { slot: 2, table: 3 }, after: { slot: 2, table: 2 }, reason: "capacity" });
    expect(replan.changes.find((c) => c.firmId === "B" && c.delegationId === "US")).toMatchObject({ kind: "moved", after: { slot: 3, table: 2 }, reason: "capacity" });
    expect(replan.stats).toMatchObject({ lostPairs: 2, replaced: 2 });
  });

  it("never keeps a pair that is now avoided, and says why", () => {
    const previous = [m(1, 2, "US", "A"), m(1, 1, "DE", "B")];
    const instance: StopInstance = { ...base, requests: [{ firmId: "A", country: "US", kind: "avoid" }] };
    const replan = replanStop(instance, previous);
    expect(replan.changes.find((c) => c.firmId === "A" && c.delegationId === "US")).toMatchObject({ kind: "cancelled", reason: "rule" });
    expect(replan.stats.lostPairs).toBe(0);
  });

  it("keeps locked meetings exactly, and refuses a lock that breaks a rule", () => {
    const previous = planStop(base).meetings;
    const lock = previous[0]!;
    const replan = replanStop(base, previous, { allowMoves: true, locked: [lock] });
    expect(replan.schedule.meetings).toContainEqual(lock);
    expect(() => replanStop(base, previous, { locked: [{ ...lock, slot: 9 }] })).toThrow(InvalidInstanceError);
    let thrown: unknown;
    try {
      replanStop(base, previous, { locked: [lock, { ...lock, slot: 9 }] });
    } catch (error) {
      thrown = error;
    }
    // The lock's problem as data (the CLI words it): its meeting and why it does not hold.
    const { firmId, delegationId, table } = lock;
    expect((thrown as InvalidInstanceError).issues).toEqual([
      { severity: "error", code: "bad-lock", path: ["locked", 1], value: { ...lock, slot: 9 }, params: { firmId, delegationId, slot: 9, table, problem: "firm-window" } },
    ]);
    const clash = { ...lock, firmId: previous.find((m) => m.firmId !== lock.firmId && m.delegationId === lock.delegationId)?.firmId ?? "none" };
    expect(() => replanStop(base, previous, { locked: [lock, clash] })).toThrow(/locked\[1\]: bad-lock, .*"problem":"clash"/);
  });
});

describe("replanStop with allowMoves", () => {
  // One slot per half: X is the only firm that can come in slot 1, and D1's only table there is taken by A.
  const tight = makeInstance({
    stop: makeStop({ end: 14 * 60 + 40 }),
    delegations: [makeDelegation({ id: "D1", country: "DE" })],
    firms: [makeFirm({ id: "A" }), makeFirm({ id: "X", available: [{ start: 840, end: 860 }] })],
    scores: scores([["A", "D1", 10], ["X", "D1", 1]]),
  });
  const previous = [m(1, 1, "D1", "A")];

  it("moves a kept meeting only to serve one more firm, and counts the move", () => {
    const pinned = replanStop(tight, previous);
    expect(brief(pinned.schedule.meetings)).toEqual(["1/1 D1 A"]);
    const moved = replanStop(tight, previous, { allowMoves: true });
    expect(brief(moved.schedule.meetings)).toEqual(["1/1 D1 X", "2/1 D1 A"]);
    expect(moved.stats.moves).toBe(1);
    expect(moved.changes.find((c) => c.firmId === "A")).toMatchObject({ kind: "moved", reason: "improvement", before: { slot: 1, table: 1 }, after: { slot: 2, table: 1 } });
    expect(verifyAgenda(tight, moved.schedule.meetings)).toEqual([]);
  });

  it("does not move anyone for score alone", () => {
    const richer = { ...tight, firms: [makeFirm({ id: "A" }), makeFirm({ id: "X" })], scores: scores([["A", "D1", 1], ["X", "D1", 10]]) };
    const moved = replanStop(richer, [m(1, 1, "D1", "A"), m(2, 1, "D1", "X")], { allowMoves: true });
    expect(moved.stats.moves).toBe(0);
    expect(moved.changes).toEqual([]);
  });

  it("does not move a locked meeting even when that would serve a firm", () => {
    const locked = replanStop(tight, previous, { allowMoves: true, locked: previous });
    expect(brief(locked.schedule.meetings)).toEqual(["1/1 D1 A"]);
    expect(locked.stats.moves).toBe(0);
  });
});
