/**
 * Hostile inputs for the built CLI (issue 15): inputs at and past the documented
 * limits, broken quotes, devices and pipes where files belong. Each case runs in
 * a child process under GNU time; the table gives exit code, wall time and peak
 * RSS, and flags an internal error (exit 3) or a stack trace.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parsePeakRssKb } from "../oracle/peers/spawn.js";

const EXAMPLE_STOP = "BS-2026-02";

/** One hostile case: what it is, the exit codes that are right, and how to set it up in `dir` (holding `data/`, the example). */
export interface HostileCase {
  readonly name: string;
  readonly expect: readonly number[];
  readonly setup: (dir: string) => readonly string[];
}

const data = (dir: string) => join(dir, "data");
const schedule = (dir: string, ...more: string[]) => ["schedule", data(dir), "--stop", EXAMPLE_STOP, "--out", join(dir, "out"), ...more];
const FIRMS_HEADER = "firm_id,name,sectors,stops\n";
const AGENDA_HEADER = "stop_id,date,slot,start,end,table,delegation_id,country,firm_id,firm_name,score\n";

/** `count` lines made by `line(i)`, joined without building an array of them all at once. */
function lines(count: number, line: (i: number) => string): string {
  const parts: string[] = [];
  let chunk = "";
  for (let i = 0; i < count; i++) {
    chunk += line(i);
    if (chunk.length > 1 << 20) {
      parts.push(chunk);
      chunk = "";
    }
  }
  parts.push(chunk);
  return parts.join("");
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: "firms.csv: an unclosed quote, then 125,000 rows",
    expect: [1],
    setup: (dir) => {
      writeFileSync(join(data(dir), "firms.csv"), `${FIRMS_HEADER}F0,"Acme,mechanics,${EXAMPLE_STOP}\n${lines(125_000, (i) => `F${i + 1},Firm ${i},mechanics,${EXAMPLE_STOP}\n`)}`);
      return schedule(dir);
    },
  },
  {
    name: "scores.csv: an unclosed quote, then 162,000 rows",
    expect: [1],
    setup: (dir) => {
      writeFileSync(join(data(dir), "scores.csv"), `firm_id,delegation_id,score\nF0001,"US-CG,10\n${lines(162_000, (i) => `F${String(i % 9999).padStart(4, "0")},D${i},${i % 90}\n`)}`);
      return schedule(dir);
    },
  },
  {
    name: "--history: 200,000 distinct pairs of another stop",
    expect: [0],
    setup: (dir) => {
      const file = join(dir, "history.csv");
      writeFileSync(file, AGENDA_HEADER + lines(200_000, (i) => `XX-2025-01,2025-05-20,${(i % 12) + 1},14:00,14:20,${(i % 40) + 1},D${i % 400},US,F${Math.floor(i / 400)},Firm,10\n`));
      return schedule(dir, "--history", file);
    },
  },
  {
    name: "firm ids of 240 characters",
    expect: [0],
    setup: (dir) => {
      for (const name of ["firms.csv", "requests.csv"]) {
        const file = join(data(dir), name);
        if (existsSync(file)) writeFileSync(file, readFileSync(file, "utf8").replace(/\bF(\d{4})\b/g, (_m, n: string) => `F${n}${"x".repeat(235)}`));
      }
      return schedule(dir);
    },
  },
  {
    name: "firms.csv: 2,000,000 one-character rows",
    expect: [1],
    setup: (dir) => {
      writeFileSync(join(data(dir), "firms.csv"), FIRMS_HEADER + "x\n".repeat(2_000_000));
      return schedule(dir);
    },
  },
  {
    name: "firms.csv: 47 MB of one-character rows",
    expect: [1],
    setup: (dir) => {
      writeFileSync(join(data(dir), "firms.csv"), FIRMS_HEADER + "x\n".repeat(23_500_000));
      return schedule(dir);
    },
  },
  {
    name: "firms.csv: one 50 MB line",
    expect: [1],
    setup: (dir) => {
      writeFileSync(join(data(dir), "firms.csv"), `${FIRMS_HEADER}${"y".repeat(50 * 1024 * 1024 - 100)}\n`);
      return schedule(dir);
    },
  },
  {
    name: "stops.csv: a header of one 50 MB cell",
    expect: [1],
    setup: (dir) => {
      writeFileSync(join(data(dir), "stops.csv"), `${"z".repeat(50 * 1024 * 1024 - 100)}\n`);
      return schedule(dir);
    },
  },
  { name: "--weights /dev/zero", expect: [1], setup: (dir) => schedule(dir, "--weights", "/dev/zero") },
  { name: "score --out /dev/full --force", expect: [4], setup: (dir) => ["score", data(dir), "--stop", EXAMPLE_STOP, "--out", "/dev/full", "--force"] },
  {
    name: "firms.csv is a named pipe",
    expect: [1],
    setup: (dir) => {
      rmSync(join(data(dir), "firms.csv"));
      execFileSync("mkfifo", [join(data(dir), "firms.csv")]);
      return schedule(dir);
    },
  },
  {
    name: "validate: 50,000 firms and 1,000,000 scores (the limits)",
    expect: [0],
    setup: (dir) => {
      writeFileSync(join(data(dir), "firms.csv"), FIRMS_HEADER + lines(50_000, (i) => `F${i},Firm ${i},mechanics,${EXAMPLE_STOP}\n`));
      writeFileSync(
        join(data(dir), "delegations.csv"),
        `delegation_id,country,name\n${lines(20, (i) => `D${i},${["US", "DE", "FR", "IN", "BR"][i % 5]},Delegation ${i}\n`)}`,
      );
      rmSync(join(data(dir), "requests.csv"), { force: true });
      writeFileSync(join(data(dir), "scores.csv"), `firm_id,delegation_id,score\n${lines(1_000_000, (i) => `F${i % 50_000},D${Math.floor(i / 50_000)},${(i % 97) + 1}\n`)}`);
      return ["validate", data(dir)];
    },
  },
  {
    name: "validate --agenda: 400,000 meetings (49 MB)",
    expect: [1],
    setup: (dir) => {
      const file = join(dir, "agenda.csv");
      writeFileSync(file, AGENDA_HEADER + lines(400_000, (i) => `${EXAMPLE_STOP},2026-02-25,${(i % 12) + 1},14:00,14:20,${(i % 40) + 1},US-CG,US,F${String(i % 9999).padStart(4, "0")},A firm name of some length S.r.l. number ${i},${i % 90}\n`));
      return ["validate", data(dir), "--agenda", file];
    },
  },
];

