/**
 * Exact lexicographic optimum of a small stop, for tests: the bench's
 * time-indexed model solved stage by stage by HiGHS, each stage proven
 * optimal, or it throws. Needs explicit scores (`instance.scores`); for the
 * built-in affinity, pass its scores in as a `ScoreEntry[]`.
 */
import type { ObjectiveLevels, StopInstance } from "@roadshow/core";
import { solveWithHighs } from "./peers/highs.js";
import { buildModel, type PeerMeeting } from "./peers/model.js";

export interface ExactOptions {
  readonly minMeetings: number;
  readonly allowRepeats: boolean;
}

export interface ExactResult {
  readonly levels: ObjectiveLevels;
  /** An optimal agenda (without tables), sorted by slot, delegation, firm. */
  readonly meetings: readonly PeerMeeting[];
}

/** Above this many binaries the oracle refuses: it is meant for tiny test instances. */
export const MAX_ORACLE_BINARIES = 5_000;
const TIME_LIMIT_SEC = 60;

export async function exactOptimum(instance: StopInstance, options: ExactOptions): Promise<ExactResult> {
  const size = buildModel(instance, options).x.length;
  if (size > MAX_ORACLE_BINARIES) throw new Error(`exactOptimum: ${size} binaries, the oracle takes at most ${MAX_ORACLE_BINARIES}`);
  const result = await solveWithHighs(instance, { ...options, timeLimitSec: TIME_LIMIT_SEC });
  const unproven = result.stages.find((s) => s.status !== "optimal" && s.status !== "skipped");
  if (result.status !== "optimal" || result.levels === null || unproven) {
    const detail = unproven ? `stage ${unproven.stage} ${unproven.status}` : (result.note ?? result.status);
    throw new Error(`exactOptimum: not proven optimal (${detail})`);
  }
  return { levels: result.levels, meetings: result.meetings };
}
