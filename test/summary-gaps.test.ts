/** The summary's idle-gaps figures of schedule and replan equal an independent count on the agenda.csv they wrote. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/run-cli.js";
import { countGaps } from "./agenda-gaps.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../examples/lombardia-2026");
const STOP = "BS-2026-02";

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-gaps-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const printed = (stdout: string) => {
  const m = /Idle gaps between meetings: firms (\d+) \((\d+) free slots?\), delegations (\d+) \((\d+)\)/.exec(stdout);
  expect(m, stdout).not.toBeNull();
  return { firms: Number(m![1]), firmSlots: Number(m![2]), delegations: Number(m![3]), delegationSlots: Number(m![4]) };
};

describe("idle gaps in the summary", () => {
  it("schedule and replan print the gaps of the agenda they wrote", async () => {
    const first = path.join(work, "first");
    const s = await runCli("schedule", EXAMPLE, "--stop", STOP, "--out", first);
    expect(s.code).toBe(0);
    expect(printed(s.stdout)).toEqual(countGaps(path.join(first, "agenda.csv")));
    const day = path.join(work, "day");
    const r = await runCli("replan", EXAMPLE, "--stop", STOP, "--previous", path.join(first, "agenda.csv"), "--changes", path.join(EXAMPLE, "day-of/changes.csv"), "--out", day);
    expect(r.code).toBe(0);
    expect(printed(r.stdout)).toEqual(countGaps(path.join(day, "agenda.csv")));
  });
});
