/** Renders `bench/results.md`: machine, one results table, the scaling table, notes. */
import { fmt, timeRatio, type InstanceResult } from "./compare.js";
import type { ObjectiveLevels } from "@roadshow/core";
import type { Machine } from "./machine.js";
import { median, type Outcome } from "./ours.js";
import type { ChildResult } from "../oracle/peers/spawn.js";

const ms = (x: number): string => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString("en-US"));
const s = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const mb = (x: number | null): string => (x === null ? "?" : Math.round(x).toLocaleString("en-US"));
const pct = (x: number): string => `${x.toFixed(x < 1 ? 2 : 1)}%`;
const ratio = (x: number | null): string => (x === null ? "—" : x < 1 ? `1/${Math.round(1 / x)}` : `${x.toFixed(1)}×`);
const checked = (n: number | null): string => (n === null ? "—" : n === 0 ? "ok" : `**${n}**`);

function peerCell(r: Outcome<ChildResult>): { time: string; levels: string; bound: string } {
  if (!r.ok) return { time: "skipped", levels: "—", bound: "—" };
  const p = r.value;
  const cold = p.runs > 1 && p.coldSeconds !== null ? ` (cold ${s(p.coldSeconds)} s)` : "";
  const time = p.killed ? `killed at ${s(p.wallSeconds)} s` : `${s(p.seconds)} s${cold} ${p.status}`;
  const levels = p.levels === null ? "none" : fmt(p.levels);
  const bound = p.bound !== null && p.levelsProven ? p.bound.toLocaleString("en-US") : "—";
  return { time: `${time}${p.peakRssMb !== null ? `, ${mb(p.peakRssMb)} MB` : ""}`, levels, bound };
}

const scorePct = (score: number, bound: number): string => {
  const x = (100 * score) / bound;
  return x < 100 && x.toFixed(3) === "100.000" ? "99.999+%" : `${x.toFixed(3)}%`;
};

/** Our bound: the score bound, or all three levels when levels 1–2 fall short of theirs. */
function oursBound(levels: ObjectiveLevels, bounds: ObjectiveLevels, gapPercent: number): string {
  const top = levels.musts < bounds.musts || levels.served < bounds.served;
  return `${top ? fmt(bounds) : bounds.score.toLocaleString("en-US")}, gap ${pct(gapPercent)}`;
}

export interface RunSettings {
  readonly families: readonly string[];
  readonly seeds: number;
  readonly runs: number;
  readonly highsCaps: string;
  readonly jslpCap: number;
  readonly command: string;
  /** Whether the built CLI was older than the sources when the bench started. */
  readonly staleCli: boolean;
}

