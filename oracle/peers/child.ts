/**
 * Child-process entry of a peer solve: receives `{ solver, instance, options, runs }`
 * over IPC, streams the agenda after each stage, then the fastest run and its
 * peak RSS. Repeating a solve matters for HiGHS: V8 compiles and tiers up its
 * WebAssembly lazily, so a cold first run can take twice as long.
 */
import type { StopInstance } from "@roadshow/core";
import type { HierarchyOptions, PeerResult } from "./hierarchy.js";
import { solveWithHighs } from "./highs.js";
import { solveWithJsLpInProcess } from "./jslp.js";

export interface ChildRequest {
  readonly solver: PeerResult["solver"];
  readonly instance: StopInstance;
  readonly options: Omit<HierarchyOptions, "onStage" | "log">;
  /** Solve this many times (stopping early when a run is not optimal) and keep the fastest. */
  readonly runs: number;
}

export type ChildMessage =
  | { readonly type: "hello"; readonly pid: number }
  | { readonly type: "log"; readonly message: string }
  | { readonly type: "stage"; readonly result: PeerResult }
  | { readonly type: "done"; readonly result: PeerResult; readonly coldSeconds: number; readonly runs: number; readonly maxRssKb: number };

const send = (message: ChildMessage): Promise<void> =>
  new Promise((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));

process.once("message", (request: ChildRequest) => {
  void (async () => {
    const options: HierarchyOptions = {
      ...request.options,
      onStage: (result) => send({ type: "stage", result }),
      log: (message) => void send({ type: "log", message }),
    };
    const solve = (): Promise<PeerResult> =>
      request.solver === "highs" ? solveWithHighs(request.instance, options) : solveWithJsLpInProcess(request.instance, options);
    const results = [await solve()];
    while (results.length < request.runs && results[results.length - 1]!.status === "optimal") results.push(await solve());
    const fastest = results.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const done: ChildMessage = { type: "done", result: fastest, coldSeconds: results[0]!.seconds, runs: results.length, maxRssKb: process.resourceUsage().maxRSS };
    await send(done);
    process.disconnect();
  })();
});
void send({ type: "hello", pid: process.pid });
