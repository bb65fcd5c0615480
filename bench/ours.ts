/**
 * Our scheduler, measured three ways: `planStop` through the library (in this
 * process, wall time, with HiGHS as the exact polish as the CLI plans), the built CLI as a user runs it (a child process,
 * wall time and peak RSS from GNU time), and the CLI's steps one by one in
 * this process (read, plan, render, write, through `@roadshow/cli/io`), to
 * see where the full command's time goes. Median of `runs` each.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ObjectiveLevels, Schedule, ScheduleOptions, ScheduleStatus, StopInstance } from "@roadshow/core";
import type { CheckedMeeting } from "../oracle/verify.js";
import { readAgenda } from "./agenda-csv.js";
import { parsePeakRssKb } from "../oracle/peers/spawn.js";
import { loadExactSolver } from "../packages/cli/src/solve/highs.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
export const CLI = join(ROOT, "packages/cli/dist/bin.js");

export interface LibraryRun {
  readonly status: ScheduleStatus;
  readonly levels: ObjectiveLevels;
  readonly bounds: ObjectiveLevels;
  readonly gapPercent: number;
  readonly medianMs: number;
  readonly timesMs: readonly number[];
  readonly meetings: readonly CheckedMeeting[];
}

export interface CliRun {
  readonly medianMs: number;
  readonly timesMs: readonly number[];
  /** The solve time each run printed in its summary ("Time: 1,234 ms"), ms. */
  readonly solveMs: readonly number[];
  /** Per run, wall time over the solve time it printed: the cost of everything but the solve, compared within one run. */
  readonly overSolve: readonly number[];
  /** Files the last run wrote. */
  readonly files: number;
  /** Largest peak RSS over the runs, MB (null when neither GNU time nor the child could say). */
  readonly peakRssMb: number | null;
  readonly meetings: readonly CheckedMeeting[];
}

