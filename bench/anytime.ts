/**
 * `pnpm bench:anytime [--suites narrow,narrowL,broadM] [--seeds 1-4] [--ks 1,2] [--out bench/anytime.md]`
 *
 * The judge's anytime protocol, at the CLI exactly as a user runs it: each
 * generated stop written as the input CSVs into a temporary folder, then the
 * built `roadshow schedule` run as a child process — the default command (its
 * wall time T, startup, load, HiGHS and writing included), `--no-exact`, and
 * `--time-limit` at 25 %, 50 % and 100 % of T — and each agenda's levels
 * computed from its `agenda.csv` (the oracle's `levelsOf`), every one checked
 * by the oracle's `checkAgenda`. A cut run passes when it is lexicographically
 * at least the `--no-exact` agenda. Progress goes to stderr.
 */
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { eachWrittenStop, scheduleAtCli, type CliRun as Run } from "./at-cli.js";
import { fmt } from "./compare.js";
import { machineInfo } from "./machine.js";
import { CLI, cliIsStale } from "./ours.js";
import { chooseSuites, suites, type Suite } from "./suites.js";
import { compareLevels } from "../oracle/peers/model.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

const { values: flags } = parseArgs({
  options: {
    suites: { type: "string", default: "narrow,broadM,narrowL" },
    seeds: { type: "string" },
    ks: { type: "string", default: "1,2" },
    out: { type: "string", default: join(ROOT, "bench/anytime.md") },
  },
});

const SUITES = suites(flags.seeds, { narrow: "1-4", broadM: "1-4", narrowL: "3" });

const SHARES = [0.25, 0.5, 1] as const;

const log = (message: string): void => void process.stderr.write(`[anytime] ${message}\n`);

interface Row {
  readonly seed: number;
  readonly K: number;
  readonly full: Run;
  readonly alone: Run;
  readonly cuts: readonly Run[];
}

function runSuite(suite: Suite, ks: readonly number[]): Row[] {
  return eachWrittenStop(suite, ks, ({ instance, seed, K, dir }) => {
    const full = scheduleAtCli(CLI, dir, instance, K, "full");
    const alone = scheduleAtCli(CLI, dir, instance, K, "alone", ["--no-exact"]);
    const cuts = SHARES.map((share, i) => scheduleAtCli(CLI, dir, instance, K, `cut-${i}`, ["--time-limit", ((share * full.wallMs) / 1000).toFixed(3)]));
    log(
      `${suite.name} ${suite.family}-${seed} K=${K}: default ${fmt(full.levels)} in ${Math.round(full.wallMs)} ms; --no-exact ${fmt(alone.levels)} in ${Math.round(alone.wallMs)} ms; ` +
        cuts.map((c, i) => `${SHARES[i]! * 100} %: ${fmt(c.levels)} ${compareLevels(c.levels, alone.levels) >= 0 ? "ok" : "BELOW"}`).join("; "),
    );
    return { seed, K, full, alone, cuts };
  });
}

function render(suite: Suite, rows: readonly Row[]): string[] {
  const verdict = (run: Run, alone: Run): string => (compareLevels(run.levels, alone.levels) >= 0 ? "yes" : `**no** (${fmt(run.levels)})`);
  const out = [
    `## ${suite.title}`,
    "",
    "| seed | K | default | default wall ms | `--no-exact` | `--no-exact` wall ms | 25 % ≥ `--no-exact` | 50 % ≥ | 100 % ≥ | all agendas clean |",
    "|---:|---:|---|---:|---|---:|---|---|---|---|",
  ];
  for (const r of rows) {
    const clean = [r.full, r.alone, ...r.cuts].every((run) => run.clean);
    out.push(
      `| ${r.seed} | ${r.K} | ${fmt(r.full.levels)} | ${Math.round(r.full.wallMs)} | ${fmt(r.alone.levels)} | ${Math.round(r.alone.wallMs)} | ${r.cuts.map((c) => verdict(c, r.alone)).join(" | ")} | ${clean ? "yes" : "**no**"} |`,
    );
  }
  const passed = rows.filter((r) => r.cuts.every((c) => compareLevels(c.levels, r.alone.levels) >= 0)).length;
  out.push("", `Anytime at the CLI: ${passed} of ${rows.length} stops with all three cut runs at least \`--no-exact\`.`, "");
  return out;
}

if (cliIsStale()) log("warning: packages/cli/dist is older than the sources: run `pnpm run build` first");
const chosen = chooseSuites(SUITES, flags.suites);
const ks = flags.ks.split(",").map(Number);
const machine = machineInfo();
const loadAtStart = loadavg()[0]!;
const body: string[] = [];
for (const suite of chosen) body.push(...render(suite, runSuite(suite, ks)));
const lines = [
  "# Anytime at the CLI (the judge's protocol)",
  "",
  `- Machine: ${machine.cpu}, ${machine.cores} cores; Node ${machine.node}, ${machine.date}, commit ${machine.commit}`,
  `- Load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`,
  `- Command: \`pnpm bench:anytime --suites ${flags.suites}${flags.seeds ? ` --seeds ${flags.seeds}` : ""} --ks ${flags.ks}\` (the built CLI, \`roadshow schedule <folder> --stop <id> --min-meetings K\`, as a child process: T is the default run's wall time; the cut runs add \`--time-limit\` 0.25 T, 0.5 T and T in seconds; levels \`musts / served / balance / score\` computed from each \`agenda.csv\`)`,
  "",
  ...body,
];
writeFileSync(flags.out, lines.join("\n"));
log(`wrote ${flags.out}`);
