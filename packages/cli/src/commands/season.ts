// `roadshow season`: plans every stop in date order without repeated meetings and writes each stop's files and the season report.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { heldReport, planSeason, seasonReport, type HeldMeeting, type SeasonOptions, type SeasonPlan, type Stop } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import type { AgendaRow, DataSet } from "../read/index.js";
import { didYouMean, nearest } from "../read/suggest.js";
import { dataAt, load, readAgendaChecked, refuseOwnHistory, type Sources, inputPaths } from "../read/load.js";
import { formatIssues } from "../text/issues-format.js";
import { progressLine } from "../text/progress.js";
import { t, type Lang } from "../text/i18n.js";
import { formatSeasonSummary, heldLine } from "../text/season-summary.js";
import { violationText } from "../text/violations.js";
import { exactOption } from "../solve/highs.js";
import type { OutputFile } from "../write/output-file.js";
import { checkOutputFolder, writeOutputs } from "../write/transaction.js";
import { heldFile, seasonReportFiles } from "../write/season-csv.js";
import { stopFiles } from "../write/stop-files.js";
import { readWeights } from "../read/weights.js";
import { collect, EXAMPLE_DIR, organizerOption, planningOptions, type CommandContext, type PlanningFlags, type OrganizerFlags } from "./shared.js";
import type { Organizer } from "../write/exports.js";

/** Options of `roadshow season`. */
export interface SeasonArgs extends Sources {
  readonly out: string;
  readonly from: string | undefined;
  /** Agendas already held (`agenda.csv` files). */
  readonly frozen: readonly string[];
  readonly allowRepeats: boolean;
  readonly minMeetings: number;
  /** Balance meetings across firms (default true; `--no-balance`). */
  readonly balance?: boolean;
  /** Polish windowed stops with the exact solver (HiGHS; default true; `--no-exact`). */
  readonly exact?: boolean;
  readonly independent: boolean;
  /** Also plan the other way (season vs independent) and show both side by side. */
  readonly compare: boolean;
  readonly timeLimitSeconds: number | undefined;
  readonly force: boolean;
  readonly excel: boolean;
  readonly weights?: string | undefined;
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
  return new InputError("unknown stop", [
    {
      severity: "error", code: "unknown-stop", file, line, column, value: id,
      message: `${id} is not a stop_id of stops.csv${didYouMean(nearest(id, ids))}`,
      hint: `use one of: ${ids.join(", ")}`,
    },
  ]);
}

async function readFrozen(files: readonly string[], data: DataSet, io: Io, common: Common): Promise<Frozen> {
  const meetings = new Map<string, readonly HeldMeeting[]>();
  const bytes = new Map<string, Uint8Array>();
  const from = new Map<string, string>();
  for (const file of files) {
    const { rows, warnings } = await readAgendaChecked(file, data, "warning");
    if (warnings.length > 0) io.stderr(formatIssues(warnings, { color: io.color, format: common.format, lang: common.lang }));
    const byStop = new Map<string, AgendaRow[]>();
    for (const r of rows) {
      const held = byStop.get(r.stopId);
      if (held === undefined) byStop.set(r.stopId, [r]);
      else held.push(r);
    }
    if (byStop.size === 0) io.stderr(`${t(common.lang, "cli.warning")}: ${t(common.lang, "season.warn.frozenEmpty", { file })}\n`);
    for (const [stopId, held] of byStop) {
      if (!data.stops.some((s) => s.id === stopId)) throw unknownStop(data, stopId, file, held[0]!.line, "stop_id");
      if (from.has(stopId)) throw new UsageError(`the held agenda of ${stopId} is given twice, in ${from.get(stopId)} and in ${file}`);
      from.set(stopId, file);
      meetings.set(stopId, held.map((r) => ({ slot: r.slot, table: r.table, delegationId: r.delegationId, firmId: r.firmId, score: r.score })));
    }
    if (byStop.size === 1) bytes.set([...byStop.keys()][0]!, new Uint8Array(await readFile(file)));
  }
  return { meetings, bytes };
}

/** `--from` must name a stop, and every stop before it needs its held agenda. */
function checkFrom(data: DataSet, from: string | undefined, frozen: Frozen, io: Io, lang: Lang): void {
  if (from === undefined) return;
  const order = [...data.stops].sort(byDate);
  const at = order.findIndex((s) => s.id === from);
  if (at < 0) throw unknownStop(data, from, "--from", null, "stop_id");
  const missing = order.slice(0, at).filter((s) => !frozen.meetings.has(s.id)).map((s) => s.id);
  if (missing.length > 0) {
    throw new UsageError(`--from ${from} re-plans from ${from} onward, so the stops before it need their held agenda (--frozen <agenda.csv>): ${missing.join(", ")}`);
  }
  const later = order.slice(at).filter((s) => frozen.meetings.has(s.id)).map((s) => s.id);
  if (later.length > 0) io.stderr(`${t(lang, "cli.warning")}: ${t(lang, "season.warn.fromIgnores", { from, stops: later.join(", ") })}\n`);
}

/** Every stop's files under `<stop_id>/`; a frozen stop read from its own file keeps its agenda.csv byte for byte. */
function planFiles(plan: SeasonPlan, data: DataSet, frozen: Frozen, common: Common, excel: boolean, organizer: Organizer | undefined): OutputFile<string | Uint8Array>[] {
  return plan.stops.flatMap(({ schedule, instance, origin, cancelled }) => {
    const id = schedule.stop.id;
    // A held agenda with meetings cancelled by changes.csv is written as it was held, without them.
    const held = origin === "frozen" && cancelled.length === 0 ? frozen.bytes.get(id) : undefined;
    return stopFiles(schedule, dataAt(data, instance), { lang: common.lang, excel, organizer }).map((f) => ({
      path: `${id}/${f.path}`,
      content: held !== undefined && f.path === "agenda.csv" ? held : f.content,
    }));
  });
}