/** One step of the full command: wall and CPU time of this process (user + system), ms. */
export interface PhaseTime {
  readonly name: "read" | "plan" | "render" | "write";
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** The CLI's steps timed in process: per step, the median over the runs. */
export interface PhaseRun {
  readonly phases: readonly PhaseTime[];
  readonly files: number;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly note: string };

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The options `roadshow schedule` plans with: K = 1 and HiGHS as the exact polish (the CLI's default). */
async function cliOptions(timeLimitSec: number | null): Promise<ScheduleOptions> {
  const exact = await loadExactSolver();
  return {
    minMeetings: 1,
    ...(timeLimitSec === null ? {} : { timeLimitMs: timeLimitSec * 1000 }),
    ...(exact === null ? {} : { exact }),
  };
}

type PlanStop = (instance: StopInstance, options?: ScheduleOptions) => Schedule;

/** `planStop` if the core exports it yet. */
export async function findPlanStop(): Promise<PlanStop | null> {
  const core = (await import("@roadshow/core")) as Record<string, unknown>;
  return typeof core["planStop"] === "function" ? (core["planStop"] as PlanStop) : null;
}

export async function runLibrary(instance: StopInstance, runs: number, timeLimitSec: number | null): Promise<Outcome<LibraryRun>> {
  const planStop = await findPlanStop();
  if (planStop === null) return { ok: false, note: "ours: not available (planStop is not exported by @roadshow/core)" };
  const options = await cliOptions(timeLimitSec);
  const timesMs: number[] = [];
  let last: Schedule | null = null;
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    try {
      last = planStop(instance, options);
    } catch (error) {
      return { ok: false, note: `ours (library) threw: ${error instanceof Error ? error.message : String(error)}` };
    }
    timesMs.push(performance.now() - began);
  }
  const { stats } = last!;
  return {
    ok: true,
    value: {
      status: last!.status,
      levels: stats.levels,
      bounds: stats.bounds,
      gapPercent: stats.gapPercent,
      medianMs: median(timesMs),
      timesMs,
      meetings: last!.meetings,
    },
  };
}

/** Whether the built CLI is older than some core or CLI source (then the numbers would be stale). */
export function cliIsStale(): boolean {
  if (!existsSync(CLI)) return false;
  const built = statSync(CLI).mtimeMs;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const path = join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  return ["packages/core/src", "packages/cli/src"].some((d) => newest(join(ROOT, d)) > built);
}

export function runCli(dataDir: string, stopId: string, runs: number, timeLimitSec: number | null): Outcome<CliRun> {
  if (!existsSync(CLI)) return { ok: false, note: "ours (CLI): not available (packages/cli/dist/bin.js is not built)" };
  const timed = existsSync("/usr/bin/time");
  const outDir = join(dataDir, "ours-cli");
  // Beside the data, not in the system's temporary folder: creating files there can cost far more on
  // some machines (1 ms a file on the bench machine some hours), which is not ours to measure.
  const scratch = mkdtempSync(join(dataDir, ".runs-"));
  const timeFile = join(scratch, "time.txt");
  const timesMs: number[] = [];
  const solveMs: number[] = [];
  const overSolve: number[] = [];
  let peakKb: number | null = null;
  rmSync(outDir, { recursive: true, force: true });
  try {
    for (let i = 0; i < runs; i++) {
      // Every run writes all its files into a new folder (a re-run with --force would skip unchanged
      // files); the folders are removed after the last run, outside the timings.
      const out = i === runs - 1 ? outDir : join(scratch, `run-${i}`);
      const cli = [process.execPath, CLI, "schedule", dataDir, "--stop", stopId, "--out", out];
      if (timeLimitSec !== null) cli.push("--time-limit", String(timeLimitSec));
      const [command, ...args] = timed ? ["/usr/bin/time", "-v", "-o", timeFile, ...cli] : cli;
      const began = performance.now();
      const child = spawnSync(command!, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 2 ** 20, env: { ...process.env, LANG: "en_GB.UTF-8" } });
      const wall = performance.now() - began;
      timesMs.push(wall);
      const printed = /^Time: ([\d,.]+) (ms|s)$/m.exec(child.stdout ?? "");
      if (printed !== null) {
        const solve = Number(printed[1]!.replaceAll(",", "")) * (printed[2] === "s" ? 1000 : 1);
        solveMs.push(solve);
        overSolve.push(wall / solve);
      }
      if (child.status !== 0) {
        const lines = `${child.stderr ?? ""}`.trim().split("\n");
        const reason = lines.find((l) => /error/i.test(l)) ?? lines.slice(-3).join(" / ");
        return { ok: false, note: `ours (CLI) exited with ${child.status ?? child.signal}: ${reason.trim()}` };
      }
      const kb = timed ? parsePeakRssKb(readFileSync(timeFile, "utf8")) : null;
      if (kb !== null) peakKb = Math.max(peakKb ?? 0, kb);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  const meetings = readAgenda(join(outDir, "agenda.csv"));
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  return { ok: true, value: { medianMs: median(timesMs), timesMs, solveMs, overSolve, files, peakRssMb: peakKb === null ? null : peakKb / 1024, meetings } };
}

type CliIo = typeof import("@roadshow/cli/io");

/**
 * The full command's steps in this process, as `roadshow schedule` runs them:
 * read the data folder (`loadStopData`, `stopInstance`), plan (`planStop`),
 * render every file (`stopFiles`) and write them into a new folder
 * (`writeFiles`, beside the data). Wall and CPU time per step, median of `runs`.
 */
export async function runPhases(dataDir: string, stopId: string, runs: number, timeLimitSec: number | null): Promise<Outcome<PhaseRun>> {
  const io: CliIo = await import("@roadshow/cli/io");
  const planStop = await findPlanStop();
  if (planStop === null) return { ok: false, note: "phases: planStop is not exported by @roadshow/core" };
  const options = await cliOptions(timeLimitSec);
  const names = ["read", "plan", "render", "write"] as const;
  const samples = names.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  let files = 0;
  const scratch = mkdtempSync(join(dataDir, ".phases-"));
  try {
    for (let i = 0; i < runs; i++) {
      let step = 0;
      const timed = async <T>(work: () => T | Promise<T>): Promise<T> => {
        const wall = performance.now();
        const cpu = process.cpuUsage();
        const value = await work();
        const used = process.cpuUsage(cpu);
        samples[step]!.wall.push(performance.now() - wall);
        samples[step++]!.cpu.push((used.user + used.system) / 1000);
        return value;
      };
      const instance = await timed(async () => {
        const read = await io.loadStopData(dataDir);
        if (!read.ok) throw new Error(`phases: ${dataDir} does not read: ${read.issues[0]?.message ?? "?"}`);
        return io.stopInstance(read, stopId, dataDir);
      });
      const schedule = await timed(() => planStop(instance, options));
      const output = await timed(() => io.stopFiles(schedule, instance));
      await timed(() => io.writeFiles(join(scratch, `run-${i}`), output));
      files = output.length;
    }
  } catch (error) {
    return { ok: false, note: error instanceof Error ? error.message : String(error) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { ok: true, value: { phases: names.map((name, k) => ({ name, wallMs: median(samples[k]!.wall), cpuMs: median(samples[k]!.cpu) })), files } };
}
