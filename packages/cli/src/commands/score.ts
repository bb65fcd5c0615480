// `roadshow score`: every firm–delegation pair of a stop with its score and the parts of it, as scores.csv.
import type { Command } from "commander";
import { EXIT } from "../errors.js";
import { EXAMPLE_DIR, type CommandContext, type DayFlags, SHARED } from "./shared.js";
import { scorePairs, type ScorePart } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { toCsv } from "../write/csv.js";
import { writeOutputFile } from "../write/transaction.js";
import { loadRun } from "../run/load.js";
import { runFiles, type RunFiles } from "../run/options.js";
import { Reporter } from "../run/report.js";
import { whyText } from "../text/why.js";
import { t } from "../text/i18n.js";

/** Options of `roadshow score`. */
export interface ScoreArgs {
  readonly files: RunFiles;
  readonly stop: string;
  readonly out: string | undefined;
  readonly force: boolean;
  readonly excel: boolean;
}

const PART_COLUMNS = ["stop-sector", "delegation-sector", "target", "market", "must", "external"] as const;

/**
 * Writes (or prints) every pair's score with its parts, in `scores.csv`
 * columns first, then the parts, the block and a `why` sentence in the CLI's language.
 */
export async function score(args: ScoreArgs, common: Common, io: Io): Promise<void> {
  const out = args.out === undefined ? undefined : { path: args.out, force: args.force, file: true };
  const run = await loadRun({ files: args.files, out }, new Reporter(io, common));
  const stop = run.stop(args.stop);
  const pairs = scorePairs(run.instance(stop), run.weights ? { weights: run.weights } : {});
  // Numbers stay numbers: toCsv writes them in the dialect (a decimal comma with --excel).
  const points = (parts: readonly ScorePart[], code: string): number =>
    parts.filter((p) => p.code === code).reduce((sum, p) => sum + p.points, 0);
  const rows = pairs.map((p) => [
    p.firm.id, p.delegation.id, p.affinity.score, p.firm.name, p.delegation.country,
    ...PART_COLUMNS.map((code) => points(p.affinity.parts, code)), p.block ?? "", whyText(p.affinity.parts, common.lang),
  ]);
  const header = ["firm_id", "delegation_id", "score", "firm_name", "country", ...PART_COLUMNS.map((c) => c.replace("-", "_")), "blocked", "why"];
  const csv = toCsv(header, rows, { excel: args.excel });
  if (args.out === undefined) {
    io.stdout(csv);
    return;
  }
  await writeOutputFile(args.out, csv, run.output);
  io.stderr(`${t(common.lang, "cli.scored", { count: pairs.length, stop: stop.id, out: args.out })}\n`);
}

/** The flags of `roadshow score`, as commander parses them. */
interface ScoreFlags extends DayFlags {
  readonly stop: string;
  readonly out?: string;
  readonly scores?: string;
  readonly requests?: string;
  readonly weights?: string;
  readonly excel: boolean;
  readonly force: boolean;
}

/** Registers `roadshow score`. */
export function defineScore(root: Command, ctx: CommandContext): void {
  root
    .command("score")
    .description("help.score")
    .argument("<data-dir>", "help.score.data-dir")
    .requiredOption("--stop <id>", "help.score.stop")
    .option("--out <file>", "help.score.out")
    .option("--scores <file>", "help.score.scores")
    .addOption(SHARED.requests())
    .addOption(SHARED.fileChanges())
    .addOption(SHARED.fileOutcomes())
    .addOption(SHARED.weights())
    .addOption(SHARED.excel())
    .option("--force", "help.score.force", false)
    .addHelpText("after", `${ctx.examples(1)}  roadshow score ${EXAMPLE_DIR} --stop BS-2026-02 --out out/scores.csv\n`)
    .action(async (dataDir: string, o: ScoreFlags) => {
      await score(
        { files: runFiles(dataDir, o), stop: o.stop, out: o.out, force: o.force, excel: o.excel },
        ctx.common(),
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });

}