/** Plans every stop in date order, writes each stop's files and the season report, prints the season summary. */
export async function season(args: SeasonArgs, common: Common, io: Io): Promise<void> {
  // --frozen agendas may lie in --out: they are read (and written back byte for byte) before the new folder replaces the old one.
  const output = { force: args.force, inputs: inputPaths(args) };
  checkOutputFolder(args.out, output);
  const exact = exactOption(args.exact, (reason) => io.stderr(`${t(common.lang, "progress.exact.unavailable", { reason })}\n`));
  const loaded = await load(args);
  const weights = args.weights === undefined ? undefined : await readWeights(args.weights);
  const warnings = [...loaded.warnings, ...(weights?.warnings ?? [])];
  if (warnings.length > 0) io.stderr(formatIssues(warnings, { color: io.color, format: common.format, lang: common.lang }));
  const { data } = loaded;
  refuseOwnHistory(loaded, data.stops.map((s) => s.id));
  const frozen = await readFrozen(args.frozen, data, io, common);
  checkFrom(data, args.from, frozen, io, common.lang);

  let lastProgress = 0;
  const options: SeasonOptions = {
    minMeetings: args.minMeetings,
    allowRepeats: args.allowRepeats,
    balance: args.balance ?? true,
    ...(await exact),
    ...(weights && { weights: weights.weights }),
    ...(args.from !== undefined && { from: args.from }),
    ...(args.timeLimitSeconds !== undefined && { timeLimitMs: args.timeLimitSeconds * 1000 }),
  };
  const input = { ...data, history: loaded.history, frozen: frozen.meetings };
  const plan = planSeason(input, {
    ...options,
    independent: args.independent,
    onProgress: (stopId, p) => {
      // Only long solves talk: a line per second at most.
      if (p.warning || (p.elapsedMs > 1000 && p.elapsedMs - lastProgress > 1000)) {
        lastProgress = p.elapsedMs;
        io.stderr(progressLine(p, common.lang, stopId));
      }
    },
  });
  const other = args.compare ? planSeason(input, { ...options, independent: !args.independent }) : null;
  for (const s of plan.stops) {
    const [first] = s.violations;
    if (first !== undefined) {
      const e = { stop: s.schedule.stop.id, count: s.violations.length, code: first.code, message: violationText(first, common.lang) };
      io.stderr(`${t(common.lang, "cli.warning")}: ${t(common.lang, "season.warn.heldBreaks", e)}\n`);
    }
  }

  const report = seasonReport(plan, data, loaded.history);
  const otherReport = other === null ? null : seasonReport(other, data, loaded.history);
  const compare = args.independent ? { season: otherReport, independent: report } : { season: report, independent: otherReport };
  const held = heldReport(plan, data);
  if (held !== null && held.strays.length > 0) {
    const shown = held.strays.slice(0, 5).map((o) => `${o.stopId} ${o.firmId} × ${o.delegationId}`).join(", ");
    io.stderr(`${t(common.lang, "cli.warning")}: ${t(common.lang, "season.warn.strays", { count: held.strays.length, list: shown })}\n`);
  }
  const files = [
    ...planFiles(plan, data, frozen, common, args.excel, args.organizer),
    ...seasonReportFiles(report, compare, { lang: common.lang, excel: args.excel }),
    ...(held === null ? [] : [heldFile(held, args.excel)]),
  ];
  await writeOutputs(args.out, files, output);
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
  readonly force: boolean;
}

/** Registers `roadshow season`. */
export function defineSeason(root: Command, ctx: CommandContext): void {
  organizerOption(planningOptions(root.command("season")))
    .description("plan every stop in date order without repeated meetings: writes <out>/<stop_id>/ per stop and the season report")
    .argument("<data-dir>", "folder with stops.csv, delegations.csv, firms.csv (requests.csv, scores.csv optional)")
    .requiredOption("--out <dir>", "output folder")
    .option("--from <stop_id>", "re-plan from this stop onward; the stops before it come from --frozen")
    .option("--frozen <agenda.csv>", "agenda already held: kept unchanged and counted as history (repeatable)", collect, [])
    .option("--independent", "plan each stop alone (no season history, no fairness bonus), for comparison", false)
    .option("--no-compare", "do not plan the other way for the side-by-side summary")
    .option("--excel", "write CSVs the way Italian Excel opens them (BOM, ;, CRLF, decimal comma: 39,2)", false)
    .option("--force", "overwrite existing output files", false)
    .addHelpText("after", `\nExample:\n  roadshow season ${EXAMPLE_DIR} --out out/season\n  roadshow season ${EXAMPLE_DIR} --out out/season-2 --from MB-2026-05 --frozen out/season/BS-2026-02/agenda.csv --frozen out/season/BG-2026-03/agenda.csv\n`)
    .action(async (dataDir: string, o: SeasonFlags) => {
      await season(
        {
          dataDir, out: o.out, from: o.from, frozen: o.frozen, scores: o.scores, requests: o.requests, changes: o.changes, outcomes: o.outcomes, history: o.history, weights: o.weights,
          allowRepeats: o.allowRepeats, minMeetings: o.minMeetings, balance: o.balance, exact: o.exact, independent: o.independent, compare: o.compare,
          timeLimitSeconds: o.timeLimit, force: o.force, excel: o.excel, organizer: o.organizer,
        },
        ctx.common(),
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });
}
