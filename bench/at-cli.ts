/**
 * Generated stops planned at the CLI, as a user runs it: each stop written as
 * the input CSVs into a temporary folder, a built `roadshow schedule` run on
 * it as a child process, and its `agenda.csv` read back and judged by the
 * oracle (levels by `levelsOf`, every rule by `checkAgenda`). Shared by
 * `bench:anytime` and `bench:gaps`.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSlots, type ObjectiveLevels } from "@roadshow/core";
import { readAgenda } from "./agenda-csv.js";
import { generateInstance } from "../oracle/generate.js";
import type { Suite } from "./suites.js";
import { balanceTopOf, levelsOf } from "../oracle/peers/model.js";
import { checkAgenda } from "../oracle/verify.js";
import { writeInstance } from "../oracle/write-csv.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

export type Instance = ReturnType<typeof generateInstance>;

/** One `roadshow schedule` run: its wall time, the levels of the agenda it wrote, and whether that agenda keeps every rule. */
export interface CliRun {
  readonly wallMs: number;
  readonly levels: ObjectiveLevels;
  readonly clean: boolean;
}

/** Runs `node <bin> schedule <dir> --stop … --out <dir>/<out> --min-meetings K …extra` and reads what it wrote. */
export function scheduleAtCli(bin: string, dir: string, instance: Instance, K: number, out: string, extra: readonly string[] = []): CliRun {
  const args = [bin, "schedule", dir, "--stop", instance.stop.id, "--out", join(dir, out), "--min-meetings", String(K), ...extra];
  const began = performance.now();
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 2 ** 20, env: { ...process.env, LANG: "en_GB.UTF-8" } });
  const wallMs = performance.now() - began;
  if (child.status !== 0) throw new Error(`${bin} schedule ${extra.join(" ")} exited with ${child.status}: ${child.stderr}`);
  const meetings = readAgenda(join(dir, out, "agenda.csv"));
  const options = { minMeetings: K, allowRepeats: false };
  const levels = levelsOf(instance, K, meetings, balanceTopOf(instance, options));
  const clean = checkAgenda(instance, buildSlots(instance.stop), options, meetings).length === 0;
  return { wallMs, levels, clean };
}

/** Each stop of `suite`, K by K and seed by seed, written into its own temporary folder for `visit` (removed after). */
export function eachWrittenStop<T>(suite: Suite, ks: readonly number[], visit: (stop: { instance: Instance; seed: number; K: number; dir: string }) => T): T[] {
  const out: T[] = [];
  for (const K of ks) {
    for (const seed of suite.seeds) {
      const instance = generateInstance(suite.family, seed, suite.options);
      const dir = mkdtempSync(join(tmpdir(), "roadshow-bench-"));
      try {
        writeInstance(dir, instance);
        out.push(visit({ instance, seed, K, dir }));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  }
  return out;
}
