/**
 * What is at an output path before a run writes it, and whether the run may
 * replace it: checked once before planning (so a refusal comes early) and again
 * under the output's lock (so the answer is still true when the files are swapped in).
 */
import { lstatSync, readFileSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { EnvironmentError, UsageError, systemReason } from "../errors.js";
import { said } from "../text/cli-text.js";

/** The file every output folder holds: the run's top-level names, so `--force` knows the folder is roadshow's. */
export const MARKER = ".roadshow-output";

/** How one run may write: `force` replaces an existing output; `inputs` are paths the run reads, which no output may replace. */
export interface WriteOptions {
  readonly force: boolean;
  readonly inputs?: readonly (string | undefined)[];
}

/** An output path, resolved: `target` is where the files go (a symbolic link to a folder is followed). */
export interface Target {
  readonly target: string;
  /** As the user typed it, for messages. */
  readonly shown: string;
  /** What is there now: nothing, an empty folder, a folder with files, a dangling link, a regular file. */
  readonly state: "none" | "empty" | "full" | "link" | "file";
}

function lstatOrNull(p: string): Stats | null {
  try {
    return lstatSync(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return null;
    if (code === "ENOTDIR") throw new EnvironmentError(said("cli.out.pathThroughFile", { path: p }), p, code);
    throw new EnvironmentError(said("cli.out.cannotLook", { path: p, reason: systemReason(err) }), p, code ?? null);
  }
}

const inside = (p: string, dir: string): boolean => p === dir || p.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Refuses an output that would replace one of the run's inputs: a folder output
 * holding an input (`--out <data-dir>`), or a file output that is an input file
 * or an existing file of an input folder (`score --out <data>/firms.csv`).
 */
function checkInputs(target: string, shown: string, opts: WriteOptions, what: "folder" | "file", exists: boolean): void {
  const targets = new Set([target, path.resolve(shown)]);
  for (const input of opts.inputs ?? []) {
    if (input === undefined || input === "") continue;
    for (const candidate of new Set([path.resolve(input), real(input)])) {
      const folder = isFolder(candidate);
      for (const t of targets) {
        if (what === "folder" && inside(candidate, t)) {
          throw new UsageError(said(candidate === t ? "cli.out.isInputFolder" : "cli.out.holdsInput", { out: shown, input }));
        }
        if (what === "file" && exists && (folder ? path.dirname(t) === candidate : candidate === t)) {
          throw new UsageError(said(folder ? "cli.out.inDataFolder" : "cli.out.isInputFile", { out: shown, input }));
        }
      }
    }
  }
}

/** `--out` as given, checked for the obvious mistakes: empty, the root folder. */
function resolveOut(out: string, what: "folder" | "file"): string {
  if (out.trim() === "") throw new UsageError(said("cli.out.empty", { what, example: what === "folder" ? "out/BS-2026-02" : "out/scores.csv" }));
  const abs = path.resolve(out);
  if (abs === path.parse(abs).root) throw new UsageError(said("cli.out.root", { out, example: "out/BS-2026-02" }));
  return abs;
}

/** Up to five names, and how many more there are: `{ files: "a, b, c, d, e", more: 2 }`. */
function list(names: readonly string[]): { files: string; more: number } {
  return { files: names.slice(0, 5).join(", "), more: Math.max(0, names.length - 5) };
}

/** Names written by earlier versions of the CLI (temp files of an interrupted run) that a folder may hold. */
const LEGACY_TEMP = /^\..+\.[0-9]+-[0-9a-f]{8}\.tmp$/;

/** Top-level entries of a folder roadshow did not write (per its marker, or else per the names the run is about to write). */
function foreign(dir: string, entries: readonly string[], planned: ReadonlySet<string> | null): string[] {
  let ours: Set<string> | null = null;
  if (entries.includes(MARKER)) {
    try {
      ours = new Set(readFileSync(path.join(dir, MARKER), "utf8").split("\n").slice(1).filter((n) => n !== ""));
    } catch {
      ours = null;
    }
  }
  const known = ours ?? planned;
  if (known === null) return [];
  return entries.filter((e) => e !== MARKER && !known.has(e) && !LEGACY_TEMP.test(e)).sort();
}

/**
 * The path an output really goes to and what is there: a symbolic link is
 * followed; a dangling one is replaced only with `force` (then the link itself
 * is the target, state `link`).
 */
function followLink(abs: string, out: string, opts: WriteOptions, kind: "folder" | "file"): Target | { target: string; info: Stats | null } {
  const info = lstatOrNull(abs);
  if (!info?.isSymbolicLink()) return { target: abs, info };
  try {
    const followed = statSync(abs);
    return { target: realpathSync(abs), info: followed };
  } catch {
    checkInputs(abs, out, opts, kind, true);
    if (!opts.force) {
      throw new EnvironmentError(said("cli.out.danglingLink", { out, what: kind }), abs, "EEXIST");
    }
    return { target: abs, shown: out, state: "link" };
  }
}

/**
 * Where an output folder goes and whether this run may write it: a new or empty
 * folder always; a folder with files only with `force` and only when roadshow
 * wrote it (its marker, or only names this run writes); never a regular file,
 * an input of the run, or (without `force`) a dangling symbolic link.
 * `planned` are the top-level names the run will write, when known.
 */
export function inspectFolder(out: string, opts: WriteOptions, planned: ReadonlySet<string> | null = null): Target {
  const abs = resolveOut(out, "folder");
  const found = followLink(abs, out, opts, "folder");
  if ("state" in found) return found;
  const { target, info } = found;
  checkInputs(target, out, opts, "folder", info !== null);
  if (info === null) return { target, shown: out, state: "none" };
  if (!info.isDirectory()) {
    throw new EnvironmentError(said("cli.out.isFile", { out, example: `${out}-out` }), target, "ENOTDIR");
  }
  let entries: string[];
  try {
    entries = readdirSync(target);
  } catch (err) {
    throw new EnvironmentError(said("cli.out.unreadable", { out, reason: systemReason(err) }), target, (err as NodeJS.ErrnoException).code ?? null);
  }
  if (entries.length === 0) return { target, shown: out, state: "empty" };
  if (!opts.force) {
    throw new EnvironmentError(said("cli.out.full", { out, ...list([...entries].sort()) }), target, "EEXIST");
  }
  const others = foreign(target, entries, planned);
  if (others.length > 0) {
    throw new EnvironmentError(said("cli.out.foreign", { out, ...list(others) }), target, "EEXIST");
  }
  return { target, shown: out, state: "full" };
}

/**
 * Where an output file goes and whether this run may write it: a new path
 * always; an existing regular file (or a link, followed when it leads to one)
 * only with `force`; never a folder, a device or pipe, or an input of the run.
 */
export function inspectFile(out: string, opts: WriteOptions): Target {
  const abs = resolveOut(out, "file");
  const found = followLink(abs, out, opts, "file");
  if ("state" in found) return found;
  const { target, info } = found;
  checkInputs(target, out, opts, "file", info !== null);
  if (info === null) return { target, shown: out, state: "none" };
  if (info.isDirectory()) throw new EnvironmentError(said("cli.out.isFolder", { out, example: path.join(out, "scores.csv") }), target, "EISDIR");
  if (!info.isFile()) {
    throw new EnvironmentError(said("cli.out.notRegular", { out }), target, "EINVAL");
  }
  if (!opts.force) throw new EnvironmentError(said("cli.out.exists", { out }), target, "EEXIST");
  return { target, shown: out, state: "file" };
}
