/**
 * Runs a peer solve in a child process with a hard wall-clock cap, measuring
 * its peak RSS with GNU `/usr/bin/time -v` when present (else the child's own
 * `resourceUsage`). A killed child still yields the agenda of its last
 * finished stage.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { StopInstance } from "@roadshow/core";
import type { ChildMessage, ChildRequest } from "./child.js";
import type { HierarchyOptions, PeerResult } from "./hierarchy.js";

export interface ChildResult extends PeerResult {
  /** Peak resident set size of the child, MB, or null if unknown. */
  readonly peakRssMb: number | null;
  /** Whether the cap killed the child. */
  readonly killed: boolean;
  /** Wall time of the child, spawn to exit, seconds. */
  readonly wallSeconds: number;
  /** Solve time of the first (cold) run, and how many runs were made; `seconds` is the fastest. */
  readonly coldSeconds: number | null;
  readonly runs: number;
}

const TIME = "/usr/bin/time";
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CHILD = fileURLToPath(new URL("./child.ts", import.meta.url));

/** Parses GNU time's `Maximum resident set size (kbytes): N`. */
export function parsePeakRssKb(text: string): number | null {
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
  return match ? Number(match[1]) : null;
}

/** Resident set size of a live process, MB (Linux), or null. */
function rssMb(pid: number): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/**
 * Solves in a child killed after `capSec` seconds, or as soon as its RSS
 * passes `memoryCapMb` (polled; jsLPSolver's dense tableau can eat the machine).
 */
export function runPeerInChild(
  solver: PeerResult["solver"],
  instance: StopInstance,
  options: Omit<HierarchyOptions, "onStage">,
  capSec: number,
  { runs = 1, memoryCapMb = 4096 }: { runs?: number; memoryCapMb?: number } = {},
): Promise<ChildResult> {
  const timed = existsSync(TIME);
  const dir = mkdtempSync(join(tmpdir(), "roadshow-peer-"));
  const timeFile = join(dir, "time.txt");
  const node = [process.execPath, "--conditions=@roadshow/source", "--import", "tsx", CHILD];
  const [command, ...args] = timed ? [TIME, "-v", "-o", timeFile, ...node] : node;
  const began = performance.now();
  const child = spawn(command!, args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit", "ipc"] });

  return new Promise((resolve) => {
    let last: PeerResult | null = null;
    let done: PeerResult | null = null;
    let rssKb: number | null = null;
    let coldSeconds: number | null = null;
    let runsMade = 0;
    let solverPid: number | null = null;
    let killed: string | null = null;
    const kill = (why: string): void => {
      if (killed !== null) return;
      killed = why;
      // Kill the node child itself: killing `time` would orphan it and lose the report.
      if (solverPid !== null) process.kill(solverPid, "SIGKILL");
      else child.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill(`killed at the ${capSec} s cap`), capSec * 1000);
    const watch = setInterval(() => {
      const rss = solverPid === null ? null : rssMb(solverPid);
      if (rss !== null && rss > memoryCapMb) kill(`killed at the ${memoryCapMb} MB memory cap`);
    }, 250);

    child.on("message", (message: ChildMessage) => {
      if (message.type === "hello") {
        solverPid = message.pid;
        const { log: _log, ...plain } = options;
        const request: ChildRequest = { solver, instance, options: plain, runs };
        child.send(request);
      } else if (message.type === "log") options.log?.(message.message);
      else if (message.type === "stage") last = message.result;
      else {
        done = message.result;
        rssKb = message.maxRssKb;
        coldSeconds = message.coldSeconds;
        runsMade = message.runs;
      }
    });
    child.on("exit", () => {
      clearTimeout(timer);
      clearInterval(watch);
      const wallSeconds = (performance.now() - began) / 1000;
      if (timed && existsSync(timeFile)) rssKb = parsePeakRssKb(readFileSync(timeFile, "utf8")) ?? rssKb;
      rmSync(dir, { recursive: true, force: true });
      const finished: PeerResult | null = done;
      const partial: PeerResult | null = last;
      const base = finished ?? partial ?? emptyResult(solver);
      const why: string | null = killed;
      const status = finished !== null ? base.status : why !== null ? "killed" : "failed";
      const note =
        finished !== null
          ? base.note
          : why !== null
            ? `${why}${partial !== null ? "; agenda of the last finished stage" : ""}`
            : "child exited without a result";
      resolve({ ...base, status, note, peakRssMb: rssKb === null ? null : rssKb / 1024, killed: why !== null, wallSeconds, coldSeconds, runs: runsMade });
    });
  });
}

function emptyResult(solver: PeerResult["solver"]): PeerResult {
  return { solver, status: "failed", levels: null, levelsProven: false, bound: null, stages: [], seconds: 0, variables: 0, rows: 0, meetings: [], note: null };
}
