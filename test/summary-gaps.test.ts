/** The summary's idle-gaps figures of schedule and replan equal an independent count on the agenda.csv they wrote. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../examples/lombardia-2026");
const STOP = "BS-2026-02";

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-gaps-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Gaps (runs of free slots between a participant's first and last meeting) and idle slots, counted from the rows alone. */
export function countGaps(agenda: string): { firms: number; firmSlots: number; delegations: number; delegationSlots: number } {
  const rows = parse(readFileSync(agenda), { columns: true, bom: true }) as Record<string, string>[];
  const busy = (column: string) => {
    const by = new Map<string, Set<number>>();
    for (const r of rows) by.set(r[column]!, (by.get(r[column]!) ?? new Set()).add(Number(r.slot)));
    let gaps = 0;
    let idle = 0;
    for (const slots of by.values()) {
      const sorted = [...slots].sort((a, b) => a - b);
      for (let i = 1; i < sorted.length; i++) {
        const hole = sorted[i]! - sorted[i - 1]! - 1;
        if (hole > 0) {
          gaps++;
          idle += hole;
        }
      }
    }
    return { gaps, idle };
  };
  const f = busy("firm_id");
  const d = busy("delegation_id");
  return { firms: f.gaps, firmSlots: f.idle, delegations: d.gaps, delegationSlots: d.idle };
}

const printed = (stdout: string) => {
  const m = /Idle gaps between meetings: firms (\d+) \((\d+) free slots\), delegations (\d+) \((\d+)\)/.exec(stdout);
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
