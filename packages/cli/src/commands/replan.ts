/** `roadshow replan`: re-plans a stop around the agenda sent before and tells who must be told what. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { replanStop, type Delegation, type Firm, type StopInstance } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { EXIT } from "../errors.js";
import { t } from "../text/i18n.js";
import type { AgendaRow } from "../read/index.js";
import { checkPrevious, dataAt, findStop, inputPaths, instanceOf, load, readAgenda, refuseOwnHistory } from "../read/load.js";
import { formatIssues } from "../text/issues-format.js";
import { progressLine } from "../text/progress.js";
import { exactOption } from "../solve/highs.js";
import type { OutputFile } from "../write/output-file.js";
import { checkOutputFolder, writeOutputs } from "../write/transaction.js";
import { changedCalendars } from "../replan/calendars.js";
import { changesCsv } from "../replan/csv.js";
import { changesHtml } from "../replan/html.js";
import { changeRows, changeSummary, summaryLine } from "../replan/report.js";
import { stopFiles } from "../write/stop-files.js";
import { formatSummary } from "../text/summary.js";
import { readWeights } from "../read/weights.js";
import { scheduleWhy } from "../text/why.js";
import type { ScheduleArgs } from "./schedule.js";
import { EXAMPLE_DIR, organizerOption, planningOptions, type CommandContext, type PlanningFlags, type OrganizerFlags } from "./shared.js";

/** Options of `roadshow replan`: those of `schedule`, with the agenda sent before required. */
export interface ReplanArgs extends Omit<ScheduleArgs, "previous"> {
  /** The agenda sent before (agenda.csv of schedule or of an earlier replan). */
  readonly previous: string;
  readonly allowMoves: boolean;
}

/** Names for the change report, also of participants taken out of the data files (their agenda row keeps the firm's name). */
function people(instance: StopInstance, previous: readonly AgendaRow[]): { firms: Pick<Firm, "id" | "name">[]; delegations: Pick<Delegation, "id" | "name" | "country">[] } {
  const firms = new Map<string, Pick<Firm, "id" | "name">>(previous.map((r) => [r.firmId, { id: r.firmId, name: r.firmName }]));
  for (const f of instance.firms) firms.set(f.id, f);
  const delegations = new Map<string, Pick<Delegation, "id" | "name" | "country">>(previous.map((r) => [r.delegationId, { id: r.delegationId, name: r.delegationId, country: r.country }]));
  for (const d of instance.delegations) delegations.set(d.id, d);
  return { firms: [...firms.values()], delegations: [...delegations.values()] };
}

