/** `allowMoves`: still-valid meetings keep their pair but may change slot where that gains a level above the score, with as few moves as found. */
import type { Budget } from "../budget.js";
import { Board } from "../board.js";
import { lexBetter } from "../levels.js";
import { pairAt, type Prepared } from "../prepare.js";
import { solvePinned, type PinnedSolve } from "./pinned.js";
import type { PlacedMeeting, PreviousReading } from "./previous.js";
import type { ObjectiveLevels } from "../types.js";
import { i32 } from "../at.js";

/** A re-plan: its board (on the pinned stop), levels with `replaced` counting re-placed pairs only, bounds, seats and moves. */
export interface Solved extends PinnedSolve {
  readonly levels: ObjectiveLevels;
  /** Meetings at their own tables (locks, and kept meetings where they were); the board's other meetings take free tables. */
  readonly fixed: readonly PlacedMeeting[];
  readonly moves: number;
}

/** Levels 1–3 of the re-plan only (re-placed, musts, served): moves are for those, never for balance or score. */
const upper = (l: ObjectiveLevels): ObjectiveLevels => ({ ...l, balance: 0, score: 0 });

/**
 * Solves again with only the locks pinned: kept pairs must all meet (each
 * weighs more than every pair to re-place together, on the top level) but
 * anywhere, starting from the pinned re-plan `base`. Returns `null` unless
 * that gains on re-placed pairs, musts or firms served; then moved meetings
 * are put back where they were wherever that loses none of those levels.
 */
export function moveKept(
  prep: Prepared,
  reading: PreviousReading,
  replace: Int32Array,
  base: { readonly board: Board; readonly levels: ObjectiveLevels },
  budget: Budget,
): Solved | null {
  const weight = reading.lostPairs.length + 1;
  const weights = replace.slice();
  for (const k of reading.kept) weights[k.pair] = weight;
  const offset = weight * reading.kept.length;
  const start = (rp: Prepared): Board => {
    const board = new Board(rp);
    for (const k of reading.kept) board.place(k.pair, k.slot);
    for (const pair of base.board.placed()) board.place(pair, i32(base.board.slotOf, pair));
    return board;
  };
  budget.report("improve", { step: "moving", kept: reading.kept.length });
  const solved = solvePinned(prep, reading.locked, weights, budget, start);
  const { board } = solved;
  const shifted = (l: ObjectiveLevels): ObjectiveLevels => ({ ...l, replaced: (l.replaced ?? 0) - offset });
  if (reading.kept.some((k) => board.slotOf[k.pair] === -1) || !lexBetter(upper(shifted(board.levels())), upper(base.levels))) return null;
  const moves = returnHome(solved.prep, board, reading.kept, budget);
  const home = reading.kept.filter((k) => board.slotOf[k.pair] === k.slot);
  return {
    ...solved,
    levels: shifted(board.levels()),
    bounds: shifted(solved.bounds),
    fixed: [...reading.locked, ...home],
    moves,
  };
}

/**
 * Puts moved kept meetings back in their old slot, one at a time, making room
 * by moving the meetings in the way elsewhere; kept when the re-placed, musts
 * and served levels hold and fewer kept meetings are away. Returns the moves left.
 */
function returnHome(prep: Prepared, board: Board, kept: readonly PlacedMeeting[], budget: Budget): number {
  const away = (): number => kept.filter((k) => board.slotOf[k.pair] !== k.slot).length;
  const atHome = new Set<number>();
  const refresh = (): void => {
    atHome.clear();
    for (const k of kept) if (board.slotOf[k.pair] === k.slot) atHome.add(k.pair);
  };
  for (const k of kept) {
    if (budget.expired()) break;
    if (board.slotOf[k.pair] === k.slot) continue;
    refresh();
    const before = board.levels();
    const movesBefore = away();
    board.beginJournal();
    board.remove(k.pair);
    const { firm, delegation } = pairAt(prep, k.pair);
    const evicted: number[] = [];
    const evict = (list: readonly number[]): void => {
      const victim = list.find((p) => !atHome.has(p));
      if (victim !== undefined) {
        board.remove(victim);
        evicted.push(victim);
      }
    };
    if (board.firmFull(firm, k.slot)) evict(board.firmMeetingsAt(firm, k.slot));
    if (board.delegationFull(delegation, k.slot)) evict(board.delegationMeetings(delegation, k.slot));
    if (!board.firmFull(firm, k.slot) && !board.delegationFull(delegation, k.slot)) {
      board.place(k.pair, k.slot);
      for (const victim of evicted) board.insert(victim, 2, 400);
    }
    const ok = board.slotOf[k.pair] === k.slot && !lexBetter(upper(before), upper(board.levels())) && away() < movesBefore;
    if (ok) board.commit();
    else board.rollback();
  }
  return away();
}
