// `roadshow season`: plans every stop in date order without repeated meetings and writes each stop's files and the season report.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { heldReport, planSeason, seasonReport, type HeldMeeting, type SeasonOptions, type SeasonPlan, type Stop } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import type { AgendaRow, DataSet } from "../read/index.js";
import { nearest } from "../read/suggest.js";
import { saidIssue } from "../issues.js";
import { isWorkbookName } from "../read/workbook.js";
import { t, type Lang } from "../text/i18n.js";
import { formatSeasonSummary, heldLine } from "../text/season-summary.js";
import { violationText } from "../text/violations.js";
import type { OutputFile } from "../write/output-file.js";
import { writeOutputs } from "../write/transaction.js";
import { heldFile, heldTable, seasonReportFiles, seasonTables } from "../write/season-csv.js";
import { seasonWorkbook, workbookFiles } from "../write/stop-xlsx.js";
import { stopOutput, type OutputOptions } from "../run/files.js";
import { loadRun, type Run } from "../run/load.js";
import { planSettings, runFiles, type PlanSettings, type RunFiles } from "../run/options.js";
import { Reporter } from "../run/report.js";
import { collect, EXAMPLE_DIR, organizerOption, planningOptions, type CommandContext, type PlanningFlags, type OrganizerFlags, SHARED } from "./shared.js";
import type { Organizer } from "../write/exports.js";
import { nearAs, said } from "../text/cli-text.js";

/** Options of `roadshow season`. */
export interface SeasonArgs {
  readonly files: RunFiles;
  readonly settings: PlanSettings;
  readonly out: string;
  readonly from: string | undefined;
  /** Agendas already held (`agenda.csv` files). */
  readonly frozen: readonly string[];
  readonly independent: boolean;
  /** Also plan the other way (season vs independent) and show both side by side. */
  readonly compare: boolean;
  readonly force: boolean;
  readonly excel: boolean;
  /** Also write agenda.xlsx (`--xlsx`). */
  readonly xlsx: boolean;
  /** Who sends the calendar invitations (ORGANIZER). */
  readonly organizer?: Organizer | undefined;
}

/** The held agendas by stop; a file holding one stop only is also kept as bytes, to be written back unchanged. */
interface Frozen {
  readonly meetings: Map<string, readonly HeldMeeting[]>;
  readonly bytes: Map<string, Uint8Array>;
}

const byDate = (a: Stop, b: Stop): number => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function unknownStop(data: DataSet, id: string, file: string, line: number | null, column: string): InputError {
  const ids = data.stops.map((s) => s.id);
  return new InputError(said("cli.input.unknownStop", {}), [saidIssue(
    { severity: "error", code: "unknown-stop", file, line, column, value: id },
    said("input.unknown-stop.id", { stop: id, near: nearAs(nearest(id, ids)) }),
    said("input.unknown-stop.id.fix", { ids: ids.join(", ") }),
  )]);
}

async function readFrozen(files: readonly string[], run: Run, report: Reporter, lang: Lang): Promise<Frozen> {
  const { data } = run;
  const meetings = new Map<string, readonly HeldMeeting[]>();
  const bytes = new Map<string, Uint8Array>();
  const from = new Map<string, string>();
  for (const file of files) {
    const { rows, warnings } = await run.agenda(file, "warning");
    report.issues(warnings);
    const byStop = new Map<string, AgendaRow[]>();
    for (const r of rows) {
      const held = byStop.get(r.stopId);
      if (held === undefined) byStop.set(r.stopId, [r]);
      else held.push(r);
    }
    if (byStop.size === 0) report.warning(t(lang, "season.warn.frozenEmpty", { file }));
    for (const [stopId, held] of byStop) {
      if (!data.stops.some((s) => s.id === stopId)) throw unknownStop(data, stopId, file, held[0]!.line, "stop_id");
      if (from.has(stopId)) throw new UsageError(said("cli.season.heldTwice", { stop: stopId, first: from.get(stopId) ?? "", second: file }));
      from.set(stopId, file);
      meetings.set(stopId, held.map((r) => ({ slot: r.slot, table: r.table, delegationId: r.delegationId, firmId: r.firmId, score: r.score })));
    }
    // An agenda.xlsx given as held is read as its rows; only a CSV's bytes can be written back as agenda.csv.
    if (byStop.size === 1 && !isWorkbookName(file)) bytes.set([...byStop.keys()][0]!, new Uint8Array(await readFile(file)));
  }
  return { meetings, bytes };
}

/** `--from` must name a stop, and every stop before it needs its held agenda. */
function checkFrom(data: DataSet, from: string | undefined, frozen: Frozen, report: Reporter, lang: Lang): void {
  if (from === undefined) return;
  const order = [...data.stops].sort(byDate);
  const at = order.findIndex((s) => s.id === from);
  if (at < 0) throw unknownStop(data, from, "--from", null, "stop_id");
  const missing = order.slice(0, at).filter((s) => !frozen.meetings.has(s.id)).map((s) => s.id);
  if (missing.length > 0) {
    throw new UsageError(said("cli.season.frozenMissing", { from, missing: missing.join(", ") }));
  }
  const later = order.slice(at).filter((s) => frozen.meetings.has(s.id)).map((s) => s.id);
  if (later.length > 0) report.warning(t(lang, "season.warn.fromIgnores", { from, stops: later.join(", ") }));
}

