/** Runs solver jobs in a worker thread, so the server answers and streams progress while a stop is planned. */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Progress } from "@roadshow/core";
import { loadExactSolver } from "../solve/highs.js";
import { runJob, type Job, type JobMessage, type JobResult } from "./job.js";

/** A running job: its result, and a way to stop it when the page goes away. */
export interface Running {
  readonly result: Promise<JobResult>;
  cancel(): void;
}

const WORKER = new URL("./worker.js", import.meta.url);

/**
 * Starts a job in a worker thread (from the built CLI), or on this thread when
 * the worker is not built (tests that run the TypeScript sources).
 */
export function startJob(job: Job, onProgress: (progress: Progress) => void): Running {
  if (!existsSync(fileURLToPath(WORKER))) {
    return { result: loadExactSolver().then((exact) => runJob(job, onProgress, exact)), cancel: () => {} };
  }
  const worker = new Worker(WORKER, { workerData: job });
  let settled = false;
  const result = new Promise<JobResult>((resolve, reject) => {
    worker.on("message", (message: JobMessage) => {
      if (message.type === "progress") onProgress(message.progress);
      else if (message.type === "done") {
        settled = true;
        resolve(message.result);
      } else {
        settled = true;
        reject(new Error(message.message));
      }
    });
    worker.on("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.on("exit", (code) => {
      if (!settled) reject(new Error(code === 1 ? "cancelled" : `the solver stopped (exit code ${code})`));
    });
  });
  return {
    result,
    cancel: () => {
      if (!settled) void worker.terminate();
    },
  };
}
