/**
 * The built binary's output transactions under interruption and concurrency:
 * a run killed (SIGKILL) or interrupted (SIGINT) while it writes leaves the old
 * folder or none, never a partial one, and nothing a later run does not clean;
 * two runs into one new --out never both succeed.
 * `pnpm test` builds before testing; run `pnpm build` first when running this file alone.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stderrProblems } from "../packages/cli/test/run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "packages/cli/dist/bin.js");
const EXAMPLE = path.join(ROOT, "examples/lombardia-2026");
const STOP = "BS-2026-02";
const MARKER = ".roadshow-output";

let work: string;
beforeAll(() => {
  expect(existsSync(BIN), "run `pnpm build` first").toBe(true);
  work = mkdtempSync(path.join(tmpdir(), "roadshow-output-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const args = (out: string, ...more: string[]) => [BIN, "schedule", EXAMPLE, "--stop", STOP, "--out", out, ...more];
const run = (out: string, ...more: string[]) => spawnSync(process.execPath, args(out, ...more), { encoding: "utf8", env: { ...process.env, LANG: "en_GB.UTF-8" } });

/** Starts a run and sends `signal` as soon as its staging folder appears beside `out` (it is then writing). */
function interrupt(out: string, signal: NodeJS.Signals, ...more: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; caught: boolean; stderr: string }> {
  const child = spawn(process.execPath, args(out, ...more), { env: { ...process.env, LANG: "en_GB.UTF-8" } });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const parent = path.dirname(out);
  const prefix = `.${path.basename(out)}.staging-`;
  let caught = false;
  const timer = setInterval(() => {
    if (caught || !readdirSync(parent).some((e) => e.startsWith(prefix))) return;
    caught = true;
    child.kill(signal);
  }, 1);
  return new Promise((resolve) => {
    child.on("exit", (code, sig) => {
      clearInterval(timer);
      resolve({ code, signal: sig, caught, stderr });
    });
  });
}

/** Entries beside the output that a run leaves (staging, old folders, locks). */
const leftovers = (out: string) => readdirSync(path.dirname(out)).filter((e) => e.startsWith(`.${path.basename(out)}.`));

describe("an interrupted run", () => {
  it("killed (SIGKILL) while writing a new folder leaves no folder; the next run cleans up and succeeds", async () => {
    const out = path.join(work, "killed-new");
    const r = await interrupt(out, "SIGKILL");
    expect(r.caught).toBe(true);
    expect(r.signal).toBe("SIGKILL");
    expect(existsSync(path.join(out, "agenda.csv")) && !existsSync(path.join(out, MARKER))).toBe(false);
    const next = run(out);
    expect(stderrProblems(next.stderr)).toEqual([]);
    expect(next.status).toBe(0);
    expect(leftovers(out)).toEqual([]);
    expect(existsSync(path.join(out, MARKER))).toBe(true);
  });

  it("killed while replacing a folder with --force leaves the old folder whole", async () => {
    const out = path.join(work, "killed-old");
    expect(run(out).status).toBe(0);
    const before = readFileSync(path.join(out, "agenda.csv"));
    const files = readdirSync(out, { recursive: true }).length;
    const r = await interrupt(out, "SIGKILL", "--force", "--min-meetings", "2");
    expect(r.caught).toBe(true);
    expect(readFileSync(path.join(out, "agenda.csv"))).toEqual(before);
    expect(readdirSync(out, { recursive: true }).length).toBe(files);
    // The lock of the killed run is stale: the next run takes it over, and cleans the staging folder.
    const next = run(out, "--force");
    expect(next.status).toBe(0);
    expect(leftovers(out)).toEqual([]);
  });

  it("interrupted (Ctrl-C, SIGINT) removes its staging folder and lock itself before exiting", async () => {
    const out = path.join(work, "interrupted");
    const r = await interrupt(out, "SIGINT");
    expect(r.caught).toBe(true);
    // Interrupted mid-write (exit 130) or, if the signal came after the swap, finished (0): never half a folder.
    expect([0, 130]).toContain(r.code);
    expect(leftovers(out)).toEqual([]);
    if (r.code === 130) expect(existsSync(out)).toBe(false);
    else expect(existsSync(path.join(out, MARKER))).toBe(true);
  });
});

describe("concurrent runs into one new --out", () => {
  it("never both succeed: one writes, the other exits 4 naming the reason", async () => {
    for (let trial = 0; trial < 3; trial++) {
      const out = path.join(work, `race-${trial}`);
      const start = () =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, args(out), { env: { ...process.env, LANG: "en_GB.UTF-8" } });
          let stderr = "";
          child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
          child.on("exit", (code) => resolve({ code, stderr }));
        });
      const results = await Promise.all([start(), start()]);
      const codes = results.map((r) => r.code).sort();
      expect(codes).toEqual([0, 4]);
      const loser = results.find((r) => r.code === 4)!;
      expect(loser.stderr).toMatch(/being written by another roadshow run|already holds files/);
      expect(leftovers(out)).toEqual([]);
    }
  });
});
