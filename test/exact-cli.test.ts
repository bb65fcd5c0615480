/**
 * The built binary's exact polish, as an organiser meets it: a generated stop
 * with narrow windows is planned to the proven optimum by default, the same
 * bytes on a second run, and `--no-exact` gives the search's agenda alone
 * (valid, below the optimum). `pnpm test` builds first; run `pnpm build` before running this file alone.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSlots } from "@roadshow/core";
import { parse } from "csv-parse/sync";
import { generateInstance } from "../oracle/generate.js";
import { exactOptimum } from "../oracle/exact.js";
import { checkAgenda } from "../oracle/verify.js";
import { writeInstance } from "../oracle/write-csv.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "packages/cli/dist/bin.js");
// Without the polish this stop is 0.2 % below the optimum HiGHS proves (bench/quality.md, M seed 1).
const instance = generateInstance("M", 1, { narrowWindows: 0.8 });

let work: string;
beforeAll(() => {
  expect(existsSync(BIN), "run `pnpm build` first").toBe(true);
  work = mkdtempSync(path.join(tmpdir(), "roadshow-exact-"));
  writeInstance(path.join(work, "data"), instance);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const schedule = (out: string, ...flags: string[]) => {
  const r = spawnSync(process.execPath, [BIN, "schedule", path.join(work, "data"), "--stop", instance.stop.id, "--out", path.join(work, out), ...flags], {
    encoding: "utf8",
    env: { ...process.env, LANG: "en_GB.UTF-8" },
  });
  expect(r.status, r.stderr).toBe(0);
  const agenda = readFileSync(path.join(work, out, "agenda.csv"), "utf8");
  const rows: Record<string, string>[] = parse(agenda, { columns: true, bom: true });
  const meetings = rows.map((m) => ({ slot: Number(m.slot), table: Number(m.table), delegationId: m.delegation_id!, firmId: m.firm_id!, score: Number(m.score) }));
  expect(checkAgenda(instance, buildSlots(instance.stop), { allowRepeats: false }, meetings)).toEqual([]);
  const score = Number(/Total score: ([\d,.]+)/.exec(r.stdout)![1]!.replace(/,/g, ""));
  return { stdout: r.stdout, agenda, score };
};

describe("roadshow schedule with narrow windows", () => {
  it("polishes to the proven optimum by default, the same bytes each run; --no-exact keeps the search's agenda", async () => {
    const polished = schedule("a");
    expect(polished.stdout).toContain("Result: optimal (proven best)");
    const optimum = await exactOptimum(instance, { minMeetings: 1, allowRepeats: false });
    expect(polished.score).toBeCloseTo(optimum.levels.score, 6);
    expect(schedule("b").agenda).toBe(polished.agenda);
    const searched = schedule("c", "--no-exact");
    expect(searched.stdout).not.toContain("Result: optimal");
    expect(searched.score).toBeLessThan(polished.score);
  });
});
