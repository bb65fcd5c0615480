// What the commands share: the command context, the options several commands take (planning, day-of changes, organizer) and their parsers.
import { Option, type Command } from "commander";
import type { Common, Io } from "../context.js";
import type { Organizer } from "../write/exports.js";
import type { FileFlags, SettingFlags } from "../run/options.js";
import { organizer } from "../run/organizer.js";
import type { Said } from "../issues.js";
import { said, SaidArgumentError } from "../text/cli-text.js";

export { organizer };

/** What a command's action needs from the program. */
export interface CommandContext {
  readonly io: Io;
  /** Global options, read when the action runs. */
  readonly common: () => Common;
  /** Reports the exit code of a finished action. */
  readonly done: (code: number) => void;
  /** The title of the examples in help (`\nExample:\n`, `\nExamples:\n`) in the user's language. */
  readonly examples: (count: number) => string;
  /** A sentence of the catalogue in the help's language (an example's note). */
  readonly say: (sentence: Said) => string;
}

/** Adds one command to the program. */
export type DefineCommand = (root: Command, ctx: CommandContext) => void;

/** `--changes` and `--outcomes` (`dayOptions`), as commander parses them. */
export interface DayFlags {
  readonly changes?: string;
  readonly outcomes?: string;
}

/** The options `planningOptions` adds, as commander parses them (mapped by `runFiles` and `planSettings`). */
export interface PlanningFlags extends FileFlags, SettingFlags {}

/** `--organizer` (`organizerOption`), parsed into a name and an address. */
export interface OrganizerFlags {
  readonly organizer?: Organizer;
}

/** The bundled example, used in every `--help` example. */
export const EXAMPLE_DIR = "examples/lombardia-2026";

// Plain decimal notation only: `Number()` would also take "0x10", "1e3", " 5 " and "" (as 0).
const WHOLE = /^\d{1,9}$/;
const DECIMAL = /^(\d{1,9}(\.\d*)?|\.\d+)$/;

export function positiveInteger(value: string): number {
  if (!WHOLE.test(value)) throw new SaidArgumentError(said("cli.arg.wholeNumber", { value }));
  return Number(value);
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!DECIMAL.test(value) || !(n > 0)) throw new SaidArgumentError(said("cli.arg.seconds", { value }));
  return n;
}

/** Accumulates a repeatable option (`--history a --history b`); options parsed with it may be given more than once. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Whether an option may be given more than once: repeatable lists (`collect`, a list default, variadic); every other value option may not. */
export function isRepeatable(option: Option): boolean {
  return option.variadic || option.parseArg === collect || Array.isArray(option.defaultValue);
}

/**
 * The options several commands declare alike, each with one flag, one text (`help.shared.*`) and one
 * default: a command adds the ones it takes where its help lists them, `.addOption(SHARED.excel())`.
 */
export const SHARED = {
  excel: () => new Option("--excel", "help.shared.excel").default(false),
  xlsx: () => new Option("--xlsx", "help.shared.xlsx").default(false),
  /** `--force` of a command writing files into a folder of its own. */
  force: () => new Option("--force", "help.shared.force").default(false),
  /** `--force` of a command that replaces a whole output folder. */
  forceFolder: () => new Option("--force", "help.shared.force-folder").default(false),
  /** `--organizer` of a command that sends mail: the sender, required. */
  sender: () => new Option("--organizer <\"Name <email>\">", "help.shared.sender").makeOptionMandatory().argParser(organizer),
  smtp: () => new Option("--smtp <url>", "help.shared.smtp"),
  dryRun: () => new Option("--dry-run", "help.shared.dry-run").default(false),
  requests: () => new Option("--requests <file>", "help.shared.requests"),
  weights: () => new Option("--weights <file>", "help.shared.weights"),
  /** The input files of a command that reads a plan rather than makes one. */
  fileScores: () => new Option("--scores <file>", "help.shared.file-scores"),
  fileChanges: () => new Option("--changes <file>", "help.shared.file-changes"),
  fileOutcomes: () => new Option("--outcomes <file>", "help.shared.file-outcomes"),
} as const;

/** `--organizer`, for every command that writes calendars. */
export function organizerOption(command: Command): Command {
  return command.option(
    "--organizer <\"Name <email>\">",
    "help.shared.organizer",
    organizer,
  );
}


/** `--changes` and `--outcomes`: what changed at a stop and what happened after it; every command reads them. */
export function dayOptions(command: Command): Command {
  return command
    .option("--changes <file>", "help.shared.changes")
    .option("--outcomes <file>", "help.shared.outcomes");
}

/** The input and planning options of every command that plans: schedule, explain, season, replan. */
export function planningOptions(command: Command): Command {
  return dayOptions(command)
    .option("--scores <file>", "help.shared.scores")
    .addOption(SHARED.requests())
    .addOption(SHARED.weights())
    .option("--history <agenda.csv>", "help.shared.history", collect)
    .option("--allow-repeats", "help.shared.allow-repeats", false)
    .option("--min-meetings <K>", "help.shared.min-meetings", positiveInteger, 1)
    .option("--no-balance", "help.shared.no-balance")
    .option("--no-exact", "help.shared.no-exact")
    .option("--time-limit <seconds>", "help.shared.time-limit", positiveNumber);
}
