/** A solve the studio runs off the main thread: what it is given, what it reports, and how it runs. */
import { planStop } from "@roadshow/core";
import type { Progress, Schedule, ScheduleOptions, StopInstance } from "@roadshow/core";

/** The options of a solve that can cross a thread (no callbacks). */
export type JobOptions = Omit<ScheduleOptions, "onProgress" | "now" | "bonus">;

export interface PlanJob {
  readonly kind: "plan";
  readonly instance: StopInstance;
  readonly options: JobOptions;
}

export type Job = PlanJob;

export type JobResult = { readonly kind: "plan"; readonly schedule: Schedule };

export type JobMessage =
  | { readonly type: "progress"; readonly progress: Progress }
  | { readonly type: "done"; readonly result: JobResult }
  | { readonly type: "error"; readonly message: string };

/** Runs a job, reporting progress at most every 200 ms. */
export function runJob(job: Job, report: (progress: Progress) => void): JobResult {
  let last = -Infinity;
  const onProgress = (p: Progress): void => {
    if (p.elapsedMs - last >= 200) {
      last = p.elapsedMs;
      report(p);
    }
  };
  return { kind: "plan", schedule: planStop(job.instance, { ...job.options, onProgress }) };
}
