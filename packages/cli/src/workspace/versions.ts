/**
 * A stop's next version, planned into its workspace: `schedule` without `--out` plans
 * the stop as it is on the day (master files + log); `replan` without `--previous`
 * re-plans it around the version last sent (else the latest). Both go through the run
 * layer (`loadRun`, `stopOutput`, `replanOutput`) exactly as the flag-based commands do;
 * only where the files go and what is read as "the agenda sent before" differ.
 *
 * A version is written whole (`writeOutputs`: staged, renamed in) and never replaced:
 * a run whose inputs (files, log entries, settings, base version) are those of the
 * latest version adds none, so a command re-run after a kill does not add a second one.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { InvalidInstanceError, planStop, replanStop, type AgendaMeeting, type IssuePath, type Replan, type ReplanOptions, type Schedule } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import type { Said } from "../issues.js";
import { coreIssueSentence } from "../read/instance-issues.js";
import type { AgendaRow } from "../read/index.js";
import { readAgenda } from "../read/load.js";
import { summaryLine } from "../replan/report.js";
import { replanOutput, stopOutput } from "../run/files.js";
import { loadRun } from "../run/load.js";
import type { PlanSettings, RunFiles } from "../run/options.js";
import { Reporter } from "../run/report.js";
import { sayIn } from "../text/cli-text.js";
import { t } from "../text/i18n.js";
import { formatSummary } from "../text/summary.js";
import type { Organizer, OutputFile } from "../write/exports.js";
import { writeOutputs } from "../write/transaction.js";
import { deriveDay, type Day } from "./day.js";
import { pairKey, readLog, type LogEntry } from "./log.js";
import { whoIsTold } from "./told.js";
import { baseVersion, lastSent, listVersions, noVersion, stopPaths, withStop, VERSION_FILE, versionJson, type Version } from "./store.js";

/** What `schedule` and `replan` in workspace mode are given. */
export interface VersionArgs {
  readonly files: RunFiles;
  readonly settings: PlanSettings;
  readonly stop: string;
  readonly excel: boolean;
  readonly organizer?: Organizer | undefined;
  /** `replan --allow-moves`. */
  readonly allowMoves?: boolean;
}

/** Test seam: the clock (version.json's created_at). */
export interface VersionWorld {
  readonly now: () => Date;
}

/** Every file of the data folder and the other inputs, hashed: a version made from other files is another version. */
function hashInputs(hash: ReturnType<typeof createHash>, files: RunFiles): void {
  const top = existsSync(files.dataDir) ? readdirSync(files.dataDir).filter((e) => e.toLowerCase().endsWith(".csv")).sort() : [];
  const paths = [...top.map((e) => path.join(files.dataDir, e)), files.scores, files.requests, files.changes, files.outcomes, files.weights, ...(files.history ?? [])];
  for (const p of paths) {
    if (p === undefined || !existsSync(p) || !statSync(p).isFile()) continue;
    hash.update(`${p}\u0000`).update(readFileSync(p)).update("\u0000");
  }
}

/** The fingerprint of a version's inputs: the log entries used, settings, output options and every input file. */
export function fingerprint(entries: readonly LogEntry[], args: VersionArgs, lang: string): string {
  const hash = createHash("sha256");
  const log = entries.map((e) => [e.entry, e.kind, e.participantId, e.value]);
  hash.update(JSON.stringify({ log, settings: args.settings, excel: args.excel, organizer: args.organizer ?? null, allowMoves: args.allowMoves ?? false, lang }));
  hashInputs(hash, args.files);
  return hash.digest("hex");
}

/** The stop's rows of a version's agenda. */
async function rowsOf(version: Version, stopId: string): Promise<readonly AgendaRow[]> {
  return (await readAgenda(version.agenda)).filter((r) => r.stopId === stopId);
}

/** A meeting the log pins in a re-plan: a `lock`, or a `refill` not on the base version's agenda yet. */
interface Pin {
  readonly entry: number;
  readonly kind: "lock" | "refill";
  readonly meeting: AgendaMeeting;
}

/**
 * The re-plan of the day around the version it starts from, keeping where they are the
 * meetings the log pins: `lock` entries and `refill` entries made since that version (a
 * later entry for the same pair replaces an earlier one). A pin that no longer holds (a
 * participant absent since, its window narrowed, a clash with a later pin) is not kept:
 * it is returned with the core's reason, and its pair is re-planned as any other.
 */
export function replanPinned(day: Day, previous: readonly AgendaMeeting[], since: number, options: ReplanOptions): { result: Replan; dropped: (Pin & { why: Said })[] } {
  const onAgenda = new Set(previous.map((m) => pairKey(m.firmId, m.delegationId)));
  const byPair = new Map<string, Pin>();
  const pins = [
    ...day.refills.filter((r) => r.entry > since && !onAgenda.has(pairKey(r.meeting.firmId, r.meeting.delegationId))).map((r) => ({ ...r, kind: "refill" as const })),
    ...day.locked.map((l) => ({ ...l, kind: "lock" as const })),
  ].sort((a, b) => a.entry - b.entry);
  for (const p of pins) {
    const key = pairKey(p.meeting.firmId, p.meeting.delegationId);
    byPair.delete(key);
    byPair.set(key, p);
  }
  let kept = [...byPair.values()].sort((a, b) => a.entry - b.entry);
  const dropped: (Pin & { why: Said })[] = [];
  for (;;) {
    try {
      return { result: replanStop(day.instance, previous, { ...options, locked: kept.map((p) => p.meeting) }), dropped };
    } catch (error) {
      // The core names each lock that does not hold (`locked[i]`): those are let go, the rest tried again.
      if (!(error instanceof InvalidInstanceError)) throw error;
      const bad = new Map(error.issues.filter((i) => i.code === "bad-lock").map((i) => [lockIndex(i.path), coreIssueSentence(i)]));
      if (bad.size === 0 || [...bad.keys()].some((k) => kept[k] === undefined)) throw error;
      dropped.push(...kept.flatMap((p, k) => (bad.has(k) ? [{ ...p, why: bad.get(k)! }] : [])));
      kept = kept.filter((_, k) => !bad.has(k));
    }
  }
}

