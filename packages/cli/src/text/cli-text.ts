/**
 * The command line in the user's language: commander's help from the catalogue (the commands
 * describe themselves by `help.*` keys), commander's usage errors and the CLI's own error sentences as catalogue keys.
 */
import { Command, Help, InvalidArgumentError } from "commander";
import type { Argument, HelpConfiguration, Option } from "commander";
import type { Said } from "../errors.js";
import { countryName, formatMessage, isLang, isMessageKey, t, type Lang, type MessageKey, type MessageParams } from "./i18n.js";

/** commander's section titles, by the catalogue's key. */
const TITLES: Readonly<Record<string, MessageKey>> = {
  "Usage:": "help.title.usage",
  "Options:": "help.title.options",
  "Commands:": "help.title.commands",
  "Arguments:": "help.title.arguments",
  "Global Options:": "help.title.globalOptions",
};

/**
 * A help text in `lang`: the commands describe themselves, their arguments and options by
 * catalogue keys (`help.schedule.stop`); a text that is not a key is shown as it is.
 */
export function helpText(text: string, lang: Lang): string {
  return isMessageKey(text) ? formatMessage(lang, text, {}) : text;
}

/** The words commander's help adds, in `lang`. */
function helpWords(lang: Lang) {
  return {
    options: t(lang, "help.word.options"),
    command: t(lang, "help.word.command"),
    required: t(lang, "help.word.required"),
    default: t(lang, "help.word.default"),
    choices: t(lang, "help.word.choices"),
  };
}

/** An argument as the usage line writes it: `<data-dir>`, `[file]`, `<files...>`. */
function argumentUsage(argument: Argument): string {
  const name = `${argument.name()}${argument.variadic ? "..." : ""}`;
  return argument.required ? `<${name}>` : `[${name}]`;
}

/**
 * A command's usage line: the command, its arguments, then the options it cannot
 * run without, then the others: `roadshow schedule <data-dir> --stop <id> --out <dir> [options]`.
 */
function commandUsage(cmd: Command, base: Help, words: ReturnType<typeof helpWords>): string {
  if (cmd.parent === null) return base.commandUsage(cmd).replace("[options]", words.options).replace("[command]", words.command);
  const required = cmd.options.filter((o) => o.mandatory).map((o) => o.flags.replace(/^-\w, /, ""));
  let parents = "";
  for (let p: Command | null = cmd.parent; p !== null; p = p.parent) parents = `${p.name()} ${parents}`;
  return [`${parents}${cmd.name()}`, ...cmd.registeredArguments.map(argumentUsage), ...required, words.options].join(" ");
}

/**
 * commander's help in `lang`: titles, descriptions and notes. In both languages the
 * options a command requires come first, marked required, and named in the usage line;
 * an on/off flag shows no `(default: false)`.
 */
export function helpConfiguration(lang: Lang): HelpConfiguration {
  const base = new Help();
  const words = helpWords(lang);
  return {
    styleTitle: (title: string) => (Object.hasOwn(TITLES, title) ? formatMessage(lang, TITLES[title]!, {}) : title),
    subcommandTerm: (cmd: Command) => base.subcommandTerm(cmd).replace("[options]", words.options).replace("[command]", words.command),
    commandDescription: (cmd: Command) => helpText(base.commandDescription(cmd), lang),
    subcommandDescription: (cmd: Command) => helpText(base.subcommandDescription(cmd), lang),
    argumentDescription: (argument: Argument) => {
      const text = helpText(argument.description, lang);
      const extra = argument.defaultValue === undefined ? "" : ` (${words.default}: ${argument.defaultValueDescription ?? JSON.stringify(argument.defaultValue)})`;
      return `${text}${extra}`;
    },
    commandUsage: (cmd: Command) => commandUsage(cmd, base, words),
    // What the command cannot run without first, in the order the command defines it.
    visibleOptions: (cmd: Command) => {
      const all = base.visibleOptions(cmd);
      return [...all.filter((o) => o.mandatory), ...all.filter((o) => !o.mandatory)];
    },
    optionDescription: (option: Option) => {
      const notes: string[] = [];
      if (option.mandatory) notes.push(words.required);
      if (option.argChoices) notes.push(`${words.choices}: ${option.argChoices.map((c) => JSON.stringify(c)).join(", ")}`);
      // A value's default, as commander shows it; an on/off flag's "false" says nothing.
      const showDefault = option.required || option.optional;
      if (option.defaultValue !== undefined && showDefault) {
        const value = option.defaultValueDescription ? helpText(option.defaultValueDescription, lang) : JSON.stringify(option.defaultValue);
        notes.push(`${words.default}: ${value}`);
      }
      const text = helpText(option.description, lang);
      return notes.length > 0 ? `${text} (${notes.join(", ")})` : text;
    },
  };
}

