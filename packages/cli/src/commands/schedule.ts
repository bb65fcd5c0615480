// `roadshow schedule`: plans one stop and writes its agenda, unmatched firms and day-of-event files.
import type { Command } from "commander";
import { planStop } from "@roadshow/core";
import { EXIT, UsageError } from "../errors.js";
import { said } from "../text/cli-text.js";
import { planVersion } from "../workspace/versions.js";
import { EXAMPLE_DIR, organizerOption, planningOptions, type CommandContext, type PlanningFlags, type OrganizerFlags, SHARED } from "./shared.js";
import type { Organizer } from "../write/exports.js";
import type { Common, Io } from "../context.js";
import { writeOutputs } from "../write/transaction.js";
import { formatSummary } from "../text/summary.js";
import { formatNumber, t } from "../text/i18n.js";
import { stopOutput } from "../run/files.js";
import { workbookFiles } from "../write/stop-xlsx.js";
import { loadRun } from "../run/load.js";
import { planSettings, runFiles, type PlanSettings, type RunFiles } from "../run/options.js";
import { Reporter } from "../run/report.js";

/** Options of `roadshow schedule`. */
export interface ScheduleArgs {
  readonly files: RunFiles;
  readonly settings: PlanSettings;
  readonly stop: string;
  readonly out: string;
  readonly force: boolean;
  readonly excel: boolean;
  /** Also write agenda.xlsx (`--xlsx`). */
  readonly xlsx: boolean;
  /** Earlier agenda of this stop, to cancel dropped meetings in the calendars. */
  readonly previous: string | undefined;
  /** Who sends the calendar invitations (ORGANIZER). */
  readonly organizer?: Organizer | undefined;
}

/** Reads the stop's inputs, plans it, writes agenda.csv and unmatched.csv, prints the summary. */
export async function schedule(args: ScheduleArgs, common: Common, io: Io): Promise<void> {
  const report = new Reporter(io, common);
  // --previous may lie in --out: it is read before the new folder replaces the old one.
  const run = await loadRun({ files: args.files, out: { path: args.out, force: args.force }, exact: args.settings.exact }, report);
  const stop = run.stop(args.stop);
  const previous = await run.previous(args.previous, [stop.id]);
  const instance = run.instance(stop);
  const result = planStop(instance, await run.options(args.settings, report.progress()));
  report.step(t(common.lang, "progress.render"));
  const files = [
    ...stopOutput(result, instance, { lang: common.lang, excel: args.excel, organizer: args.organizer, previous }),
    ...(await workbookFiles(result, instance, { xlsx: args.xlsx, lang: common.lang, ...(previous && { previous }) })),
  ];
  report.step(t(common.lang, "progress.write", { count: formatNumber(files.length, common.lang, 0), out: args.out }));
  await writeOutputs(args.out, files, run.output);
  io.stdout(formatSummary(result, common.lang, io.color));
}

/** The flags of `roadshow schedule`, as commander parses them. */
interface ScheduleFlags extends PlanningFlags, OrganizerFlags {
  readonly stop: string;
  /** Without it: the workspace's next version. */
  readonly out?: string;
  readonly excel: boolean;
  /** Also write agenda.xlsx (`--xlsx`). */
  readonly xlsx: boolean;
  readonly previous?: string;
  readonly force: boolean;
}

/** Registers `roadshow schedule`. */
export function defineSchedule(root: Command, ctx: CommandContext): void {
  organizerOption(planningOptions(root.command("schedule")))
    .description("help.schedule")
    .argument("<data-dir>", "help.schedule.data-dir")
    .requiredOption("--stop <id>", "help.schedule.stop")
    .option("--out <dir>", "help.schedule.out")
    .addOption(SHARED.excel())
    .addOption(SHARED.xlsx())
    .option("--previous <agenda.csv>", "help.schedule.previous")
    .addOption(SHARED.force())
    .addHelpText("after", `${ctx.examples(2)}  roadshow schedule ${EXAMPLE_DIR} --stop BS-2026-02 --out out/BS-2026-02\n  roadshow schedule ${EXAMPLE_DIR} --stop BS-2026-02   ${ctx.say(said("help.schedule.example.workspace", { dir: `${EXAMPLE_DIR}/workspace/BS-2026-02/versions/` }))}\n`)
    .action(async (dataDir: string, o: ScheduleFlags) => {
      if (o.out === undefined) {
        if (o.previous !== undefined || o.force) throw new UsageError(said("cli.schedule.needsOut", { option: o.previous !== undefined ? "--previous" : "--force" }));
        await planVersion("schedule", { files: runFiles(dataDir, o), settings: planSettings(o), stop: o.stop, excel: o.excel, organizer: o.organizer }, ctx.common(), ctx.io);
        ctx.done(EXIT.ok);
        return;
      }
      await schedule(
        { files: runFiles(dataDir, o), settings: planSettings(o), stop: o.stop, out: o.out, force: o.force, excel: o.excel, xlsx: o.xlsx, previous: o.previous, organizer: o.organizer },
        ctx.common(),
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });
}
