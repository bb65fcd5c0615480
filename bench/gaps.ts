/**
 * `pnpm bench:gaps --against <checkout> [--suites narrowL,bench,xl,narrowXL] [--seeds 1-4] [--ks 1,2] [--out bench/gaps.md]`
 *
 * Idle gaps against another version of the scheduler, on days too big for an
 * exact minimum (issue 24's goal 3 on L and XL: "no worse than today"). Each
 * generated stop is written as the input CSVs, then planned by this checkout's
 * built `roadshow schedule` and by the other checkout's (a git worktree at the
 * commit to compare with, installed and built), as child processes with the
 * same arguments. Both agendas are read back from `agenda.csv`, checked by the
 * oracle's `checkAgenda`, their levels computed by the oracle's `levelsOf`, and
 * their firm gaps counted from the rows alone by the tests' `countGaps` (a
 * firm's gaps: its runs of busy slots less one), not taken from either summary. Fewer gaps only
 * count when the levels are at least the other's. Progress goes to stderr.
 */
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { eachWrittenStop, scheduleAtCli, type CliRun, type Instance } from "./at-cli.js";
import { fmt } from "./compare.js";
import { machineInfo } from "./machine.js";
import { CLI, cliIsStale } from "./ours.js";
import { chooseSuites, suites, type Suite } from "./suites.js";
import { compareLevels } from "../oracle/peers/model.js";
import { countGaps } from "../test/agenda-gaps.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

const { values: flags } = parseArgs({
  options: {
    against: { type: "string" },
    suites: { type: "string", default: "narrowL,bench" },
    seeds: { type: "string" },
    ks: { type: "string", default: "1,2" },
    out: { type: "string", default: join(ROOT, "bench/gaps.md") },
  },
});
if (flags.against === undefined) throw new Error("--against <checkout>: a checkout of the version to compare with, installed and built");
const OTHER = resolve(flags.against);
const OTHER_CLI = join(OTHER, "packages/cli/dist/bin.js");
if (!existsSync(OTHER_CLI)) throw new Error(`${OTHER_CLI} is missing: run \`npx -y pnpm@10.34.9 install\` in ${OTHER} first`);

const SUITES = suites(flags.seeds, { narrowL: "1-4", bench: "1-4", xl: "1", narrowXL: "1" });

interface Run extends CliRun {
  readonly firmGaps: number;
}

const log = (message: string): void => void process.stderr.write(`[gaps] ${message}\n`);

function planned(bin: string, dir: string, instance: Instance, K: number, out: string): Run {
  const run = scheduleAtCli(bin, dir, instance, K, out);
  return { ...run, firmGaps: countGaps(join(dir, out, "agenda.csv")).firms };
}

interface Row {
  readonly seed: number;
  readonly K: number;
  readonly ours: Run;
  readonly theirs: Run;
}

/** Ours holds when its levels are at least the other's and its firm gaps at most theirs. */
const holds = (r: Row): boolean => compareLevels(r.ours.levels, r.theirs.levels) >= 0 && r.ours.firmGaps <= r.theirs.firmGaps;

function runSuite(suite: Suite, ks: readonly number[]): Row[] {
  return eachWrittenStop(suite, ks, ({ instance, seed, K, dir }) => {
    const ours = planned(CLI, dir, instance, K, "ours");
    const theirs = planned(OTHER_CLI, dir, instance, K, "theirs");
    const row = { seed, K, ours, theirs };
    log(`${suite.name} ${suite.family}-${seed} K=${K}: ours ${fmt(ours.levels)}, ${ours.firmGaps} firm gaps; theirs ${fmt(theirs.levels)}, ${theirs.firmGaps}${holds(row) ? "" : " NOT HELD"}`);
    return row;
  });
}

function render(suite: Suite, rows: readonly Row[], other: string): string[] {
  const out = [
    `## ${suite.title}`,
    "",
    `| seed | K | ours | ours firm gaps | ours wall ms | ${other} | its firm gaps | its wall ms | levels ≥ and gaps ≤ | both agendas clean |`,
    "|---:|---:|---|---:|---:|---|---:|---:|---|---|",
  ];
  for (const r of rows) {
    out.push(
      `| ${r.seed} | ${r.K} | ${fmt(r.ours.levels)} | ${r.ours.firmGaps} | ${Math.round(r.ours.wallMs)} | ${fmt(r.theirs.levels)} | ${r.theirs.firmGaps} | ${Math.round(r.theirs.wallMs)} | ${holds(r) ? "yes" : "**no**"} | ${r.ours.clean && r.theirs.clean ? "yes" : "**no**"} |`,
    );
  }
  const sum = (pick: (r: Row) => number): number => rows.reduce((a, r) => a + pick(r), 0);
  out.push("", `${rows.filter(holds).length} of ${rows.length} stops with levels at least ${other}'s and no more firm gaps; firm gaps in all: ${sum((r) => r.ours.firmGaps)} against ${sum((r) => r.theirs.firmGaps)}.`, "");
  return out;
}

if (cliIsStale()) log("warning: packages/cli/dist is older than the sources: run `pnpm run build` first");
const otherCommit = execFileSync("git", ["-C", OTHER, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
const otherWhen = execFileSync("git", ["-C", OTHER, "log", "-1", "--format=%ad, “%s”", "--date=short"], { encoding: "utf8" }).trim();
const chosen = chooseSuites(SUITES, flags.suites);
const ks = flags.ks.split(",").map(Number);
const machine = machineInfo();
const loadAtStart = loadavg()[0]!;
const body: string[] = [];
for (const suite of chosen) body.push(...render(suite, runSuite(suite, ks), otherCommit));
const lines = [
  `# Firm gaps against ${otherCommit}`,
  "",
  `- Machine: ${machine.cpu}, ${machine.cores} cores; Node ${machine.node}, ${machine.date}, commit ${machine.commit}`,
  `- Compared with: ${otherCommit} (${otherWhen})`,
  `- Load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
  `- Command: \`pnpm bench:gaps --against <a checkout of ${otherCommit}> --suites ${flags.suites}${flags.seeds ? ` --seeds ${flags.seeds}` : ""} --ks ${flags.ks}\` (both built CLIs, \`roadshow schedule <folder> --stop <id> --out <dir> --min-meetings K\` with the default time limit, as child processes on the same CSVs; levels \`musts / served / balance / score\` and firm gaps computed from each \`agenda.csv\`)`,
  "",
  ...body,
];
writeFileSync(flags.out, lines.join("\n"));
log(`wrote ${flags.out}`);
