// `--help` of every command, in English and Italian: the options a command requires come first, marked required, and in the usage line; no on/off flag prints "(default: false)"; --excel names the decimal comma.
import { describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const COMMANDS = ["schedule", "replan", "season", "score", "explain", "validate", "export", "mail", "studio"] as const;
/** The options each command cannot run without (its command surface). */
const REQUIRED: Readonly<Record<string, readonly string[]>> = {
  // --out (and replan's --previous) are optional: without them the stop is planned into its workspace (issue 21).
  schedule: ["--stop"],
  replan: ["--stop"],
  season: ["--out"],
  explain: ["--stop", "--firm"],
  export: ["--out"],
  mail: ["--stop", "--agenda", "--out", "--organizer"],
};
const WORDS = {
  en: { usage: "Usage:", options: "[options]", required: /\(required(, |\))/, noDefault: /\(default: false\)|default: false/ },
  it: { usage: "Uso:", options: "[opzioni]", required: /\(obbligatoria(, |\))/, noDefault: /predefinito: false|\(default: false\)/ },
} as const;

/** The options block of a help text: each option's flag and its whole description (wrapped lines joined). */
function options(help: string): { flag: string; text: string }[] {
  const block = help.split(/\n(?:Options|Opzioni):\n/)[1]!.split(/\n\n/)[0]!;
  const out: { flag: string; text: string }[] = [];
  for (const line of block.split("\n")) {
    const head = /^ {2}(-\w, )?(--[\w-]+)/.exec(line);
    if (head) out.push({ flag: head[2]!, text: line.trim() });
    else out[out.length - 1]!.text += ` ${line.trim()}`;
  }
  return out;
}

describe("--help", () => {
  for (const lang of ["en", "it"] as const) {
    const w = WORDS[lang];
    it.each(COMMANDS)(`%s (--lang ${lang}): required options first, marked, and in the usage line`, async (command) => {
      const r = await runCli("--lang", lang, command, "--help");
      expect(r.code).toBe(0);
      const help = r.stdout;
      const listed = options(help);
      const marked = listed.filter((o) => w.required.test(o.text)).map((o) => o.flag);
      expect(marked).toEqual(expect.arrayContaining([...(REQUIRED[command] ?? [])]));
      // Every required option before every other one.
      expect(listed.slice(0, marked.length).map((o) => o.flag)).toEqual(marked);
      const usage = help.split("\n")[0]!;
      expect(usage.startsWith(`${w.usage} roadshow ${command} `)).toBe(true);
      expect(usage.endsWith(w.options)).toBe(true);
      let at = 0;
      for (const flag of marked) {
        const found = usage.indexOf(`${flag} <`, at);
        expect(found, `${flag} in ${usage}`).toBeGreaterThan(0);
        at = found;
      }
      expect(usage.indexOf(w.options)).toBeGreaterThan(at);
      expect(help).not.toMatch(w.noDefault);
    });
  }

  it("says what --excel writes, the decimal comma included, in both languages", async () => {
    for (const command of ["schedule", "replan", "season", "score", "export"]) {
      const en = options((await runCli("--lang", "en", command, "--help")).stdout).find((o) => o.flag === "--excel")!;
      const it = options((await runCli("--lang", "it", command, "--help")).stdout).find((o) => o.flag === "--excel")!;
      expect(en.text, command).toMatch(/BOM, ;, CRLF, decimal comma/);
      expect(it.text, command).toMatch(/BOM, ;, CRLF, virgola decimale/);
    }
  });

  it("keeps a value's default: --min-meetings (default: 1), --lang's in Italian", async () => {
    expect(options((await runCli("schedule", "--help")).stdout).find((o) => o.flag === "--min-meetings")!.text).toContain("(default: 1)");
    expect(options((await runCli("--lang", "it", "schedule", "--help")).stdout).find((o) => o.flag === "--min-meetings")!.text).toContain("(predefinito: 1)");
  });
});