/** Reads the inputs as they are now and the agenda sent before, re-plans the stop, writes the files and what changed. */
export async function replan(args: ReplanArgs, common: Common, io: Io): Promise<void> {
  // --previous may lie in --out (re-planning into the same folder with --force): it is read before the folder is replaced.
  const output = { force: args.force, inputs: inputPaths(args) };
  checkOutputFolder(args.out, output);
  const exact = exactOption(args.exact, (reason) => io.stderr(`${t(common.lang, "progress.exact.unavailable", { reason })}\n`));
  const loaded = await load(args);
  const weights = args.weights === undefined ? undefined : await readWeights(args.weights);
  const warnings = [...loaded.warnings, ...(weights?.warnings ?? [])];
  if (warnings.length > 0) io.stderr(formatIssues(warnings, { color: io.color, format: common.format, lang: common.lang }));
  const stop = findStop(loaded.data, args.stop, args.dataDir);
  refuseOwnHistory(loaded, [stop.id]);
  const rows = await readAgenda(args.previous);
  checkPrevious(rows, args.previous, [stop.id]);
  const previous = rows.filter((r) => r.stopId === stop.id);
  const instance = instanceOf(loaded, stop);
  const options = { minMeetings: args.minMeetings, allowRepeats: args.allowRepeats, balance: args.balance ?? true, ...(weights && { weights: weights.weights }) };
  let lastProgress = 0;
  const result = replanStop(instance, previous, {
    ...options,
    ...(await exact),
    allowMoves: args.allowMoves,
    ...(args.timeLimitSeconds !== undefined && { timeLimitMs: args.timeLimitSeconds * 1000 }),
    onProgress: (p) => {
      if (p.warning || (p.elapsedMs > 1000 && p.elapsedMs - lastProgress > 1000)) {
        lastProgress = p.elapsedMs;
        io.stderr(progressLine(p, common.lang));
      }
    },
  });
  const { schedule } = result;
  const why = scheduleWhy(schedule, common.lang);
  const data = dataAt(loaded.data, instance);
  const files = stopFiles(schedule, data, { lang: common.lang, excel: args.excel, organizer: args.organizer, previous });
  // Nothing changed: the agenda sent before is written back as it was, byte for byte.
  const unchanged = result.changes.length === 0 && rows.every((r) => r.stopId === stop.id);
  const kept = unchanged ? new Uint8Array(await readFile(args.previous)) : null;
  const summary = changeSummary(result);
  const report = changeRows(result.changes, schedule.slots, people(instance, previous), common.lang);
  const notified = { firms: result.stats.notifiedFirms, delegations: result.stats.notifiedDelegations };
  const exportInput = { schedule, firms: data.firms, delegations: data.delegations, why };
  const out: OutputFile<string | Uint8Array>[] = [
    ...files.map((f) => (kept !== null && f.path === "agenda.csv" ? { path: f.path, content: kept } : f)),
    { path: "changes.csv", content: changesCsv(stop.id, report, { excel: args.excel }) },
    { path: "changes.html", content: changesHtml(stop, report, summary, common.lang) },
    ...changedCalendars(files, exportInput, previous, notified, common.lang),
  ];
  await writeOutputs(args.out, out, output);
  const s = result.stats;
  io.stdout(formatSummary(schedule, common.lang, io.color));
  const moves = args.allowMoves ? t(common.lang, "replan.moves", { moves: s.moves }) : "";
  io.stdout(`${t(common.lang, "replan.replaced", { replaced: s.replaced, lost: s.lostPairs, bound: s.replacedBound })}${moves}\n`);
  io.stdout(`${summaryLine(summary, common.lang)}\n`);
  if (summary.notified > 0) io.stdout(`${path.join(args.out, "changes.csv")}, ${path.join(args.out, "changes.html")}, ${path.join(args.out, "calendar", "changed")}${path.sep}\n`);
}

/** The flags of `roadshow replan`, as commander parses them. */
interface ReplanFlags extends PlanningFlags, OrganizerFlags {
  readonly stop: string;
  readonly previous: string;
  readonly out: string;
  readonly allowMoves: boolean;
  readonly excel: boolean;
  readonly force: boolean;
}

/** Registers `roadshow replan`. */
export function defineReplan(root: Command, ctx: CommandContext): void {
  organizerOption(planningOptions(root.command("replan")))
    .description("re-plan one stop around the agenda sent before: every still-valid meeting stays; writes the stop's files plus changes.csv, changes.html and calendar/changed/")
    .argument("<data-dir>", "folder with the inputs as they are now (rows removed, added or edited; changes.csv optional)")
    .requiredOption("--stop <id>", "stop_id to re-plan")
    .requiredOption("--previous <agenda.csv>", "the agenda sent before (agenda.csv of schedule or of an earlier replan)")
    .requiredOption("--out <dir>", "output folder")
    .option("--allow-moves", "let still-valid meetings move where that re-places more pairs, meets more musts or serves more firms (each move counts)", false)
    .option("--excel", "write CSVs the way Italian Excel opens them (BOM, ;, CRLF, decimal comma: 39,2)", false)
    .option("--force", "overwrite existing output files", false)
    .addHelpText("after", `\nExample:\n  roadshow replan ${EXAMPLE_DIR} --stop BS-2026-02 --previous out/BS-2026-02/agenda.csv --changes ${EXAMPLE_DIR}/day-of/changes.csv --out out/BS-2026-02-day\n`)
    .action(async (dataDir: string, o: ReplanFlags) => {
      await replan(
        {
          dataDir, stop: o.stop, out: o.out, previous: o.previous, scores: o.scores, requests: o.requests, changes: o.changes, outcomes: o.outcomes,
          history: o.history, allowMoves: o.allowMoves, allowRepeats: o.allowRepeats, minMeetings: o.minMeetings, balance: o.balance, exact: o.exact, timeLimitSeconds: o.timeLimit,
          force: o.force, excel: o.excel, weights: o.weights, organizer: o.organizer,
        },
        ctx.common(),
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });
}
