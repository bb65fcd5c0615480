/**
 * Output transactions: a run's whole output folder is written into a staging
 * folder beside `--out` and swapped in with two renames, under a lock, so a
 * reader sees the old folder or the new one, never a mix; an interrupted run
 * leaves hidden `.<name>.staging-…` / `.old-…` folders that the next run on the
 * same output removes (or, when the swap itself was cut, puts back).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { EnvironmentError, systemReason, type Said } from "../errors.js";
import { acquireLock } from "./lock.js";
import { inspectFile, inspectFolder, MARKER, type Target, type WriteOptions } from "./target.js";
import type { OutputFile } from "./output-file.js";
import { writeTree } from "./tree.js";
import { said } from "../text/cli-text.js";

export { MARKER, type WriteOptions } from "./target.js";

/** Any output file, text or bytes. */
type AnyFile = OutputFile<string | Uint8Array>;

const STAGING = "staging";
const OLD = "old";

const hidden = (target: string, kind: string, tag: string): string =>
  path.join(path.dirname(target), `.${path.basename(target)}.${kind}-${tag}`);

/** Checks an output folder before planning, so a refusal (exists, is a file, holds an input, …) comes before the work. */
export function checkOutputFolder(outDir: string, opts: WriteOptions): void {
  inspectFolder(outDir, opts);
}

/** Checks an output file before the work, as `checkOutputFolder`. */
export function checkOutputFile(file: string, opts: WriteOptions): void {
  inspectFile(file, opts);
}

function makeParent(target: string, shown: string | Said): void {
  try {
    mkdirSync(path.dirname(target), { recursive: true });
  } catch (err) {
    throw new EnvironmentError(said("cli.out.noParent", { shown, reason: systemReason(err) }), path.dirname(target), (err as NodeJS.ErrnoException).code ?? null);
  }
}

/**
 * Removes what interrupted runs left beside `target` (the lock is held, so none
 * of it is in use): a swap cut between its two renames is undone first.
 */
function recover(target: string): void {
  const parent = path.dirname(target);
  const prefix = `.${path.basename(target)}.`;
  let entries: string[];
  try {
    entries = readdirSync(parent);
  } catch {
    return;
  }
  const staged = entries.filter((e) => e.startsWith(`${prefix}${STAGING}-`));
  const old = entries.filter((e) => e.startsWith(`${prefix}${OLD}-`));
  if (old.length > 0 && !entries.includes(path.basename(target))) {
    renameSync(path.join(parent, old[0]!), target);
    old.shift();
  }
  for (const e of [...staged, ...old]) rmSync(path.join(parent, e), { recursive: true, force: true });
}

/** The exit code of a run stopped by `signal` (128 + its number, as shells report it). */
const signalExit = (signal: NodeJS.Signals): number => 128 + (signal === "SIGINT" ? 2 : signal === "SIGTERM" ? 15 : 1);

/** How long an interrupted run waits for its writes in flight before it leaves anyway (the next run cleans up). */
const STOP_GRACE_MS = 5_000;

/** How an interrupted locked run stops. */
export interface StopOptions {
  /** Removes what the work left half done (a staging folder); run before the lock is released. */
  readonly undo?: () => void;
  /** How long the work in flight may take to finish after the signal (default `STOP_GRACE_MS`). */
  readonly graceMs?: number;
  /** Told once, on the first signal (e.g. "finishing the message in flight"). */
  readonly onStop?: (signal: NodeJS.Signals) => void;
}

/**
 * Runs `work` with the lock of `target` held. Ctrl-C or a kill signal meanwhile
 * aborts `work` (it issues no new write; those in flight finish), then runs
 * `undo`, releases the lock and exits 128 + the signal's number; a second signal
 * leaves at once. A signal that comes once the work is done lets the run finish.
 * Every writer (output folders, files, the sending of mail) stops through here.
 */
