// The export fixtures obey every hard rule, so the exporters are tested on agendas the scheduler could produce.
import { describe, expect, test } from "vitest";
import { verifyAgenda } from "@roadshow/core";
import type { ExportInput } from "../../src/write/exports.js";
import { bergamo, dstNight, twentyTables } from "./fixture.js";

function violations({ schedule, firms, delegations }: ExportInput) {
  const instance = { stop: schedule.stop, firms, delegations, requests: [], scores: null, history: [] };
  return verifyAgenda(instance, schedule.meetings);
}

describe("export fixtures", () => {
  test("obey every hard rule (so the exporters are tested on agendas the scheduler could produce)", () => {
    expect(violations(bergamo())).toEqual([]);
    expect(violations(dstNight())).toEqual([]);
    expect(violations(twentyTables())).toEqual([]);
  });

  test("the DST night has 12 slots of 20 real minutes, two of them starting at 02:00 local", () => {
    const { slots } = dstNight().schedule;
    expect(slots).toHaveLength(12);
    expect(slots.every((s) => s.endMs - s.startMs === 20 * 60_000)).toBe(true);
    expect(slots.filter((s) => s.start === 120)).toHaveLength(2);
  });
});