/** The lock an issue's path names (`["locked", 3]`); -1 for any other path. */
function lockIndex(at: IssuePath): number {
  return at[0] === "locked" && typeof at[1] === "number" ? at[1] : -1;
}

/** In the workspace, a re-plan's report is named for what it is: changed.csv, changed.html (log.csv holds the stop's changes). */
const workspaceName = (f: OutputFile<string | Uint8Array>): OutputFile<string | Uint8Array> =>
  f.path === "changes.csv" ? { ...f, path: "changed.csv" } : f.path === "changes.html" ? { ...f, path: "changed.html" } : f;

/**
 * Plans the stop's next version into its workspace and prints the summary; with the
 * latest version already made from the same inputs, says so and adds nothing.
 */
export async function planVersion(kind: "schedule" | "replan", args: VersionArgs, common: Common, io: Io, world: VersionWorld = { now: () => new Date() }): Promise<void> {
  const report = new Reporter(io, common);
  const run = await loadRun({ files: args.files, exact: args.settings.exact }, report);
  const stop = run.stop(args.stop);
  const paths = stopPaths(args.files.dataDir, stop.id);
  await withStop(paths, async () => {
    const entries = readLog(paths.log);
    const day = deriveDay(run.loaded, stop, entries, paths.log);
    const versions = listVersions(paths);
    const sent = lastSent(paths);
    const told = baseVersion(versions, sent);
    if (kind === "replan" && told === undefined) {
      throw noVersion("replan", paths, stop.id, args.files.dataDir);
    }
    const base = kind === "replan" ? told! : undefined;
    const print = fingerprint(entries, args, common.lang);
    const latest = versions.at(-1);
    // Nothing new: the latest version was made from these very inputs (a plan afresh for schedule; from this base, or the base itself, for replan).
    const same = latest !== undefined && latest.fingerprint === print &&
      (base === undefined ? latest.kind === "schedule" : latest.version === base.version || latest.from === base.version);
    if (same) {
      io.stdout(`${t(common.lang, "version.same", { stop: stop.id, version: latest!.version, dir: latest!.dir })}\n`);
      return;
    }
    const number = (latest?.version ?? 0) + 1;
    const dir = path.join(paths.versions, String(number));
    const options = { ...(await run.options(args.settings, report.progress())), excluded: day.excluded };
    const info = { version: number, kind, from: base?.version ?? null, logThrough: entries.length, createdAt: world.now().toISOString(), fingerprint: print };
    const meta = { path: VERSION_FILE, content: versionJson(info) };
    let schedule: Schedule;
    if (base === undefined) {
      // A fresh plan after a version was sent still cancels, in the calendars, what was sent and is gone.
      const previous = told !== undefined && sent.size > 0 ? await rowsOf(told, stop.id) : undefined;
      schedule = planStop(day.instance, options);
      report.step(t(common.lang, "progress.render"));
      const files = stopOutput(schedule, day.instance, { lang: common.lang, excel: args.excel, organizer: args.organizer, previous });
      await writeOutputs(dir, [...files, meta], run.output);
      io.stdout(formatSummary(schedule, common.lang, io.color));
    } else {
      const previous = await rowsOf(base, stop.id);
      const { result, dropped } = replanPinned(day, previous, base.logThrough, { ...options, allowMoves: args.allowMoves ?? false });
      for (const d of dropped) io.stderr(`${t(common.lang, "version.lockDropped", { entry: d.entry, kind: d.kind, firm: d.meeting.firmId, delegation: d.meeting.delegationId, slot: d.meeting.slot, table: d.meeting.table, why: sayIn(common.lang, d.why) })}\n`);
      schedule = result.schedule;
      const { files, summary } = replanOutput(result, day.instance, previous, { lang: common.lang, excel: args.excel, organizer: args.organizer });
      // Nothing changed: the base version's agenda, byte for byte.
      const kept = result.changes.length === 0 ? new Uint8Array(readFileSync(base.agenda)) : null;
      const out = files.map((f) => workspaceName(kept !== null && f.path === "agenda.csv" ? { path: f.path, content: kept } : f));
      await writeOutputs(dir, [...out, meta], run.output);
      const s = result.stats;
      io.stdout(formatSummary(schedule, common.lang, io.color));
      io.stdout(`${t(common.lang, "replan.replaced", { replaced: s.replaced, lost: s.lostPairs, bound: s.replacedBound })}\n`);
      io.stdout(`${summaryLine(summary, common.lang)}\n`);
    }
    io.stdout(`${t(common.lang, kind === "schedule" ? "version.planned" : "version.replanned", { stop: stop.id, version: number, from: base?.version ?? 0, through: entries.length, dir })}\n`);
    // Who must hear of it, counted as `status` and `send` count: against each participant's last message.
    io.stdout(`${t(common.lang, "status.notTold", { count: (await whoIsTold(paths)).notTold.length })}\n`);
  });
}