export async function underLock<T>(target: { readonly target: string; readonly shown: string | Said }, work: (stop: AbortSignal) => Promise<T>, opts: StopOptions = {}): Promise<T> {
  makeParent(target.target, target.shown);
  const release = acquireLock(target.target, target.shown);
  const controller = new AbortController();
  let caught: NodeJS.Signals | null = null;
  let grace: NodeJS.Timeout | null = null;
  const leave = (signal: NodeJS.Signals): never => {
    try {
      opts.undo?.();
    } catch {
      // A write still landing: what is left, the next run on this output removes.
    }
    release();
    process.exit(signalExit(signal));
  };
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const onSignal = (signal: NodeJS.Signals) => {
    if (caught !== null) leave(caught);
    caught = signal;
    controller.abort();
    opts.onStop?.(signal);
    grace = setTimeout(() => leave(signal), opts.graceMs ?? STOP_GRACE_MS);
  };
  for (const s of signals) process.on(s, onSignal);
  let done = false;
  try {
    recover(target.target);
    const result = await work(controller.signal);
    done = true;
    return result;
  } finally {
    for (const s of signals) process.off(s, onSignal);
    if (grace !== null) clearTimeout(grace);
    if (caught !== null && !done) leave(caught);
    release();
  }
}

function relative(file: AnyFile): string {
  const p = file.path;
  if (p === "" || path.posix.isAbsolute(p) || p.split("/").some((part) => part === ".." || part === "." || part === "")) {
    throw new Error(`output path "${p}" is not a plain relative path`);
  }
  return p;
}

/**
 * Writes a whole output folder or nothing. Without `force` the folder must be
 * new or empty; with it, an existing folder roadshow wrote is replaced as a
 * whole (files the run no longer writes disappear with it). A folder holding an
 * input of the run (`inputs`) is refused. Failures are `EnvironmentError`s
 * (exit 4) and leave the old folder as it was.
 */
export async function writeOutputs(outDir: string, files: readonly AnyFile[], opts: WriteOptions): Promise<void> {
  const paths = files.map(relative);
  const top = new Set(paths.map((p) => p.split("/")[0]!));
  const first = inspectFolder(outDir, opts, top);
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = hidden(first.target, STAGING, tag);
  const old = hidden(first.target, OLD, tag);
  // Writes still in flight may land while it is removed: retried (ENOTEMPTY) a few times.
  const undo = () => rmSync(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 10 });
  await underLock(first, async (stop) => {
    // Checked again under the lock: another run may have written the folder meanwhile.
    const target = inspectFolder(outDir, opts, top);
    try {
      mkdirSync(staging);
      const marker = `roadshow output folder: roadshow --force replaces it as a whole. Its entries:\n${[...top].sort().join("\n")}\n`;
      const previous = target.state === "full" ? target.target : null;
      await writeTree(staging, [...files.map((f, i) => ({ path: paths[i]!, content: f.content })), { path: MARKER, content: marker }], previous, stop);
    } catch (err) {
      undo();
      throw new EnvironmentError(said("cli.out.cannotStage", { dir: path.dirname(target.target), reason: systemReason(err), out: outDir }), target.target, (err as NodeJS.ErrnoException).code ?? null);
    }
    swap(target, staging, old, undo);
  }, { undo });
}

/** Puts the staging folder (or file) in place of the target: one rename when nothing is there, else two around the old one. */
function swap(target: Target, staging: string, old: string, undo: () => void): void {
  try {
    if (target.state === "none" || target.state === "empty") {
      if (target.state === "empty") rmdirSync(target.target);
      renameSync(staging, target.target);
      return;
    }
    renameSync(target.target, old);
    try {
      renameSync(staging, target.target);
    } catch (err) {
      renameSync(old, target.target);
      throw err;
    }
  } catch (err) {
    undo();
    throw new EnvironmentError(said("cli.out.cannotMove", { out: target.shown, reason: systemReason(err) }), target.target, (err as NodeJS.ErrnoException).code ?? null);
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * Writes one output file or nothing (`score --out`): the same lock, a staged
 * copy beside the target renamed over it; an existing file only with `force`.
 */
export async function writeOutputFile(file: string, content: string | Uint8Array, opts: WriteOptions): Promise<void> {
  const first = inspectFile(file, opts);
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const staging = hidden(first.target, STAGING, tag);
  const undo = () => rmSync(staging, { force: true });
  await underLock(first, async () => {
    const target = inspectFile(file, opts);
    try {
      writeFileSync(staging, content);
      renameSync(staging, target.target);
    } catch (err) {
      undo();
      throw new EnvironmentError(said("cli.out.cannotWrite", { file, reason: systemReason(err) }), target.target, (err as NodeJS.ErrnoException).code ?? null);
    }
  }, { undo });
}
