import { Command, CommanderError, Option } from "commander";
import { cliText, helpConfiguration, helpText, langFromArgv } from "./cli-text.js";
import { COMMANDS } from "./commands/index.js";
import type { Common, Io } from "./context.js";
import { EXIT, InputError, UsageError } from "./errors.js";
import { defaultLang, type Lang } from "./i18n.js";
import { formatIssues } from "./output/issues-format.js";

/** Builds the `roadshow` program in `lang` (help and errors); actions resolve to an exit code through `done`. */
function program(io: Io, done: (code: number) => void, lang: Lang): Command {
  // Help, usage errors and examples are written in English by the commands, translated as printed.
  const output = {
    writeOut: (text: string) => io.stdout(cliText(text, lang)),
    writeErr: (text: string) => io.stderr(cliText(text, lang)),
    outputError: (text: string, write: (text: string) => void) => write(cliText(text, lang)),
  };
  const afterError = cliText("(run with --help for usage and an example)", lang);
  const root = new Command("roadshow")
    .description("Plans one-to-one B2B meetings for a business roadshow: who meets whom, when, at which table.")
    .version("0.1.0", "-V, --version", helpText("output the version number", lang))
    .helpOption("-h, --help", helpText("display help for command", lang))
    .helpCommand("help [command]", helpText("display help for command", lang))
    .configureHelp(helpConfiguration(lang))
    .addOption(new Option("--lang <lang>", "language of texts").choices(["it", "en"]).default(defaultLang(io.env.LANG), "it if LANG starts with it, else en"))
    .addOption(new Option("--format <format>", "how problems are printed").choices(["text", "json"]).default("text"))
    .showHelpAfterError(afterError)
    .configureOutput(output);
  const common = (): Common => {
    const o = root.opts<{ lang: Lang; format: "text" | "json" }>();
    return { lang: o.lang, format: o.format };
  };

  for (const define of COMMANDS) define(root, { io, common, done });
  for (const command of root.commands) {
    command
      .showHelpAfterError(afterError)
      .helpOption("-h, --help", helpText("display help for command", lang))
      .configureHelp(helpConfiguration(lang))
      .configureOutput(output);
  }
  return root.exitOverride();
}

/**
 * Runs the CLI and returns its exit code: 0 success, 1 bad input, 2 usage,
 * 3 internal error. The one place where errors become exit codes.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let code: number = EXIT.ok;
  const lang = langFromArgv(argv) ?? defaultLang(io.env.LANG);
  const cli = program(io, (c) => (code = c), lang);
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
      if (error.issues.length > 0) io.stderr(formatIssues(error.issues, { color: io.color, format, lang }));
      else io.stderr(cliText(`error: ${error.message}\n`, lang));
      return EXIT.input;
    }
    if (error instanceof UsageError) {
      io.stderr(cliText(`error: ${error.message}\n`, lang));
      return EXIT.usage;
    }
    const detail = error instanceof Error ? error.message : String(error);
    io.stderr(
      lang === "it"
        ? `errore interno: ${detail}\nÈ un errore di roadshow; per favore segnalalo con il comando che hai eseguito.\n`
        : `internal error: ${detail}\nThis is a bug in roadshow; please report it with the command you ran.\n`,
    );
    return EXIT.internal;
  }
}
