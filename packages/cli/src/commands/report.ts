/** `roadshow report`: what the stops produced, for the association's board: per stop and for the season, Italian and English, HTML and CSV. */
import type { Command } from "commander";
import { dayReport, type AgendaMeeting, type MeetingOutcome, type Stop, type StopRecord } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { EXIT, InputError } from "../errors.js";
import { saidIssue } from "../issues.js";
import { said } from "../text/cli-text.js";
import { inputPaths } from "../read/load.js";
import { loadRun, type Run } from "../run/load.js";
import { Reporter } from "../run/report.js";
import { t } from "../text/i18n.js";
import type { OutputFile } from "../write/output-file.js";
import { writeOutputs } from "../write/transaction.js";
import { reportFiles } from "../desk/report-files.js";
import { dayAgendaFile, deskDay, deskOutcomes } from "../desk/day.js";
import { collect, EXAMPLE_DIR, type CommandContext, SHARED } from "./shared.js";

/** Options of `roadshow report`. */
export interface ReportArgs {
  readonly dataDir: string;
  readonly stop: string | undefined;
  /** Agendas to report on instead of the workspace's (repeatable; each row names its stop). */
  readonly agendas: readonly string[] | undefined;
  readonly outcomes: string | undefined;
  readonly out: string;
  readonly excel: boolean;
  readonly force: boolean;
}

/** The agenda of each stop reported on: from `--agenda` files, else the stop's day in the workspace. */
async function agendasOf(args: ReportArgs, stops: readonly Stop[], run: Run, desk: Map<string, MeetingOutcome[]>): Promise<Map<string, readonly AgendaMeeting[]>> {
  const byStop = new Map<string, AgendaMeeting[]>();
  const wanted = new Set(stops.map((s) => s.id));
  if (args.agendas !== undefined && args.agendas.length > 0) {
    for (const file of args.agendas) {
      const { rows } = await run.agenda(file, "error");
      for (const row of rows) {
        if (!wanted.has(row.stopId)) continue;
        byStop.set(row.stopId, [...(byStop.get(row.stopId) ?? []), row]);
      }
    }
    return byStop;
  }
  // The day in the workspace: the last version with the refills since, and what the desk recorded as not held.
  for (const stop of stops) {
    if (dayAgendaFile(args.dataDir, stop.id) === undefined) continue;
    const day = await deskDay(args.dataDir, run.loaded, stop);
    byStop.set(stop.id, [...day.agenda]);
    desk.set(stop.id, deskOutcomes(day, stop.id));
  }
  return byStop;
}

/** Reads the data folder and the agendas of the day, computes the report and writes its files. */
export async function report(args: ReportArgs, common: Common, io: Io): Promise<void> {
  const run = await loadRun({ files: { dataDir: args.dataDir, outcomes: args.outcomes } }, new Reporter(io, common));
  const loaded = run.loaded;
  const stops = args.stop === undefined ? loaded.data.stops : [run.findStop(args.stop)];
  const desk = new Map<string, MeetingOutcome[]>();
  const agendas = await agendasOf(args, stops, run, desk);
  const reported = [...stops].filter((s) => agendas.has(s.id)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  if (reported.length === 0) {
    const where = { any: args.stop === undefined ? "yes" : "no", stop: args.stop ?? "" };
    throw new InputError(said("cli.report.noAgenda", where), [saidIssue(
      { severity: "error", code: "no-agenda", file: args.dataDir, line: null, column: null, value: args.stop ?? null },
      said("input.no-agenda.report", { ...where, dataDir: args.dataDir }),
      said("input.no-agenda.report.fix", { dataDir: args.dataDir }),
    )]);
  }
  const records: StopRecord[] = reported.map((stop) => ({
    instance: run.instance(stop),
    agenda: agendas.get(stop.id)!,
    outcomes: [...loaded.data.outcomes.filter((o) => o.stopId === stop.id), ...(desk.get(stop.id) ?? [])],
    answers: (loaded.data.answers ?? []).filter((a) => a.stopId === stop.id),
  }));
  const firms = new Map(loaded.data.firms.map((f) => [f.id, f]));
  const dialect = { excel: args.excel };
  const files: OutputFile[] = [];
  if (args.stop !== undefined) {
    files.push(...reportFiles("", { stops: reported, season: false }, dayReport(records), firms, common.lang, dialect));
  } else {
    files.push(...reportFiles("", { stops: reported, season: true }, dayReport(records), firms, common.lang, dialect));
    records.forEach((record, i) => files.push(...reportFiles(`${reported[i]!.id}/`, { stops: [reported[i]!], season: false }, dayReport([record]), firms, common.lang, dialect)));
  }
  await writeOutputs(args.out, files, { force: args.force, inputs: [...inputPaths({ dataDir: args.dataDir, outcomes: args.outcomes }), ...(args.agendas ?? [])] });
  io.stdout(`${t(common.lang, "report.written", { scope: reported.map((s) => s.id).join(", "), out: args.out })}\n`);
}

/** The flags of `roadshow report`, as commander parses them. */
interface ReportFlags {
  readonly stop?: string;
  readonly agenda?: string[];
  readonly outcomes?: string;
  readonly out: string;
  readonly excel: boolean;
  readonly force: boolean;
}

/** Registers `roadshow report`. */
export function defineReport(root: Command, ctx: CommandContext): void {
  root
    .command("report")
    .description("help.report")
    .argument("<data-dir>", "help.report.data-dir")
    .option("--stop <id>", "help.report.stop")
    .requiredOption("--out <dir>", "help.report.out")
    .option("--agenda <agenda.csv>", "help.report.agenda", collect)
    .option("--outcomes <file>", "help.report.outcomes")
    .addOption(SHARED.excel())
    .addOption(SHARED.forceFolder())
    .addHelpText("after", `${ctx.examples(1)}  roadshow report ${EXAMPLE_DIR} --stop BS-2026-02 --out out/report-BS\n`)
    .action(async (dataDir: string, o: ReportFlags) => {
      await report({ dataDir, stop: o.stop, agendas: o.agenda, outcomes: o.outcomes, out: o.out, excel: o.excel, force: o.force }, ctx.common(), ctx.io);
      ctx.done(EXIT.ok);
    });
}
