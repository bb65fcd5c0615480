/** Reads a package's import graph and checks it against a declared layer order: shared by the core's and the CLI's layer tests. */
import { readdirSync, readFileSync } from "node:fs";
import { join, posix, relative } from "node:path";

/** Layers from the bottom up; an entry is a file (`plan.ts`) or, ending in `/`, every file of a folder (`search/`). */
export type Layers = readonly (readonly string[])[];

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

/** The index of the layer `file` (relative to the source folder, `/`-separated) is in; throws when it is in none. */
export function layerOf(layers: Layers, file: string): number {
  const i = layers.findIndex((layer) => layer.some((entry) => (entry.endsWith("/") ? file.startsWith(entry) : file === entry)));
  if (i === -1) throw new Error(`${file} is in no declared layer: add it to LAYERS in layers.test.ts`);
  return i;
}

/** Every import in the `.ts` files below `src` from a file to one in a higher layer, as `from → to`. */
export function upwardImports(src: string, layers: Layers): string[] {
  const found: string[] = [];
  for (const path of files(src)) {
    const from = relative(src, path).split("\\").join("/");
    for (const spec of importsOf(readFileSync(path, "utf8"))) {
      const to = posix.normalize(posix.join(posix.dirname(from), spec)).replace(/\.js$/, ".ts");
      if (layerOf(layers, to) > layerOf(layers, from)) found.push(`${from} → ${to}`);
    }
  }
  return found;
}
