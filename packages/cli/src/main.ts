import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { schedule } from "./commands/schedule.js";
import { score } from "./commands/score.js";
import { validate } from "./commands/validate.js";
import type { Common, Io } from "./context.js";
import { EXIT, InputError, UsageError } from "./errors.js";
import { defaultLang, type Lang } from "./i18n.js";
import { formatIssues } from "./output/issues-format.js";

const EXAMPLE_DIR = "examples/lombardia-2026";

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, got "${value}"`);
  return n;
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`expected a number of seconds > 0, got "${value}"`);
  return n;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Builds the `roadshow` program; actions resolve to an exit code through `done`. */
function program(io: Io, done: (code: number) => void): Command {
  const root = new Command("roadshow")
    .description("Plans one-to-one B2B meetings for a business roadshow: who meets whom, when, at which table.")
    .version("0.1.0")
    .addOption(new Option("--lang <lang>", "language of texts").choices(["it", "en"]).default(defaultLang(io.env.LANG), "it if LANG starts with it, else en"))
    .addOption(new Option("--format <format>", "how problems are printed").choices(["text", "json"]).default("text"))
    .showHelpAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const common = (): Common => {
    const o = root.opts<{ lang: Lang; format: "text" | "json" }>();
    return { lang: o.lang, format: o.format };
  };

  root
    .command("schedule")
    .description("plan one stop: writes <out>/agenda.csv and <out>/unmatched.csv and prints a summary")
    .argument("<data-dir>", "folder with stops.csv, delegations.csv, firms.csv (requests.csv, scores.csv optional)")
    .requiredOption("--stop <id>", "stop_id to plan")
    .requiredOption("--out <dir>", "output folder")
    .option("--scores <file>", "affinity scores replacing the built-in ones (default: <data-dir>/scores.csv if present)")
    .option("--requests <file>", "must/avoid requests (default: <data-dir>/requests.csv if present)")
    .option("--history <agenda.csv>", "earlier agenda: pairs in it do not meet again (repeatable)", collect)
    .option("--allow-repeats", "let pairs from history meet again", false)
    .option("--min-meetings <K>", "K: give every firm that can be served K meetings first", positiveInteger, 1)
    .option("--time-limit <seconds>", "budget for improving agendas under availability windows (default 60)", positiveNumber)
    .option("--excel", "write CSVs the way Italian Excel opens them (BOM, ;, CRLF)", false)
    .option("--force", "overwrite existing output files", false)
    .addHelpText("after", `\nExample:\n  roadshow schedule ${EXAMPLE_DIR} --stop BS-2026-02 --out out/BS-2026-02\n`)
    .action(async (dataDir: string, o) => {
      await schedule(
        {
          dataDir, stop: o.stop, out: o.out, scores: o.scores, requests: o.requests, history: o.history,
          allowRepeats: o.allowRepeats, minMeetings: o.minMeetings, timeLimitSeconds: o.timeLimit, force: o.force, excel: o.excel,
        },
        common(),
        io,
      );
      done(EXIT.ok);
    });

  root
    .command("score")
    .description("write every firm × delegation score of a stop with its parts (scores.csv columns first)")
    .argument("<data-dir>", "folder with the input CSVs")
    .requiredOption("--stop <id>", "stop_id to score")
    .option("--out <file>", "file to write (default: print to stdout)")
    .option("--scores <file>", "external scores to show instead of the built-in ones")
    .option("--requests <file>", "must/avoid requests (default: <data-dir>/requests.csv if present)")
    .option("--excel", "Italian Excel dialect", false)
    .option("--force", "overwrite an existing file", false)
    .addHelpText("after", `\nExample:\n  roadshow score ${EXAMPLE_DIR} --stop BS-2026-02 --out out/scores.csv\n`)
    .action(async (dataDir: string, o) => {
      await score({ dataDir, stop: o.stop, out: o.out, scores: o.scores, requests: o.requests, force: o.force, excel: o.excel }, common(), io);
      done(EXIT.ok);
    });

  root
    .command("validate")
    .description("check the input files and, with --agenda, an agenda against every hard rule")
    .argument("<data-dir>", "folder with the input CSVs")
    .option("--stop <id>", "only this stop")
    .option("--agenda <file>", "an agenda.csv to check")
    .option("--scores <file>", "external scores (default: <data-dir>/scores.csv if present)")
    .option("--requests <file>", "must/avoid requests (default: <data-dir>/requests.csv if present)")
    .option("--history <agenda.csv>", "earlier agenda (repeatable)", collect)
    .option("--allow-repeats", "pairs from history may meet again", false)
    .addHelpText("after", `\nExample:\n  roadshow validate ${EXAMPLE_DIR} --agenda out/BS-2026-02/agenda.csv\n`)
    .action(async (dataDir: string, o) => {
      const ok = await validate(
        { dataDir, stop: o.stop, agenda: o.agenda, scores: o.scores, requests: o.requests, history: o.history, allowRepeats: o.allowRepeats },
        common(),
        io,
      );
      done(ok ? EXIT.ok : EXIT.input);
    });

  for (const command of root.commands) command.showHelpAfterError().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return root.exitOverride();
}

/**
 * Runs the CLI and returns its exit code: 0 success, 1 bad input, 2 usage,
 * 3 internal error. The one place where errors become exit codes.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const cli = program(io, (c) => (code = c));
  for (const command of cli.commands) command.exitOverride();
  try {
    await cli.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof InputError) {
      const format = cli.opts<{ format: "text" | "json" }>().format;
      if (error.issues.length > 0) io.stderr(formatIssues(error.issues, { color: io.color, format }));
      else io.stderr(`error: ${error.message}\n`);
      return EXIT.input;
    }
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\n`);
      return EXIT.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(`internal error: ${detail}\nThis is a bug in roadshow; please report it with the command you ran.\n`);
    return EXIT.internal;
  }
}
