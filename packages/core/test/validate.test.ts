// Tests of validateInstance / validateSeason and of planStop / planSeason refusing invalid instances.
import { describe, expect, it } from "vitest";
import { formatPath, InternalError, InvalidInstanceError } from "../src/errors.js";
import { planStop } from "../src/plan.js";
import { replanStop } from "../src/replan/replan.js";
import { planSeason } from "../src/season/season.js";
import { explainFirm } from "../src/explain.js";
import { verifyAgenda } from "../src/verify.js";
import { evaluateAgenda, reviewAgenda } from "../src/evaluate.js";
import { pairAffinities, scorePairs } from "../src/prepare.js";
import { refillSlot } from "../src/desk/refill.js";
import type { StopInstance } from "../src/types.js";
import { validateInstance, validateSeason } from "../src/validate.js";
import { makeDelegation, makeFirm, makeInstance, makeStop } from "./builders.js";

const valid = (): StopInstance =>
  makeInstance({
    delegations: [makeDelegation({ id: "US-CG", country: "US" }), makeDelegation({ id: "DE-CG", country: "DE", tables: 2 })],
    firms: [makeFirm({ id: "F1", targets: ["US"] }), makeFirm({ id: "F2", targets: ["DE"], available: [{ start: 840, end: 900 }] })],
    requests: [{ firmId: "F1", country: "US", kind: "must" }],
    scores: null,
    history: [{ firmId: "F2", delegationId: "US-CG", stopId: "MI-2026-01" }],
  });

const errors = (instance: StopInstance) => validateInstance(instance).filter((i) => i.severity === "error");
const at = (instance: StopInstance) => errors(instance).map((i) => [i.code, formatPath(i.path)]);

describe("validateInstance", () => {
  it("finds nothing wrong with a sound instance", () => {
    expect(validateInstance(valid())).toEqual([]);
  });

  it("reports an unknown time zone with its path and value", () => {
    const instance = { ...valid(), stop: makeStop({ timezone: "Mars/Base" }) };
    expect(validateInstance(instance)).toEqual([
      { severity: "error", code: "bad-timezone", path: ["stop", "timezone"], value: "Mars/Base", params: {} },
    ]);
  });

  it("reports a date that is not a calendar date, and an end before the start", () => {
    expect(at({ ...valid(), stop: makeStop({ date: "not-a-date" }) })).toEqual([["bad-date", "stop.date"]]);
    expect(at({ ...valid(), stop: makeStop({ date: "2026-02-30" }) })).toEqual([["bad-date", "stop.date"]]);
    expect(at({ ...valid(), stop: makeStop({ date: "0000-01-01" }) })).toEqual([]);
    expect(at({ ...valid(), stop: makeStop({ date: "2024-02-29" }) })).toEqual([]);
    expect(at({ ...valid(), stop: makeStop({ date: "0099-02-29" }) })).toEqual([["bad-date", "stop.date"]]);
    expect(at({ ...valid(), stop: makeStop({ start: 900, end: 840 }) })).toEqual([["end-before-start", "stop.end"]]);
  });

  it("reports slot lengths, gaps and breaks that leave no usable session", () => {
    expect(at({ ...valid(), stop: makeStop({ slotMinutes: 0 }) })).toEqual([["bad-slot-length", "stop.slotMinutes"]]);
    expect(at({ ...valid(), stop: makeStop({ slotMinutes: 12.5 }) })).toEqual([["bad-slot-length", "stop.slotMinutes"]]);
    expect(at({ ...valid(), stop: makeStop({ gapMinutes: -5 }) })).toEqual([["bad-gap", "stop.gapMinutes"]]);
    expect(at({ ...valid(), stop: makeStop({ slotMinutes: 500 }) })).toEqual([["no-slots", "stop.slotMinutes"]]);
    expect(at({ ...valid(), stop: makeStop({ breaks: [{ start: 900, end: 880 }] }) })).toEqual([["end-before-start", "stop.breaks[0]"]]);
    expect(at({ ...valid(), stop: makeStop({ breaks: [{ start: 850, end: 900 }, { start: 860, end: 870 }] }) })).toEqual([["overlapping-breaks", "stop.breaks[1]"]]);
    expect(at({ ...valid(), stop: makeStop({ start: -10 }) })).toEqual([["bad-time", "stop.start"]]);
  });

  it("locates bad windows and capacities of participants by index", () => {
    const base = valid();
    const firms = [base.firms[0]!, makeFirm({ id: "F2", available: [{ start: 840, end: 900 }, { start: 960, end: 930 }], representatives: 0, maxMeetings: -1 })];
    const delegations = [makeDelegation({ id: "US-CG", tables: 1.5 }), base.delegations[1]!];
    expect(at({ ...base, firms, delegations })).toEqual([
      ["bad-capacity", "delegations[0].tables"],
      ["bad-capacity", "firms[1].representatives"],
      ["bad-max-meetings", "firms[1].maxMeetings"],
      ["end-before-start", "firms[1].available[1]"],
    ]);
  });

  it("reports duplicate and missing ids", () => {
    const base = valid();
    expect(at({ ...base, firms: [...base.firms, makeFirm({ id: "F1" }), makeFirm({ id: "" })] })).toEqual([
      ["duplicate-id", "firms[2].id"],
      ["missing-id", "firms[3].id"],
    ]);
  });

  it("reports bad requests and scores, and warns about those naming firms or delegations that do not exist", () => {
    const base = valid();
    const instance: StopInstance = {
      ...base,
      requests: [{ firmId: "F9", country: "US", kind: "must" }, { firmId: "F1", country: "usa", kind: "must" }, { firmId: "F2", country: "US", kind: "maybe" as "must" }],
      scores: [
        { firmId: "F1", delegationId: "XX", score: 3 },
        { firmId: "F1", delegationId: "US-CG", score: -1 },
        { firmId: "F1", delegationId: "US-CG", score: 2 },
      ],
    };
    expect(at(instance)).toEqual([
      ["bad-country", "requests[1].country"],
      ["bad-choice", "requests[2].kind"],
      ["bad-score", "scores[1].score"],
      ["duplicate-pair", "scores[2]"],
    ]);
    // Naming a firm or delegation the instance lacks (withdrawn, left out) has no effect: a warning.
    expect(validateInstance(instance).filter((i) => i.severity === "warning").map((i) => [i.code, formatPath(i.path)])).toEqual([
      ["unknown-firm", "requests[0].firmId"],
      ["unknown-delegation", "scores[0].delegationId"],
    ]);
    const contradicting = { ...base, requests: [{ firmId: "F1", country: "US", kind: "must" as const }, { firmId: "F1", country: "US", kind: "avoid" as const }] };
    expect(at(contradicting)).toEqual([["must-and-avoid", "requests[1].kind"]]);
  });

  it("warns, without an error, about history naming firms or delegations not in the instance", () => {
    const instance = { ...valid(), history: [{ firmId: "GONE", delegationId: "US-CG", stopId: "MI-2026-01" }] };
    expect(validateInstance(instance)).toEqual([
      { severity: "warning", code: "unknown-firm", path: ["history", 0, "firmId"], value: "GONE", params: {} },
    ]);
    expect(planStop(instance).meetings.length).toBeGreaterThan(0);
  });
});

