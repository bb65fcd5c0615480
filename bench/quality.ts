/**
 * `pnpm bench:quality [--suites bench,narrow] [--seeds 1-7] [--no-exact] [--out bench/quality.md]`
 *
 * How far our agendas are from the exact optimum where windows make the
 * problem hard, seed by seed: our scheduler (library) against HiGHS on the
 * time-indexed model, each stage proven optimal. Two suites:
 * - `bench`: the benchmark's L family (~30 % of participants with broad windows), K = 1 and 2;
 * - `narrow`: the M family with 80 % of firms and 40 % of delegations present
 *   for a third of the day or less, K = 1 and 2;
 * - `broadM`: the M family with its own broad windows, K = 1 and 2;
 * - `narrowL`: the L family with the same narrow windows, K = 1 and 2.
 * Each row also runs the search alone (`--no-exact`) and ours cut at 25 % and
 * 50 % of its own time (anytime: never below the search alone), and gives the
 * firm-gap fairness spread (B2BSP: most less fewest gaps of any firm).
 * Each row also gives our firm gaps (idle runs between a firm's meetings)
 * and the fewest the same meetings allow (HiGHS, `peers/gaps.ts`).
 * Writes a table per suite and a summary. Progress goes to stderr.
 */
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { planStop, type Meeting, type ObjectiveLevels } from "@roadshow/core";
import { atLeast } from "../packages/core/src/levels.js";
import { firmGapSpread } from "../packages/cli/src/text/summary.js";
import { fmt } from "./compare.js";
import { generateInstance } from "../oracle/generate.js";
import { chooseSuites, suites, type Suite } from "./suites.js";
import { machineInfo } from "./machine.js";
import { minimumFirmGaps } from "../oracle/peers/gaps.js";
import { solveWithHighs } from "../oracle/peers/highs.js";
import { loadExactSolver } from "../packages/cli/src/solve/highs.js";
import { EXACT_MAX_CANDIDATES, EXACT_NODES } from "../packages/core/src/exact/polish.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const HIGHS_CAP_SEC = 120;
const GAPS_CAP_SEC = 30;

const { values: flags } = parseArgs({
  options: {
    suites: { type: "string", default: "bench,narrow,narrowL" },
    seeds: { type: "string" },
    out: { type: "string", default: join(ROOT, "bench/quality.md") },
    exact: { type: "boolean", default: true },
  },
  allowNegative: true,
});

const SUITES = suites(flags.seeds);

type Verdict = "equal" | "score short" | "level short" | "no optimum";

interface Row {
  readonly seed: number;
  readonly K: number;
  readonly ours: ObjectiveLevels;
  readonly oursMs: number;
  readonly exact: ObjectiveLevels | null;
  readonly highsSec: number;
  readonly verdict: Verdict;
  readonly gapPercent: number | null;
  /** Our firm gaps, and the fewest our meetings allow (null: not proven within the cap). */
  readonly firmGaps: number;
  readonly minGaps: number | null;
  /** The search alone (`--no-exact`): its levels and time. */
  readonly alone: ObjectiveLevels;
  readonly aloneMs: number;
  /** Runs cut at 25 % and 50 % of ours' time: whether each is lexicographically at least the search alone. */
  readonly cut: readonly boolean[];
  /** B2BSP fairness: most less fewest gaps of any firm. */
  readonly spread: number;
}

const log = (message: string): void => void process.stderr.write(`[quality] ${message}\n`);

function judge(ours: ObjectiveLevels, exact: ObjectiveLevels | null): { verdict: Verdict; gapPercent: number | null } {
  if (exact === null) return { verdict: "no optimum", gapPercent: null };
  if (ours.musts < exact.musts || ours.served < exact.served || ours.balance < exact.balance) return { verdict: "level short", gapPercent: null };
  const gapPercent = exact.score > 0 ? Math.max(0, (100 * (exact.score - ours.score)) / exact.score) : 0;
  return { verdict: ours.score < exact.score - 1e-6 ? "score short" : "equal", gapPercent };
}

