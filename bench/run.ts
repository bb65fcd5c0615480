/**
 * `pnpm bench [--quick] [--seeds N] [--families S,M,L,Lx3,Ln,XL,XLx2,XLn,Lx10.8w|none] [--runs 3]
 *   [--time-limit <s>] [--highs-cap <s>] [--jslp-cap <s>] [--no-hostile] [--out bench/results.md]
 *   [--replan-families L,XL|none] [--replan-out bench/replan.md] [--xlsx-families XL|none] [--xlsx-out bench/xlsx.md]`
 *
 * For each family and seed: generate the instance into bench/out/<family>-<seed>/,
 * run ours (library and CLI), HiGHS and jsLPSolver on the time-indexed model,
 * check every agenda independently, and write bench/results.md. `<family>x<k>`
 * is the family with k times the firms (XLx2 for the scaling table; Lx3 makes
 * delegations scarce, so not every firm can be served); `<family>n` gives most
 * participants one narrow window (Ln, XLn), `<family>w` half the firms a window
 * of a quarter of the day (Lx10.8w: 3,240 firms, half in 80-minute windows).
 * Progress goes to stderr.
 * Then the hostile-input table (`bench/hostile.ts`: inputs at and past the
 * limits, appended to `--out`; `--no-hostile` skips it), and the re-planning
 * rows (`bench/replan.ts`: a seeded day-of perturbation of each
 * `--replan-families` stop, re-planned), written to `--replan-out`, and the
 * workbook rows (`bench/xlsx.ts`: agenda.xlsx against the CSVs it holds, and
 * `schedule --xlsx` time and peak RSS), written to `--xlsx-out`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { StopInstance } from "@roadshow/core";
import { assess, fmt, type InstanceResult } from "./compare.js";
import { FAMILIES, generateInstance, type FamilyName, type GenerateOptions } from "../oracle/generate.js";
import { machineInfo } from "./machine.js";
import { renderHostile, runHostile } from "./hostile.js";
import { CLI, cliIsStale, runCli, runLibrary, runPhases, type Outcome } from "./ours.js";
import { countBinaries } from "../oracle/peers/model.js";
import { runPeerInChild, type ChildResult } from "../oracle/peers/spawn.js";
import { benchReplan, renderReplan, type ReplanRow } from "./replan.js";
import { renderResults } from "./report.js";
import { writeInstance } from "../oracle/write-csv.js";
import { benchXlsx, renderXlsx, type XlsxRow } from "./xlsx.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const OPTIONS = { minMeetings: 1, allowRepeats: false } as const;
/** HiGHS's time limit per family (its kill cap adds a margin for reading the model). */
const HIGHS_CAP: Readonly<Record<FamilyName, number>> = { S: 60, M: 120, L: 120, XL: 300 };
/** HiGHS solves twice in its child (the second run with its WebAssembly warm), fastest reported. */
const PEER_RUNS = 2;
/** Beyond this the time-indexed model does not fit: XL's 4M binaries ran Node out of its 4 GB heap while building the LP text. */
const HIGHS_MAX_BINARIES = 1_000_000;
/** jsLPSolver keeps a dense tableau (rows × columns doubles): beyond this it cannot even start. */
const JSLP_MAX_BINARIES = 200_000;

const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    seeds: { type: "string", default: "1" },
    families: { type: "string" },
    runs: { type: "string", default: "3" },
    "time-limit": { type: "string" },
    "highs-cap": { type: "string" },
    "jslp-cap": { type: "string", default: "60" },
    out: { type: "string", default: join(ROOT, "bench/results.md") },
    hostile: { type: "boolean", default: true },
    "replan-families": { type: "string" },
    "replan-out": { type: "string", default: join(ROOT, "bench/replan.md") },
    "xlsx-families": { type: "string" },
    "xlsx-out": { type: "string", default: join(ROOT, "bench/xlsx.md") },
  },
  allowNegative: true,
});

const list = (text: string): string[] => (text === "none" ? [] : text.split(",").map((f) => f.trim()));
const families = list(flags.families ?? (flags.quick ? "S,M" : "S,M,L,Lx3,Ln,XL,XLx2,XLn,Lx10.8w"));
const replanFamilies = list(flags["replan-families"] ?? (flags.quick ? "none" : "L,XL"));
const xlsxFamilies = list(flags["xlsx-families"] ?? (flags.quick ? "none" : "XL"));
/**
 * Windows of a family by its suffix: `n`, 80 % of firms and 40 % of delegations present for a third of
 * the day or less; `w`, half the firms present for a quarter of the day (80 minutes at L) and the
 * delegations all day (a big association day where half the members drop in for an hour or so).
 */
