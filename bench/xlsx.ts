/**
 * The workbook benchmark (`--xlsx-families`, written to `--xlsx-out`): for a
 * generated stop, the time to render and write agenda.xlsx (streamed) against the
 * time to render and write the CSVs it holds (agenda.csv, unmatched.csv, every
 * participant's CSV) into a new folder, median of `runs`, in process; then `roadshow schedule` with and without
 * `--xlsx`, its wall time, CPU time and peak RSS (`/usr/bin/time -v`), the CLI's budget
 * being 1 GB. CPU time (user + system) is reported beside wall time: on a
 * machine shared with other work, wall time varies far more than the work done.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { planStop, type StopInstance } from "@roadshow/core";
import { parsePeakRssKb } from "../oracle/peers/spawn.js";
import { agendaCsv, unmatchedCsv } from "../packages/cli/src/write/agenda-csv.js";
import { exportContext } from "../packages/cli/src/write/export-context.js";
import { participantCsvs } from "../packages/cli/src/write/participant-csv.js";
import { stopWorkbook } from "../packages/cli/src/write/stop-xlsx.js";
import { scheduleWhy } from "../packages/cli/src/text/why.js";
import type { DataSet } from "../packages/cli/src/read/index.js";
import { writeOutputs } from "../packages/cli/src/write/transaction.js";

export interface XlsxRow {
  readonly label: string;
  readonly meetings: number;
  readonly participants: number;
  /** Rendering and writing the CSVs the workbook holds, median wall and CPU ms. */
  readonly csvMs: number;
  readonly csvCpuMs: number;
  /** Rendering and writing agenda.xlsx, median wall and CPU ms. */
  readonly xlsxMs: number;
  readonly xlsxCpuMs: number;
  readonly xlsxBytes: number;
  /** `roadshow export` of the planned agenda without and with `--xlsx` (no planning: the difference is the workbook). */
  readonly export: CliPair | { readonly note: string };
  /** `roadshow schedule` without and with `--xlsx`: median wall ms and peak RSS MB (null without /usr/bin/time). */
  readonly cli: CliPair | { readonly note: string };
}

interface CliPair {
  readonly plain: CliSample;
  readonly xlsx: CliSample;
}

interface CliSample {
  readonly wallMs: number;
  /** User + system CPU time, median ms (null without /usr/bin/time). */
  readonly cpuMs: number | null;
  readonly peakRssMb: number | null;
}

/** User + system seconds from `/usr/bin/time -v`, in ms. */
function parseCpuMs(text: string): number | null {
  const user = /User time \(seconds\): ([\d.]+)/.exec(text);
  const system = /System time \(seconds\): ([\d.]+)/.exec(text);
  return user && system ? (Number(user[1]) + Number(system[1])) * 1000 : null;
}

const OUT = "<out>";
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(runs: number, work: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const times: number[] = [];
  const cpu: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    const usage = process.cpuUsage();
    value = await work();
    const used = process.cpuUsage(usage);
    times.push(performance.now() - began);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpu), value: value! };
}

