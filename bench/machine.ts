/** The machine a bench ran on, for the results header. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly node: string;
  readonly date: string;
  readonly commit: string;
  /** 1-minute load average when the bench started: other work on the machine skews times. */
  readonly load: number;
}

export function machineInfo(): Machine {
  let cpu = cpus()[0]?.model ?? "unknown";
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: keep what os.cpus() says.
  }
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    // What runs is the working tree: say so when the scheduler's sources differ from the commit.
    if (execFileSync("git", ["status", "--porcelain", "--", "packages"], { encoding: "utf8" }).trim() !== "") commit += " with uncommitted changes in packages/";
  } catch {
    // Not a git checkout.
  }
  return {
    cpu,
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    commit,
    load: loadavg()[0]!,
  };
}
