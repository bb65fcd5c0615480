// The season's analysis: per-firm and per-country counts, unmet asks with their reason, and the held record.
import { describe, expect, it } from "vitest";
import { planSeason, type SeasonInput } from "../src/season/season.js";
import { heldReport } from "../src/season/held.js";
import { seasonMeasure, seasonReport } from "../src/season/report.js";
import type { Stop } from "../src/types.js";
import { makeDelegation, makeFirm, makeStop } from "./builders.js";

const stop = (id: string, date: string): Stop => makeStop({ id, city: id, date, end: 14 * 60 + 20 });

/** Two stops; F1 (targets US, DE) at both, F2 at S2 only; the DE delegation comes to S1 only. */
const season: SeasonInput = {
  stops: [stop("S1", "2026-03-01"), stop("S2", "2026-04-01")],
  delegations: [makeDelegation({ id: "US1", country: "US" }), makeDelegation({ id: "DE1", country: "DE", stops: ["S1"] })],
  firms: [makeFirm({ id: "F1", stops: ["S1", "S2"], targets: ["US", "DE"] }), makeFirm({ id: "F2", stops: ["S2"], targets: ["DE"] })],
  requests: [],
  scores: [
    { firmId: "F1", delegationId: "US1", score: 9 },
    { firmId: "F1", delegationId: "DE1", score: 5 },
    { firmId: "F2", delegationId: "US1", score: 7 },
  ],
  history: [],
};

describe("seasonReport", () => {
  const plan = planSeason(season);
  const report = seasonReport(plan, season, []);

  it("counts each firm's meetings and countries per stop and over the season", () => {
    expect(report.stopIds).toEqual(["S1", "S2"]);
    expect(report.firmStops.map((r) => [r.stopId, r.firm.id, r.meetings, r.seasonMeetings])).toEqual([
      ["S1", "F1", 1, 1],
      ["S2", "F1", 0, 1],
      ["S2", "F2", 1, 1],
    ]);
    const f1 = report.firms.find((r) => r.firm.id === "F1");
    expect(f1?.stops).toEqual(["S1", "S2"]);
    expect(report.countries.map((c) => [c.country, c.season])).toEqual([["DE", 0], ["US", 2]]);
  });

  it("tells why an asked country was never met: never at the same stop, or the stop's own reason", () => {
    expect(report.unmet.map((u) => [u.firm.id, u.country, u.asked, u.reason, u.stops])).toEqual([
      ["F1", "DE", "target", "capacity", ["S1"]],
      ["F2", "DE", "target", "not-at-same-stop", []],
    ]);
    expect(seasonMeasure(report, "unmet")).toBe(2);
    expect(seasonMeasure(report, "meetings")).toBe(plan.stats.meetings);
  });
});

describe("heldReport", () => {
  const plan = planSeason(season);

  it("is null without outcomes, and counts a meeting without an outcome row as held", () => {
    expect(heldReport(plan, season)).toBeNull();
    const [first] = plan.stops[0]!.schedule.meetings;
    const held = heldReport(plan, {
      ...season,
      outcomes: [
        { stopId: "S1", firmId: first!.firmId, delegationId: first!.delegationId, held: false, followUp: true },
        { stopId: "S1", firmId: "F2", delegationId: "US1", held: true, followUp: false },
      ],
    });
    expect(held).toMatchObject({ stopIds: ["S1"], meetings: 1, held: 0 });
    expect(held?.strays.map((o) => o.firmId)).toEqual(["F2"]);
    expect(held?.rows.map((r) => [r.kind, r.id, r.meetings, r.held, r.followUps])).toEqual([["firm", first!.firmId, 1, 0, 1], ["country", "US", 1, 0, 1]]);
  });
});
