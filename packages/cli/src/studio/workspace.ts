/**
 * The studio's state on the server: the two folders, the inputs read with the
 * CLI's own reader (cached until a file changes on disk), and the last plan of
 * each stop (saved as `schedule` would write it while nobody edited it).
 */
import { watch, statSync, type FSWatcher } from "node:fs";
import path from "node:path";
import { reviewAgenda } from "@roadshow/core";
import type { Replan, Schedule, ScheduleOptions, StopInstance, Violation } from "@roadshow/core";

/** What `reviewAgenda` answers. */
export type Review = { readonly schedule: Schedule; readonly violations: readonly Violation[] };
import { InputError } from "../errors.js";
import type { Lang } from "../text/i18n.js";
import { saidIssue, type InputIssue } from "../issues.js";
import { said } from "../text/cli-text.js";
import { issueIn } from "../text/issues-text.js";
import type { Loaded } from "../read/load.js";
import { loadRun, type Run } from "../run/load.js";
import { coreOptions, pageFiles, pageSettings } from "../run/options.js";
import type { JobOptions } from "./job.js";
import { DEFAULT_PLAN_OPTIONS, type DataView, type FileInfo, type PlanOptions } from "./api.js";
import { listFiles, type Folders } from "./folders.js";
import { rosters } from "./views.js";

/** The inputs of one stop, ready for the core. */
export interface StopInputs {
  readonly loaded: Loaded;
  readonly instance: StopInstance;
  /** The core's options (no exact solver, no progress): for reviews, checks and explanations. */
  readonly options: ScheduleOptions;
  /** What a solve of the stop takes across the thread. */
  readonly job: JobOptions;
  readonly warnings: readonly InputIssue[];
}

/** Meetings as a set, to tell whether an agenda is still the one planned. */
export function agendaKey(meetings: readonly { slot: number; table: number; firmId: string; delegationId: string }[]): string {
  return meetings.map((m) => `${m.slot}|${m.table}|${m.firmId}|${m.delegationId}`).sort().join("\n");
}

