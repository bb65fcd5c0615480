/** Exact re-optimisation of one slot at a time, the other slots fixed, by the same min-cost flow as the selection. */
import type { Budget } from "../budget.js";
import type { Board } from "../board.js";
import { FlowNetwork, minCostFlow } from "../flow.js";
import { lexBetter, majorWeights } from "../levels.js";
import { delegationAt, pairAt, type Prepared } from "../prepare.js";
import { pinsOf, replaceWeight } from "../pins.js";
import { addFirmArcs, replaceUnit, scoreScale } from "../select.js";
import { done, type Watch } from "./watch.js";
import { at, i32 } from "../at.js";

/**
 * Exact re-optimisation of one slot at a time, the other slots fixed: clear
 * the slot, then choose its meetings by the same min-cost flow as the
 * selection, restricted to who is present then and to pairs that do not meet
 * in another slot, with what the firms already have elsewhere (meetings
 * towards K and `max_meetings`, musts already met) taken into account. The
 * slot's old meetings are one feasible answer, so no sweep makes the agenda
 * worse; sweeps repeat while one improves it (twice at most).
 * @returns whether the agenda improved.
 */
const MAX_SWEEPS = 2;

export function reoptimiseSlots(prep: Prepared, board: Board, budget: Budget, watch?: Watch): boolean {
  let improvedEver = false;
  // Two sweeps at most per call (a work budget): the search calls again while anything improves.
  for (let improved = true, sweep = 0; improved && sweep < MAX_SWEEPS && !budget.expired() && !done(board, watch); sweep++) {
    improved = false;
    for (let t = 0; t < prep.slots.length && !budget.expired() && !done(board, watch); t++) {
      const before = board.levels();
      resolveSlot(prep, board, t);
      if (lexBetter(board.levels(), before)) improved = improvedEver = true;
      watch?.tick?.();
    }
  }
  return improvedEver;
}

function resolveSlot(prep: Prepared, board: Board, t: number): void {
  const F = prep.firms.length;
  const D = prep.delegations.length;
  for (let d = 0; d < D; d++) for (const pair of [...board.delegationMeetings(d, t)]) board.remove(pair);

  const mustNode = new Map<number, number>();
  prep.musts.forEach((m, i) => {
    if (board.mustMeetings[i] === 0 && at(prep.firmPresent, m.firm)[t]) mustNode.set(i, 2 + F + D + mustNode.size);
  });
  const net = new FlowNetwork(2 + F + D + mustNode.size);
  const firmNode = (f: number): number => 2 + f;
  const delegationNode = (d: number): number => 2 + F + d;
  const room = new Int32Array(F);
  for (let f = 0; f < F; f++) {
    if (!at(prep.firmPresent, f)[t]) continue;
    room[f] = Math.min(board.firmRoom(f, t), at(prep.firmCapacity, f) - i32(board.firmMeetings, f));
    addFirmArcs(prep, net, 0, firmNode(f), i32(board.firmMeetings, f), i32(room, f));
  }
  const mustOfPair = new Map<string, number>();
  for (const [i, node] of mustNode) {
    const m = at(prep.musts, i);
    mustOfPair.set(`${m.firm}|${m.country}`, node);
    net.addArc(firmNode(m.firm), node, 1, -majorWeights(prep).must, 0);
    net.addArc(firmNode(m.firm), node, i32(room, m.firm), 0, 0);
  }
  for (let d = 0; d < D; d++) {
    if (at(prep.delegationPresent, d)[t]) net.addArc(delegationNode(d), 1, Math.max(0, board.delegationRoom(d, t)), 0, 0);
  }
  const scale = scoreScale(prep);
  const unit = pinsOf(prep) ? replaceUnit(prep) : 0;
  const arcs: { arc: number; pair: number }[] = [];
  for (const i of prep.eligible) {
    const p = pairAt(prep, i);
    if (board.slotOf[i] !== -1 || i32(room, p.firm) <= 0 || !at(prep.delegationPresent, p.delegation)[t] || !at(prep.firmPresent, p.firm)[t]) continue;
    const from = mustOfPair.get(`${p.firm}|${delegationAt(prep, p.delegation).country}`) ?? firmNode(p.firm);
    const major = unit > 0 ? -unit * replaceWeight(prep, i) : 0;
    arcs.push({ arc: net.addArc(from, delegationNode(p.delegation), 1, major, -Math.round(p.affinity.score * scale)), pair: i });
  }
  minCostFlow(net, 0, 1);
  for (const { arc, pair } of arcs) if (net.flow(arc) > 0) board.place(pair, t);
}
