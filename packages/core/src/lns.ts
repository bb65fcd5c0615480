import type { Board } from "./board.js";
import { improve, type Effort } from "./improve.js";

/** Insertion effort inside a neighbourhood: many cheap rounds beat few thorough ones. */
const QUICK: Effort = { depth: 1, work: 60 };
import type { Prepared } from "./prepare.js";
import { levelsOf } from "./select.js";
import type { ObjectiveLevels } from "./types.js";

const EPS = 1e-6;

/** `a` is lexicographically at least `b`. */
export const atLeast = (a: ObjectiveLevels, b: ObjectiveLevels): boolean =>
  a.musts !== b.musts ? a.musts > b.musts : a.served !== b.served ? a.served > b.served : a.score >= b.score - EPS;

/** A small seeded generator (mulberry32), so a search is repeatable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Large-neighbourhood search: free every meeting of one or two participants
 * (a firm that could gain, a delegation it wants), refill greedily and with
 * local search, keep the result when it is not worse. Stops at the target
 * (the bound), the deadline, or after `patience` rounds without progress.
 */
export function largeNeighbourhoodSearch(
  prep: Prepared,
  board: Board,
  target: ObjectiveLevels,
  deadline: number,
  now: () => number,
  patience = 200,
): void {
  const next = random(0x5eed);
  const D = prep.delegations.length;
  let kept = board.snapshot();
  let best = levelsOf(prep, board.placed());
  for (let stale = 0; stale < patience && !atLeast(best, target) && now() < deadline; stale++) {
    // Firms with an unplaced eligible pair are where the objective can grow.
    const hopeful = prep.eligible.filter((i) => board.slotOf[i] === -1);
    if (hopeful.length === 0) return;
    const seed = prep.pairs[hopeful[Math.floor(next() * hopeful.length)]!]!;
    const firms = new Set([seed.firm]);
    const delegations = new Set([seed.delegation]);
    if (next() < 0.5) delegations.add(Math.floor(next() * D));
    const freed: number[] = [];
    for (let i = 0; i < board.slotOf.length; i++) {
      const p = prep.pairs[i]!;
      if (board.slotOf[i]! >= 0 && (firms.has(p.firm) || delegations.has(p.delegation))) freed.push(i);
    }
    for (const i of freed) {
      board.remove(i);
      firms.add(prep.pairs[i]!.firm);
    }
    const pool = prep.eligible.filter((i) => firms.has(prep.pairs[i]!.firm) || delegations.has(prep.pairs[i]!.delegation));
    // Random order first, then local search on the freed area.
    for (const i of [...pool].sort(() => next() - 0.5)) {
      const { firm } = prep.pairs[i]!;
      if (board.slotOf[i] === -1 && board.firmMeetings[firm]! < prep.firmCapacity[firm]!) board.insert(i, 1, 100);
    }
    improve(prep, board, deadline, now, pool, QUICK);
    const levels = levelsOf(prep, board.placed());
    if (atLeast(levels, best)) {
      if (!atLeast(best, levels)) stale = -1;
      best = levels;
      kept = board.snapshot();
    } else {
      board.restore(kept);
    }
  }
}
