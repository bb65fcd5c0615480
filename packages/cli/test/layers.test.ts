/** Checks the CLI's import graph against its declared pipeline order: no file imports one that stands above it. */
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