async function runSuite(suite: Suite): Promise<Row[]> {
  const rows: Row[] = [];
  for (const K of [1, 2]) {
    for (const seed of suite.seeds) {
      const instance = generateInstance(suite.family, seed, suite.options);
      const schedule = planStop(instance, { minMeetings: K, ...(solver && { exact: solver }) });
      const highs = await solveWithHighs(instance, { minMeetings: K, allowRepeats: false, timeLimitSec: HIGHS_CAP_SEC });
      const exact = highs.status === "optimal" ? highs.levels : null;
      // No gaps at all is the fewest possible without asking HiGHS (which may not prove it within the cap).
      const firmGaps = schedule.stats.gaps?.firms ?? 0;
      const minimum = firmGaps === 0 ? { gaps: 0, proven: true } : await minimumFirmGaps(instance, schedule.meetings, GAPS_CAP_SEC);
      const alone = planStop(instance, { minMeetings: K });
      const cut = [0.25, 0.5].map((share) =>
        atLeast(planStop(instance, { minMeetings: K, timeLimitMs: share * schedule.stats.elapsedMs, ...(solver && { exact: solver }) }).stats.levels, alone.stats.levels),
      );
      const fairness = firmGapSpread(schedule.meetings as Meeting[]);
      const row = {
        seed,
        K,
        ours: schedule.stats.levels,
        oursMs: schedule.stats.elapsedMs,
        exact,
        highsSec: highs.seconds,
        ...judge(schedule.stats.levels, exact),
        firmGaps,
        minGaps: minimum?.proven ? minimum.gaps : null,
        alone: alone.stats.levels,
        aloneMs: alone.stats.elapsedMs,
        cut,
        spread: fairness === null ? 0 : fairness.most - fairness.fewest,
      };
      log(
        `${suite.name} ${suite.family}-${seed} K=${K}: ours ${fmt(row.ours)} in ${Math.round(row.oursMs)} ms, HiGHS ${exact ? fmt(exact) : highs.status} in ${highs.seconds.toFixed(1)} s: ${row.verdict}; firm gaps ${row.firmGaps} (fewest ${row.minGaps ?? "?"})`,
      );
      rows.push(row);
    }
  }
  return rows;
}