export class Workspace {
  /** Bumped whenever a file of the data folder changes. */
  version = 0;
  private cache: { key: string; run: Run; loaded: Loaded; warnings: readonly InputIssue[]; instances: Map<string, StopInstance> } | null = null;
  private readonly plans = new Map<string, { key: string; options: string; schedule: Schedule }>();
  private reviews: { key: string; value: Review }[] = [];
  private readonly replans = new Map<string, { key: string; options: string; previousKey: string; replan: Replan }>();
  private watcher: FSWatcher | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly folders: Folders,
    readonly lang: Lang,
  ) {}

  /** Reads the inputs as the CLI does (`loadRun`); throws `InputError` with every issue. */
  async inputs(options: PlanOptions): Promise<{ run: Run; loaded: Loaded; warnings: readonly InputIssue[]; instances: Map<string, StopInstance> }> {
    const f = this.folders;
    const files = pageFiles(f.dataShown, options, (ref) => f.resolve(ref));
    const key = JSON.stringify([this.version, files]);
    if (this.cache?.key === key) return this.cache;
    const run = await loadRun({ files });
    const value = { key, run, loaded: run.loaded, warnings: run.warnings, instances: new Map<string, StopInstance>() };
    this.cache = value;
    return value;
  }

  /** The inputs of one stop with the scheduling options of the Plan view. */
  async stop(stopId: string, options: PlanOptions): Promise<StopInputs> {
    const { run, loaded, warnings, instances } = await this.inputs(options);
    const stop = run.stop(stopId);
    // Checked once per stop and inputs: every edit of the grid asks again.
    const instance = instances.get(stop.id) ?? run.instance(stop);
    instances.set(stop.id, instance);
    const settings = pageSettings(options);
    return { loaded, instance, options: coreOptions(settings, { weights: run.weights }), job: { settings, weights: run.weights }, warnings };
  }

  /** Keeps the plan of a stop, to save it as planned while the agenda is unchanged. */
  rememberPlan(stopId: string, options: PlanOptions, schedule: Schedule): void {
    this.plans.set(stopId, { key: agendaKey(schedule.meetings), options: JSON.stringify([this.version, options]), schedule });
  }

  /** The plan of a stop when `meetings` are still exactly its meetings (same options, same inputs). */
  planned(stopId: string, options: PlanOptions, meetings: Parameters<typeof agendaKey>[0]): Schedule | null {
    const plan = this.plans.get(stopId);
    return plan && plan.key === agendaKey(meetings) && plan.options === JSON.stringify([this.version, options]) ? plan.schedule : null;
  }

  /**
   * The core's review of an agenda (`reviewAgenda`: levels, bounds, every rule),
   * kept for the last few agendas: the grid's check and the People view ask about the same one.
   */
  review(stopId: string, options: PlanOptions, inputs: StopInputs, meetings: Parameters<typeof agendaKey>[0]): Review {
    const key = JSON.stringify([this.version, options, stopId, agendaKey(meetings)]);
    const hit = this.reviews.find((r) => r.key === key);
    if (hit) return hit.value;
    const agenda = meetings.map((m) => ({ slot: m.slot, table: m.table, firmId: m.firmId, delegationId: m.delegationId }));
    const value = reviewAgenda(inputs.instance, agenda, inputs.options);
    this.reviews = [{ key, value }, ...this.reviews].slice(0, 3);
    return value;
  }

  /** Keeps the re-plan of a stop with the agenda it started from, to save it as `replan` writes it. */
  rememberReplan(stopId: string, options: PlanOptions, previous: Parameters<typeof agendaKey>[0], replan: Replan): void {
    this.replans.set(stopId, { key: agendaKey(replan.schedule.meetings), options: JSON.stringify([this.version, options]), previousKey: agendaKey(previous), replan });
  }

  /** The re-plan of a stop when `meetings` are still exactly its meetings, with the key of the agenda it started from. */
  replanned(stopId: string, options: PlanOptions, meetings: Parameters<typeof agendaKey>[0]): { replan: Replan; previousKey: string } | null {
    const r = this.replans.get(stopId);
    return r && r.key === agendaKey(meetings) && r.options === JSON.stringify([this.version, options]) ? r : null;
  }

  /** The Data view: files, every issue (errors and warnings) and who takes part in each stop. */
  async dataView(lang: Lang): Promise<DataView> {
    let issues: readonly InputIssue[];
    let stops: DataView["stops"] = [];
    let ok = true;
    try {
      const { loaded, warnings } = await this.inputs(DEFAULT_PLAN_OPTIONS);
      issues = warnings;
      stops = rosters(loaded.data, lang);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      ok = false;
      const place = { severity: "error", code: "unreadable-file", file: this.folders.dataShown, line: null, column: null, value: null } as const;
      issues = error.issues.length > 0 ? error.issues : [saidIssue(place, error.said ?? said("studio.data.error", { error: error.message }), said("studio.data.error.fix", {}))];
    }
    const count = (name: string, severity: string) => issues.filter((i) => path.basename(i.file) === name && i.severity === severity).length;
    const files: FileInfo[] = listFiles(this.folders.data, 1).map((name) => {
      const stat = statSync(path.join(this.folders.data, name));
      return { name, bytes: stat.size, modified: stat.mtime.toISOString(), errors: count(name, "error"), warnings: count(name, "warning") };
    });
    // The issues in the page's language, as the CLI prints them.
    return { version: this.version, dataDir: this.folders.dataShown, files, issues: issues.map((i) => issueIn(lang, i)), ok, stops, choices: this.folders.choices() };
  }

  /** Calls `listener` (debounced) whenever a file of the data folder changes; returns how to stop. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    if (this.watcher === null) {
      let timer: NodeJS.Timeout | null = null;
      this.watcher = watch(this.folders.data, () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          this.version += 1;
          this.cache = null;
          for (const l of this.listeners) l();
        }, 150);
      });
    }
    return () => this.listeners.delete(listener);
  }

  /** Forgets cached inputs (after a save: agendas used as history may have changed). */
  touched(): void {
    this.cache = null;
  }

  close(): void {
    this.watcher?.close();
    this.watcher = null;
  }
}
