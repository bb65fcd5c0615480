/** Large-neighbourhood search: free the meetings of a firm and a delegation or two, refill them, keep the result when it is not worse. */
import type { Budget } from "../budget.js";
import type { Board } from "../board.js";
import { improve, type Effort } from "./improve.js";
import { atLeast } from "../levels.js";
import { pairAt, type Prepared } from "../prepare.js";
import { replaceWeight } from "../pins.js";
import type { ObjectiveLevels } from "../types.js";
import { random } from "../random.js";
import type { Watch } from "./watch.js";
import { at, i32 } from "../at.js";

/** Insertion effort inside a neighbourhood: many cheap rounds beat few thorough ones. */
const QUICK: Effort = { depth: 1, work: 60 };

/**
 * Large-neighbourhood search: free every meeting of one or two participants
 * (a firm that could gain, a delegation it wants), refill greedily and with
 * local search, keep the result when it is not worse. Stops at the target
 * (the bound), after the budget's rounds without progress or in all (its
 * work limits: the result never depends on the clock), or at the deadline.
 */
export function largeNeighbourhoodSearch(
  prep: Prepared,
  board: Board,
  target: ObjectiveLevels,
  budget: Budget,
  watch?: Watch,
): void {
  const { lnsPatience: patience, lnsRounds, lnsPairRounds } = budget.work;
  // Rounds cost about as much as the eligible pairs: the budget shrinks on big days, where it rarely pays.
  const rounds = Math.min(lnsRounds, Math.ceil(lnsPairRounds / Math.max(1, prep.eligible.length)));
  const next = random(0x5eed);
  const F = prep.firms.length;
  const D = prep.delegations.length;
  const eligible = (i: number): boolean => pairAt(prep, i).block === null;
  const ofFirm = (f: number): number[] => Array.from({ length: D }, (_, d) => f * D + d).filter(eligible);
  const ofDelegation = (d: number): number[] => Array.from({ length: F }, (_, f) => f * D + d).filter(eligible);
  let best = board.levels();
  for (let stale = 0, round = 0; stale < patience && round < rounds && !atLeast(best, target) && !budget.expired(); stale++, round++) {
    watch?.tick?.();
    // A firm with an unplaced eligible pair is where the objective can grow.
    const seedPair = unplacedEligible(prep, board, next);
    if (seedPair < 0) return;
    const seed = pairAt(prep, seedPair);
    const delegations = new Set([seed.delegation]);
    if (next() < 0.5) delegations.add(Math.floor(next() * D));
    const area = new Set([...ofFirm(seed.firm), ...[...delegations].flatMap(ofDelegation)]);
    board.beginJournal();
    const freed = [...area].filter((i) => i32(board.slotOf, i) >= 0);
    for (const i of freed) board.remove(i);
    // Firms that lost a meeting may take another one anywhere.
    for (const firm of new Set(freed.map((i) => pairAt(prep, i).firm))) for (const j of ofFirm(firm)) area.add(j);
    const pool = [...area];
    // Best first with some noise (so rounds differ), then local search on the freed area.
    const noisy = pool.map((i) => ({ i, worth: pairAt(prep, i).affinity.score * (0.85 + 0.3 * next()) + (pairAt(prep, i).must ? 1e9 : 0) + (replaceWeight(prep, i) ? 1e12 : 0) }));
    for (const { i } of noisy.sort((a, b) => b.worth - a.worth || a.i - b.i)) {
      const { firm } = pairAt(prep, i);
      if (board.slotOf[i] === -1 && i32(board.firmMeetings, firm) < at(prep.firmCapacity, firm)) board.insert(i, 1, 100);
    }
    improve(prep, board, budget, pool, QUICK);
    const levels = board.levels();
    if (atLeast(levels, best)) {
      if (!atLeast(best, levels)) stale = -1;
      best = levels;
      board.commit();
    } else {
      board.rollback();
    }
  }
}

/** A random eligible pair not on the board (by sampling, then by scanning), or -1. */
function unplacedEligible(prep: Prepared, board: Board, next: () => number): number {
  for (let tries = 0; tries < 64; tries++) {
    const i = at(prep.eligible, Math.floor(next() * prep.eligible.length));
    if (board.slotOf[i] === -1) return i;
  }
  const rest = prep.eligible.filter((i) => board.slotOf[i] === -1);
  return rest.length === 0 ? -1 : at(rest, Math.floor(next() * rest.length));
}
