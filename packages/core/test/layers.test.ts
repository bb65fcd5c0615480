/** Checks the core's import graph against its declared pipeline order: no file imports one that stands above it. */
import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/**
 * The pipeline from the bottom up. A file may import files of its own layer or
 * of a layer below; `folder/` stands for every file in that folder.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["types.ts", "heap.ts", "random.ts", "sectors.ts", "ateco.ts", "changes.ts"],
  ["errors.ts", "at.ts", "validate.ts", "slots.ts", "affinity.ts", "flow.ts"],
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

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** Relative module specifiers of every `import … from`, `import type … from` and `export … from` in `text`. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"(\.{1,2}\/[^"]+)"/gms)].map((m) => m[1]!);
}

function layerOf(file: string): number {
  const i = LAYERS.findIndex((layer) => layer.some((entry) => (entry.endsWith("/") ? file.startsWith(entry) : file === entry)));
  if (i === -1) throw new Error(`${file} is in no declared layer: add it to LAYERS in layers.test.ts`);
  return i;
}

/** Every import from a file to one in a higher layer, as `from → to`. */
export function upwardImports(): string[] {
  const found: string[] = [];
  for (const path of files(SRC)) {
    const from = relative(SRC, path).split("\\").join("/");
    for (const spec of importsOf(readFileSync(path, "utf8"))) {
      const to = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.js$/, ".ts");
      if (layerOf(to) > layerOf(from)) found.push(`${from} → ${to}`);
    }
  }
  return found;
}

describe("core layers", () => {
  it("places every source file in a layer and no file imports one above it", () => {
    expect(upwardImports()).toEqual([]);
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