/**
 * A sentence of the catalogues as data, with its English (the error's `message` for programs):
 * errors carry it and are worded in the reader's language where they are printed.
 * @example throw new UsageError(said("cli.usage.repeated", { option: "--stop" }))
 */
export function said<K extends MessageKey>(key: K, args: SaidParams<K>): Said {
  const values = args as Readonly<Record<string, string | number | Said>>;
  return { key, args: values, en: formatMessage("en", key, worded("en", values)) };
}

/** A said sentence's arguments: the message's, each a value or a said phrase of its own (`; did you mean {near}?`). */
export type SaidParams<K extends MessageKey> = { readonly [P in keyof MessageParams<K>]: string | number | Said };

const isSaid = (value: string | number | Said): value is Said => typeof value === "object";

/** Arguments with every said phrase among them worded in `lang`. */
function worded(lang: Lang, args: Readonly<Record<string, string | number | Said>>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(args).map(([name, value]) => [name, isSaid(value) ? sayIn(lang, value) : value]));
}

/** A said sentence in `lang` (its English when its key is not one of the catalogues). */
export function sayIn(lang: Lang, sentence: Said): string {
  if (sentence.key === COUNTRY) return countryName(String(sentence.args.code), lang);
  return isMessageKey(sentence.key) ? formatMessage(lang, sentence.key, worded(lang, sentence.args)) : sentence.en;
}

/** Nothing to say: an empty phrase, for an optional part of a sentence (no suggestion). */
export const NOTHING: Said = said("text.nothing", {});

/**
 * Values as a list in the reader's language, the last joined by "or" ("A, B or C"; "A, B o C").
 * @example sayIn("it", orList(["US", "UY"])) // "US o UY"
 */
export function orList(items: readonly (string | Said)[]): Said {
  if (items.length === 0) return NOTHING;
  if (items.length === 1) return said("text.list.one", { item: items[0]! });
  if (items.length === 2) return said("text.list.or", { first: items[0]!, last: items[1]! });
  return said("text.list.comma", { first: items[0]!, rest: orList(items.slice(1)) });
}

/**
 * The "did you mean" of a mistyped value: `; did you mean A or B?`, or nothing when there is no near value.
 * @example sayIn("it", nearAs(["US"])) // "; forse intendevi US?"
 */
export function nearAs(options: readonly (string | Said)[]): Said {
  return options.length === 0 ? NOTHING : said("text.near", { near: orList(options) });
}

/**
 * The "did you mean" of an id given to an option (`--stop`, `--firm`, `--delegation`): the near ids listed
 * with commas, `; did you mean A, B?`, or nothing.
 */
export function nearIds(ids: readonly string[]): Said {
  return ids.length === 0 ? NOTHING : said("text.near", { near: ids.join(", ") });
}

/** The key of a country's name: not a catalogue sentence, ICU names the country in each language (`countryName`, as agendas and calendars name it). */
const COUNTRY = "country";

/**
 * A country's name, said in the reader's language (ICU's name of the code in that language).
 * @example sayIn("it", countryAs("DE")) // "Germania"; countryAs("DE").en // "Germany"
 */
export function countryAs(code: string): Said {
  return { key: COUNTRY, args: { code }, en: countryName(code, "en") };
}

/** An option's value refused by its parser, as data: commander names the option, the catalogue words the reason. */
export class SaidArgumentError extends InvalidArgumentError {
  constructor(readonly said: Said) {
    super(said.en);
  }
}

const MAX_DISTANCE = 3;

/** Damerau–Levenshtein distance, as commander measures it for its suggestions (past 3 apart: the longer length). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > MAX_DISTANCE) return Math.max(a.length, b.length);
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d[i] = [i];
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The names closest to a mistyped one, by commander's rule (within 3 edits, more than 40 % alike, all at the best distance). */
function similar(word: string, candidates: readonly string[]): string[] {
  const options = word.startsWith("--");
  const bare = options ? word.slice(2) : word;
  let found: string[] = [];
  let best = MAX_DISTANCE;
  for (const candidate of options ? candidates.map((c) => c.slice(2)) : candidates) {
    if (candidate.length <= 1) continue;
    const distance = editDistance(bare, candidate);
    const length = Math.max(bare.length, candidate.length);
    if ((length - distance) / length <= 0.4) continue;
    if (distance < best) {
      best = distance;
      found = [candidate];
    } else if (distance === best) {
      found.push(candidate);
    }
  }
  found.sort((a, b) => a.localeCompare(b));
  return options ? found.map((c) => `--${c}`) : found;
}

