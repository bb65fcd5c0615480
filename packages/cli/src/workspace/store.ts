/**
 * A stop's workspace on disk: `<data-dir>/workspace/<stop_id>/` holds the day-of log
 * (`log.csv`), every agenda version the tool produced (`versions/<n>/`, each the files
 * of `schedule` or `replan` plus `version.json`) and what was mailed (`sends/<n>/`: the
 * messages of version n and `sent.csv`, the mail journal). Versions and sends are only
 * added; nothing here is typed by hand except, at most, a note in log.csv.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { EnvironmentError, InputError, systemReason, type Said } from "../errors.js";
import { saidIssue } from "../issues.js";
import { readJournal } from "../mail/journal.js";
import { acquireLock } from "../write/lock.js";
import { underLock, type StopOptions } from "../write/transaction.js";
import { said } from "../text/cli-text.js";

/** The workspace folder inside the data folder. */
export const WORKSPACE = "workspace";
export const LOG_FILE = "log.csv";
export const VERSION_FILE = "version.json";
export const SENT_FILE = "sent.csv";

/** Where one stop's workspace is. */
export interface StopPaths {
  readonly dataDir: string;
  readonly stopId: string;
  readonly dir: string;
  readonly log: string;
  readonly versions: string;
  readonly sends: string;
}

export function stopPaths(dataDir: string, stopId: string): StopPaths {
  const dir = path.join(dataDir, WORKSPACE, stopId);
  return { dataDir, stopId, dir, log: path.join(dir, LOG_FILE), versions: path.join(dir, "versions"), sends: path.join(dir, "sends") };
}

/**
 * Takes the stop's lock (`workspace/.<stop_id>.roadshow-lock`, the lock every output of
 * roadshow uses): a second writer on the same stop is refused with exit 4 naming the first.
 * Returns its release.
 */
export function lockStop(paths: StopPaths): () => void {
  return acquireLock(stopDir(paths), shownStop(paths));
}

const shownStop = (paths: StopPaths): Said => said("cli.workspace.shown", { stop: paths.stopId, dir: paths.dir });

/** The stop's folder, made when missing; its real path (the lock's target). */
function stopDir(paths: StopPaths): string {
  try {
    mkdirSync(paths.dir, { recursive: true });
    return realpathSync(paths.dir);
  } catch (err) {
    throw new EnvironmentError(said("cli.workspace.cannotCreate", { dir: paths.dir, reason: systemReason(err) }), paths.dir, (err as NodeJS.ErrnoException).code ?? null);
  }
}

/**
 * The input error of a stop with no version yet, for a command that needs one (`replan`, `diff`, `send`):
 * named at its versions folder, with the command that plans it.
 */
export function noVersion(what: "replan" | "diff" | "send", paths: StopPaths, stopId: string, dataDir: string): InputError {
  return new InputError(said("cli.input.noVersion", { stop: stopId, what }), [saidIssue(
    { severity: "error", code: "missing-file", file: paths.versions, line: null, column: null, value: null },
    said("input.missing-file.noVersion", { stop: stopId, dir: paths.dir, what }),
    said("input.missing-file.noVersion.fix", { dataDir, stop: stopId }),
  )]);
}

/**
 * Runs `work` with the stop's lock held, as every writer of roadshow runs (`underLock`):
 * a second writer on the stop exits 4 naming this one; Ctrl-C lets the write in flight
 * finish (`graceMs`), then releases the lock and exits 130.
 */
export async function withStop<T>(paths: StopPaths, work: (stop: AbortSignal) => Promise<T>, opts: StopOptions = {}): Promise<T> {
  return underLock({ target: stopDir(paths), shown: shownStop(paths) }, work, opts);
}

/**
 * What made one version (its `version.json`).
 * @example { version: 2, kind: "replan", from: 1, logThrough: 5, createdAt: "2026-02-25T09:40:00.000Z", fingerprint: "9f2c…" }
 */
export interface VersionInfo {
  readonly version: number;
  /** `schedule`: planned afresh; `replan`: re-planned around version `from`. */
  readonly kind: "schedule" | "replan";
  readonly from: number | null;
  /** The log's entries 1..logThrough were applied. */
  readonly logThrough: number;
  readonly createdAt: string;
  /** A hash of everything the plan was made from: a run with the same one adds no version. */
  readonly fingerprint: string;
}

/** A version on disk: its info and its agenda. */
export interface Version extends VersionInfo {
  readonly dir: string;
  readonly agenda: string;
}

/** version.json's text. */
export function versionJson(info: VersionInfo): string {
  return `${JSON.stringify({ version: info.version, kind: info.kind, from: info.from, log_through: info.logThrough, created_at: info.createdAt, fingerprint: info.fingerprint }, null, 2)}\n`;
}

const NUMBER = /^[1-9]\d{0,5}$/;

function numbered(dir: string): number[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((e) => NUMBER.test(e)).map(Number).sort((a, b) => a - b);
}

/** Every version of the stop, oldest first. A version folder is whole or absent (written by `writeOutputs`). */
export function listVersions(paths: StopPaths): Version[] {
  return numbered(paths.versions).map((n) => {
    const dir = path.join(paths.versions, String(n));
    const file = path.join(dir, VERSION_FILE);
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    } catch (err) {
      const reason = err instanceof SyntaxError ? said("cli.input.notJson", {}) : systemReason(err);
      throw new InputError(said("cli.input.badVersion", { file, reason }), [saidIssue(
        { severity: "error", code: "bad-version", file, line: null, column: null, value: null },
        said("input.bad-version", { file }),
        said("input.bad-version.fix", { dir }),
      )]);
    }
    return {
      version: n,
      kind: raw["kind"] === "replan" ? "replan" : "schedule",
      from: typeof raw["from"] === "number" ? raw["from"] : null,
      logThrough: typeof raw["log_through"] === "number" ? raw["log_through"] : 0,
      createdAt: typeof raw["created_at"] === "string" ? raw["created_at"] : "",
      fingerprint: typeof raw["fingerprint"] === "string" ? raw["fingerprint"] : "",
      dir,
      agenda: path.join(dir, "agenda.csv"),
    };
  });
}

/**
 * One participant's last message: the version it told, when, by which channel.
 * @example { key: "firm:F0001", version: 2, sentAt: "2026-02-25T09:41:02.000Z", channel: "smtp", address: "info@f1.example" }
 */
export interface LastSent {
  /** `firm:<id>` or `delegation:<id>`. */
  readonly key: string;
  readonly version: number;
  readonly sentAt: string;
  readonly channel: "smtp";
  readonly address: string;
}

/** Each participant's last message, from the journals of every send (`sends/<n>/sent.csv`). */
export function lastSent(paths: StopPaths): Map<string, LastSent> {
  const last = new Map<string, LastSent>();
  for (const n of numbered(paths.sends)) {
    for (const r of readJournal(path.join(paths.sends, String(n), SENT_FILE)).values()) {
      const key = `${r.kind}:${r.participantId}`;
      const before = last.get(key);
      if (before === undefined || before.version < n || (before.version === n && before.sentAt < r.sentAt)) {
        last.set(key, { key, version: n, sentAt: r.sentAt, channel: "smtp", address: r.address });
      }
    }
  }
  return last;
}

/** The version re-plans start from: the last one anyone was sent, else the latest. */
export function baseVersion(versions: readonly Version[], sent: ReadonlyMap<string, LastSent>): Version | undefined {
  const told = Math.max(0, ...[...sent.values()].map((s) => s.version));
  return versions.find((v) => v.version === told) ?? versions.at(-1);
}
