/**
 * Flags → options, in one place. A run is described by two plain records:
 * `RunFiles` (where the inputs are) and `PlanSettings` (how to plan); the
 * commands fill them from commander's flags (`runFiles`, `planSettings`), the
 * studio from its page's options (`studioRun`), the library from its own
 * arguments, and `coreOptions` alone turns them into the core's
 * `ScheduleOptions`. A new planning option is a field of `PlanSettings`, read in
 * `planSettings` and `studioRun` and passed on in `coreOptions`.
 *
 * @example
 * const files = runFiles(dataDir, flags);          // --scores, --requests, --changes, --outcomes, --history, --weights
 * const settings = planSettings(flags);            // --min-meetings, --allow-repeats, --no-balance, --no-exact, --time-limit
 * const options = coreOptions(settings, { weights, exact, onProgress });
 */
import type { AffinityWeights, ExactSolver, Progress, ScheduleOptions } from "@roadshow/core";
import type { Sources } from "../read/load.js";

/** Where a run's inputs are (the readers' `Sources`): the data folder, the files that replace its defaults, history agendas and a weights file. */
export type RunFiles = Sources;

/** How a stop is planned: the options `schedule`, `replan`, `season` and `explain` share (and the studio's Plan view). */
export interface PlanSettings {
  /** `--min-meetings K`. */
  readonly minMeetings: number;
  /** `--allow-repeats`. */
  readonly allowRepeats: boolean;
  /** Balance meetings across firms (`--no-balance` sets it false). */
  readonly balance: boolean;
  /** Polish windowed stops with the exact solver, HiGHS (`--no-exact` sets it false). */
  readonly exact: boolean;
  /** `--time-limit` in seconds; undefined keeps the core's default. */
  readonly timeLimitSeconds: number | undefined;
}

/** The input flags as commander parses them (every command takes some of them). */
export interface FileFlags {
  readonly scores?: string | undefined;
  readonly requests?: string | undefined;
  readonly changes?: string | undefined;
  readonly outcomes?: string | undefined;
  readonly history?: readonly string[] | undefined;
  readonly weights?: string | undefined;
}

/** The planning flags as commander parses them (`planningOptions`). */
export interface SettingFlags {
  readonly allowRepeats: boolean;
  readonly minMeetings: number;
  /** `--no-balance` sets it false. */
  readonly balance: boolean;
  /** `--no-exact` sets it false. */
  readonly exact: boolean;
  /** Seconds. */
  readonly timeLimit?: number | undefined;
}

/** The inputs a command's flags name. */
export function runFiles(dataDir: string, o: FileFlags): RunFiles {
  return { dataDir, scores: o.scores, requests: o.requests, changes: o.changes, outcomes: o.outcomes, history: o.history, weights: o.weights };
}

/** The planning settings a command's flags give. */
export function planSettings(o: SettingFlags): PlanSettings {
  return { minMeetings: o.minMeetings, allowRepeats: o.allowRepeats, balance: o.balance, exact: o.exact, timeLimitSeconds: o.timeLimit };
}

/** What a run adds to its settings: the weights read, the exact solver loaded (or null) and where progress goes. */
export interface RunExtras {
  readonly weights?: AffinityWeights | undefined;
  readonly exact?: ExactSolver | null | undefined;
  readonly onProgress?: ((progress: Progress) => void) | undefined;
}

/** The core's options for `settings`: the one place where a setting becomes a `ScheduleOptions` field. */
export function coreOptions(settings: PlanSettings, extras: RunExtras = {}): ScheduleOptions {
  return {
    minMeetings: settings.minMeetings,
    allowRepeats: settings.allowRepeats,
    balance: settings.balance,
    ...(settings.exact && extras.exact && { exact: extras.exact }),
    ...(extras.weights && { weights: extras.weights }),
    ...(settings.timeLimitSeconds !== undefined && { timeLimitMs: settings.timeLimitSeconds * 1000 }),
    ...(extras.onProgress && { onProgress: extras.onProgress }),
  };
}

/** The inputs as the studio's page names them: `null` for "the data folder's own file, if present". */
export interface PageFiles {
  readonly history: readonly string[];
  readonly scores: string | null;
  readonly requests: string | null;
  readonly weights: string | null;
  readonly changes: string | null;
  readonly outcomes: string | null;
}

/** The settings as the studio's page sends them (JSON: `null` for "not given"). */
export interface PageSettings {
  readonly minMeetings: number;
  readonly allowRepeats: boolean;
  readonly balance: boolean;
  readonly exact: boolean;
  readonly timeLimitSeconds: number | null;
}

/** The inputs the page names, its file references made paths by `resolve`. */
export function pageFiles(dataDir: string, o: PageFiles, resolve: (ref: string) => string): RunFiles {
  const file = (ref: string | null): string | undefined => (ref === null ? undefined : resolve(ref));
  return { dataDir, scores: file(o.scores), requests: file(o.requests), changes: file(o.changes), outcomes: file(o.outcomes), history: o.history.map(resolve), weights: file(o.weights) };
}

/** The planning settings the page sends. */
export function pageSettings(o: PageSettings): PlanSettings {
  return { minMeetings: o.minMeetings, allowRepeats: o.allowRepeats, balance: o.balance, exact: o.exact, timeLimitSeconds: o.timeLimitSeconds ?? undefined };
}
