/**
 * The lock of one output path: a file `.<name>.roadshow-lock` beside it, created
 * exclusively and holding the owner's pid, process start time and host, so a
 * second run into the same output fails clearly and a lock left by a killed run
 * is recognised as stale and taken over.
 */
import { linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { EnvironmentError, systemReason, type Said } from "../errors.js";
import { said } from "../text/cli-text.js";

/** What a lock file holds. */
interface Holder {
  readonly pid: number;
  /** `proc:<ticks>`, the process's start as the kernel counts it (Linux), or `ms:<time>` elsewhere. */
  readonly start: string;
  readonly host: string;
  /** When the lock was taken, ISO 8601 (for the message only). */
  readonly since: string;
}

/** The start time of a process: field 22 of /proc/<pid>/stat on Linux; `null` when it cannot be read. */
function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] === undefined ? null : `proc:${fields[19]}`;
  } catch {
    return null;
  }
}

const ownStart = (): string => processStart(process.pid) ?? `ms:${Math.round(Date.now() - process.uptime() * 1000)}`;

/** Whether the process that wrote `holder` still runs (a live pid with another start time is a reused pid). */
function alive(holder: Holder): boolean {
  if (holder.host !== hostname()) return true; // another machine's run: cannot tell, assume it runs
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
  // A pid now held by a process started at another time was reused: the holder is gone.
  const start = processStart(holder.pid);
  return start === null || !holder.start.startsWith("proc:") || start === holder.start;
}

function readHolder(file: string): Holder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<Holder>;
    if (typeof parsed.pid !== "number" || typeof parsed.start !== "string" || typeof parsed.host !== "string") return null;
    return { pid: parsed.pid, start: parsed.start, host: parsed.host, since: typeof parsed.since === "string" ? parsed.since : "?" };
  } catch {
    return null;
  }
}

/** A lock file cut short (its writer killed between creating and filling it) counts as stale after this long. */
const UNREADABLE_STALE_MS = 5_000;

/** The lock file's path for an output path. */
export function lockPath(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.roadshow-lock`);
}

/**
 * Takes the lock of `target` (whose parent folder exists) and returns its release.
 * A stale lock (its process gone, or its pid reused) is replaced; a live one is an
 * `EnvironmentError` naming the other run.
 */
export function acquireLock(target: string, shown: string | Said): () => void {
  const file = lockPath(target);
  const holder: Holder = { pid: process.pid, start: ownStart(), host: hostname(), since: new Date().toISOString() };
  // The lock appears whole: its content is written beside it first and hard-linked into place
  // (link fails when the lock exists), so a run killed at any instant leaves no empty lock behind.
  const filled = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(filled, `${JSON.stringify(holder)}\n`);
  } catch (err) {
    throw new EnvironmentError(said("cli.lock.cannotCreate", { file, shown, reason: systemReason(err) }), file, (err as NodeJS.ErrnoException).code ?? null);
  }
  try {
    return takeLock(file, filled, shown);
  } finally {
    rmSync(filled, { force: true });
  }
}

/** Links the filled lock into place, replacing a stale one; throws naming a live holder. */
function takeLock(file: string, filled: string, shown: string | Said): () => void {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      linkSync(filled, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new EnvironmentError(said("cli.lock.cannotCreate", { file, shown, reason: systemReason(err) }), file, (err as NodeJS.ErrnoException).code ?? null);
      }
      const other = readHolder(file);
      if (other !== null && alive(other)) {
        throw new EnvironmentError(said("cli.lock.held", { shown, pid: String(other.pid), host: other.host, since: other.since, file }), file, "ELOCKED");
      }
      if (other === null && !olderThan(file, UNREADABLE_STALE_MS)) {
        throw new EnvironmentError(said("cli.lock.heldUnread", { shown, file }), file, "ELOCKED");
      }
      // Stale: move it aside under a unique name first, so two runs cannot both remove a fresh lock.
      const aside = `${file}.stale-${process.pid}-${attempt}`;
      try {
        renameSync(file, aside);
        rmSync(aside, { force: true });
      } catch {
        // Another run took it over first; try again.
      }
      continue;
    }
    return () => {
      // Only our own lock is removed (a stale-lock takeover by another run would have replaced it).
      if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
    };
  }
  throw new EnvironmentError(said("cli.lock.contended", { file, shown }), file, "ELOCKED");
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return true;
  }
}
