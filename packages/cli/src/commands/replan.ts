/** `roadshow replan`: re-plans a stop around the agenda sent before and tells who must be told what. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "commander";
import { replanStop } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { said } from "../text/cli-text.js";
import { planVersion } from "../workspace/versions.js";
import { t } from "../text/i18n.js";
import type { OutputFile } from "../write/output-file.js";
import { writeOutputs } from "../write/transaction.js";
import { summaryLine } from "../replan/report.js";
import { formatSummary } from "../text/summary.js";
import { replanOutput } from "../run/files.js";
import { workbookFiles } from "../write/stop-xlsx.js";
import { isWorkbookName } from "../read/workbook.js";
import { loadRun } from "../run/load.js";
import { planSettings, runFiles } from "../run/options.js";
import { Reporter } from "../run/report.js";
import type { ScheduleArgs } from "./schedule.js";
import { EXAMPLE_DIR, organizerOption, planningOptions, type CommandContext, type PlanningFlags, type OrganizerFlags, SHARED } from "./shared.js";

/** Options of `roadshow replan`: those of `schedule`, with the agenda sent before required. */
export interface ReplanArgs extends Omit<ScheduleArgs, "previous"> {
  /** The agenda sent before (agenda.csv of schedule or of an earlier replan). */
  readonly previous: string;
  readonly allowMoves: boolean;
}

/** Reads the inputs as they are now and the agenda sent before, re-plans the stop, writes the files and what changed. */
export async function replan(args: ReplanArgs, common: Common, io: Io): Promise<void> {
  const report = new Reporter(io, common);
  // --previous may lie in --out (re-planning into the same folder with --force): it is read before the folder is replaced.
  const run = await loadRun({ files: args.files, out: { path: args.out, force: args.force }, exact: args.settings.exact }, report);
  const stop = run.stop(args.stop);
  const rows = await run.previous(args.previous, [stop.id]);
  const previous = rows.filter((r) => r.stopId === stop.id);
  const instance = run.instance(stop);
  const options = await run.options(args.settings, report.progress());
  const result = replanStop(instance, previous, { ...options, allowMoves: args.allowMoves });
  const { schedule } = result;
  const { files, summary } = replanOutput(result, instance, previous, { lang: common.lang, excel: args.excel, organizer: args.organizer });
  // Nothing changed: the agenda sent before is written back as it was, byte for byte (an agenda.xlsx given as --previous is rewritten as CSV).
  const unchanged = result.changes.length === 0 && rows.every((r) => r.stopId === stop.id) && !isWorkbookName(args.previous);
  const kept = unchanged ? new Uint8Array(await readFile(args.previous)) : null;
  const out: OutputFile<string | Uint8Array>[] = [
    ...files.map((f) => (kept !== null && f.path === "agenda.csv" ? { path: f.path, content: kept } : f)),
    ...(await workbookFiles(schedule, instance, { xlsx: args.xlsx, lang: common.lang, previous })),
  ];
  await writeOutputs(args.out, out, run.output);
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
  /** With --out; both absent: the workspace's next version. */
  readonly previous?: string;
  readonly out?: string;
  readonly allowMoves: boolean;
  readonly excel: boolean;
  /** Also write agenda.xlsx (`--xlsx`). */
  readonly xlsx: boolean;
  readonly force: boolean;
}

/** Registers `roadshow replan`. */
export function defineReplan(root: Command, ctx: CommandContext): void {
  organizerOption(planningOptions(root.command("replan")))
    .description("help.replan")
    .argument("<data-dir>", "help.replan.data-dir")
    .requiredOption("--stop <id>", "help.replan.stop")
    .option("--previous <agenda.csv>", "help.replan.previous")
    .option("--out <dir>", "help.replan.out")
    .option("--allow-moves", "help.replan.allow-moves", false)
    .addOption(SHARED.excel())
    .addOption(SHARED.xlsx())
    .addOption(SHARED.force())
    .addHelpText("after", `${ctx.examples(2)}  roadshow replan ${EXAMPLE_DIR} --stop BS-2026-02 --previous out/BS-2026-02/agenda.csv --changes ${EXAMPLE_DIR}/day-of/changes.csv --out out/BS-2026-02-day\n  roadshow replan ${EXAMPLE_DIR} --stop BS-2026-02   ${ctx.say(said("help.replan.example.workspace", {}))}\n`)
    .action(async (dataDir: string, o: ReplanFlags) => {
      if (o.previous === undefined && o.out === undefined) {
        if (o.force) throw new UsageError(said("cli.replan.forceNeedsOut", {}));
        await planVersion("replan", { files: runFiles(dataDir, o), settings: planSettings(o), stop: o.stop, excel: o.excel, organizer: o.organizer, allowMoves: o.allowMoves }, ctx.common(), ctx.io);
        ctx.done(EXIT.ok);
        return;
      }
      if (o.previous === undefined || o.out === undefined) throw new UsageError(said("cli.replan.both", { given: o.previous === undefined ? "out" : "previous" }));
      await replan(
        {
          files: runFiles(dataDir, o), settings: planSettings(o), stop: o.stop, out: o.out, previous: o.previous, allowMoves: o.allowMoves,
          force: o.force, excel: o.excel, xlsx: o.xlsx, organizer: o.organizer,
        },
        ctx.common(),
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });
}
