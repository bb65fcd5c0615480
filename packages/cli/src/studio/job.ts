/** A solve the studio runs off the main thread: what it is given, what it reports, and how it runs. */
import { planStop, replanStop } from "@roadshow/core";
import type { AffinityWeights, AgendaMeeting, ExactSolver, Progress, Replan, Schedule, StopInstance } from "@roadshow/core";
import { coreOptions, type PlanSettings } from "../run/options.js";
import { throttle } from "../run/report.js";

/** The options of a solve, as they cross a thread: the settings and the weights read (the exact solver is loaded where the job runs). */
export interface JobOptions {
  readonly settings: PlanSettings;
  readonly weights: AffinityWeights | undefined;
}

export interface PlanJob {
  readonly kind: "plan";
  readonly instance: StopInstance;
  readonly options: JobOptions;
}

/** A re-plan around the agenda on the desk, keeping the locked meetings as they are. */
export interface ReplanJob {
  readonly kind: "replan";
  readonly instance: StopInstance;
  readonly previous: readonly AgendaMeeting[];
  readonly locked: readonly AgendaMeeting[];
  readonly allowMoves: boolean;
  readonly options: JobOptions;
}

export type Job = PlanJob | ReplanJob;

export type JobResult = { readonly kind: "plan"; readonly schedule: Schedule } | { readonly kind: "replan"; readonly replan: Replan };

export type JobMessage =
  | { readonly type: "progress"; readonly progress: Progress }
  | { readonly type: "done"; readonly result: JobResult }
  | { readonly type: "error"; readonly message: string };

/** Runs a job, reporting progress at most every 200 ms; `exact` polishes windowed stops as `schedule` does. */
export function runJob(job: Job, report: (progress: Progress) => void, exact: ExactSolver | null): JobResult {
  const base = coreOptions(job.options.settings, { weights: job.options.weights, exact, onProgress: throttle(report, 200) });
  if (job.kind === "plan") return { kind: "plan", schedule: planStop(job.instance, base) };
  // No locks are passed as none: the core's re-plan with `locked: []` can differ from one without (reported).
  const options = { ...base, allowMoves: job.allowMoves, ...(job.locked.length > 0 && { locked: job.locked }) };
  return { kind: "replan", replan: replanStop(job.instance, job.previous, options) };
}
