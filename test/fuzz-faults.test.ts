/**
 * Seeded fuzz of the whole CLI on hostile input folders (issue 15): generated
 * stops mutated with huge row counts, stray quotes, long ids, DST nights,
 * garbage lines and line-end changes. Every run must end with exit 0 or 1, no
 * stack trace and no internal error; a run that succeeds writes an agenda that
 * `validate` accepts and `export` re-exports; one that fails writes nothing.
 */
import fc from "fast-check";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateInstance } from "../oracle/generate.js";
import { writeInstance } from "../oracle/write-csv.js";
import { runCli } from "../packages/cli/test/run-cli.js";

const work = mkdtempSync(path.join(tmpdir(), "roadshow-fuzz-faults-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const STOP = "BENCH-2026-05";
const FILES = ["stops.csv", "delegations.csv", "firms.csv", "requests.csv", "scores.csv"] as const;

type Hostile =
  | { readonly kind: "stray-quote"; readonly file: number; readonly at: number }
  | { readonly kind: "huge-rows"; readonly file: "firms.csv" | "scores.csv" | "requests.csv"; readonly rows: number }
  | { readonly kind: "long-ids"; readonly length: number }
  | { readonly kind: "dst"; readonly night: "fall" | "spring" }
  | { readonly kind: "garbage"; readonly file: number; readonly at: number; readonly text: string }
  | { readonly kind: "line-ends"; readonly file: number; readonly eol: string };

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  fc.record({ kind: fc.constant("stray-quote" as const), file: fc.nat(FILES.length - 1), at: fc.nat(100_000) }),
  fc.record({ kind: fc.constant("huge-rows" as const), file: fc.constantFrom("firms.csv" as const, "scores.csv" as const, "requests.csv" as const), rows: fc.constantFrom(20_000, 60_000) }),
  fc.record({ kind: fc.constant("long-ids" as const), length: fc.constantFrom(60, 240, 400) }),
  fc.record({ kind: fc.constant("dst" as const), night: fc.constantFrom("fall" as const, "spring" as const) }),
  fc.record({ kind: fc.constant("garbage" as const), file: fc.nat(FILES.length - 1), at: fc.nat(100_000), text: fc.string({ maxLength: 40 }) }),
  fc.record({ kind: fc.constant("line-ends" as const), file: fc.nat(FILES.length - 1), eol: fc.constantFrom("\r\n", "\r", "\n\n") }),
);

/** The text of a huge file: `rows` lines shaped like the file's own. */
function hugeRows(file: string, rows: number): string {
  const line = file === "firms.csv" ? (i: number) => `FX${i},Firm ${i},mechanics,${STOP},US,,,,1\n`
    : file === "scores.csv" ? (i: number) => `FX${i},D${i % 50},${i % 90}\n`
    : (i: number) => `FX${i},US,must\n`;
  const parts: string[] = [];
  for (let i = 0; i < rows; i++) parts.push(line(i));
  return parts.join("");
}

function apply(dir: string, h: Hostile): void {
  const path_ = (name: string) => path.join(dir, name);
  const edit = (name: string, change: (text: string) => string) => {
    if (existsSync(path_(name))) writeFileSync(path_(name), change(readFileSync(path_(name), "utf8")));
  };
  switch (h.kind) {
    case "stray-quote":
      return edit(FILES[h.file]!, (t) => `${t.slice(0, h.at % (t.length + 1))}"${t.slice(h.at % (t.length + 1))}`);
    case "huge-rows":
      return edit(h.file, (t) => t + hugeRows(h.file, h.rows));
    case "long-ids":
      // Firm ids (F0001…) grow in every file alike: the data stays consistent.
      for (const name of FILES) edit(name, (t) => t.replace(/\bF(\d{4})\b/g, (_m, n: string) => `F${n}${"x".repeat(h.length)}`));
      return;
    case "dst":
      return edit("stops.csv", (t) =>
        t.replace(/2026-05-20,mechanics,\d\d:\d\d,\d\d:\d\d,\d+,\d+,[^,]*,/, h.night === "fall" ? "2026-10-25,mechanics,01:00,04:00,20,0,,"
          : "2026-03-29,mechanics,01:00,04:00,20,0,,"),
      );
    case "garbage":
      return edit(FILES[h.file]!, (t) => {
        const at = t.indexOf("\n", h.at % (t.length + 1));
        return at < 0 ? t + h.text : `${t.slice(0, at + 1)}${h.text}\n${t.slice(at + 1)}`;
      });
    case "line-ends":
      return edit(FILES[h.file]!, (t) => t.replaceAll("\n", h.eol));
  }
}

const STACK = /\n\s+at .*:\d+:\d+/;

describe("the whole CLI on hostile input folders (seeded fuzz)", () => {
  it("exits 0 with an agenda validate accepts, or 1 with located problems and nothing written; never 3, never a stack trace", async () => {
    let n = 0;
    const outcomes = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 50 }), fc.array(hostile, { minLength: 1, maxLength: 3 }), async (seed, mutations) => {
        const dir = path.join(work, `case-${++n}`);
        mkdirSync(dir);
        writeInstance(path.join(dir, "data"), generateInstance("S", seed));
        for (const h of mutations) apply(path.join(dir, "data"), h);
        const out = path.join(dir, "out");
        const r = await runCli("schedule", path.join(dir, "data"), "--stop", STOP, "--out", out, "--time-limit", "2");
        expect(r.stderr).not.toMatch(STACK);
        expect(r.stderr).not.toMatch(/internal error/);
        expect([0, 1]).toContain(r.code);
        outcomes[r.code === 0 ? "ok" : "refused"]++;
        if (r.code === 0) {
          const agenda = path.join(out, "agenda.csv");
          const check = await runCli("validate", path.join(dir, "data"), "--agenda", agenda);
          expect(check.stdout + check.stderr).toContain("obey every hard rule");
          expect(check.code).toBe(0);
          const exported = await runCli("export", agenda, path.join(dir, "data"), "--out", path.join(dir, "export"));
          expect(exported.stderr).not.toMatch(STACK);
          expect(exported.code).toBe(0);
        } else {
          expect(r.stderr).toMatch(/\.csv/);
          expect(existsSync(out)).toBe(false);
        }
        expect(readdirSync(dir).filter((e) => e.startsWith(".out."))).toEqual([]);
        rmSync(dir, { recursive: true, force: true });
      }),
      { seed: 15, numRuns: 60 },
    );
    // Both ways out are exercised: the fuzz is not all refusals (or all successes).
    expect(outcomes.ok).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(5);
  });
});
