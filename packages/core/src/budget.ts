/** A run's budget, merged from the options once and passed down whole: its clock, deadline, gap tolerance and work limits. */
import type { Prepared } from "./prepare.js";
import type { ExactSolver, Progress, ProgressEvent, ScheduleOptions } from "./types.js";

/** Default `gapTolerance`: improvement stops within 0.01 % of the bound... */
export const DEFAULT_GAP_TOLERANCE = 1e-4;
/** ...or within 0.1 % on days with more than `LARGE_DAY` (pair, common slot) candidates. */
export const LARGE_DAY_GAP_TOLERANCE = 1e-3;
export const LARGE_DAY = 250_000;

/** Default budget for improving an agenda under windows. */
export const DEFAULT_TIME_LIMIT_MS = 60_000;

/**
 * Limits counted in work, not time, so that only the deadline can make a
 * result depend on the clock: large-neighbourhood rounds at most, rounds
 * without progress, and eligible pairs × rounds (600 rounds up to 500 pairs,
 * 60 for 5,000).
 */
export interface Work {
  readonly lnsRounds: number;
  readonly lnsPatience: number;
  readonly lnsPairRounds: number;
}

export const DEFAULT_WORK: Work = { lnsRounds: 600, lnsPatience: 200, lnsPairRounds: 300_000 };

/**
 * One run's budget. Built once from the options at the start of a run (its
 * clock starts then) and handed to every stage that may stop early.
 */
export class Budget {
  /** The clock (the injected `now`, default `performance.now`). */
  readonly now: () => number;
  /** When the run started, on `now`'s scale. */
  readonly started: number;
  /** When the search must stop: `started` plus the time limit. */
  readonly deadline: number;
  readonly work: Work;
  /** The injected exact solver for the polish of windowed stops (`exact/`), if any. */
  readonly exact: ExactSolver | undefined;
  private readonly gapTolerance: number | undefined;
  private readonly onProgress: ScheduleOptions["onProgress"];

  constructor(options: Pick<ScheduleOptions, "now" | "timeLimitMs" | "gapTolerance" | "onProgress" | "exact"> = {}, work: Work = DEFAULT_WORK) {
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.deadline = this.started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
    this.gapTolerance = options.gapTolerance;
    this.onProgress = options.onProgress;
    this.work = work;
    this.exact = options.exact;
  }

  /** The time limit is reached. */
  expired(): boolean {
    return this.now() >= this.deadline;
  }

  /** Milliseconds since the run started. */
  elapsedMs(): number {
    return this.now() - this.started;
  }

  /** The gap to the bound the search may stop at on this day: `gapTolerance` if set, else by the size of the day (deterministic). */
  tolerance(prep: Prepared): number {
    if (this.gapTolerance !== undefined) return this.gapTolerance;
    return prep.candidates > LARGE_DAY ? LARGE_DAY_GAP_TOLERANCE : DEFAULT_GAP_TOLERANCE;
  }

  /**
   * Reports progress to the caller's `onProgress`, stamped with the time elapsed: the event as data;
   * `warning` marks a fallback the caller should tell at once.
   */
  report(phase: Progress["phase"], event: ProgressEvent, warning = false): void {
    if (this.onProgress === undefined) return;
    this.onProgress({ ...event, phase, elapsedMs: this.elapsedMs(), ...(warning && { warning: true as const }) });
  }
}