describe("issues as data", () => {
  const issue = (instance: StopInstance, code: string) => validateInstance(instance).find((i) => i.code === code);

  it("carries no sentence: severity, code, path, value and the code's params", () => {
    const base = valid();
    const instance: StopInstance = {
      ...base,
      stop: makeStop({ breaks: [{ start: 850, end: 900 }, { start: 860, end: 870 }] }),
      firms: [...base.firms, makeFirm({ id: "F1" })],
      requests: [{ firmId: "F1", country: "US", kind: "must" }, { firmId: "F1", country: "US", kind: "avoid" }, { firmId: "F2", country: "US", kind: "maybe" as "must" }],
      scores: [{ firmId: "F1", delegationId: "US-CG", score: 1 }, { firmId: "F1", delegationId: "US-CG", score: 2 }],
    };
    for (const i of validateInstance(instance)) expect(Object.keys(i).sort()).toEqual(["code", "params", "path", "severity", "value"]);
    expect(issue(instance, "overlapping-breaks")).toMatchObject({ path: ["stop", "breaks", 1], params: { other: 0 }, value: { start: 860, end: 870 } });
    expect(issue(instance, "duplicate-id")).toMatchObject({ path: ["firms", 2, "id"], params: { first: 0 }, value: "F1" });
    expect(issue(instance, "must-and-avoid")).toMatchObject({ path: ["requests", 1, "kind"], params: { firmId: "F1", country: "US", first: 0 } });
    expect(issue(instance, "bad-choice")).toMatchObject({ value: "maybe", params: { choices: ["must", "avoid"] } });
    expect(issue(instance, "duplicate-pair")).toMatchObject({ path: ["scores", 1], params: { firmId: "F1", delegationId: "US-CG", first: 0 } });
  });

  it("gives times as minutes and lists as what they should hold", () => {
    expect(issue({ ...valid(), stop: makeStop({ start: 900, end: 840 }) }, "end-before-start")).toMatchObject({ params: { of: "session", start: 900, end: 840 } });
    expect(issue({ ...valid(), stop: makeStop({ breaks: [{ start: 900, end: 880 }] }) }, "end-before-start")).toMatchObject({ params: { of: "window", start: 900, end: 880 } });
    expect(issue({ ...valid(), stop: makeStop({ slotMinutes: 500 }) }, "no-slots")).toMatchObject({ params: { slotMinutes: 500, start: 840, end: 960 } });
    const lists = { ...valid(), stop: makeStop({ breaks: null as never }), firms: [makeFirm({ id: "F1", sectors: "x" as never, available: "y" as never })] };
    expect(validateInstance(lists).filter((i) => i.code === "bad-list").map((i) => [formatPath(i.path), i.params])).toEqual([
      ["stop.breaks", { items: "windows", nullable: false }],
      ["firms[0].sectors", { items: "texts", nullable: false }],
      ["firms[0].available", { items: "windows", nullable: true }],
    ]);
  });

  it("makes the error's message for developers from the data: paths, codes, values, params, the first three", () => {
    const base = valid();
    const firms = [makeFirm({ id: "F1", representatives: 0 }), makeFirm({ id: "F1", maxMeetings: -1 }), makeFirm({ id: "F3", representatives: 0 })];
    let thrown: unknown;
    try {
      planStop({ ...base, firms, requests: [] });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInstanceError);
    expect((thrown as Error).message).toBe(
      'invalid instance: firms[1].id: duplicate-id, value "F1" {"first":0}; firms[0].representatives: bad-capacity, value 0; firms[1].maxMeetings: bad-max-meetings, value -1 (and 1 more)',
    );
  });
});

