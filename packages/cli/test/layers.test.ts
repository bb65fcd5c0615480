/** Checks the CLI's import graph against its declared pipeline order: no file imports one that stands above it. */
import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/**
 * The CLI from the bottom up: the issue type and the CSV formula guard, the error kinds, the texts, the readers, the
 * writers, what they feed (solver, re-plan files, mail), the run layer, the workspace, the desk,
 * the commands, the studio, and the entry points. A file may import files of its own layer or of
 * a layer below; `folder/` stands for every file in that folder.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["issues.ts", "csv-formula.ts", "secrets.ts"],
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

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/**
 * Relative module specifiers `text` depends on: every `import … from`, `import type … from` and
 * `export … from`, every `import("./…")`, and every `new URL("./….js", import.meta.url)` (a worker).
 */
export function importsOf(text: string): string[] {
  const patterns = [
    /^(?:import|export)\b[^;]*?\bfrom\s+"(\.{1,2}\/[^"]+)"/gms,
    /\bimport\(\s*"(\.{1,2}\/[^"]+)"\s*\)/g,
    /\bnew URL\(\s*"(\.{1,2}\/[^"]+\.js)"\s*,\s*import\.meta\.url\s*\)/g,
  ];
  return patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
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

describe("CLI layers", () => {
  it("places every source file in a layer and no file imports one above it", () => {
    expect(upwardImports()).toEqual([]);
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