export function renderResults(machine: Machine, settings: RunSettings, results: readonly InstanceResult[], extra = ""): string {
  const out: string[] = [];
  out.push("# Benchmark results", "");
  out.push(`- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB RAM`);
  out.push(`- Node ${machine.node}, ${machine.date}, commit ${machine.commit}; load average ${machine.load.toFixed(1)} at start${machine.load >= machine.cores / 2 ? " (other work was running: times may be inflated)" : ""}`);
  out.push(`- Command: \`${settings.command}\` (families ${settings.families.join(", ")}; ${settings.seeds} seed(s); ours: median of ${settings.runs})`);
  if (settings.staleCli) out.push("- **The built CLI was older than the sources**: its numbers are for an earlier version (run `pnpm build` first).");
  out.push(`- Peers: the time-indexed model x[firm, delegation, slot], solved stage by stage (musts, served, score); HiGHS caps ${settings.highsCaps}; jsLPSolver in a child process killed at ${settings.jslpCap} s or 4 GB RSS (its own time limit is only checked between branch-and-bound nodes).`);
  out.push("");
  out.push("Levels are `musts / served (K = 1) / score`. Times: ours through the library (in process) and the full CLI (spawned, with CSV I/O, every file written into a new folder);");
  out.push("peers' times include building the model, exclude process start-up; HiGHS runs twice and its faster (warm) run counts, the first run is shown as cold.");
  out.push("RSS is the peak of the process (GNU time).");
  out.push("“Checked” is the independent hard-rule checker (`oracle/verify.ts`) on each agenda: ours (library, CLI), HiGHS, jsLPSolver.");
  out.push("Ratios are our library time over the peer's, only where our levels are equal or better; “best bound” is the lowest proven bound on the optimum's score.");
  out.push("");
  out.push(
    "| instance | firms × del. × slots | binaries | ours lib ms | ours CLI ms | CLI RSS MB | ours levels | ours bound, gap | HiGHS | HiGHS levels | HiGHS bound | jsLPSolver | jsLP levels | checked | ours/HiGHS time | ours/jsLP time | score / best bound |",
  );
  out.push("|---|---|---:|---:|---:|---:|---|---|---|---|---:|---|---|---|---:|---:|---:|");
  for (const r of results) {
    const lib = r.library.ok ? r.library.value : null;
    const cli = r.cli.ok ? r.cli.value : null;
    const h = peerCell(r.highs);
    const j = peerCell(r.jslp);
    const scoreRatio = lib && r.bestBound ? scorePct(lib.levels.score, r.bestBound) : "—";
    out.push(
      `| ${r.label} | ${r.firms} × ${r.delegations} × ${r.slots} | ${r.binaries.toLocaleString("en-US")} | ${lib ? ms(lib.medianMs) : "n/a"} | ${cli ? ms(cli.medianMs) : "n/a"} | ${cli ? mb(cli.peakRssMb) : "n/a"} | ${lib ? `${fmt(lib.levels)} (${lib.status})` : "not available"} | ${lib ? oursBound(lib.levels, lib.bounds, lib.gapPercent) : "—"} | ${h.time} | ${h.levels} | ${h.bound} | ${j.time} | ${j.levels} | ${[r.checks.library, r.checks.cli, r.checks.highs, r.checks.jslp].map(checked).join(" / ")} | ${ratio(timeRatio(r, "highs"))} | ${ratio(timeRatio(r, "jslp"))} | ${scoreRatio} |`,
    );
  }
  out.push("", "## Scaling (first seed of each family)", "");
  out.push("Work grows with the model (binaries: firm × delegation × common slot) more than with the meetings placed: XL×2 doubles");
  out.push("the firms but not the delegations' tables, so it holds about as many meetings as XL from twice the candidates.", "");
  out.push("| family | firms × del. × slots | binaries | meetings | ours lib ms | ours CLI ms | CLI RSS MB | lib µs / meeting | lib ns / binary |");
  out.push("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  const seen = new Set<string>();
  for (const r of results) {
    if (seen.has(r.family)) continue;
    seen.add(r.family);
    const lib = r.library.ok ? r.library.value : null;
    const cli = r.cli.ok ? r.cli.value : null;
    const meetings = lib?.meetings.length ?? (cli ? cli.meetings.length : null);
    const perMeeting = lib && meetings ? ((1000 * lib.medianMs) / meetings).toFixed(0) : "—";
    const perBinary = lib ? ((1e6 * lib.medianMs) / r.binaries).toFixed(0) : "—";
    out.push(
      `| ${r.family} | ${r.firms} × ${r.delegations} × ${r.slots} | ${r.binaries.toLocaleString("en-US")} | ${meetings === null ? "n/a" : meetings.toLocaleString("en-US")} | ${lib ? ms(lib.medianMs) : "ours: not available"} | ${cli ? ms(cli.medianMs) : "n/a"} | ${cli ? mb(cli.peakRssMb) : "n/a"} | ${perMeeting} | ${perBinary} |`,
    );
  }
  out.push("", "## The full CLI against the solve time it prints", "");
  out.push("Each CLI run prints its solve time (`Time:` in the summary); its wall time over that, run by run, is what reading the");
  out.push("CSVs, rendering and writing every file (and starting Node) cost on top of planning, measured within one run so that");
  out.push("the machine's speed of the hour cancels out. Target: at most 2.5× on XL (issue 15).", "");
  out.push("| family | files written | CLI wall ms (median) | printed solve ms (median) | wall / printed solve, per run | median | CLI RSS MB |");
  out.push("|---|---:|---:|---:|---|---:|---:|");
  const overSeen = new Set<string>();
  for (const r of results) {
    if (overSeen.has(r.family) || !r.cli.ok) continue;
    overSeen.add(r.family);
    const c = r.cli.value;
    const per = c.overSolve.map((x) => `${x.toFixed(2)}×`).join(", ") || "—";
    const med = c.overSolve.length > 0 ? `${median(c.overSolve).toFixed(2)}×` : "—";
    out.push(`| ${r.family} | ${c.files.toLocaleString("en-US")} | ${ms(c.medianMs)} | ${c.solveMs.length > 0 ? ms(median(c.solveMs)) : "—"} | ${per} | ${med} | ${mb(c.peakRssMb)} |`);
  }
  out.push("", "## Where the full command's time goes", "");
  out.push("The steps of `roadshow schedule` timed one by one in the bench's process (through `@roadshow/cli/io`, median of the runs):");
  out.push("reading and checking the CSVs, planning, rendering every file (agendas, calendars, HTML) and writing them into a new");
  out.push("folder. Wall ms, with the process's CPU ms (user + system) in brackets: a wall time far above the CPU time is the");
  out.push("machine (other jobs, a slow disk), not our work. Node's start-up (about 0.2 s) is not in it.", "");
  out.push("| family | files | read | plan | render | write | total |");
  out.push("|---|---:|---:|---:|---:|---:|---:|");
  const phaseSeen = new Set<string>();
  for (const r of results) {
    if (phaseSeen.has(r.family) || !r.phases.ok) continue;
    phaseSeen.add(r.family);
    const { phases, files } = r.phases.value;
    const cell = (wall: number, cpu: number): string => `${ms(wall)} (${ms(cpu)})`;
    const total = cell(phases.reduce((a, p) => a + p.wallMs, 0), phases.reduce((a, p) => a + p.cpuMs, 0));
    out.push(`| ${r.family} | ${files.toLocaleString("en-US")} | ${phases.map((p) => cell(p.wallMs, p.cpuMs)).join(" | ")} | ${total} |`);
  }
  const notes = results.flatMap((r) => [
    ...(!r.phases.ok ? [`${r.label}: ${r.phases.note}`] : []),
    ...(!r.library.ok ? [`${r.label}: ${r.library.note}`] : []),
    ...(!r.cli.ok ? [`${r.label}: ${r.cli.note}`] : []),
    ...(!r.highs.ok ? [`${r.label}: HiGHS ${r.highs.note}`] : r.highs.value.note ? [`${r.label}: HiGHS ${r.highs.value.note}`] : []),
    ...(!r.jslp.ok ? [`${r.label}: jsLPSolver ${r.jslp.note}`] : r.jslp.value.note ? [`${r.label}: jsLPSolver ${r.jslp.value.note}`] : []),
    ...r.notes.map((n) => `${r.label}: ${n}`),
  ]);
  if (notes.length > 0) out.push("", "## Notes", "", ...notes.map((n) => `- ${n}`));
  out.push("");
  if (extra !== "") out.push(extra);
  return out.join("\n");
}
