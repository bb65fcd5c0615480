/** Checks that day-of changes (absences, arrivals, overrides) reshape the instance and the met history as documented. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { absentAt, applyChanges, metHistory } from "../src/changes.js";
import { planSeason, type HeldMeeting } from "../src/season/season.js";
import { planStop } from "../src/plan.js";
import { verifyAgenda } from "../src/verify.js";
import type { Meeting, StopChange } from "../src/types.js";
import { arbInstance, makeDelegation, makeFirm, makeInstance, twoStopSeason } from "./builders.js";

const change = (over: Partial<StopChange> & { participantId: string }): StopChange => ({
  stopId: "BG-2026-03", status: null, available: null, tables: null, representatives: null, note: "", ...over,
});

describe("applyChanges", () => {
  const instance = makeInstance({
    delegations: [makeDelegation({ id: "US-CG" }), makeDelegation({ id: "DE-CG", stops: ["MI-2026-01"] })],
    firms: [makeFirm({ id: "F1" }), makeFirm({ id: "F2", stops: ["MI-2026-01"] })],
  });

  it("leaves the instance as it is without changes of its stop", () => {
    expect(applyChanges(instance, [])).toBe(instance);
    expect(applyChanges(instance, [change({ stopId: "MI-2026-01", participantId: "F1", status: "absent" })])).toBe(instance);
  });

  it("takes absent participants out of the stop and brings present ones in, for this stop only", () => {
    const changed = applyChanges(instance, [
      change({ participantId: "F1", status: "absent" }),
      change({ participantId: "F2", status: "present" }),
      change({ participantId: "US-CG", status: "absent" }),
      change({ participantId: "DE-CG", status: "present" }),
    ]);
    expect(changed.firms.map((f) => f.stops)).toEqual([[], ["MI-2026-01", "BG-2026-03"]]);
    expect(changed.delegations.map((d) => d.stops)).toEqual([[], ["MI-2026-01", "BG-2026-03"]]);
    // The master data is untouched.
    expect(instance.firms[0]!.stops).toEqual(["BG-2026-03"]);
    expect(instance.delegations[0]!.stops).toBeNull();
  });

  it("overrides windows, tables and representatives; fields of the other kind are ignored", () => {
    const late = [{ start: 15 * 60, end: 16 * 60 }];
    const changed = applyChanges(instance, [
      change({ participantId: "US-CG", available: late, tables: 3, representatives: 4 }),
      change({ participantId: "F1", representatives: 2, tables: 5 }),
    ]);
    expect(changed.delegations[0]).toMatchObject({ available: late, tables: 3, stops: null });
    expect(changed.firms[0]).toMatchObject({ representatives: 2, stops: ["BG-2026-03"] });
  });

  it("an absent participant gets no meeting, and the agenda passes the checker (random instances)", () => {
    fc.assert(
      fc.property(arbInstance({ firms: 5, delegations: 3, slots: 4, windows: true }), fc.integer({ min: 0, max: 7 }), (base, pick) => {
        const ids = [...base.firms.map((f) => f.id), ...base.delegations.map((d) => d.id)];
        const gone = ids[pick % ids.length]!;
        const instance = applyChanges(base, [change({ participantId: gone, status: "absent" })]);
        const schedule = planStop(instance, { timeLimitMs: 2000 });
        expect(schedule.meetings.some((m) => m.firmId === gone || m.delegationId === gone)).toBe(false);
        expect(verifyAgenda(instance, schedule.meetings)).toEqual([]);
      }),
      { seed: 12, numRuns: 40 },
    );
  });
});

describe("metHistory", () => {
  const history = [
    { firmId: "F1", delegationId: "US-CG", stopId: "S1" },
    { firmId: "F2", delegationId: "US-CG", stopId: "S1" },
    { firmId: "F3", delegationId: "DE-CG", stopId: "S1" },
    { firmId: "F1", delegationId: "DE-CG", stopId: "S2" },
  ];

  it("drops meetings cancelled by an absence, not held, or marked for a follow-up", () => {
    const changes = [change({ stopId: "S1", participantId: "F1", status: "absent" }), change({ stopId: "S2", participantId: "F2", status: "absent" })];
    const outcomes = [
      { stopId: "S1", firmId: "F2", delegationId: "US-CG", held: false, followUp: false },
      { stopId: "S2", firmId: "F1", delegationId: "DE-CG", held: true, followUp: true },
    ];
    expect(metHistory(history, changes, outcomes)).toEqual([{ firmId: "F3", delegationId: "DE-CG", stopId: "S1" }]);
    expect(metHistory(history, [], [])).toEqual(history);
  });

  it("the last status of a participant wins", () => {
    expect(absentAt("S1", [change({ stopId: "S1", participantId: "F1", status: "absent" }), change({ stopId: "S1", participantId: "F1", status: "present" })])).toEqual([]);
  });
});

describe("planSeason with changes and outcomes", () => {
  const season = twoStopSeason;

  const pairs = (meetings: readonly Meeting[]) => meetings.map((m) => `${m.firmId}-${m.delegationId}`);
  const held: HeldMeeting = { slot: 1, table: 1, firmId: "F1", delegationId: "US1", score: 9 };

  it("a frozen meeting cancelled by an absence is dropped and the pair may meet at a later stop", () => {
    const plan = planSeason(season({ frozen: new Map([["S1", [held]]]), changes: [change({ stopId: "S1", participantId: "US1", status: "absent" })] }));
    expect(plan.stops[0]!.cancelled).toEqual([held]);
    expect(plan.stops[0]!.schedule.meetings).toEqual([]);
    expect(pairs(plan.stops[1]!.schedule.meetings)).toEqual(["F1-US1"]);
  });

  it("a planned stop honours its changes", () => {
    const plan = planSeason(season({ changes: [change({ stopId: "S1", participantId: "US1", status: "absent" })] }));
    expect(plan.stops.map((s) => pairs(s.schedule.meetings))).toEqual([["F1-US2"], ["F1-US1"]]);
  });

  it("a follow-up pair meets again; a held pair does not", () => {
    const frozen = new Map([["S1", [held]]]);
    expect(pairs(planSeason(season({ frozen })).stops[1]!.schedule.meetings)).toEqual(["F1-US2"]);
    const outcomes = [{ stopId: "S1", firmId: "F1", delegationId: "US1", held: true, followUp: true }];
    expect(pairs(planSeason(season({ frozen, outcomes })).stops[1]!.schedule.meetings)).toEqual(["F1-US1"]);
  });
});
