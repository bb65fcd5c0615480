// `roadshow schedule`: plans one stop and writes its agenda, unmatched firms and day-of-event files.
import type { Command } from "commander";
import { EXIT } from "../errors.js";
import { EXAMPLE_DIR, organizerOption, planningOptions, type CommandContext, type PlanningFlags, type OrganizerFlags } from "./shared.js";
import type { Organizer } from "../write/exports.js";
import { planStop } from "@roadshow/core";
import { exactOption } from "../solve/highs.js";
import type { Common, Io } from "../context.js";
import { dataAt, findStop, instanceOf, load, type Sources, inputPaths } from "../read/load.js";
import { formatIssues } from "../text/issues-format.js";
import { progressLine } from "../text/progress.js";
import { checkOutputFolder, writeOutputs } from "../write/transaction.js";
import { checkPrevious, readAgendaChecked, refuseOwnHistory } from "../read/load.js";
import { stopFiles } from "../write/stop-files.js";
import { formatSummary } from "../text/summary.js";
import { formatNumber, t } from "../text/i18n.js";
import { readWeights } from "../read/weights.js";

/** Options of `roadshow schedule`. */
export interface ScheduleArgs extends Sources {
  readonly stop: string;
  readonly out: string;
  readonly allowRepeats: boolean;
  readonly minMeetings: number;
  /** Balance meetings across firms (default true; `--no-balance`). */
  readonly balance?: boolean;
  /** Polish windowed stops with the exact solver (HiGHS; default true; `--no-exact`). */
  readonly exact?: boolean;
  readonly timeLimitSeconds: number | undefined;
  readonly force: boolean;
  readonly excel: boolean;
  /** Earlier agenda of this stop, to cancel dropped meetings in the calendars. */
  readonly previous: string | undefined;
  /** A weights file (JSON or CSV `weight,value`). */
  readonly weights?: string | undefined;
  /** Who sends the calendar invitations (ORGANIZER). */
  readonly organizer?: Organizer | undefined;
}

/** Reads the stop's inputs, plans it, writes agenda.csv and unmatched.csv, prints the summary. */
export async function schedule(args: ScheduleArgs, common: Common, io: Io): Promise<void> {
  // --previous may lie in --out: it is read before the new folder replaces the old one.
  const output = { force: args.force, inputs: inputPaths(args) };
  checkOutputFolder(args.out, output);
  // HiGHS loads (WebAssembly) while the inputs are read.
  const exact = exactOption(args.exact, (reason) => io.stderr(`${t(common.lang, "progress.exact.unavailable", { reason })}\n`));
  const loaded = await load(args);
  const weights = args.weights === undefined ? undefined : await readWeights(args.weights);
  const warnings = [...loaded.warnings, ...(weights?.warnings ?? [])];
  if (warnings.length > 0) io.stderr(formatIssues(warnings, { color: io.color, format: common.format, lang: common.lang }));
  const stop = findStop(loaded.data, args.stop, args.dataDir);
  refuseOwnHistory(loaded, [stop.id]);
  const before = args.previous === undefined ? undefined : await readAgendaChecked(args.previous, loaded.data, "warning");
  if (before !== undefined && before.warnings.length > 0) io.stderr(formatIssues(before.warnings, { color: io.color, format: common.format, lang: common.lang }));
  const previous = before?.rows;
  if (previous !== undefined) checkPrevious(previous, args.previous!, [stop.id]);
  let lastProgress = 0;
  const began = performance.now();
  // After planning, a long run (3 s and more) says what it writes too: files for thousands of firms take seconds.
  const step = (message: string): void => {
    const elapsed = performance.now() - began;
    const seconds = formatNumber(Math.round(elapsed / 100) / 10, common.lang, 1);
    if (elapsed > 3000) io.stderr(`${t(common.lang, "progress.line", { where: "", seconds, phase: t(common.lang, "progress.phase.write"), message })}\n`);
  };
  const instance = instanceOf(loaded, stop);
  const scoring = { minMeetings: args.minMeetings, allowRepeats: args.allowRepeats, balance: args.balance ?? true, ...(weights && { weights: weights.weights }) };
  const result = planStop(instance, {
    ...scoring,
    ...(await exact),
    ...(args.timeLimitSeconds !== undefined && { timeLimitMs: args.timeLimitSeconds * 1000 }),
    onProgress: (p) => {
      // Only long solves talk: a line per second at most, and what was proven at the end.
      // A fallback (the exact solver failed) is said at once.
      if (p.warning || (p.elapsedMs > 1000 && (p.elapsedMs - lastProgress > 1000 || p.phase === "done"))) {
        lastProgress = p.elapsedMs;
        io.stderr(progressLine(p, common.lang));
      }
    },
  });
  step(t(common.lang, "progress.render"));
  const files = stopFiles(result, dataAt(loaded.data, instance), { lang: common.lang, excel: args.excel, organizer: args.organizer, ...(previous && { previous }) });
  step(t(common.lang, "progress.write", { count: formatNumber(files.length, common.lang, 0), out: args.out }));
  await writeOutputs(args.out, files, output);
  io.stdout(formatSummary(result, common.lang, io.color));
}

/** The flags of `roadshow schedule`, as commander parses them. */
interface ScheduleFlags extends PlanningFlags, OrganizerFlags {
  readonly stop: string;
  readonly out: string;
  readonly excel: boolean;
  readonly previous?: string;
  readonly force: boolean;
}

/** Registers `roadshow schedule`. */
export function defineSchedule(root: Command, ctx: CommandContext): void {
  organizerOption(planningOptions(root.command("schedule")))
    .description("plan one stop: writes <out>/agenda.csv, unmatched.csv, participant agendas, grid, summary and calendars; prints a summary")
    .argument("<data-dir>", "folder with stops.csv, delegations.csv, firms.csv (requests.csv, scores.csv optional)")
    .requiredOption("--stop <id>", "stop_id to plan")
    .requiredOption("--out <dir>", "output folder")
    .option("--excel", "write CSVs the way Italian Excel opens them (BOM, ;, CRLF, decimal comma: 39,2)", false)
    .option("--previous <agenda.csv>", "the agenda sent before: calendars cancel the meetings dropped since")
    .option("--force", "overwrite existing output files", false)
    .addHelpText("after", `\nExample:\n  roadshow schedule ${EXAMPLE_DIR} --stop BS-2026-02 --out out/BS-2026-02\n`)
    .action(async (dataDir: string, o: ScheduleFlags) => {
      await schedule(
        {
          dataDir, stop: o.stop, out: o.out, scores: o.scores, requests: o.requests, changes: o.changes, outcomes: o.outcomes, history: o.history,
          allowRepeats: o.allowRepeats, minMeetings: o.minMeetings, balance: o.balance, exact: o.exact, timeLimitSeconds: o.timeLimit, force: o.force, excel: o.excel,
          previous: o.previous, weights: o.weights, organizer: o.organizer,
        },
        ctx.common(),
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });

}
