/** Checks the CLI's import graph against its declared pipeline order: no file imports one that stands above it. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importsOf, layerOf as layerIn, upwardImports, type Layers } from "../../../test/layer-graph.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/**
 * The CLI from the bottom up: the issue type and the CSV formula guard, the error kinds, the texts, the readers, the
 * writers, what they feed (solver, re-plan files, mail), the run layer, the workspace, the desk,
 * the commands, the studio, and the entry points. A file may import files of its own layer or of
 * a layer below; `folder/` stands for every file in that folder.
 */
const LAYERS: Layers = [
  ["issues.ts", "csv-formula.ts", "secrets.ts", "version.ts"],
  ["errors.ts"],
  ["text/"],
  ["context.ts"],
  ["read/"],
  ["write/"],
  ["solve/", "replan/", "mail/"],
  ["run/"],
  ["workspace/"],
  ["desk/"],
  ["commands/"],
  ["studio/"],
  ["main.ts", "io.ts"],
  ["index.ts", "bin.ts"],
];

const layerOf = (file: string) => layerIn(LAYERS, file);

describe("CLI layers", () => {
  it("places every source file in a layer and no file imports one above it", () => {
    expect(upwardImports(SRC, LAYERS)).toEqual([]);
  });

  it("reads the imports a file has: type-only, re-exports, dynamic imports and workers included", () => {
    const text = [
      'import { a } from "./a.js";',
      "import type {\n  B,\n} from \"../b/b.js\";",
      'export { c } from "./c.js";',
      'import fc from "fast-check";',
      'const d = await import("./d.js");',
      'const e = await import("exceljs");',
      'const W = new URL("./worker.js", import.meta.url);',
      'const u = new URL("../package.json", import.meta.url);',
    ].join("\n");
    expect(importsOf(text)).toEqual(["./a.js", "../b/b.js", "./c.js", "./d.js", "./worker.js"]);
  });

  it("would catch the upward imports it was written against", () => {
    expect(layerOf("issues.ts")).toBeLessThan(layerOf("errors.ts"));
    expect(layerOf("errors.ts")).toBeLessThan(layerOf("read/load.ts"));
    expect(layerOf("text/i18n.ts")).toBeLessThan(layerOf("read/issues.ts"));
    expect(layerOf("read/parse-csv.ts")).toBeLessThan(layerOf("write/csv.ts"));
    expect(layerOf("commands/index.ts")).toBeLessThan(layerOf("studio/command.ts"));
    expect(layerOf("run/load.ts")).toBeLessThan(layerOf("commands/schedule.ts"));
  });
});

describe("one path through the run layer", () => {
  /** The loader's steps a command or studio route must not call itself: reading the data folder and finding the stop in it. */
  const LOADER_STEPS = ["load", "findStop", "instanceOf", "stopInstanceOf"];

  it("no command, studio route or library entry reads the data folder or finds its stop but through run/ (loadRun)", () => {
    const bypass: string[] = [];
    for (const file of readdirSync(SRC, { recursive: true, encoding: "utf8" })) {
      if (!/^(commands|studio)\/.*\.ts$|^io\.ts$/.test(file.replaceAll("\\", "/"))) continue;
      const text = readFileSync(path.join(SRC, file), "utf8");
      for (const m of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*"[./]*\/?read\/(?:load|index)\.js"/g)) {
        const names = m[1]!.split(",").map((n) => n.trim().replace(/^type\s+/, "").split(/\s+as\s+/)[0]!);
        for (const name of names) if (LOADER_STEPS.includes(name)) bypass.push(`${file}: ${name}`);
      }
    }
    expect(bypass).toEqual([]);
  });
});
