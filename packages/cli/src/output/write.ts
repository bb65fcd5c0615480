import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors.js";

/** One output file, its path relative to the output folder. */
export interface OutputFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  return e.code !== undefined ? `${e.code}: ${e.message}` : String(err);
}

/**
 * Writes all files or none: without `force` nothing is written when any target
 * exists; with it, files that already hold the same content are left as they are. Each file goes to a temp file beside its target and is renamed into
 * place only once every temp file is written, so a failed write leaves earlier
 * files untouched. (A failure during the final renames, rare, can leave some
 * targets already replaced; no temp file is left behind.)
 */
export async function writeOutputs(outDir: string, files: readonly OutputFile[], opts: { force: boolean }): Promise<void> {
  const targets = files.map((f) => ({ target: path.resolve(outDir, f.path), shown: path.join(outDir, f.path), content: f.content }));
  if (!opts.force) {
    const taken: string[] = [];
    for (const t of targets) if (existsSync(t.target)) taken.push(t.shown);
    if (taken.length > 0) {
      const shown = taken.length > 5 ? `${taken.slice(0, 5).join(", ")} and ${taken.length - 5} more files` : taken.join(", ");
      throw new InputError(`${shown} already exist${taken.length === 1 ? "s" : ""}; nothing was written. Use --force to overwrite`);
    }
  }
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const temps: string[] = [];
  let step = "write";
  let current = outDir;
  // Synchronous calls: hundreds of small files are written much faster than with a promise each.
  const folders = new Set<string>();
  // A file that already holds exactly this content is left alone (a re-run rewrites only what changed).
  const changed = opts.force ? targets.filter((t) => !sameContent(t.target, t.content)) : targets;
  try {
    for (const t of changed) {
      current = t.shown;
      const folder = path.dirname(t.target);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      const temp = path.join(folder, `.${path.basename(t.target)}.${tag}.tmp`);
      temps.push(temp);
      writeFileSync(temp, t.content);
    }
    step = "rename";
    for (const [i, t] of changed.entries()) {
      current = t.shown;
      renameSync(temps[i]!, t.target);
    }
  } catch (err) {
    for (const temp of temps) rmSync(temp, { force: true });
    throw new InputError(
      step === "write"
        ? `cannot write ${current} (${reason(err)}); nothing was written`
        : `cannot move ${current} into place (${reason(err)}); the files before it were written`,
    );
  }
}

/** Whether `file` exists and holds exactly `content`. */
function sameContent(file: string, content: string | Uint8Array): boolean {
  let existing: Buffer;
  try {
    existing = readFileSync(file);
  } catch {
    return false;
  }
  const wanted = typeof content === "string" ? Buffer.from(content) : content;
  return existing.equals(wanted);
}
