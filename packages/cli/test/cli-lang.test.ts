/** `--lang it` covers every human text of the command line: help, usage errors, input errors; codes and column names stay English. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cpSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { langFromArgv, said } from "../src/text/cli-text.js";
import { isMessageKey, ownTemplate } from "../src/text/i18n.js";
import { PROGRAM_COMMANDS } from "../src/main.js";
import { saidIssue } from "../src/issues.js";
import { issueIn } from "../src/text/issues-text.js";
import { runCli } from "./run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-lang-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every description a command defines (commands, arguments, options, default descriptions). */
function helpTexts(): string[] {
  const root = new Command("roadshow");
  const io = { stdout: () => {}, stderr: () => {}, env: {}, color: false };
  for (const define of PROGRAM_COMMANDS) define(root, { io, common: () => ({ lang: "en", format: "text" }), done: () => {}, examples: () => "", say: (sentence) => sentence.en });
  return root.commands.flatMap((c) => [
    c.description(),
    ...c.registeredArguments.map((a) => a.description),
    ...c.options.flatMap((o) => [o.description, o.defaultValueDescription ?? ""]),
  ]).filter((x) => x !== "");
}

describe("--lang it", () => {
  it("describes every command, argument and option by a key of the catalogue (help.<command>.<option> in catalogue-en.ts and catalogue-it.ts)", () => {
    expect(helpTexts().filter((text) => !isMessageKey(text))).toEqual([]);
  });

  it("has an Italian sentence of its own for every sentence the CLI says (input issues, their fixes, errors)", () => {
    const src = fileURLToPath(new URL("../src/", import.meta.url));
    const keys = new Set<string>();
    for (const file of readdirSync(src, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts")) continue;
      for (const m of readFileSync(path.join(src, file), "utf8").matchAll(/\bsaid\("([\w.-]+)"/g)) keys.add(m[1]!);
    }
    expect(keys.size).toBeGreaterThan(300);
    expect([...keys].filter((key) => !isMessageKey(key) || ownTemplate("it", key) === undefined)).toEqual([]);
  });

  it("writes --help in Italian, for the program and for each command", async () => {
    const root = await runCli("--lang", "it", "--help");
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(/^Uso: roadshow \[opzioni\] \[comando\]/);
    for (const heading of ["Opzioni:", "Comandi:", "mostra l'aiuto del comando", "pianifica una tappa"]) expect(root.stdout).toContain(heading);
    for (const command of ["schedule", "season", "score", "explain", "validate", "export"]) {
      const r = await runCli("--lang=it", command, "--help");
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(/^Uso: roadshow /);
      expect(r.stdout, command).not.toMatch(/\bUsage:|\bOptions:|display help|\(default:|Example/);
      expect(r.stdout, command).toMatch(/^Esempi(o)?:$/m);
    }
    const english = await runCli("schedule", "--help");
    expect(english.stdout).toMatch(/^Usage: roadshow schedule <data-dir> --stop <id> \[options\]/);
  });

  it("writes usage errors in Italian", async () => {
    const missing = await runCli("--lang", "it", "schedule", EXAMPLE);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("errore: l'opzione obbligatoria '--stop <id>' non è indicata");
    expect(missing.stderr).toContain("(esegui con --help per l'uso e un esempio)");
    const typo = await runCli("--lang", "it", "schedul");
    expect(typo.stderr).toContain("errore: comando sconosciuto 'schedul'\n(Forse intendevi schedule?)");
    const bad = await runCli("--lang", "it", "schedule", EXAMPLE, "--stop", "BS-2026-02", "--out", path.join(work, "x"), "--min-meetings", "due");
    expect(bad.stderr).toContain("errore: il valore 'due' dell'opzione '--min-meetings <K>' non è valido: atteso un numero intero ≥ 0 (per esempio 2), trovato \"due\"");
    const unknown = await runCli("--lang", "it", "schedule", EXAMPLE, "--stop", "BS-2026-02", "--out", path.join(work, "x"), "--bogus");
    expect(unknown.stderr).toContain("errore: opzione sconosciuta '--bogus'");
    const twice = await runCli("--lang", "it", "schedule", EXAMPLE, "--stop", "BS-2026-02", "--stop", "BG-2026-03", "--out", path.join(work, "x"));
    expect(twice.stderr).toContain("errore: --stop è indicata più di una volta; indicala una volta sola");
    const out = path.join(work, "twice");
    expect((await runCli("--lang", "it", "schedule", EXAMPLE, "--stop", "BS-2026-02", "--out", out)).code).toBe(0);
    const again = await runCli("--lang", "it", "schedule", EXAMPLE, "--stop", "BS-2026-02", "--out", out);
    expect(again.stderr).toMatch(/^errore: .* contiene già dei file \(.* e altri \d+\); non è stato scritto nulla\. Usa --force per sostituire la cartella\n$/);
    for (const r of [missing, typo, bad, unknown, twice, again]) expect(r.stderr).not.toMatch(/\berror:|Did you mean|run with/);
  });

  it("writes input errors in Italian, keeping file, line, column, value, code and the precise fix", async () => {
    const data = path.join(work, "bad");
    cpSync(EXAMPLE, data, { recursive: true });
    const firms = readFileSync(path.join(data, "firms.csv"), "utf8").split("\n");
    firms[1] = firms[1]!.replace(",US|DE,", ",USX|DE,");
    writeFileSync(path.join(data, "firms.csv"), firms.join("\n"));
    const stops = readFileSync(path.join(data, "stops.csv"), "utf8").split("\n");
    stops[2] = stops[2]!.replace(",14:00,", ",9.30,");
    writeFileSync(path.join(data, "stops.csv"), stops.join("\n"));
    const r = await runCli("--lang", "it", "schedule", data, "--stop", "BS-2026-02", "--out", path.join(work, "out"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('stops.csv:3 [start] errore bad-time: "9.30" non è un orario; atteso HH:MM (24 ore) → scrivi 09:30');
    expect(r.stderr).toContain('firms.csv:2 [targets] errore unknown-country: "USX" non è un codice di paese; forse intendevi US? → scrivi US, o un altro codice ISO 3166-1 alpha-2');
    expect(r.stderr).toContain("2 errori, 0 avvisi");
    const json = await runCli("--lang", "it", "--format", "json", "validate", data);
    const issues = JSON.parse(json.stderr) as { code: string; message: string; column: string }[];
    expect(issues.find((i) => i.code === "bad-time")).toMatchObject({ column: "start", message: '"9.30" non è un orario; atteso HH:MM (24 ore)' });
  });

  it("writes the commands' own lines in Italian", async () => {
    const out = path.join(work, "lines");
    expect((await runCli("--lang", "it", "schedule", EXAMPLE, "--stop", "BS-2026-02", "--out", out)).stdout).toContain("Incontri in programma:");
    expect((await runCli("--lang", "it", "validate", EXAMPLE, "--agenda", path.join(out, "agenda.csv"))).stdout).toMatch(/: \d+ incontri rispettano ogni regola\n$/);
    expect((await runCli("--lang", "it", "validate", EXAMPLE)).stdout).toMatch(/i file di ingresso sono validi \(\d+ tappe, \d+ delegazioni, \d+ imprese\)/);
    expect((await runCli("--lang", "it", "score", EXAMPLE, "--stop", "BS-2026-02", "--out", path.join(work, "s.csv"))).stderr).toMatch(/^\d+ coppie valutate per BS-2026-02 → /);
    expect((await runCli("--lang", "it", "export", path.join(out, "agenda.csv"), EXAMPLE, "--out", path.join(work, "exp"))).stdout).toMatch(/^\d+ file scritti in /);
  });

  it("writes the core's rule violations in Italian, from validate and from season", async () => {
    const out = path.join(work, "broken");
    await runCli("schedule", EXAMPLE, "--stop", "BS-2026-02", "--out", out);
    const lines = readFileSync(path.join(out, "agenda.csv"), "utf8").trimEnd().split("\n");
    const broken = path.join(work, "broken.csv");
    writeFileSync(broken, `${[...lines, lines[1]].join("\n")}\n`);
    const checked = await runCli("--lang", "it", "validate", EXAMPLE, "--agenda", broken);
    expect(checked.stdout).toMatch(/errore repeated-pair: F\d+ incontra [A-Z]{2}-\w+ 2 volte\n/);
    expect(checked.stdout).toMatch(/\n\d+ violazioni in \d+ incontri\n$/);
    const season = await runCli("--lang", "it", "season", EXAMPLE, "--out", path.join(work, "season"), "--frozen", broken, "--no-compare", "--time-limit", "1");
    expect(season.stderr).toMatch(/avviso: l'agenda svolta di BS-2026-02 viola \d+ regole, ad es\. [a-z-]+: F\d+ /);
  });

  it("words an issue from its said sentences in either language, and keeps its English for programs", () => {
    const issue = saidIssue(
      { severity: "error", code: "empty-cell", file: "firms.csv", line: 3, column: "name", value: "" },
      said("input.empty-cell", { column: "name" }),
      said("input.empty-cell.fix", { column: "name" }),
    );
    expect(issue).toMatchObject({ message: "name is required but the cell is empty", hint: "fill in name" });
    expect(issueIn("it", issue)).toMatchObject({ message: "name è obbligatoria ma la cella è vuota", hint: "compila name" });
    const { said: _said, ...english } = issue;
    expect(issueIn("en", issue)).toEqual(english);
  });

  it("reads --lang from the command line before the program is built", () => {
    expect(langFromArgv(["--lang", "it", "schedule"])).toBe("it");
    expect(langFromArgv(["--lang=en", "schedule"])).toBe("en");
    expect(langFromArgv(["--lang", "fr"])).toBeUndefined();
    expect(langFromArgv(["schedule", "x"])).toBeUndefined();
  });
});
