/** Exchanges towards the flow's selection: the alternating paths and cycles by which the agenda differs from it, tried one piece at a time. */
import type { Budget } from "../budget.js";
import type { Board } from "../board.js";
import type { Effort } from "./improve.js";
import { lexBetter } from "../levels.js";
import { pairAt, type Prepared } from "../prepare.js";
import type { Selector } from "../select.js";
import { done, type Watch } from "./watch.js";
import { at } from "../at.js";

/** Insertion effort for a piece's new meetings: pieces are few and each is worth trying hard (deeper chains found better agendas on windowed L instances). */
const DEEP: Effort = { depth: 4, work: 4000 };

/**
 * Moves the agenda towards the best selection one exchange at a time. The
 * selection's pairs and the agenda's differ by alternating firm–delegation
 * paths and cycles; each is a change the agenda can make on its own (it keeps
 * every firm and delegation within its totals), and, the selection being
 * optimal, none is worth less than nothing. A piece is tried on the board
 * (its old meetings removed, its new ones inserted with ejection chains) and
 * kept when the objective improves. Pairs that find no slot are excluded from
 * the selection, which is then re-solved warm, until no piece is left to try.
 * Such exchanges reach firm → delegation → firm chains of any length, which
 * single swaps do not.
 * @returns whether the agenda improved.
 */
export function exchange(prep: Prepared, board: Board, selector: Selector, budget: Budget, watch?: Watch): boolean {
  let improved = false;
  // Each pass starts from the best selection again: pairs a pass excluded may fit once other pieces moved meetings.
  for (let pass = 0, progress = true; progress && pass < MAX_PASSES; pass++) {
    selector.include(selector.excludedPairs());
    progress = exchangePass(prep, board, selector, budget, watch);
    improved ||= progress;
  }
  return improved;
}

/** Passes of `exchange` per call at most (a work budget; the search calls again while anything improves). */
const MAX_PASSES = 8;

/** One pass: every piece tried, the pairs that found no slot excluded and the selection re-solved, until no piece is left. */
function exchangePass(prep: Prepared, board: Board, selector: Selector, budget: Budget, watch?: Watch): boolean {
  let improved = false;
  while (!budget.expired() && !done(board, watch)) {
    const failed: number[] = [];
    for (const piece of differences(prep, board, selector.selection.pairs)) {
      if (budget.expired() || done(board, watch)) break;
      watch?.tick?.();
      const before = board.levels();
      board.beginJournal();
      for (const pair of piece.out) board.remove(pair);
      const stuck = piece.in.find((pair) => !board.insert(pair, DEEP.depth, DEEP.work));
      if (stuck === undefined && lexBetter(board.levels(), before)) {
        board.commit();
        improved = true;
      } else {
        board.rollback();
        if (stuck !== undefined) failed.push(stuck);
      }
    }
    if (failed.length === 0) return improved;
    selector.exclude(failed);
  }
  return improved;
}

/**
 * The difference between the board and `pairs`, split into alternating paths
 * and cycles (a flow decomposition): at each firm and each delegation an
 * entering pair is linked to a leaving one, so every piece keeps each
 * participant's count except at its two ends, where the whole difference
 * changes it the same way (caps hold piece by piece). Most valuable first.
 */
function differences(prep: Prepared, board: Board, pairs: readonly number[]): { in: number[]; out: number[] }[] {
  const F = prep.firms.length;
  const chosen = new Set(pairs);
  const changed = [...pairs.filter((i) => board.slotOf[i] === -1), ...board.placed().filter((i) => !chosen.has(i))];
  const parent = changed.map((_, k) => k);
  const root = (k: number): number => {
    while (parent[k] !== k) k = parent[k] = at(parent, at(parent, k));
    return k;
  };
  // Per participant (firms 0..F-1, delegations F..), its entering and leaving pairs, linked two by two.
  const entering: number[][] = [];
  const leaving: number[][] = [];
  changed.forEach((i, k) => {
    const { firm, delegation } = pairAt(prep, i);
    const side = chosen.has(i) ? entering : leaving;
    for (const v of [firm, F + delegation]) (side[v] ??= []).push(k);
  });
  entering.forEach((ks, v) => {
    const ls = leaving[v] ?? [];
    for (let j = 0; j < Math.min(ks.length, ls.length); j++) parent[root(at(ks, j))] = root(at(ls, j));
  });
  const pieces = new Map<number, { in: number[]; out: number[]; gain: number }>();
  changed.forEach((i, k) => {
    const key = root(k);
    const piece = pieces.get(key) ?? { in: [], out: [], gain: 0 };
    pieces.set(key, piece);
    const enters = chosen.has(i);
    (enters ? piece.in : piece.out).push(i);
    piece.gain += (enters ? 1 : -1) * pairAt(prep, i).affinity.score;
  });
  // Pieces that change no level (ties) are rejected by the caller's test.
  return [...pieces.values()].filter((p) => p.in.length > 0).sort((a, b) => b.gain - a.gain || at(a.in, 0) - at(b.in, 0));
}
