// The CLI's error sentences come from the catalogues: commander's usage errors (LocalCommand) and the CLI's own errors (said) in English and Italian, no English left in Italian, no hand-made plural.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Option } from "commander";
import { describe, expect, it } from "vitest";
import { LocalCommand, said, sayIn, SaidArgumentError } from "../../src/text/cli-text.js";
import { MESSAGE_KEYS, ownTemplate, TEXT_LANGS } from "../../src/text/i18n.js";

/** A tiny program like roadshow's, in `lang`: what it prints on stderr for `argv`. */
function usageError(lang: string, argv: string[]): string {
  let printed = "";
  const root = new LocalCommand("roadshow", lang).exitOverride().configureOutput({ writeErr: (s) => void (printed += s), writeOut: () => {}, outputError: (s, write) => write(s) });
  root.addOption(new Option("--format <format>").choices(["text", "json"]));
  const validate = root.command("validate").argument("<data-dir>").exitOverride();
  validate.requiredOption("--stop <id>").option("--min-meetings <K>", "", (v: string) => {
    if (!/^\d+$/.test(v)) throw new SaidArgumentError(said("cli.arg.wholeNumber", { value: v }));
    return Number(v);
  });
  validate.option("--strict").action(() => {});
  try {
    root.parse(argv, { from: "user" });
  } catch {
    // commander exits through exitOverride after printing
  }
  return printed;
}

describe("commander's usage errors", () => {
  const cases: [string[], string, string][] = [
    [["valdate"], "error: unknown command 'valdate'\n(Did you mean validate?)\n", "errore: comando sconosciuto 'valdate'\n(Forse intendevi validate?)\n"],
    [["validate", "d", "--stop", "A", "--stp", "B"], "error: unknown option '--stp'\n(Did you mean --stop?)\n", "errore: opzione sconosciuta '--stp'\n(Forse intendevi --stop?)\n"],
    [["validate", "--stop", "A"], "error: missing required argument 'data-dir'\n", "errore: manca l'argomento obbligatorio 'data-dir'\n"],
    [["validate", "d"], "error: required option '--stop <id>' not specified\n", "errore: l'opzione obbligatoria '--stop <id>' non è indicata\n"],
    [["validate", "d", "--stop"], "error: option '--stop <id>' argument missing\n", "errore: manca il valore dell'opzione '--stop <id>'\n"],
    [["validate", "d", "e", "--stop", "A"], "error: too many arguments for 'validate'. Expected 1 argument but got 2.\n", "errore: troppi argomenti per 'validate'. Atteso 1, ricevuti 2.\n"],
    [["--format", "xml"], "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json.\n", "errore: il valore 'xml' dell'opzione '--format <format>' non è valido. Valori ammessi: text, json.\n"],
    [["validate", "d", "--stop", "A", "--min-meetings", "x"],
      "error: option '--min-meetings <K>' argument 'x' is invalid. expected a whole number ≥ 0 such as 2, got \"x\"\n",
      "errore: il valore 'x' dell'opzione '--min-meetings <K>' non è valido: atteso un numero intero ≥ 0 (per esempio 2), trovato \"x\"\n"],
  ];
  it.each(cases)("%j in English and Italian", (argv, en, italian) => {
    expect(usageError("en", argv)).toBe(en);
    expect(usageError("it", argv)).toBe(italian);
  });
});

describe("the CLI's own error sentences", () => {
  it("are data (a key and its arguments) with their English beside, worded in the reader's language", () => {
    const s = said("cli.out.full", { out: "out", files: "a, b, c, d, e", more: 1 });
    expect(s).toEqual({ key: "cli.out.full", args: { out: "out", files: "a, b, c, d, e", more: 1 }, en: "out already holds files (a, b, c, d, e and 1 more); nothing was written. Use --force to replace the folder" });
    expect(sayIn("it", s)).toBe("out contiene già dei file (a, b, c, d, e e altri 1); non è stato scritto nulla. Usa --force per sostituire la cartella");
    expect(sayIn("it", said("cli.out.full", { out: "out", files: "a", more: 0 }))).toBe("out contiene già dei file (a); non è stato scritto nulla. Usa --force per sostituire la cartella");
    expect(sayIn("en", said("cli.input.problems", { count: 1, dir: "d" }))).toBe("1 problem in the input files of d");
    expect(sayIn("it", said("cli.input.problems", { count: 2, dir: "d" }))).toBe("2 problemi nei file di ingresso di d");
  });

  it("are every language's own: no cli.* text of another language is its English", () => {
    const same = TEXT_LANGS.filter((l) => l !== "en").flatMap((lang) =>
      MESSAGE_KEYS.filter((k) => /^cli\.(usage|out|lock|arg|smtp|season|input)\./.test(k))
        .filter((k) => ownTemplate(lang, k) === ownTemplate("en", k)).map((k) => `${lang} ${k}`));
    expect(same).toEqual([]);
  });

  it("leave no plural to the hand: no catalogue text writes (s) or /i", () => {
    const handMade = TEXT_LANGS.flatMap((lang) => MESSAGE_KEYS.filter((k) => /\w\(s\)|\w\/i\b/.test(ownTemplate(lang, k) ?? "")).map((k) => `${lang} ${k}`));
    expect(handMade).toEqual([]);
  });

  it("are never translated from English by pattern: no source file rewrites printed English", () => {
    const src = path.resolve(import.meta.dirname, "../../src");
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
    const translating = files.filter((f) => /ERRORS_IT|cliText\(|Forse intendevi|non è stato scritto nulla/.test(readFileSync(path.join(src, f), "utf8")) && !f.startsWith("text/catalogues/"));
    expect(translating).toEqual([]);
  });
});
