/** The studio's solver thread: runs one job posted by the server and posts its progress and result. */
import { parentPort, workerData } from "node:worker_threads";
import { loadExactSolver } from "../solve/highs.js";
import { runJob, type Job, type JobMessage } from "./job.js";

const post = (message: JobMessage): void => parentPort!.postMessage(message);
try {
  const result = runJob(workerData as Job, (progress) => post({ type: "progress", progress }), await loadExactSolver());
  post({ type: "done", result });
} catch (error) {
  post({ type: "error", message: error instanceof Error ? error.message : String(error) });
}
