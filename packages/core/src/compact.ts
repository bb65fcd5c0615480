/** Compact days: the same meetings moved between slots so that firms, then delegations, wait as little as possible between meetings. */
import type { Board } from "./search/board.js";
import type { Prepared } from "./prepare.js";
import type { Gaps } from "./types.js";

/** Gaps and idle slots of one participant, from the meetings it has in each slot (`firm` or delegation row of the board). */
function gapsOfRow(board: Board, firm: boolean, who: number, n: number): { gaps: number; idle: number } {
  // Direct calls, not a callback: this runs for every move tried, and a callback per slot cost most of compaction's time.
  let first = -1;
  let last = -1;
  let gaps = 0;
  let idle = 0;
  let previousBusy = false;
  let pendingIdle = 0;
  let pendingGap = 0;
  for (let t = 0; t < n; t++) {
    const busy = (firm ? board.firmMeetingsAt(who, t) : board.delegationMeetings(who, t)).length > 0;
    if (busy) {
      if (first < 0) first = t;
      else {
        // The idle run since the last meeting lies between two meetings: it counts.
        idle += pendingIdle;
        gaps += pendingGap;
      }
      last = t;
      pendingIdle = 0;
      pendingGap = 0;
    } else if (first >= 0) {
      pendingIdle++;
      if (previousBusy) pendingGap++;
    }
    previousBusy = busy;
  }
  return last >= 0 ? { gaps, idle } : { gaps: 0, idle: 0 };
}

/** The gaps of a board's agenda. */
export function boardGaps(prep: Prepared, board: Board): Gaps {
  const n = prep.slots.length;
  let firms = 0;
  let firmIdleSlots = 0;
  let delegations = 0;
  let delegationIdleSlots = 0;
  for (let f = 0; f < prep.firms.length; f++) {
    const g = gapsOfRow(board, true, f, n);
    firms += g.gaps;
    firmIdleSlots += g.idle;
  }
  for (let d = 0; d < prep.delegations.length; d++) {
    const g = gapsOfRow(board, false, d, n);
    delegations += g.gaps;
    delegationIdleSlots += g.idle;
  }
  return { firms, firmIdleSlots, delegations, delegationIdleSlots };
}

/** Sweeps at most (each is a pass over every meeting): a work budget, so the result never depends on the clock. */
export const COMPACT_SWEEPS = 30;

/**
 * Moves meetings between slots, keeping every meeting (so every objective
 * level) and every hard rule, while the day gets more compact: fewer firm
 * gaps, then fewer delegation gaps, then fewer idle slots of firms, then of
 * delegations. Moves, each kept only when it strictly improves that order:
 * a meeting to a slot where both sides are free; two meetings of one
 * delegation exchanging slots (their firms' days change); two meetings of
 * one firm exchanging slots (their delegations' days change). Deterministic:
 * participants and slots in index order, first improvement.
 * @returns the number of moves made.
 */
export function compact(prep: Prepared, board: Board, sweeps = COMPACT_SWEEPS, tick?: () => void): number {
  const n = prep.slots.length;
  const D = prep.delegations.length;
  const firmCost = (f: number): number => {
    const g = gapsOfRow(board, true, f, n);
    return g.gaps * FIRM_GAP + g.idle * FIRM_IDLE;
  };
  const delegationCost = (d: number): number => {
    const g = gapsOfRow(board, false, d, n);
    return g.gaps * DELEGATION_GAP + g.idle * DELEGATION_IDLE;
  };
  // Cost of the participants a change touches (each counted once).
  const cost = (firms: readonly number[], delegations: readonly number[]): number => {
    let total = 0;
    for (const f of new Set(firms)) total += firmCost(f);
    for (const d of new Set(delegations)) total += delegationCost(d);
    return total;
  };
  let moves = 0;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let improved = false;
    for (let f = 0; f < prep.firms.length; f++) {
      tick?.();
      for (let d = 0; d < D; d++) {
        const pair = f * D + d;
        const from = board.slotOf[pair]!;
        if (from < 0) continue;
        if (tryMoves(prep, board, pair, cost)) {
          improved = true;
          moves++;
        }
      }
    }
    if (!improved) break;
  }
  return moves;
}

/** Weights of the compactness order: firm gaps ≫ delegation gaps ≫ firm idle slots ≫ delegation idle slots. */
const DELEGATION_IDLE = 1;
const FIRM_IDLE = 1e3;
const DELEGATION_GAP = 1e6;
const FIRM_GAP = 1e9;

/** Tries every move of one meeting; keeps the first that lowers the cost of the participants it touches. */
function tryMoves(prep: Prepared, board: Board, pair: number, cost: (firms: readonly number[], delegations: readonly number[]) => number): boolean {
  const { firm, delegation, slots } = prep.pairs[pair]!;
  const from = board.slotOf[pair]!;
  for (const to of slots) {
    if (to === from) continue;
    const firmFree = !board.firmFull(firm, to);
    const delegationFree = !board.delegationFull(delegation, to);
    if (firmFree && delegationFree) {
      const before = cost([firm], [delegation]);
      board.remove(pair);
      board.place(pair, to);
      if (cost([firm], [delegation]) < before) return true;
      board.remove(pair);
      board.place(pair, from);
      continue;
    }
    // The delegation's table is taken: exchange slots with one of its meetings whose firm is free at `from`.
    if (firmFree && !delegationFree) {
      for (const other of [...board.delegationMeetings(delegation, to)]) {
        const o = prep.pairs[other]!;
        if (!o.slots.includes(from) || board.firmFull(o.firm, from)) continue;
        if (exchangeSlots(board, pair, other, () => cost([firm, o.firm], [delegation]))) return true;
      }
    }
    // The firm is busy: exchange slots with its meeting there when that delegation has a table at `from`.
    if (!firmFree && delegationFree) {
      for (const other of [...board.firmMeetingsAt(firm, to)]) {
        const o = prep.pairs[other]!;
        if (!o.slots.includes(from) || board.delegationFull(o.delegation, from)) continue;
        if (exchangeSlots(board, pair, other, () => cost([firm], [delegation, o.delegation]))) return true;
      }
    }
  }
  return false;
}

/** Swaps the slots of two meetings; keeps the swap when `cost` drops. Capacities hold: each slot loses one and gains one. */
function exchangeSlots(board: Board, a: number, b: number, cost: () => number): boolean {
  const ta = board.slotOf[a]!;
  const tb = board.slotOf[b]!;
  const before = cost();
  board.remove(a);
  board.remove(b);
  board.place(a, tb);
  board.place(b, ta);
  if (cost() < before) return true;
  board.remove(a);
  board.remove(b);
  board.place(a, ta);
  board.place(b, tb);
  return false;
}
