// Adding a language is one file: a copy of the CLI's source with a third catalogue dropped into text/catalogues/ speaks it (--lang, help, ICU plurals), nothing else changed.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const CLI = path.resolve(import.meta.dirname, "../..");
const TSX = path.resolve(CLI, "../../node_modules/tsx/dist/esm/index.mjs");

/** A German catalogue: English with the words these checks look at in German. */
const GERMAN = `// A test language: every English text, a few in German.
import type { Catalogue } from "../messages.js";
import { EN } from "./en.js";

const DE: Catalogue = {
  ...EN,
  "language.locale": "de-DE",
  "help.title.usage": "Aufruf:",
  "issues.count": "{errors} {errors, plural, one {Fehler} other {Fehler}}, {warnings} {warnings, plural, one {Warnung} other {Warnungen}}",
  "input.missing-folder": "der Datenordner {dir} existiert nicht (gesucht: {path})",
};

export default DE;
`;

describe("a language added as one file", () => {
  const work = mkdtempSync(path.join(os.tmpdir(), "roadshow-lang-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  cpSync(path.join(CLI, "src"), path.join(work, "src"), { recursive: true });
  symlinkSync(path.join(CLI, "node_modules"), path.join(work, "node_modules"), "dir");
  cpSync(path.join(CLI, "package.json"), path.join(work, "package.json"));
  writeFileSync(path.join(work, "src/text/catalogues/de.ts"), GERMAN);
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ["--conditions=@roadshow/source", "--import", TSX, path.join(work, "src/bin.ts"), ...args], {
      cwd: work, encoding: "utf8", env: { ...process.env, LANG: "de_DE.UTF-8", NO_COLOR: "1" },
    });

  it("is offered by --lang, chosen from LANG, and used by help", () => {
    const r = run("--help");
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Aufruf:");
    expect(r.stdout).toContain('"de", "it", "en"');
    expect(r.stdout).not.toContain("Usage:");
  });

  it("words the CLI's messages with its own plurals", () => {
    const r = run("--lang", "de", "validate", path.join(work, "nowhere"));
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toContain("1 Fehler, 0 Warnungen");
    // The input issue is worded by the German catalogue's issue keys, not left in the reader's English.
    expect(r.stdout + r.stderr).toContain(`der Datenordner ${path.join(work, "nowhere")} existiert nicht`);
  });

  it("leaves the shipped languages as they were", () => {
    expect(run("--lang", "it", "--help").stdout).toContain("Uso:");
  });
});
