/**
 * `node --conditions=@roadshow/source --import tsx bench/profile.ts FAMILY SEEDS KS [--no-exact] [--verbose]`
 * (e.g. `M 1,2,3,4 1,2`): where one `planStop` spends its CPU, stage by stage, on the narrow-window
 * family stops, with the exact polish (HiGHS) as the CLI runs it unless `--no-exact`. Stages are cut at
 * the progress events (`onProgress`): selection, bound, each search stage, each polished level, compaction
 * with annealing, the exact compaction (gaps MIP), verification. The process's CPU (all threads) is read at
 * each event; the first stop of a process also pays the WebAssembly compile of HiGHS (1–2 s, once).
 */
import { parseArgs } from "node:util";
import { planStop, type ProgressEvent } from "@roadshow/core";
import { generateInstance, type FamilyName } from "../oracle/generate.js";
import { loadExactSolver } from "../packages/cli/src/solve/highs.js";
import { fmt } from "./compare.js";

const { values: flags, positionals } = parseArgs({
  options: { exact: { type: "boolean", default: true }, verbose: { type: "boolean", default: false } },
  allowNegative: true,
  allowPositionals: true,
});
const [family = "M", seedsText = "1", ksText = "1"] = positionals;
const list = (text: string): number[] => text.split(",").map(Number);
const solver = flags.exact ? await loadExactSolver() : null;
const cpu = (): number => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** The stage an event starts, or null when it continues the current one. */
function stageOf(e: ProgressEvent & { phase: string }): string | null {
  switch (e.step) {
    case "selecting":
      return "select";
    case "placing":
      return "timetable";
    case "bounding":
      return "bound";
    case "searching":
      return `search:${e.stage}`;
    case "exact-solving":
      return `polish:${e.level}`;
    case "exact-solved":
      return "search";
    case "compacting":
      return "compact+anneal";
    case "compacting-exact":
      return "gaps MIP";
    case "checking":
      return "verify";
    case "done":
      return "done";
    default:
      return null;
  }
}

for (const K of list(ksText)) {
  for (const seed of list(seedsText)) {
    const instance = generateInstance(family as FamilyName, seed, { narrowWindows: 0.8 });
    const spent = new Map<string, number>();
    let stage = "prepare";
    const started = cpu();
    let since = started;
    const schedule = planStop(instance, {
      minMeetings: K,
      ...(solver && { exact: solver }),
      onProgress: (e) => {
        if (flags.verbose) process.stdout.write(`  ${e.elapsedMs.toFixed(0).padStart(6)} ms ${e.phase}/${e.step}${"levels" in e && e.levels ? ` ${fmt(e.levels)}` : ""}\n`);
        const next = stageOf(e);
        if (next === null || next === stage) return;
        const now = cpu();
        spent.set(stage, (spent.get(stage) ?? 0) + now - since);
        since = now;
        stage = next;
      },
    });
    const parts = [...spent].map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(", ");
    console.log(`${family}-${seed} K=${K}${flags.exact ? "" : " --no-exact"}: ${fmt(schedule.stats.levels)}, ${schedule.stats.elapsedMs.toFixed(0)} ms wall, ${(cpu() - started).toFixed(0)} ms CPU | ${parts}`);
  }
}
