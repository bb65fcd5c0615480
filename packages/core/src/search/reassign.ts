/** Exact re-optimisation of one participant's day at a time (a delegation's, then a firm's meetings across slots), by min-cost flow. */
import type { Budget } from "../budget.js";
import type { Board } from "../board.js";
import { FlowNetwork, minCostFlow } from "../flow.js";
import { lexBetter, majorWeights, meetingMajor } from "../levels.js";
import { delegationAt, pairAt, type Prepared } from "../prepare.js";
import { pinsOf, replaceWeight } from "../pins.js";
import { addFirmArcs, replaceUnit, scoreScale } from "../select.js";
import { done, type Watch } from "./watch.js";
import { at, i32 } from "../at.js";

/** Above this many candidate (pair, slot) arcs in one sweep, participant sweeps are skipped (they would cost more than they find). */
export const REASSIGN_MAX_ARCS = 2_000_000;

/**
 * Exact re-optimisation of one participant's whole day at a time, everyone
 * else fixed: clear a delegation's meetings and choose again which firms it
 * meets in which slot (firms free then, each at most once), or clear a firm's
 * and choose again whom it meets when (delegations with a free table then).
 * Each is a min-cost flow with the objective's levels as costs, given what the
 * others already have (meetings towards K, musts met, `max_meetings`). The old
 * meetings are one answer, so no step makes the agenda worse; sweeps over
 * every delegation and firm repeat while one improves it.
 * @returns whether the agenda improved.
 */
export function reoptimiseParticipants(prep: Prepared, board: Board, budget: Budget, watch?: Watch): boolean {
  if (prep.candidates > REASSIGN_MAX_ARCS) return false;
  let improvedEver = false;
  for (let improved = true; improved && !budget.expired() && !done(board, watch); ) {
    improved = false;
    const scale = scoreScale(prep);
    const steps = [
      ...prep.delegations.map((_, d) => () => resolveDelegation(prep, board, d, scale)),
      ...prep.firms.map((_, f) => () => resolveFirm(prep, board, f, scale)),
    ];
    for (const step of steps) {
      if (budget.expired() || done(board, watch)) break;
      const before = board.levels();
      step();
      if (lexBetter(board.levels(), before)) improved = improvedEver = true;
      watch?.tick?.();
    }
  }
  return improvedEver;
}

/**
 * A delegation's meetings chosen again: firm → slot → sink, one unit per firm
 * (pairs meet once), slots up to the delegation's tables.
 */
function resolveDelegation(prep: Prepared, board: Board, d: number, scale: number): void {
  const D = prep.delegations.length;
  const n = prep.slots.length;
  for (let t = 0; t < n; t++) for (const pair of [...board.delegationMeetings(d, t)]) board.remove(pair);
  const candidates: number[] = [];
  for (let f = 0; f < prep.firms.length; f++) {
    const i = f * D + d;
    if (pairAt(prep, i).block === null && i32(board.firmMeetings, f) < at(prep.firmCapacity, f)) candidates.push(i);
  }
  // Nodes: 0 source, 1 sink, slots 2..n+1, then one per candidate firm.
  const net = new FlowNetwork(2 + n + candidates.length);
  for (let t = 0; t < n; t++) if (at(prep.delegationPresent, d)[t]) net.addArc(2 + t, 1, Math.max(0, board.delegationRoom(d, t)), 0, 0);
  const arcs: { arc: number; pair: number; slot: number }[] = [];
  candidates.forEach((i, k) => {
    const { firm, slots, affinity } = pairAt(prep, i);
    const must = i32(board.mustOf, i);
    const major =
      -(must >= 0 && board.mustMeetings[must] === 0 ? majorWeights(prep).must : 0) -
      meetingMajor(prep, i32(board.firmMeetings, firm) + 1) -
      (pinsOf(prep) ? replaceUnit(prep) * replaceWeight(prep, i) : 0);
    const node = 2 + n + k;
    net.addArc(0, node, 1, major, -Math.round(affinity.score * scale));
    for (const t of slots) if (!board.firmFull(firm, t)) arcs.push({ arc: net.addArc(node, 2 + t, 1, 0, 0), pair: i, slot: t });
  });
  minCostFlow(net, 0, 1);
  for (const { arc, pair, slot } of arcs) if (net.flow(arc) > 0) board.place(pair, slot);
}

/**
 * A firm's meetings chosen again: the selection's network for one firm
 * (K units counted, musts through (firm, country) nodes), then delegation →
 * slot where it has a free table → sink, slots up to the firm's representatives.
 */
function resolveFirm(prep: Prepared, board: Board, f: number, scale: number): void {
  const D = prep.delegations.length;
  const n = prep.slots.length;
  for (let t = 0; t < n; t++) for (const pair of [...board.firmMeetingsAt(f, t)]) board.remove(pair);
  // Meetings left to the firm (pins, when re-planning, stay on the board).
  const cap = at(prep.firmCapacity, f) - i32(board.firmMeetings, f);
  if (cap <= 0) return;
  // Nodes: 0 source, 1 sink, 2 the firm, slots 3..n+2, delegations, then must countries.
  const delegationNode = (d: number): number => 3 + n + d;
  const mustNode = new Map<string, number>();
  prep.musts.forEach((m, i) => {
    if (m.firm === f && board.mustMeetings[i] === 0) mustNode.set(m.country, 3 + n + D + mustNode.size);
  });
  const net = new FlowNetwork(3 + n + D + mustNode.size);
  addFirmArcs(prep, net, 0, 2, i32(board.firmMeetings, f), cap);
  for (const node of mustNode.values()) {
    net.addArc(2, node, 1, -majorWeights(prep).must, 0);
    net.addArc(2, node, cap, 0, 0);
  }
  for (let t = 0; t < n; t++) if (at(prep.firmPresent, f)[t]) net.addArc(3 + t, 1, Math.max(0, board.firmRoom(f, t)), 0, 0);
  const arcs: { arc: number; pair: number; slot: number }[] = [];
  for (let d = 0; d < D; d++) {
    const i = f * D + d;
    const { block, slots, affinity } = pairAt(prep, i);
    if (block !== null) continue;
    const open = slots.filter((t) => !board.delegationFull(d, t));
    if (open.length === 0) continue;
    const from = mustNode.get(delegationAt(prep, d).country) ?? 2;
    net.addArc(from, delegationNode(d), 1, pinsOf(prep) ? -replaceUnit(prep) * replaceWeight(prep, i) : 0, -Math.round(affinity.score * scale));
    for (const t of open) arcs.push({ arc: net.addArc(delegationNode(d), 3 + t, 1, 0, 0), pair: i, slot: t });
  }
  minCostFlow(net, 0, 1);
  for (const { arc, pair, slot } of arcs) if (net.flow(arc) > 0) board.place(pair, slot);
}