function render(suite: Suite, rows: readonly Row[]): string[] {
  const out = [
    `## ${suite.title}`,
    "",
    "| seed | K | ours | ours ms | HiGHS optimum | HiGHS s | verdict | score gap | ours ÷ HiGHS time | search alone (`--no-exact`) | alone ms | 25 % / 50 % of ours' time ≥ alone | firm gaps | fewest possible | ≤ 1.1 × fewest + 1 | fairness spread |",
    "|---:|---:|---|---:|---|---:|---|---:|---:|---|---:|---|---:|---:|---|---:|",
  ];
  for (const r of rows) {
    const gap = r.gapPercent === null ? "—" : `${r.gapPercent.toFixed(3)}%`;
    out.push(
      `| ${r.seed} | ${r.K} | ${fmt(r.ours)} | ${Math.round(r.oursMs)} | ${r.exact ? fmt(r.exact) : "—"} | ${r.highsSec.toFixed(1)} | ${r.verdict} | ${gap} | ${(r.oursMs / 1000 / r.highsSec).toFixed(2)} | ${fmt(r.alone)} | ${Math.round(r.aloneMs)} | ${r.cut.map((ok) => (ok ? "yes" : "**no**")).join(" / ")} | ${r.firmGaps} | ${r.minGaps ?? "—"} | ${r.minGaps === null ? "—" : r.firmGaps <= 1.1 * r.minGaps + 1 ? "yes" : "**no**"} | ${r.spread} |`,
    );
  }
  const count = (v: Verdict): number => rows.filter((r) => r.verdict === v).length;
  const gaps = rows.flatMap((r) => (r.gapPercent === null ? [] : [r.gapPercent]));
  const mean = gaps.length > 0 ? gaps.reduce((a, b) => a + b, 0) / gaps.length : 0;
  out.push(
    "",
    `${rows.length} instances: ${count("equal")} equal to the optimum, ${count("score short")} with levels 1–3 equal and a lower score ` +
      `(mean gap ${mean.toFixed(3)} %, worst ${Math.max(0, ...gaps).toFixed(3)} %), ${count("level short")} short on level 1, 2 or 3` +
      (count("no optimum") > 0 ? `, ${count("no optimum")} without a proven optimum` : "") +
      ".",
    "",
  );
  const proven = rows.filter((r) => r.minGaps !== null);
  const ours = proven.reduce((a, r) => a + r.firmGaps, 0);
  const fewest = proven.reduce((a, r) => a + r.minGaps!, 0);
  const all = rows.reduce((a, r) => a + r.firmGaps, 0);
  const cutShort = rows.filter((r) => r.cut.some((ok) => !ok)).length;
  const within = proven.filter((r) => r.firmGaps <= 1.1 * r.minGaps! + 1).length;
  const fifth = rows.filter((r) => r.verdict === "equal" && r.oursMs / 1000 <= r.highsSec / 5).length;
  out.push(
    `Anytime: ${rows.length - cutShort} of ${rows.length} with both cut runs at least the search alone. Speed: ${fifth} of ${rows.length} equal to the optimum in at most a fifth of HiGHS's time. Gaps: ${within} of ${proven.length} proven minima within 1.1 × + 1.`,
    "",
  );
  out.push(
    proven.length > 0
      ? `Firm gaps: ${all} in all; on the ${proven.length} instances where HiGHS proved the fewest, ${ours} against ${fewest}.`
      : `Firm gaps: ${all} in all; HiGHS proved no minimum here (model too big or not within ${GAPS_CAP_SEC} s).`,
    "",
  );
  return out;
}

// Ours as the CLI runs it: with the exact polish (HiGHS) unless --no-exact.
const solver = flags.exact ? await loadExactSolver() : null;
const chosen = chooseSuites(SUITES, flags.suites);
// Both HiGHS runtimes (ours and the oracle's) compile their WebAssembly on the first solve of the process
// (1–2 s of CPU, once): one small windowed stop solved by each first, untimed, so no row carries it.
if (solver !== null) {
  const warm = generateInstance("M", 1, { narrowWindows: 0.8 });
  planStop(warm, { minMeetings: 1, exact: solver });
  await solveWithHighs(warm, { minMeetings: 1, allowRepeats: false, timeLimitSec: HIGHS_CAP_SEC });
}
const machine = machineInfo();
const lines = [
  "# Quality against the exact optimum",
  "",
  `- Machine: ${machine.cpu}, ${machine.cores} cores; Node ${machine.node}, ${machine.date}, commit ${machine.commit}`,
  `- Command: \`pnpm bench:quality${flags.exact ? "" : " --no-exact"}\` (ours: \`planStop\` as the CLI runs it, ${flags.exact ? `with the exact polish (HiGHS, ≤ ${EXACT_NODES.toLocaleString("en-US")} nodes per level) on days of ≤ ${EXACT_MAX_CANDIDATES.toLocaleString("en-US")} candidates` : "without the exact polish"}; HiGHS: the time-indexed model, stage by stage, each proven optimal)`,
  "- Levels are `musts / served / balance / score`; “score gap” is how far our score is below the optimum's; “fewest possible” is the fewest firm gaps our meetings allow (HiGHS, same meetings, any slots; 0 when ours has none; — when not proven within " + GAPS_CAP_SEC + " s or too big).",
  "",
];
const loadAtStart = loadavg()[0]!;
for (const suite of chosen) lines.push(...render(suite, await runSuite(suite)));
// Times are side by side in one run: the machine's load (1-minute average) says how comparable they are to another run's.
lines.splice(3, 0, `- Load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end`);
writeFileSync(flags.out, lines.join("\n"));
log(`wrote ${flags.out}`);
