import { Command, CommanderError, Option } from "commander";
import { COMMANDS } from "./commands/index.js";
import type { Common, Io } from "./context.js";
import { EnvironmentError, EXIT, InputError, UsageError } from "./errors.js";
import { defaultLang, type Lang } from "./i18n.js";
import { formatIssues } from "./output/issues-format.js";

/** Builds the `roadshow` program; actions resolve to an exit code through `done`. */
function program(io: Io, done: (code: number) => void): Command {
  const root = new Command("roadshow")
    .description("Plans one-to-one B2B meetings for a business roadshow: who meets whom, when, at which table.")
    .version("0.1.0")
    .addOption(new Option("--lang <lang>", "language of texts").choices(["it", "en"]).default(defaultLang(io.env.LANG), "it if LANG starts with it, else en"))
    .addOption(new Option("--format <format>", "how problems are printed").choices(["text", "json"]).default("text"))
    .showHelpAfterError("(run with --help for usage and an example)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const common = (): Common => {
    const o = root.opts<{ lang: Lang; format: "text" | "json" }>();
    return { lang: o.lang, format: o.format };
  };

  for (const define of COMMANDS) define(root, { io, common, done });
  for (const command of root.commands) command.showHelpAfterError("(run with --help for usage and an example)").configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  return root.exitOverride();
}

/**
 * Runs the CLI and returns its exit code: 0 success, 1 bad input, 2 usage,
 * 3 internal error, 4 the environment refused. The one place where errors become exit codes.
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
    if (error instanceof EnvironmentError) {
      io.stderr(`error: ${error.message}\n`);
      return EXIT.environment;
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
