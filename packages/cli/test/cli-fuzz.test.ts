/**
 * The whole CLI on mutated inputs (issue "bad input never hurts"): a run either
 * succeeds with an agenda that `validate` accepts, or exits 1 with at least one
 * issue naming a file, writes nothing, and never shows a stack trace.
 */
import fc from "fast-check";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";
import { apply, mutation } from "./read/mutate.js";

const work = mkdtempSync(path.join(tmpdir(), "roadshow-fuzz-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: readonly string[]) => runCli(...args);

describe("roadshow schedule on mutated inputs (fuzz)", () => {
  it("succeeds with a valid agenda, or fails with exit 1, a located issue and no file written", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const dir = path.join(work, `case-${++n}`);
        mkdirSync(dir);
        for (const f of Object.values(apply(mutations))) writeFileSync(path.join(dir, f.name), f.bytes);
        const out = path.join(dir, "out");
        const r = await run(["schedule", dir, "--stop", "BG-2026-03", "--out", out]);
        expect(r.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
        expect([0, 1]).toContain(r.code);
        if (r.code === 0) {
          expect(existsSync(path.join(out, "agenda.csv"))).toBe(true);
          const check = await run(["validate", dir, "--agenda", path.join(out, "agenda.csv")]);
          expect(check.code).toBe(0);
        } else {
          expect(r.stderr).toMatch(/\w+\.csv/);
          expect(r.stderr).toMatch(/error/);
          expect(existsSync(out)).toBe(false);
        }
        // No staging folder, old folder or lock left beside the output.
        expect(readdirSync(dir).filter((f) => f.startsWith(".out."))).toEqual([]);
      }),
      { seed: 6, numRuns: 120 },
    );
  });
});
