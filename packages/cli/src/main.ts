// The roadshow program: its commands and options, and the one place where errors become exit codes.
import { InternalError, InvalidInstanceError } from "@roadshow/core";
import { CommanderError, Option, type Command } from "commander";
import { examplesTitle, helpConfiguration, langFromArgv, LocalCommand, said, sayIn } from "./text/cli-text.js";
import { COMMANDS } from "./commands/index.js";
import { isRepeatable, type DefineCommand } from "./commands/shared.js";
import type { Common, Io } from "./context.js";
import { ENVIRONMENT_CODES, EnvironmentError, EXIT, InputError, systemReason, UsageError } from "./errors.js";
import { defaultLang, t, TEXT_LANGS, type Lang } from "./text/i18n.js";
import { toInputIssue } from "./read/instance-issues.js";
import { escapeControls } from "./text/escape.js";
import { givenSecrets, scrub } from "./secrets.js";
import { formatIssues } from "./text/issues-format.js";
import { defineStudio } from "./studio/command.js";
import { VERSION } from "./version.js";

/** Every `roadshow` command, in help order: the commands, then the studio that stands on them. */
export const PROGRAM_COMMANDS: readonly DefineCommand[] = [...COMMANDS, defineStudio];

/** Builds the `roadshow` program in `lang` (help and errors); actions resolve to an exit code through `done`. */
function program(io: Io, done: (code: number) => void, lang: Lang): Command {
  // Help and usage errors come from the catalogue in `lang` (LocalCommand, helpConfiguration).
  const output = {
    writeOut: (text: string) => io.stdout(text),
    writeErr: (text: string) => io.stderr(text),
    outputError: (text: string, write: (text: string) => void) => write(text),
  };
  const afterError = t(lang, "cli.usage.helpAfterError");
  const root = new LocalCommand("roadshow", lang)
    .description("help.roadshow")
    .version(VERSION, "-V, --version", "help.roadshow.version")
    .helpOption("-h, --help", "help.roadshow.help")
    .helpCommand("help [command]", "help.roadshow.help")
    .configureHelp(helpConfiguration(lang))
    .addOption(new Option("--lang <lang>", "help.roadshow.lang").choices(TEXT_LANGS).default(defaultLang(io.env.LANG), "help.roadshow.lang.default"))
    .addOption(new Option("--format <format>", "help.roadshow.format").choices(["text", "json"]).default("text"))
    .showHelpAfterError(afterError)
    .configureOutput(output);
  const common = (): Common => {
    const o = root.opts<{ lang: Lang; format: "text" | "json" }>();
    return { lang: o.lang, format: o.format };
  };

  for (const define of PROGRAM_COMMANDS) define(root, { io, common, done, examples: (count) => examplesTitle(lang, count), say: (sentence) => sayIn(lang, sentence) });
  for (const command of root.commands) {
    command
      .showHelpAfterError(afterError)
      .helpOption("-h, --help", "help.roadshow.help")
      .configureHelp(helpConfiguration(lang))
      .configureOutput(output);
  }
  return root.exitOverride();
}

/** A single-value option given twice (`--stop A --stop B`) is a usage error, not "the last one wins". */
function checkRepeats(argv: readonly string[], root: Command, command: Command): void {
  const options = [...command.options, ...root.options];
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") break;
    if (!token.startsWith("-") || token === "-") continue;
    const name = token.startsWith("--") ? token.split("=")[0]! : token.slice(0, 2);
    const option = options.find((o) => o.long === name || o.short === name);
    if (option === undefined || !(option.required || option.optional)) continue;
    const inline = token.includes("=") || (!token.startsWith("--") && token.length > 2);
    if (!inline) i++; // its value
    if (isRepeatable(option)) continue;
    const key = option.long ?? option.short ?? name;
    if (seen.has(key)) throw new UsageError(said("cli.usage.repeated", { option: key }));
    seen.add(key);
  }
}

/**
 * Io whose printed text has its control characters escaped (cells may hold terminal escape codes)
 * and the passwords the run was given (`--smtp`, ROADSHOW_SMTP_PASSWORD) masked, whatever prints them.
 */
function escaped(io: Io, secrets: readonly string[]): Io {
  return {
    ...io,
    stdout: (text) => io.stdout(escapeControls(scrub(text, secrets), io.color)),
    stderr: (text) => io.stderr(escapeControls(scrub(text, secrets), io.color)),
  };
}

/**
 * Runs the CLI and returns its exit code: 0 success, 1 bad input, 2 usage,
 * 3 internal error, 4 the environment refused (outputs exist without --force,
 * permission, disk full, locked). The one place where errors become exit codes.
 */
export async function main(argv: readonly string[], rawIo: Io): Promise<number> {
  const io = escaped(rawIo, givenSecrets(argv, rawIo.env));
  let code: number = EXIT.ok;
  const lang = langFromArgv(argv) ?? defaultLang(rawIo.env.LANG);
  const cli = program(io, (c) => (code = c), lang);
  for (const command of cli.commands) command.exitOverride();
  cli.hook("preAction", (_root, action) => checkRepeats(argv, cli, action));
  try {
    await cli.parseAsync([...argv], { from: "user" });
    return code;
  } catch (error) {
    return reportError(error, io, cli.opts<{ format?: "text" | "json" }>().format ?? "text", lang);
  }
}

/**
 * Tells the user what went wrong and returns the exit code: 1 for input
 * (including instances the core refused), 2 for usage, 3 for a bug, 4 when
 * the environment refused (outputs exist, permission, disk full).
 */
export function reportError(error: unknown, io: Io, format: "text" | "json", lang: Lang = "en"): number {
  const say = (text: string) => io.stderr(`${t(lang, "cli.error.line", { message: text })}\n`);
  const sentence = (e: InputError | UsageError | EnvironmentError) => (e.said === null ? e.message : sayIn(lang, e.said));
  if (error instanceof CommanderError) {
    return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof InputError) {
    if (error.issues.length > 0) io.stderr(formatIssues(error.issues, { color: io.color, format, lang }));
    else say(sentence(error));
    return EXIT.input;
  }
  if (error instanceof InvalidInstanceError) {
    // The core refused data the file checks let through: still the input's fault, told per file.
    io.stderr(formatIssues(error.issues.map((i) => toInputIssue(i)), { color: io.color, format, lang }));
    return EXIT.input;
  }
  if (error instanceof UsageError) {
    say(sentence(error));
    return EXIT.usage;
  }
  if (error instanceof EnvironmentError) {
    say(sentence(error));
    return EXIT.environment;
  }
  const system = (error as NodeJS.ErrnoException | null)?.code;
  if (system !== undefined && ENVIRONMENT_CODES.has(system)) {
    const where = (error as NodeJS.ErrnoException).path;
    say(`${where === undefined ? "" : `${where}: `}${systemReason(error)}`);
    return EXIT.environment;
  }
  // InternalError is a broken invariant of the core; anything else unexpected is a bug too.
  const detail = error instanceof InternalError ? error.message : error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  io.stderr(`${t(lang, "cli.internal", { detail })}\n`);
  return EXIT.internal;
}