function windowsOf(suffix: string, family: FamilyName): GenerateOptions {
  if (suffix === "n") return { narrowWindows: 0.8 };
  if (suffix === "w") return { narrowWindows: 0.5, narrowDelegations: 0, windowSlots: Math.max(1, Math.floor(FAMILIES[family].slots / 4)) };
  return {};
}

/** `L` → L at scale 1; `XLx2` → XL with twice the firms; `XLn` → XL with narrow windows; `Lx10.8w` → 3,240 firms, half in 80-minute windows. */
function parseFamily(name: string): { family: FamilyName; scale: number; windows: GenerateOptions } {
  const match = /^(S|M|L|XL)(?:x(\d+(?:\.\d+)?))?([nw]?)$/i.exec(name);
  if (!match) throw new Error(`unknown family ${name}: use S, M, L, XL, optionally with x<k> firms (XLx2) and n for narrow windows (XLn) or w for half the firms in a quarter of the day (Lx10.8w)`);
  const family = match[1]!.toUpperCase() as FamilyName;
  return { family, scale: Number(match[2] ?? 1), windows: windowsOf(match[3]!.toLowerCase(), family) };
}
families.forEach(parseFamily);
replanFamilies.forEach(parseFamily);
const seeds = Number(flags.seeds);
const runs = Number(flags.runs);
const timeLimitSec = flags["time-limit"] === undefined ? null : Number(flags["time-limit"]);
const jslpCap = Number(flags["jslp-cap"]);
const highsCap = (family: FamilyName): number => (flags["highs-cap"] === undefined ? HIGHS_CAP[family] : Number(flags["highs-cap"]));

function skipped(note: string): Outcome<ChildResult> {
  return { ok: false, note };
}

async function highs(instance: StopInstance, family: FamilyName, binaries: number): Promise<Outcome<ChildResult>> {
  if (binaries > HIGHS_MAX_BINARIES) return skipped(`skipped: ${binaries.toLocaleString("en-US")} binaries > ${HIGHS_MAX_BINARIES.toLocaleString("en-US")} (the model does not fit in memory: building its LP text ran out of Node's 4 GB heap)`);
  const cap = highsCap(family);
  log(`  HiGHS (time limit ${cap} s, best of ${PEER_RUNS} if optimal)`);
  const result = await runPeerInChild("highs", instance, { ...OPTIONS, timeLimitSec: cap, log: (m) => log(`    ${m}`) }, PEER_RUNS * (cap + 60), { runs: PEER_RUNS });
  return { ok: true, value: result };
}

async function jslp(instance: StopInstance, binaries: number): Promise<Outcome<ChildResult>> {
  if (binaries > JSLP_MAX_BINARIES) return skipped(`skipped: ${binaries.toLocaleString("en-US")} binaries, far beyond a dense tableau`);
  log(`  jsLPSolver (killed at ${jslpCap} s or 4 GB)`);
  const result = await runPeerInChild("jslp", instance, { ...OPTIONS, timeLimitSec: jslpCap, log: (m) => log(`    ${m}`) }, jslpCap);
  return { ok: true, value: result };
}

async function benchOne(name: string, seed: number): Promise<InstanceResult> {
  const { family, scale, windows } = parseFamily(name);
  const instance = generateInstance(family, seed, { firmScale: scale, ...windows });
  const dir = join(ROOT, "bench/out", `${name}-${seed}`);
  writeInstance(dir, instance);
  const firms = instance.firms.filter((f) => f.stops.includes(instance.stop.id)).length;
  const delegations = instance.delegations.filter((d) => d.stops === null || d.stops.includes(instance.stop.id)).length;
  const binaries = countBinaries(instance, OPTIONS);
  log(`${name}-${seed}: ${firms} firms × ${delegations} delegations, ${binaries.toLocaleString("en-US")} binaries → ${dir}`);
  log("  ours (library)");
  const library = await runLibrary(instance, runs, timeLimitSec);
  log(`    ${library.ok ? `${fmt(library.value.levels)} ${library.value.status}, median ${library.value.medianMs.toFixed(0)} ms` : library.note}`);
  log("  ours (CLI)");
  const cli = runCli(dir, instance.stop.id, runs, timeLimitSec);
  log(`    ${cli.ok ? `median ${cli.value.medianMs.toFixed(0)} ms, peak RSS ${cli.value.peakRssMb?.toFixed(0) ?? "?"} MB` : cli.note}`);
  log("  ours (the command's steps in process)");
  const phases = await runPhases(dir, instance.stop.id, runs, timeLimitSec);
  log(`    ${phases.ok ? phases.value.phases.map((p) => `${p.name} ${p.wallMs.toFixed(0)} ms`).join(", ") : phases.note}`);
  const h = await highs(instance, family, binaries);
  log(`    HiGHS: ${h.ok ? `${h.value.status} ${h.value.levels ? fmt(h.value.levels) : "no agenda"} in ${h.value.seconds.toFixed(2)} s` : h.note}`);
  const j = await jslp(instance, binaries);
  log(`    jsLPSolver: ${j.ok ? `${j.value.status} ${j.value.levels ? fmt(j.value.levels) : "no agenda"} in ${j.value.wallSeconds.toFixed(2)} s` : j.note}`);
  const slots = FAMILIES[family].slots;
  const result = assess(instance, { label: `${name}-${seed}`, family: name, seed, firms, delegations, slots, binaries, library, cli, phases, highs: h, jslp: j });
  for (const note of result.notes) log(`  ! ${note}`);
  return result;
}

