/** What a search step watches besides the time limit: the levels that prove the search done, and a progress tick. */
import type { Board } from "../board.js";
import { reaches } from "../levels.js";
import type { ObjectiveLevels } from "../types.js";

/**
 * Passed down the search: `target` is the levels at which the agenda is
 * proven good enough (the bound, less the tolerated score gap), so every step
 * stops as soon as the board reaches it; `tick` is called between units of
 * work so the caller can report progress (it never changes the result).
 */
export interface Watch {
  readonly target?: ObjectiveLevels;
  readonly tick?: () => void;
}

/** Whether a board has reached the watch's target (never, without one). */
export function done(board: Board, watch: Watch | undefined): boolean {
  return watch?.target !== undefined && reaches(board.levels(), watch.target);
}
