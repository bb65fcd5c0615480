/** Local search on a board: insert unplaced pairs (with ejection chains) or swap them for a meeting worth less, while the objective strictly improves. */
import type { Budget } from "../budget.js";
import type { Board } from "../board.js";
import { balanceWorth, lexBetter } from "../levels.js";
import { pairAt, type Prepared } from "../prepare.js";
import { replaceWeight } from "../pins.js";
import type { ObjectiveLevels } from "../types.js";
import { done, type Watch } from "./watch.js";
import { at, i32 } from "../at.js";

/** A change of the objective, by level. */
type Value = ObjectiveLevels;

const better = lexBetter;

/** What adding a meeting of `pair` would gain now. */
function gain(prep: Prepared, board: Board, pair: number): Value {
  const p = pairAt(prep, pair);
  const must = i32(board.mustOf, pair);
  return {
    replaced: replaceWeight(prep, pair),
    musts: must >= 0 && board.mustMeetings[must] === 0 ? 1 : 0,
    served: i32(board.firmMeetings, p.firm) < prep.minMeetings ? 1 : 0,
    balance: balanceWorth(prep, i32(board.firmMeetings, p.firm) + 1),
    score: p.affinity.score,
  };
}

/** What removing the placed meeting of `pair` would lose now. */
function loss(prep: Prepared, board: Board, pair: number): Value {
  const p = pairAt(prep, pair);
  const must = i32(board.mustOf, pair);
  return {
    replaced: replaceWeight(prep, pair),
    musts: must >= 0 && board.mustMeetings[must] === 1 ? 1 : 0,
    served: i32(board.firmMeetings, p.firm) <= prep.minMeetings ? 1 : 0,
    balance: balanceWorth(prep, i32(board.firmMeetings, p.firm)),
    score: p.affinity.score,
  };
}

/** How hard an insertion tries: ejection-chain depth and work budget. */
export interface Effort {
  readonly depth: number;
  readonly work: number;
}

/** Effort of a full local search; large-neighbourhood rounds use less. */
export const THOROUGH: Effort = { depth: 2, work: 400 };

/** Consecutive failed candidates after which a pass ends. */
const MAX_MISSES = 2000;

/**
 * Local search on a feasible board: insert unplaced eligible pairs (with
 * ejection chains), or swap them for a placed meeting worth less — of the same
 * firm when it is at its cap, or of the same delegation in a slot the firm has
 * free. Every move strictly improves the objective, so it terminates.
 */
export function improve(
  prep: Prepared,
  board: Board,
  budget: Budget,
  pool: readonly number[] = prep.eligible,
  effort: Effort = THOROUGH,
  watch?: Watch,
): void {
  for (let improved = true; improved && !budget.expired() && !done(board, watch); ) {
    improved = false;
    const candidates = pool
      .filter((i) => board.slotOf[i] === -1)
      .map((i) => ({ i, value: gain(prep, board, i) }))
      .sort((a, b) => (better(a.value, b.value) ? -1 : better(b.value, a.value) ? 1 : a.i - b.i));
    let misses = 0;
    for (const { i } of candidates) {
      // Candidates come best first: after a long run of failures the rest rarely help.
      if (budget.expired() || misses > MAX_MISSES) break;
      if (board.slotOf[i] !== -1) continue;
      if (tryCandidate(prep, board, i, effort, watch?.target)) {
        improved = true;
        misses = 0;
        if (done(board, watch)) return;
      } else {
        misses++;
      }
      if ((misses & 255) === 0) watch?.tick?.();
    }
  }
}

/** Inserts a candidate, or swaps it in for a meeting worth less; whether the board changed. */
function tryCandidate(prep: Prepared, board: Board, pair: number, effort: Effort, target: ObjectiveLevels | undefined): boolean {
  const D = prep.delegations.length;
  const { firm } = pairAt(prep, pair);
  if (i32(board.firmMeetings, firm) >= at(prep.firmCapacity, firm)) return swapWithinFirm(prep, board, pair, firm * D, (firm + 1) * D, effort);
  return board.insert(pair, effort.depth, effort.work) || swapOneSide(prep, board, pair, effort, target);
}

