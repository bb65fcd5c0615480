/** Checks the core's import graph against its declared pipeline order: no file imports one that stands above it. */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importsOf, layerOf as layerIn, upwardImports } from "../../../test/layer-graph.js";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/**
 * The pipeline from the bottom up. A file may import files of its own layer or
 * of a layer below; `folder/` stands for every file in that folder.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["types.ts", "tally.ts", "random.ts", "sectors.ts", "ateco.ts", "changes.ts"],
  ["errors.ts", "at.ts", "heap.ts", "validate.ts", "slots.ts", "affinity.ts", "flow.ts"],
  ["prepare.ts", "pins.ts", "explain.ts", "levels.ts", "budget.ts", "colour.ts"],
  ["board.ts"],
  ["select.ts", "bounds.ts"],
  ["timetable.ts", "verify.ts", "unmatched.ts", "compact.ts", "anneal.ts"],
  ["search/", "exact/"],
  ["schedule.ts", "evaluate.ts"],
  ["plan.ts"],
  ["replan/"],
  ["season/", "desk/"],
  ["index.ts"],
];

const layerOf = (file: string) => layerIn(LAYERS, file);

describe("core layers", () => {
  it("places every source file in a layer and no file imports one above it", () => {
    expect(upwardImports(SRC, LAYERS)).toEqual([]);
  });

  it("reads the imports a file has, type-only and re-exports included", () => {
    const text = 'import { a } from "./a.js";\nimport type {\n  B,\n} from "../b/b.js";\nexport { c } from "./c.js";\nimport fc from "fast-check";\n';
    expect(importsOf(text)).toEqual(["./a.js", "../b/b.js", "./c.js"]);
  });

  it("would catch an upward import (timetable importing search)", () => {
    expect(layerOf("timetable.ts")).toBeLessThan(layerOf("search/search.ts"));
    expect(layerOf("select.ts")).toBeLessThan(layerOf("replan/routing.ts"));
    expect(layerOf("board.ts")).toBeLessThan(layerOf("select.ts"));
  });
});
