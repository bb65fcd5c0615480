/**
 * The two folders the studio may touch (the data folder and the output folder):
 * file references from the page are resolved inside them or refused.
 */
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";
import { said } from "../text/cli-text.js";
import type { FileRef } from "./api.js";

/** Whether `child` is `root` or lies under it. */
export function inside(root: string, child: string): boolean {
  const rel = path.relative(root, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** The nearest existing ancestor's real path joined with the rest (a folder not yet made resolves too). */
function realish(file: string): string {
  const missing: string[] = [];
  let at = path.resolve(file);
  while (!existsSync(at)) {
    const parent = path.dirname(at);
    if (parent === at) break;
    missing.unshift(path.basename(at));
    at = parent;
  }
  return path.join(realpathSync(at), ...missing);
}

/** The data folder and the output folder, resolved once (symbolic links followed). */
export class Folders {
  readonly data: string;
  readonly out: string;

  constructor(
    readonly dataShown: string,
    readonly outShown: string,
  ) {
    this.data = realish(dataShown);
    this.out = realish(outShown);
  }

  /** A page's file reference as a path on disk, or an input error when it leaves its folder. */
  resolve(ref: FileRef): string {
    const colon = ref.indexOf(":");
    const root = ref.slice(0, colon) === "data" ? this.data : ref.slice(0, colon) === "out" ? this.out : null;
    const rel = ref.slice(colon + 1);
    if (colon < 0 || root === null || rel === "" || path.isAbsolute(rel)) {
      throw new InputError(said("studio.api.folders.notAFile", { ref }));
    }
    const file = realish(path.join(root, rel));
    if (!inside(root, file)) throw new InputError(said("studio.api.folders.outside", { ref, folder: root === this.data ? this.dataShown : this.outShown }));
    return file;
  }

  /** The folder a stop is saved in, `<out>/<stop_id>`, refused when the id would leave the output folder. */
  stopFolder(stopId: string): string {
    const folder = path.join(this.out, stopId);
    if (!inside(this.out, folder) || folder === this.out) throw new InputError(said("studio.api.folders.badStop", { stop: stopId, out: this.outShown }));
    return folder;
  }

  /** Input files the Plan view may pick (`.csv` and `.json` of the data folder) and agendas found in both folders. */
  choices(): { agendas: FileRef[]; inputs: FileRef[] } {
    const inputs = listFiles(this.data, 1).filter((f) => /\.(csv|json)$/i.test(f)).map((f) => `data:${f}`);
    const agendas = [
      ...listFiles(this.data, 3).filter((f) => path.basename(f) === "agenda.csv").map((f) => `data:${f}`),
      ...listFiles(this.out, 3).filter((f) => path.basename(f) === "agenda.csv").map((f) => `out:${f}`),
    ];
    return { agendas, inputs };
  }
}

/** Files under `root` (relative, `/`-separated, sorted), at most `depth` levels down, hidden ones skipped. */
export function listFiles(root: string, depth: number): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string, level: number): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith(".")) continue;
      const full = path.join(dir, name);
      const shown = rel === "" ? name : `${rel}/${name}`;
      let stat;
      try {
        stat = statSync(full);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        if (level < depth) walk(full, shown, level + 1);
      } else out.push(shown);
    }
  };
  walk(root, "", 1);
  return out;
}