/** The firm is at its cap: replace its least valuable meeting if `pair` is worth more. */
function swapWithinFirm(prep: Prepared, board: Board, pair: number, from: number, to: number, effort: Effort): boolean {
  let worst = -1;
  for (let j = from; j < to; j++) {
    if (board.slotOf[j] !== -1 && (worst < 0 || better(loss(prep, board, worst), loss(prep, board, j)))) worst = j;
  }
  if (worst < 0) return false;
  const slot = i32(board.slotOf, worst);
  board.remove(worst);
  if (better(gain(prep, board, pair), gain(prep, board, worst)) && board.insert(pair, effort.depth, effort.work)) return true;
  board.place(worst, slot);
  return false;
}

/**
 * Take the place of a less valuable meeting of the same firm or delegation in
 * one of the pair's slots: remove it, insert the pair (ejection chains may
 * move others), and put the displaced meeting back elsewhere if it fits.
 */
function swapOneSide(prep: Prepared, board: Board, pair: number, effort: Effort, target: ObjectiveLevels | undefined): boolean {
  const { firm, delegation, slots } = pairAt(prep, pair);
  const occupants = new Set<number>();
  for (const t of slots) {
    for (const other of board.firmMeetingsAt(firm, t)) occupants.add(other);
    for (const other of board.delegationMeetings(delegation, t)) occupants.add(other);
  }
  const value = gain(prep, board, pair);
  // A level already at its bound cannot rise: three-way moves for it would only cost time (most of it on big days).
  const now = board.levels();
  const open = (level: "musts" | "served" | "balance"): boolean => target === undefined || now[level] < target[level];
  const raises =
    (value.replaced ?? 0) > 0 || (value.musts > 0 && open("musts")) || (value.served > 0 && open("served")) || (target !== undefined && value.balance > 0 && open("balance"));
  for (const other of occupants) {
    // Another firm's meeting is worth its loss whatever happens to this pair: skip the hopeless cheaply,
    // unless the pair would raise level 1 or 2 and that firm can meet someone else instead.
    if (pairAt(prep, other).firm !== firm && !better(value, loss(prep, board, other))) {
      if (raises && displace(prep, board, pair, other, effort)) return true;
      continue;
    }
    const slot = i32(board.slotOf, other);
    board.remove(other);
    // Both judged after the removal, so a swap within one firm keeps its meeting count.
    const depth = Math.max(0, effort.depth - 1);
    if (better(gain(prep, board, pair), gain(prep, board, other)) && board.insert(pair, depth, effort.work / 3)) {
      board.insert(other, depth, effort.work / 3);
      return true;
    }
    board.place(other, slot);
  }
  return false;
}

/**
 * A three-way move for levels 1–2: `pair` takes the place of `other`, a
 * meeting of another firm that would lose as much, and that firm gets `other`
 * back elsewhere or meets another delegation (best score first). Kept only
 * when the objective improves.
 */
function displace(prep: Prepared, board: Board, pair: number, other: number, effort: Effort): boolean {
  const before = board.levels();
  const depth = Math.max(0, effort.depth - 1);
  const { firm } = pairAt(prep, other);
  board.beginJournal();
  board.remove(other);
  if (board.insert(pair, depth, effort.work / 3) && !board.insert(other, depth, effort.work / 3)) {
    for (const j of at(eligibleByScore(prep), firm)) {
      if (j !== other && board.slotOf[j] === -1 && board.insert(j, depth, effort.work / 3)) break;
    }
  }
  if (lexBetter(board.levels(), before)) {
    board.commit();
    return true;
  }
  board.rollback();
  return false;
}

const byScore = new WeakMap<Prepared, readonly (readonly number[])[]>();

/** Each firm's eligible pairs, best score first (ties by pair): what `displace` offers a firm instead, computed once per stop. */
function eligibleByScore(prep: Prepared): readonly (readonly number[])[] {
  let lists = byScore.get(prep);
  if (lists === undefined) {
    const D = prep.delegations.length;
    lists = prep.firms.map((_, firm) =>
      Array.from({ length: D }, (_, d) => firm * D + d)
        .filter((j) => pairAt(prep, j).block === null)
        .sort((a, b) => pairAt(prep, b).affinity.score - pairAt(prep, a).affinity.score || a - b),
    );
    byScore.set(prep, lists);
  }
  return lists;
}