/** What one case did. */
export interface HostileRun {
  readonly name: string;
  readonly code: number | null;
  readonly expected: boolean;
  readonly ms: number;
  readonly peakRssMb: number | null;
  /** Exit 3 or a stack trace on stderr. */
  readonly crashed: boolean;
  /** The first line of stderr (the message a user sees first). */
  readonly message: string;
}

/** Runs every case with the built CLI at `cli`, copying `example` as each case's data folder. */
export function runHostile(cli: string, example: string, timeoutMs = 120_000, log: (m: string) => void = () => {}): HostileRun[] {
  const runs: HostileRun[] = [];
  for (const c of HOSTILE_CASES) {
    const dir = mkdtempSync(join(tmpdir(), "roadshow-hostile-"));
    try {
      cpSync(example, data(dir), { recursive: true });
      const args = c.setup(dir);
      const timeFile = join(dir, "time.txt");
      const began = performance.now();
      const child = spawnSync("/usr/bin/time", ["-v", "-o", timeFile, process.execPath, cli, ...args], {
        encoding: "utf8",
        timeout: timeoutMs,
        maxBuffer: 512 * 2 ** 20,
        env: { ...process.env, LANG: "en_GB.UTF-8" },
      });
      const ms = performance.now() - began;
      const stderr = child.stderr ?? "";
      const peak = existsSync(timeFile) ? parsePeakRssKb(readFileSync(timeFile, "utf8")) : null;
      const code = child.status;
      const run: HostileRun = {
        name: c.name,
        code,
        expected: code !== null && c.expect.includes(code),
        ms,
        peakRssMb: peak === null ? null : peak / 1024,
        crashed: code === 3 || /\n\s+at .*:\d+:\d+/.test(stderr) || /internal error/.test(stderr),
        message: (stderr.split("\n").find((l) => l.trim() !== "" && !l.startsWith("\tCommand being timed")) ?? "").slice(0, 160),
      };
      log(`${c.name}: exit ${code ?? child.signal}, ${(ms / 1000).toFixed(2)} s, ${run.peakRssMb?.toFixed(0) ?? "?"} MB${run.crashed ? " CRASHED" : ""}`);
      runs.push(run);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return runs;
}

/** The "hostile inputs" table of bench/results.md. */
export function renderHostile(runs: readonly HostileRun[]): string {
  const rows = runs.map((r) => {
    const verdict = r.crashed ? "**crash**" : r.expected ? "as expected" : "**unexpected exit**";
    return `| ${r.name} | ${r.code ?? "killed"} | ${(r.ms / 1000).toFixed(2)} s | ${r.peakRssMb === null ? "?" : `${r.peakRssMb.toFixed(0)} MB`} | ${verdict} | ${r.message.replaceAll("|", "\\|")} |`;
  });
  return [
    "## Hostile inputs",
    "",
    "The built CLI on inputs at and past the documented limits (`bench/hostile.ts`, one child process each under GNU time).",
    "Target: every case answers in seconds under 400 MB, with its expected exit code and never exit 3 or a stack trace.",
    "",
    "| case | exit | wall time | peak RSS | verdict | first line of stderr |",
    "|---|---:|---:|---:|---|---|",
    ...rows,
    "",
  ].join("\n");
}

// `node --import tsx bench/hostile.ts`: run the table alone.
if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const root = new URL("../", import.meta.url).pathname;
  const runs = runHostile(join(root, "packages/cli/dist/bin.js"), join(root, "examples/lombardia-2026"), 120_000, (m) => process.stderr.write(`[hostile] ${m}\n`));
  process.stdout.write(renderHostile(runs));
}
