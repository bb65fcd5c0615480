/**
 * Child-process entry of a peer solve: receives `{ solver, instance, options }`
 * over IPC, streams the agenda after each stage, then its peak RSS.
 */
import type { StopInstance } from "@roadshow/core";
import type { HierarchyOptions, PeerResult } from "./hierarchy.js";
import { solveWithHighs } from "./highs.js";
import { solveWithJsLpInProcess } from "./jslp.js";

export interface ChildRequest {
  readonly solver: PeerResult["solver"];
  readonly instance: StopInstance;
  readonly options: Omit<HierarchyOptions, "onStage" | "log">;
}

export type ChildMessage =
  | { readonly type: "hello"; readonly pid: number }
  | { readonly type: "log"; readonly message: string }
  | { readonly type: "stage"; readonly result: PeerResult }
  | { readonly type: "done"; readonly result: PeerResult; readonly maxRssKb: number };

const send = (message: ChildMessage): Promise<void> =>
  new Promise((resolve, reject) => process.send!(message, undefined, {}, (error) => (error ? reject(error) : resolve())));

process.once("message", (request: ChildRequest) => {
  void (async () => {
    const options: HierarchyOptions = {
      ...request.options,
      onStage: (result) => send({ type: "stage", result }),
      log: (message) => void send({ type: "log", message }),
    };
    const result = request.solver === "highs" ? await solveWithHighs(request.instance, options) : await solveWithJsLpInProcess(request.instance, options);
    await send({ type: "done", result, maxRssKb: process.resourceUsage().maxRSS });
    process.disconnect();
  })();
});
void send({ type: "hello", pid: process.pid });