describe("planStop and planSeason on invalid instances", () => {
  it("planStop throws an InvalidInstanceError carrying every issue instead of planning nothing", () => {
    const instance = { ...valid(), stop: makeStop({ timezone: "Mars/Base", date: "not-a-date" }) };
    let thrown: unknown;
    try {
      planStop(instance);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInstanceError);
    expect(thrown).not.toBeInstanceOf(InternalError);
    const issues = (thrown as InvalidInstanceError).issues;
    expect(issues.map((i) => i.path)).toEqual([["stop", "date"], ["stop", "timezone"]]);
    expect((thrown as Error).message).toBe('invalid instance: stop.date: bad-date, value "not-a-date"; stop.timezone: bad-timezone, value "Mars/Base"');
    expect(() => replanStop(instance, [])).toThrow(InvalidInstanceError);
  });

  it("planSeason checks every stop first, with paths into stops, and the stops firms name", () => {
    const base = valid();
    const season = {
      stops: [makeStop({ id: "A" }), makeStop({ id: "B", timezone: "Europe/Nowhere" }), makeStop({ id: "A" })],
      delegations: base.delegations,
      firms: [makeFirm({ id: "F1", stops: ["A", "Z"] })],
      requests: [],
      scores: null,
      history: [],
    };
    expect(validateSeason(season).map((i) => [i.code, formatPath(i.path)])).toEqual([
      ["duplicate-id", "stops[2].id"],
      ["bad-timezone", "stops[1].timezone"],
      ["unknown-stop", "firms[0].stops[1]"],
    ]);
    expect(() => planSeason(season)).toThrow(InvalidInstanceError);
  });
});

describe("every exported function that takes an instance", () => {
  const broken = (): StopInstance => ({ ...valid(), stop: makeStop({ timezone: "Mars/Base" }) });
  const calls: [string, (instance: StopInstance) => unknown][] = [
    ["planStop", (i) => planStop(i)],
    ["replanStop", (i) => replanStop(i, [])],
    ["explainFirm", (i) => explainFirm(i, planStop(valid()), i.firms[0]!.id)],
    ["verifyAgenda", (i) => verifyAgenda(i, [])],
    ["evaluateAgenda", (i) => evaluateAgenda(i, [])],
    ["reviewAgenda", (i) => reviewAgenda(i, [])],
    ["scorePairs", (i) => scorePairs(i)],
    ["pairAffinities", (i) => pairAffinities(i, [])],
    ["refillSlot", (i) => refillSlot(i, [], 1, { events: [] })],
  ];

  it.each(calls)("%s accepts the valid instance", (_name, call) => {
    expect(() => call(valid())).not.toThrow(InvalidInstanceError);
  });

  it.each(calls)("%s refuses an invalid one with InvalidInstanceError naming the path, and nothing else", (_name, call) => {
    let thrown: unknown;
    try {
      call(broken());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidInstanceError);
    expect((thrown as InvalidInstanceError).issues.map((i) => i.path)).toEqual([["stop", "timezone"]]);
  });
});
