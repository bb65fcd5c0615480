// `roadshow export`: the day-of-event files (per-participant CSVs, agendas, grid, check-in, summary, calendars) of an agenda.csv, edited or not.
import { reviewAgenda } from "@roadshow/core";
import type { Command } from "commander";
import path from "node:path";
import type { Common, Io } from "../context.js";
import { EXIT } from "../errors.js";
import { writeOutputs } from "../write/transaction.js";
import { stopOutput } from "../run/files.js";
import type { OutputFile } from "../write/output-file.js";
import { workbookFiles } from "../write/stop-xlsx.js";
import { loadRun } from "../run/load.js";
import { runFiles, type RunFiles } from "../run/options.js";
import { Reporter } from "../run/report.js";
import { EXAMPLE_DIR, organizerOption, type CommandContext, type DayFlags, type OrganizerFlags, SHARED } from "./shared.js";
import type { Organizer } from "../write/exports.js";
import { t } from "../text/i18n.js";
import { violationText } from "../text/violations.js";

/** Options of `roadshow export`. */
export interface ExportArgs {
  readonly files: RunFiles;
  readonly agenda: string;
  readonly out: string;
  readonly previous: string | undefined;
  readonly excel: boolean;
  /** Also write agenda.xlsx (`--xlsx`). */
  readonly xlsx: boolean;
  readonly force: boolean;
  /** Who sends the calendar invitations (ORGANIZER). */
  readonly organizer?: Organizer | undefined;
}

/**
 * Writes the day-of-event files from an agenda made or edited elsewhere. Rule
 * violations are reported as warnings: the organiser's edit is theirs to make.
 * An agenda with several stops gets one subfolder per stop.
 */
export async function exportAgenda(args: ExportArgs, common: Common, io: Io): Promise<void> {
  const report = new Reporter(io, common);
  // The agenda and --previous may lie in --out: they are read before the new folder replaces the old one.
  const run = await loadRun({ files: args.files, out: { path: args.out, force: args.force } }, report);
  // Dates and times that do not match their slot are errors: which one the organiser meant is theirs to say.
  const { rows } = await run.agenda(args.agenda, "error");
  const stopIds = [...new Set(rows.map((r) => r.stopId))].sort();
  run.ownStops(stopIds);
  const previous = await run.previous(args.previous, stopIds);
  const files: OutputFile<string | Uint8Array>[] = [];
  for (const stopId of stopIds) {
    const instance = run.instance(run.findStop(stopId));
    const meetings = rows.filter((r) => r.stopId === stopId);
    const { schedule, violations } = reviewAgenda(instance, meetings);
    for (const v of violations) {
      const lines = v.meetings.map((i) => meetings[i]!.line).join(",");
      io.stderr(`${args.agenda}:${lines} ${t(common.lang, "cli.warning")} ${v.code}: ${violationText(v, common.lang)}\n`);
    }
    const own = [
      ...stopOutput(schedule, instance, { lang: common.lang, excel: args.excel, organizer: args.organizer, previous }),
      ...(await workbookFiles(schedule, instance, { xlsx: args.xlsx, lang: common.lang, ...(previous && { previous }) })),
    ];
    files.push(...(stopIds.length === 1 ? own : own.map((f) => ({ ...f, path: path.posix.join(stopId, f.path) }))));
  }
  await writeOutputs(args.out, files, run.output);
  io.stdout(`${t(common.lang, "cli.written", { count: files.length, out: args.out })}\n`);
}

/** The flags of `roadshow export`, as commander parses them. */
interface ExportFlags extends DayFlags, OrganizerFlags {
  readonly out: string;
  readonly previous?: string;
  readonly scores?: string;
  readonly requests?: string;
  readonly excel: boolean;
  /** Also write agenda.xlsx (`--xlsx`). */
  readonly xlsx: boolean;
  readonly force: boolean;
}

/** Registers `roadshow export`. */
export function defineExport(root: Command, ctx: CommandContext): void {
  organizerOption(root.command("export"))
    .description("help.export")
    .argument("<agenda.csv>", "help.export.agenda.csv")
    .argument("<data-dir>", "help.export.data-dir")
    .requiredOption("--out <dir>", "help.export.out")
    .option("--previous <agenda.csv>", "help.export.previous")
    .addOption(SHARED.fileScores())
    .addOption(SHARED.requests())
    .addOption(SHARED.fileChanges())
    .addOption(SHARED.fileOutcomes())
    .addOption(SHARED.excel())
    .addOption(SHARED.xlsx())
    .addOption(SHARED.force())
    .addHelpText("after", `${ctx.examples(1)}  roadshow export out/BS-2026-02/agenda.csv ${EXAMPLE_DIR} --out out/BS-2026-02-print\n`)
    .action(async (agenda: string, dataDir: string, o: ExportFlags) => {
      await exportAgenda(
        { files: runFiles(dataDir, o), agenda, out: o.out, previous: o.previous, excel: o.excel, xlsx: o.xlsx, force: o.force, organizer: o.organizer },
        ctx.common(),
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });
}
