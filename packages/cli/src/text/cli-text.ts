/**
 * The command line in the user's language: commander's help from the catalogue (the commands
 * describe themselves by `help.*` keys), commander's and the CLI's own usage errors translated where printed.
 */
import { Help } from "commander";
import type { Argument, Command, HelpConfiguration, Option } from "commander";
import { formatMessage, isLang, isMessageKey, t, type Lang, type MessageKey } from "./i18n.js";

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

type Rule = readonly [RegExp, string];

/** commander's own errors and our usage errors and notes, as printed (`error: …`). */
const ERRORS_IT: readonly Rule[] = [
  [/^error: unknown option '([^']*)'/, "errore: opzione sconosciuta '$1'"],
  [/^error: unknown command '([^']*)'/, "errore: comando sconosciuto '$1'"],
  [/^error: missing required argument '([^']*)'/, "errore: manca l'argomento obbligatorio '$1'"],
  [/^error: required option '([^']*)' not specified/, "errore: l'opzione obbligatoria '$1' non è indicata"],
  [/^error: option '([^']*)' argument missing/, "errore: manca il valore dell'opzione '$1'"],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^.]*)\./, "errore: il valore '$2' dell'opzione '$1' non è valido. Valori ammessi: $3."],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\./, "errore: il valore '$2' dell'opzione '$1' non è valido:"],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, "errore: troppi argomenti. Attesi $2, ricevuti $3."],
  [/^error: (.*) cannot be used with (.*)$/m, "errore: $1 non si può usare con $2"],
  [/\(Did you mean one of ([^?]*)\?\)/, "(Forse intendevi uno tra $1?)"],
  [/\(Did you mean ([^?]*)\?\)/, "(Forse intendevi $1?)"],
  [/\(run with --help for usage and an example\)/, "(esegui con --help per l'uso e un esempio)"],
  // InvalidArgumentError sentences of our option parsers
  [/expected a whole number ≥ 0(?: such as (\S+))?, got "([^"]*)"/, "atteso un numero intero ≥ 0 (per esempio $1), trovato \"$2\""],
  [/expected a number of seconds > 0(?: such as (\S+) or (\S+))?, got "([^"]*)"/, "atteso un numero di secondi > 0 (per esempio $1 o $2), trovato \"$3\""],
  [/expected "Name <email>" or an email address, got "([^"]*)" \(e\.g\. ("[^"]*")\)/, "atteso \"Nome <email>\" o un indirizzo email, trovato \"$1\" (per esempio $2)"],
  // UsageError and InputError sentences
  [/^error: /m, "errore: "],
  [/ already exists?; nothing was written\. Use --force to overwrite(?: it)?/, " esiste già; non è stato scritto nulla. Usa --force per sovrascrivere"],
  [/ already holds files \((.*)\); nothing was written\. Use --force to replace the folder/, " contiene già dei file ($1); non è stato scritto nulla. Usa --force per sostituire la cartella"],
  [/(\S+) is given more than once; give it once/, "$1 è indicata più di una volta; indicala una volta sola"],
  [/--out (\S+) is a folder; give a file path \(e\.g\. ([^)]+)\)/, "--out $1 è una cartella; indica il percorso di un file (per esempio $2)"],
  [/--out (\S+) is a file, not a folder; nothing was written\. Give a folder path \(e\.g\. ([^)]+)\)/, "--out $1 è un file, non una cartella; non è stato scritto nulla. Indica una cartella (per esempio $2)"],
  [/(\S+) is being written by another roadshow run \(lock ([^)]+)\); nothing was written\. Wait for it to finish/, "$1 è in scrittura da parte di un'altra esecuzione di roadshow (lock $2); non è stato scritto nulla. Attendi che finisca"],
  [/--out is empty; give a (?:folder|file), e\.g\. (--out \S+)/, "--out è vuoto; indica un percorso, per esempio $1"],
  [/cannot write (\S+) \(([^)]*)\)/, "impossibile scrivere $1 ($2)"],
  [/ and (\d+) more\)/, " e altri $1)"],
  [/; nothing was written/, "; non è stato scritto nulla"],
  [/^(.*) cannot be read as an agenda/m, "$1 non si può leggere come agenda"],
  [/^(\d+) problem\(s\) in the input files of (.*)$/m, "$1 problemi nei file di ingresso di $2"],
  [/the held agenda of (\S+) is given twice, in (.*) and in (.*)$/m, "l'agenda svolta di $1 è indicata due volte, in $2 e in $3"],
  [/--from (\S+) re-plans from \S+ onward, so the stops before it need their held agenda \(--frozen <agenda\.csv>\): (.*)$/m,
    "--from $1 ripianifica da $1 in poi, quindi le tappe precedenti richiedono la loro agenda svolta (--frozen <agenda.csv>): $2"],
  [/--smtp "([^"]*)": the user or password holds "(.)", which a URL reads as the end of the server's name; percent-encode it \(([^)]*)\), or leave the password out of the URL and set ROADSHOW_SMTP_PASSWORD/,
    "--smtp \"$1\": l'utente o la password contiene \"$2\", che in un URL chiude il nome del server; codificalo con il segno di percentuale ($3), oppure togli la password dall'URL e impostala in ROADSHOW_SMTP_PASSWORD"],
  [/--smtp "([^"]*)" is not a URL \(percent-encode the user and password: ([^)]*)\); write e\.g\. (.*)$/m,
    "--smtp \"$1\" non è un URL (codifica utente e password con il segno di percentuale: $2); scrivi per esempio $3"],
  [/--smtp "([^"]*)": the user or password holds a bad %-escape; percent-encode them: /, "--smtp \"$1\": l'utente o la password contiene un codice % non valido; codificali con il segno di percentuale: "],
  [/ as %(2F|40|3A|3F|23|25)/g, " come %$1"],
  [/^Example:$/m, "Esempio:"],
  [/^Examples:$/m, "Esempi:"],
];

/** A printed line of the CLI (an error, a usage note, help's example block) in `lang`. */
export function cliText(text: string, lang: Lang): string {
  if (lang === "en") return text;
  let out = text;
  for (const [pattern, replacement] of ERRORS_IT) out = out.replace(new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`), replacement);
  return out;
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