/** Every stop's files under `<stop_id>/`; a frozen stop read from its own file keeps its agenda.csv byte for byte. */
async function planFiles(plan: SeasonPlan, frozen: Frozen, options: OutputOptions, xlsx: boolean): Promise<OutputFile<string | Uint8Array>[]> {
  const files: OutputFile<string | Uint8Array>[] = [];
  for (const { schedule, instance, origin, cancelled } of plan.stops) {
    const id = schedule.stop.id;
    // A held agenda with meetings cancelled by changes.csv is written as it was held, without them.
    const held = origin === "frozen" && cancelled.length === 0 ? frozen.bytes.get(id) : undefined;
    const own = [...stopOutput(schedule, instance, options), ...(await workbookFiles(schedule, instance, { xlsx, lang: options.lang }))];
    for (const f of own) files.push({ path: `${id}/${f.path}`, content: held !== undefined && f.path === "agenda.csv" ? held : f.content });
  }
  return files;
}

/** Plans every stop in date order, writes each stop's files and the season report, prints the season summary. */
export async function season(args: SeasonArgs, common: Common, io: Io): Promise<void> {
  const report = new Reporter(io, common);
  // --frozen agendas may lie in --out: they are read (and written back byte for byte) before the new folder replaces the old one.
  const run = await loadRun({ files: args.files, out: { path: args.out, force: args.force }, exact: args.settings.exact }, report);
  const { data, loaded } = run;
  run.ownStops(data.stops.map((s) => s.id));
  const frozen = await readFrozen(args.frozen, run, report, common.lang);
  checkFrom(data, args.from, frozen, report, common.lang);

  const { onProgress: _none, ...stopOptions } = await run.options(args.settings);
  const options: SeasonOptions = {
    ...stopOptions,
    ...(args.from !== undefined && { from: args.from }),
  };
  const input = { ...data, history: loaded.history, frozen: frozen.meetings };
  const plan = planSeason(input, {
    ...options,
    independent: args.independent,
    onProgress: report.seasonProgress(),
  });
  const other = args.compare ? planSeason(input, { ...options, independent: !args.independent }) : null;
  for (const s of plan.stops) {
    const [first] = s.violations;
    if (first !== undefined) {
      const e = { stop: s.schedule.stop.id, count: s.violations.length, code: first.code, message: violationText(first, common.lang) };
      report.warning(t(common.lang, "season.warn.heldBreaks", e));
    }
  }

  const totals = seasonReport(plan, data, loaded.history);
  const otherReport = other === null ? null : seasonReport(other, data, loaded.history);
  const compare = args.independent ? { season: otherReport, independent: totals } : { season: totals, independent: otherReport };
  const held = heldReport(plan, data);
  if (held !== null && held.strays.length > 0) {
    const shown = held.strays.slice(0, 5).map((o) => `${o.stopId} ${o.firmId} × ${o.delegationId}`).join(", ");
    report.warning(t(common.lang, "season.warn.strays", { count: held.strays.length, list: shown }));
  }
  const tables = [...seasonTables(totals, compare, common.lang), ...(held === null ? [] : [heldTable(held)])];
  const files = [
    ...(await planFiles(plan, frozen, { lang: common.lang, excel: args.excel, organizer: args.organizer }, args.xlsx)),
    ...seasonReportFiles(totals, compare, { lang: common.lang, excel: args.excel }),
    ...(held === null ? [] : [heldFile(held, args.excel)]),
    ...(args.xlsx ? [await seasonWorkbook(tables, common.lang)] : []),
  ];
  await writeOutputs(args.out, files, run.output);
  io.stdout(formatSeasonSummary(compare, args.independent ? "independent" : "season", path.normalize(args.out), common.lang, io.color));
  if (held !== null) io.stdout(heldLine(held, common.lang));
}

/** The flags of `roadshow season`, as commander parses them. */
interface SeasonFlags extends PlanningFlags, OrganizerFlags {
  readonly out: string;
  readonly from?: string;
  readonly frozen: string[];
  readonly independent: boolean;
  /** `--no-compare` sets it false. */
  readonly compare: boolean;
  readonly excel: boolean;
  /** Also write agenda.xlsx (`--xlsx`). */
  readonly xlsx: boolean;
  readonly force: boolean;
}

/** Registers `roadshow season`. */
export function defineSeason(root: Command, ctx: CommandContext): void {
  organizerOption(planningOptions(root.command("season")))
    .description("help.season")
    .argument("<data-dir>", "help.season.data-dir")
    .requiredOption("--out <dir>", "help.season.out")
    .option("--from <stop_id>", "help.season.from")
    .option("--frozen <agenda.csv>", "help.season.frozen", collect, [])
    .option("--independent", "help.season.independent", false)
    .option("--no-compare", "help.season.no-compare")
    .addOption(SHARED.excel())
    .option("--xlsx", "help.season.xlsx", false)
    .addOption(SHARED.force())
    .addHelpText("after", `${ctx.examples(1)}  roadshow season ${EXAMPLE_DIR} --out out/season\n  roadshow season ${EXAMPLE_DIR} --out out/season-2 --from MB-2026-05 --frozen out/season/BS-2026-02/agenda.csv --frozen out/season/BG-2026-03/agenda.csv\n`)
    .action(async (dataDir: string, o: SeasonFlags) => {
      await season(
        {
          files: runFiles(dataDir, o), settings: planSettings(o), out: o.out, from: o.from, frozen: o.frozen, independent: o.independent, compare: o.compare,
          force: o.force, excel: o.excel, xlsx: o.xlsx, organizer: o.organizer,
        },
        ctx.common(),
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });
}