/**
 * commander's Command whose usage errors are sentences of the catalogues in `lang`: each of
 * commander's checks that fails is caught where it knows the values (the option, the
 * argument, the counts) and told by key, with commander's own suggestions.
 */
export class LocalCommand extends Command {
  constructor(
    name: string | undefined,
    private readonly lang: Lang,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new LocalCommand(name, this.lang);
  }

  /** Prints `error: <sentence>` (and a suggestion) through commander, which then exits as usage error. */
  private fail(sentence: Said, code: string, suggestions: readonly string[] = []): never {
    const hint = suggestions.length === 0 ? "" : `\n${t(this.lang, "cli.usage.didYouMean", { count: suggestions.length, names: suggestions.join(", ") })}`;
    this.error(`${t(this.lang, "cli.error.line", { message: sayIn(this.lang, sentence) })}${hint}`, { code, exitCode: 1 });
  }

  missingArgument(name: string): never {
    this.fail(said("cli.usage.missingArgument", { name }), "commander.missingArgument");
  }

  optionMissingArgument(option: Option): never {
    this.fail(said("cli.usage.missingValue", { flags: option.flags }), "commander.optionMissingArgument");
  }

  missingMandatoryOptionValue(option: Option): never {
    this.fail(said("cli.usage.missingOption", { flags: option.flags }), "commander.missingMandatoryOptionValue");
  }

  _conflictingOption(option: Option, other: Option): never {
    this.fail(said("cli.usage.conflict", { flags: option.flags, other: other.flags }), "commander.conflictingOption");
  }

  unknownOption(flag: string): void {
    if ((this as unknown as { _allowUnknownOption: boolean })._allowUnknownOption) return;
    const flags: string[] = [];
    if (flag.startsWith("--")) {
      // The command's options and its parents', as commander looks them up.
      for (let command: Command | null = this; command !== null; command = command.parent) {
        flags.push(...command.createHelp().visibleOptions(command).flatMap((o) => (o.long === undefined ? [] : [o.long])));
        if ((command as unknown as { _enablePositionalOptions: boolean })._enablePositionalOptions) break;
      }
    }
    this.fail(said("cli.usage.unknownOption", { flag }), "commander.unknownOption", similar(flag, flags));
  }

  unknownCommand(): never {
    const name = this.args[0] ?? "";
    const names = this.createHelp().visibleCommands(this).flatMap((c) => [c.name(), ...(c.alias() ? [c.alias()] : [])]);
    this.fail(said("cli.usage.unknownCommand", { name }), "commander.unknownCommand", similar(name, names));
  }

  _excessArguments(received: readonly string[]): void {
    if ((this as unknown as { _allowExcessArguments: boolean })._allowExcessArguments) return;
    const counts = { expected: this.registeredArguments.length, got: received.length };
    const sentence = this.parent === null ? said("cli.usage.tooMany", counts) : said("cli.usage.tooManyFor", { ...counts, command: this.name() });
    this.fail(sentence, "commander.excessArguments");
  }

  /** An option's or argument's value its parser (or its list of choices) refused. */
  _callParseArg(target: Option | Argument, value: string, previous: unknown, message: string): unknown {
    try {
      return (target as unknown as { parseArg: (value: string, previous: unknown) => unknown }).parseArg(value, previous);
    } catch (err) {
      if ((err as { code?: unknown }).code !== "commander.invalidArgument") throw err;
      const reason = err instanceof SaidArgumentError ? sayIn(this.lang, err.said) : (err as Error).message;
      const choices = target.argChoices;
      if (!("flags" in target)) this.fail(said("cli.usage.badArgument", { value, name: target.name(), reason }), "commander.invalidArgument");
      if (choices !== undefined && !(err instanceof SaidArgumentError)) {
        this.fail(said("cli.usage.badChoice", { flags: target.flags, value, choices: choices.join(", ") }), "commander.invalidArgument");
      }
      void message;
      this.fail(said("cli.usage.badValue", { flags: target.flags, value, reason }), "commander.invalidArgument");
    }
  }
}

/** The title of a command's examples in help (`Example:`, `Examples:`), after a blank line. */
export function examplesTitle(lang: Lang, count: number): string {
  return `\n${t(lang, "help.examples", { count })}\n`;
}

/** `--lang` as given on the command line (before the command, `--lang it` or `--lang=it`), if valid. */
export function langFromArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (isLang(value)) return value;
    if (arg === "--") break;
  }
  return undefined;
}