/** `command` run `runs` times, `OUT` in it replaced by a new folder each time. */
function cliRuns(cli: string, root: string, dataDir: string, runs: number, command: readonly string[]): CliSample | string {
  const scratch = mkdtempSync(join(dataDir, ".xlsx-runs-"));
  const timed = existsSync("/usr/bin/time");
  const walls: number[] = [];
  const cpus: number[] = [];
  let peakKb: number | null = null;
  try {
    for (let i = 0; i < runs; i++) {
      const timeFile = join(scratch, "time.txt");
      const args = [process.execPath, cli, ...command.map((a) => (a === OUT ? join(scratch, `run-${i}`) : a))];
      const [program, ...rest] = timed ? ["/usr/bin/time", "-v", "-o", timeFile, ...args] : args;
      const began = performance.now();
      const child = spawnSync(program!, rest, { cwd: root, encoding: "utf8", maxBuffer: 64 * 2 ** 20, env: { ...process.env, LANG: "en_GB.UTF-8" } });
      walls.push(performance.now() - began);
      if (child.status !== 0) return `${command.filter((a) => a !== OUT).join(" ")} exited with ${child.status ?? child.signal}: ${(child.stderr ?? "").trim().split("\n").slice(-2).join(" / ")}`;
      const report = timed ? readFileSync(timeFile, "utf8") : "";
      const kb = timed ? parsePeakRssKb(report) : null;
      if (kb !== null) peakKb = Math.max(peakKb ?? 0, kb);
      const cpu = timed ? parseCpuMs(report) : null;
      if (cpu !== null) cpus.push(cpu);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { wallMs: median(walls), cpuMs: cpus.length === 0 ? null : median(cpus), peakRssMb: peakKb === null ? null : peakKb / 1024 };
}

/** One row: the stop planned once, its files rendered `runs` times each way, then the CLI run both ways. */
export async function benchXlsx(label: string, instance: StopInstance, dataDir: string, runs: number, cli: string, root: string): Promise<XlsxRow> {
  const schedule = planStop(instance, { minMeetings: 1 });
  const data: DataSet = { stops: [instance.stop], firms: instance.firms, delegations: instance.delegations, requests: instance.requests, scores: instance.scores, changes: [], outcomes: [] };
  const dialect = { excel: false };
  const scratch = mkdtempSync(join(dataDir, ".xlsx-write-"));
  let run = 0;
  // Each way renders its files and writes them into a new folder through the CLI's output transaction.
  const csv = await timed(runs, async () => {
    const ctx = exportContext({ schedule, firms: data.firms, delegations: data.delegations, why: scheduleWhy(schedule, "en") }, "en");
    const files = [
      { path: "agenda.csv", content: agendaCsv(schedule, data.firms, data.delegations, dialect, "en") },
      { path: "unmatched.csv", content: unmatchedCsv(schedule, data.firms, dialect, "en") },
      ...participantCsvs(ctx, false),
    ];
    await writeOutputs(join(scratch, `csv-${run++}`), files, { force: false });
    return files.length;
  });
  const xlsx = await timed(runs, async () => {
    const book = await stopWorkbook(schedule, data, { lang: "en" });
    await writeOutputs(join(scratch, `xlsx-${run++}`), [book], { force: false });
    return book;
  });
  // `export` of a planned agenda writes the stop's files without planning: with and without --xlsx, the difference is the workbook's.
  const agenda = join(scratch, "agenda.csv");
  writeFileSync(agenda, agendaCsv(schedule, data.firms, data.delegations, dialect, "en"));
  const cliSamples = (command: readonly string[]): CliPair | { readonly note: string } => {
    if (!existsSync(cli)) return { note: "the CLI is not built" };
    const plain = cliRuns(cli, root, dataDir, runs, command);
    const withXlsx = typeof plain === "string" ? plain : cliRuns(cli, root, dataDir, runs, [...command, "--xlsx"]);
    return typeof plain === "string" ? { note: plain } : typeof withXlsx === "string" ? { note: withXlsx } : { plain, xlsx: withXlsx };
  };
  const exported = cliSamples(["export", agenda, dataDir, "--out", OUT]);
  const scheduled = cliSamples(["schedule", dataDir, "--stop", instance.stop.id, "--out", OUT]);
  rmSync(scratch, { recursive: true, force: true });
  return {
    label,
    meetings: schedule.meetings.length,
    participants: csv.value - 2,
    csvMs: csv.ms,
    csvCpuMs: csv.cpuMs,
    xlsxMs: xlsx.ms,
    xlsxCpuMs: xlsx.cpuMs,
    xlsxBytes: xlsx.value.content.byteLength,
    export: exported,
    cli: scheduled,
  };
}

const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
const both = (wall: number, cpu: number | null) => `${ms(wall)} (CPU ${cpu === null ? "?" : ms(cpu)})`;
const mb = (x: number | null) => (x === null ? "?" : `${x.toFixed(0)} MB`);

const cpuDiff = (pair: CliPair) => (pair.plain.cpuMs === null || pair.xlsx.cpuMs === null ? null : pair.xlsx.cpuMs - pair.plain.cpuMs);

export function renderXlsx(rows: readonly XlsxRow[], command: string): string {
  const lines = [
    "# Workbook benchmark (`--xlsx`)",
    "",
    `Command: \`${command}\`. "CSVs" renders what agenda.xlsx holds as CSV files (agenda.csv, unmatched.csv and every participant's file) and writes them into a new folder; "agenda.xlsx" renders the workbook (roadshow's SpreadsheetML writer, \`packages/cli/src/write/xlsx.ts\`: one pass over each sheet's rows into XML, a sheet compressed before the next is rendered) and writes it into a new folder. Both through the CLI's output transaction, in process, median of the runs. Then the CLI, each command without and with \`--xlsx\`: \`roadshow export\` of the planned agenda (it writes every file of the stop without planning, so the difference is the workbook's cost) and \`roadshow schedule\` (planning included, for its peak RSS). Median wall time and, in brackets, median CPU time (user + system) by /usr/bin/time -v, as is the peak RSS; the CLI's budget is 1 GB. The machine is shared: wall times vary with the load, CPU times much less.`,
    "",
    "| instance | meetings | participant files | CSVs written | agenda.xlsx written | workbook size | export | export --xlsx | added by --xlsx | schedule | schedule --xlsx | peak RSS | peak RSS --xlsx |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => {
      const exported = "note" in r.export
        ? `${r.export.note} | | |`
        : `${both(r.export.plain.wallMs, r.export.plain.cpuMs)} | ${both(r.export.xlsx.wallMs, r.export.xlsx.cpuMs)} | ${both(r.export.xlsx.wallMs - r.export.plain.wallMs, cpuDiff(r.export))} |`;
      const cli = "note" in r.cli
        ? `${r.cli.note} | | | |`
        : `${both(r.cli.plain.wallMs, r.cli.plain.cpuMs)} | ${both(r.cli.xlsx.wallMs, r.cli.xlsx.cpuMs)} | ${mb(r.cli.plain.peakRssMb)} | ${mb(r.cli.xlsx.peakRssMb)} |`;
      return `| ${r.label} | ${r.meetings.toLocaleString("en-US")} | ${r.participants.toLocaleString("en-US")} | ${both(r.csvMs, r.csvCpuMs)} | ${both(r.xlsxMs, r.xlsxCpuMs)} | ${(r.xlsxBytes / 1024 / 1024).toFixed(1)} MB | ${exported} ${cli}`;
    }),
    "",
  ];
  return `${lines.join("\n")}\n`;
}
