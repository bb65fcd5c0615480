/** A run's budget: its clock, its deadline (the time limit) and the gap to the bound at which the search may stop. */
import type { Prepared } from "./prepare.js";
import type { Progress, ScheduleOptions } from "./types.js";

/** Default `gapTolerance`: improvement stops within 0.01 % of the bound... */
export const DEFAULT_GAP_TOLERANCE = 1e-4;
/** ...or within 0.1 % on days with more than `LARGE_DAY` (pair, common slot) candidates. */
export const LARGE_DAY_GAP_TOLERANCE = 1e-3;
export const LARGE_DAY = 250_000;

/** The gap the search may stop at: `gapTolerance` if set, else by the size of the day (deterministic). */
export function tolerance(prep: Prepared, options: ScheduleOptions): number {
  if (options.gapTolerance !== undefined) return options.gapTolerance;
  return prep.candidates > LARGE_DAY ? LARGE_DAY_GAP_TOLERANCE : DEFAULT_GAP_TOLERANCE;
}

/** Default budget for improving an agenda under windows. */
export const DEFAULT_TIME_LIMIT_MS = 60_000;

/** A run's clock: the injected `now`, when the run started, its deadline and a progress reporter stamping the time elapsed. */
export function startClock(options: ScheduleOptions): {
  readonly now: () => number;
  readonly started: number;
  readonly deadline: number;
  readonly report: (phase: Progress["phase"], message: string) => void;
} {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const deadline = started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const report = (phase: Progress["phase"], message: string): void => options.onProgress?.({ phase, message, elapsedMs: now() - started });
  return { now, started, deadline, report };
}