function replanRows(): ReplanRow[] {
  const rows: ReplanRow[] = [];
  for (const name of replanFamilies) {
    for (let seed = 1; seed <= seeds; seed++) {
      const { family, scale, windows } = parseFamily(name);
      const instance = generateInstance(family, seed, { firmScale: scale, ...windows });
      log(`replan ${name}-${seed}`);
      const row = benchReplan(`${name}-${seed}`, instance, seed, runs);
      log(`  ${row.unchanged} of ${row.previous} unchanged (still-valid kept: ${row.stillValidKept} of ${row.stillValid}), ${row.notified} to notify, replan ${row.medianMs.toFixed(0)} ms, afresh ${row.fresh.medianMs.toFixed(0)} ms, ${row.violations} violations`);
      rows.push(row);
    }
  }
  return rows;
}

const staleCli = cliIsStale();
if (staleCli) log("warning: packages/cli/dist is older than the sources; run `pnpm build` first or the CLI numbers are stale");
const machine = machineInfo();
const results: InstanceResult[] = [];
for (const name of families) for (let seed = 1; seed <= seeds; seed++) results.push(await benchOne(name, seed));
const command = `pnpm bench ${process.argv.slice(2).join(" ")}`.trim();
if (replanFamilies.length > 0) {
  writeFileSync(flags["replan-out"], renderReplan(replanRows(), command));
  log(`wrote ${flags["replan-out"]}`);
}
if (xlsxFamilies.length > 0) {
  const rows: XlsxRow[] = [];
  for (const name of xlsxFamilies) {
    const { family, scale, windows } = parseFamily(name);
    const instance = generateInstance(family, 1, { firmScale: scale, ...windows });
    const dir = join(ROOT, "bench/out", `xlsx-${name}-1`);
    writeInstance(dir, instance);
    log(`xlsx ${name}-1`);
    const row = await benchXlsx(`${name}-1`, instance, dir, runs, CLI, ROOT);
    log(`  ${row.meetings} meetings: CSVs ${row.csvMs.toFixed(0)} ms, agenda.xlsx ${row.xlsxMs.toFixed(0)} ms${"note" in row.cli ? `; CLI: ${row.cli.note}` : `; schedule ${row.cli.plain.wallMs.toFixed(0)} ms, --xlsx ${row.cli.xlsx.wallMs.toFixed(0)} ms, peak RSS ${row.cli.xlsx.peakRssMb?.toFixed(0) ?? "?"} MB`}`);
    rows.push(row);
  }
  writeFileSync(flags["xlsx-out"], renderXlsx(rows, command));
  log(`wrote ${flags["xlsx-out"]}`);
}
if (families.length === 0) process.exit(0);
const caps = [...new Set(families.map((f) => parseFamily(f).family))].map((f) => `${f} ${highsCap(f)} s`).join(", ");
let hostileTable = "";
if (flags.hostile) {
  log("hostile inputs");
  hostileTable = renderHostile(runHostile(CLI, join(ROOT, "examples/lombardia-2026"), 120_000, (m) => log(`  ${m}`)));
}
writeFileSync(flags.out, renderResults(machine, { families, seeds, runs, highsCaps: caps, jslpCap, command, staleCli }, results, hostileTable));
writeFileSync(join(ROOT, "bench/out/summary.json"), JSON.stringify(results.map(({ library, cli, highs: hr, jslp: jr, ...rest }) => ({ ...rest, library: strip(library), cli: strip(cli), highs: strip(hr), jslp: strip(jr) })), null, 2));
log(`wrote ${flags.out}`);

/** Results without the agendas, for bench/out/summary.json. */
function strip<T extends object>(outcome: Outcome<T>): unknown {
  return outcome.ok ? { ...outcome.value, meetings: undefined } : outcome;
}
