/** Upper bounds on the objective's levels: the flow selection and the slot relaxation, and which of them bounds each level. */
import { FlowNetwork, minCostFlow } from "./flow.js";
import { delegationAt, firmAt, pairAt, type Prepared } from "./prepare.js";
import { pinsOf, replaceWeight } from "./pins.js";
import { balanceOfCounts, lexBetter } from "./levels.js";
import { addFirmArcs, levelsOf, mustWeight, replaceUnit, scoreScale, select, type Selection, type SelectMode } from "./select.js";
import type { ObjectiveLevels } from "./types.js";
import { at, i32 } from "./at.js";

/** Above this many (pair, slot) arcs the slot relaxation is not built (it would cost more than it proves). */
export const SLOT_RELAXATION_MAX_ARCS = 400_000;

/**
 * A second relaxation, exact about windows and per-slot capacities but not
 * about pairs meeting once: a flow through (firm, slot) and (delegation, slot)
 * nodes. Every agenda is a flow here, so its optimum bounds the objective.
 * `must` meetings go through (firm, country) nodes that skip the firm's slot
 * capacity (still a relaxation). It bounds levels 1–3 only (musts, firms
 * served and, `withBalance` (it costs about three times as much), balance;
 * or one of them alone in its mode): on its score, repeats let a firm meet its
 * favourite delegation in every slot, and on every instance measured that
 * bound was far looser than the selection's (e.g. 52,326 against 46,756), so
 * scores are left out, which makes the flow one cheap scaling level. The
 * returned score (and balance, without it) is +Infinity (no bound). Returns `null` when the model would be too big.
 * With pins (re-planning) it runs on what they leave and bounds the re-placed level too.
 */
export function slotRelaxation(prep: Prepared, mode: Exclude<SelectMode, "score">, withBalance = mode === "balance"): ObjectiveLevels | null {
  const flow = slotFlow(prep, mode, false, withBalance);
  if (flow === null) return null;
  const total = (arcs: readonly number[]): number => arcs.reduce((sum, a) => sum + flow.net.flow(a), 0);
  const K = prep.minMeetings;
  const pins = pinsOf(prep);
  // Meetings per firm: the pinned ones and what flows out of the firm's node.
  const counts = flow.firmOut.map((arcs, f) => total(arcs) + (pins ? i32(pins.firmMeetings, f) : 0));
  const levels = {
    musts: total(flow.musts) + flow.pinnedMusts,
    served: counts.reduce((sum, m) => sum + Math.min(m, K), 0),
    balance: withBalance ? balanceOfCounts(prep, counts) : Number.POSITIVE_INFINITY,
    score: Number.POSITIVE_INFINITY,
  };
  if (!pins) return levels;
  const replaced = mode === "lexicographic" ? flow.pairSlots.reduce((sum, { arc, pair }) => sum + flow.net.flow(arc) * (pins.replace[pair] ?? 0), 0) : 0;
  return { replaced, ...levels };
}

/**
 * Meetings (pair, 0-based slot) that reach the slot relaxation's levels 1–2
 * with only the meetings that count towards them (at most K per firm): the
 * musts met and each firm's first K meetings. With K = 1 and no musts they
 * form an agenda as they are; otherwise a few may repeat a pair or double-book
 * a firm, and the caller drops those. Among such cores, the best-scoring one.
 * `null` when the model would be too big.
 */
export function slotCore(prep: Prepared): { pair: number; slot: number }[] | null {
  const flow = slotFlow(prep, "lexicographic", true, false);
  return flow === null ? null : flow.pairSlots.filter(({ arc }) => flow.net.flow(arc) > 0).map(({ pair, slot }) => ({ pair, slot }));
}

/**
 * The slot relaxation's network, solved. With `countedOnly`, firms take only
 * the meetings that count (K), and the best-scoring such meetings.
 */
function slotFlow(
  prep: Prepared,
  mode: Exclude<SelectMode, "score">,
  countedOnly: boolean,
  withBalance: boolean,
): {
  net: FlowNetwork;
  musts: number[];
  /** Per firm, the arcs out of its node (to its slots and must nodes): their flow is its meetings. */
  firmOut: number[][];
  pairSlots: { arc: number; pair: number; slot: number }[];
  pinnedMusts: number;
} | null {
  const F = prep.firms.length;
  const D = prep.delegations.length;
  const n = prep.slots.length;
  if (prep.candidates > SLOT_RELAXATION_MAX_ARCS) return null;

  const K = prep.minMeetings;
  const scale = scoreScale(prep);
  const pins = pinsOf(prep);
  const mustNode = new Map<string, number>();
  const base = 2 + F + F * n + D * n;
  let pinnedMusts = 0;
  prep.musts.forEach((m, i) => {
    if (pins && i32(pins.mustMeetings, i) > 0) pinnedMusts++;
    else if (mode === "lexicographic") mustNode.set(`${m.firm}|${m.country}`, base + mustNode.size);
  });
  // Pairs to re-place count once: each goes through a node of its own (skipping the firm's slot capacity, as musts do).
  const routed = pins && mode === "lexicographic" ? prep.eligible.filter((i) => i32(pins.replace, i) > 0) : [];
  const pairNode = new Map(routed.map((i, k) => [i, base + mustNode.size + k]));
  const net = new FlowNetwork(base + mustNode.size + routed.length);
  const firmNode = (f: number): number => 2 + f;
  const firmSlot = (f: number, t: number): number => 2 + F + f * n + t;
  const delegationSlot = (d: number, t: number): number => 2 + F + F * n + d * n + t;

  const firmOut: number[][] = [];
  for (let f = 0; f < F; f++) {
    const pinned = pins ? i32(pins.firmMeetings, f) : 0;
    const cap = at(prep.firmCapacity, f) - pinned;
    if (countedOnly) {
      const counted = Math.max(0, Math.min(K - pinned, cap));
      if (counted > 0) net.addArc(0, firmNode(f), counted, -1, 0);
      // A core also takes the pairs to re-place (they count on the level above).
      const extra = pins ? Math.min(cap - counted, replaceable(prep, f)) : 0;
      if (extra > 0) net.addArc(0, firmNode(f), extra, 0, 0);
    } else {
      // Without balance the firm arcs carry level 2 alone (levels 1–2 in lexicographic mode: the must nodes stay).
      addFirmArcs(prep, net, 0, firmNode(f), pinned, cap, withBalance ? mode : "served");
    }
    const rep = firmAt(prep, f).representatives;
    const out: number[] = [];
    for (let t = 0; t < n; t++) {
      const room = rep - (pins ? i32(pins.firmLoad, f * n + t) : 0);
      if (at(prep.firmPresent, f)[t] && room > 0) out.push(net.addArc(firmNode(f), firmSlot(f, t), room, 0, 0));
    }
    firmOut.push(out);
  }
  const musts: number[] = [];
  for (const [key, node] of mustNode) {
    const f = Number(key.slice(0, key.indexOf("|")));
    const must = net.addArc(firmNode(f), node, 1, -mustWeight(prep), 0);
    musts.push(must);
    at(firmOut, f).push(must, net.addArc(firmNode(f), node, at(prep.firmCapacity, f), 0, 0));
  }
  for (let d = 0; d < D; d++) {
    for (let t = 0; t < n; t++) {
      const room = delegationAt(prep, d).tables - (pins ? i32(pins.delegationLoad, d * n + t) : 0);
      if (at(prep.delegationPresent, d)[t] && room > 0) net.addArc(delegationSlot(d, t), 1, room, 0, 0);
    }
  }
  const unit = routed.length > 0 ? replaceUnit(prep) : 0;
  const pairSlots: { arc: number; pair: number; slot: number }[] = [];
  for (const i of prep.eligible) {
    const pair = pairAt(prep, i);
    const must = mustNode.get(`${pair.firm}|${delegationAt(prep, pair.delegation).country}`);
    const minor = countedOnly ? -Math.round(pair.affinity.score * scale) : 0;
    const node = pairNode.get(i);
    if (node !== undefined && pins) {
      net.addArc(must ?? firmNode(pair.firm), node, 1, -unit * (pins.replace[i] ?? 0), 0);
      for (const t of pair.slots) {
        if ((pins.firmLoad[pair.firm * n + t] ?? 0) < firmAt(prep, pair.firm).representatives) {
          pairSlots.push({ arc: net.addArc(node, delegationSlot(pair.delegation, t), 1, 0, minor), pair: i, slot: t });
        }
      }
      continue;
    }
    for (const t of pair.slots) {
      pairSlots.push({ arc: net.addArc(must ?? firmSlot(pair.firm, t), delegationSlot(pair.delegation, t), 1, 0, minor), pair: i, slot: t });
    }
  }
  minCostFlow(net, 0, 1);
  return { net, musts, firmOut, pairSlots, pinnedMusts };
}

/** Eligible pairs of a firm to re-place (re-planning). */
function replaceable(prep: Prepared, f: number): number {
  const D = prep.delegations.length;
  let count = 0;
  for (let d = 0; d < D; d++) if (pairAt(prep, f * D + d).block === null && replaceWeight(prep, f * D + d) > 0) count++;
  return count;
}

/**
 * Above this many (pair, slot) candidates the timed selection is not built: on
 * the narrow-window XL day (1.2 M candidates) it took seven times the
 * selection's time (20 s on a machine at load 10) for a bound 0.005 % tighter
 * (547,329.2 → 547,302.2).
 */
export const TIMED_SELECTION_MAX_CANDIDATES = 400_000;

/**
 * A third relaxation, the flow selection made exact on the delegations' side:
 * each pair goes on from its firm to one of its common slots, where the
 * delegation has `tables` places, instead of to the delegation's day total.
 * Firms keep their day totals (their per-slot limit is what it relaxes), and
 * pairs meet once. Under windows the selection alone lets a delegation hold
 * more meetings with the firms of one narrow window than it has tables then;
 * this one does not (on narrow-window L days it closed 95–98 % of the
 * selection's gap to the optimum, e.g. 36,506 → 36,461.2 against 36,460.3).
 * The slots reach a pair through a segment tree per delegation (each run of
 * a pair's slots is a few tree nodes), so the network has a few arcs per pair
 * rather than one per (pair, slot). Its lexicographic optimum bounds every
 * level; `null` with pins (re-planning) or on days too big for it.
 */
export function timedSelection(prep: Prepared): ObjectiveLevels | null {
  if (pinsOf(prep) || prep.candidates > TIMED_SELECTION_MAX_CANDIDATES) return null;
  const F = prep.firms.length;
  const D = prep.delegations.length;
  const n = prep.slots.length;
  const scale = exactScale(prep);
  let nodes = 2 + F;
  const firmNode = (f: number): number => 2 + f;
  const mustNode = new Map<string, number>();
  for (const m of prep.musts) mustNode.set(`${m.firm}|${m.country}`, nodes++);
  // Per delegation, a segment tree over the slots: node ids by heap position, -1 where nothing is present.
  const size = 1 << Math.ceil(Math.log2(Math.max(1, n)));
  const trees: Int32Array[] = [];
  const treeArcs: [number, number, number][] = [];
  for (let d = 0; d < D; d++) {
    const present = at(prep.delegationPresent, d);
    const tables = delegationAt(prep, d).tables;
    const tree = new Int32Array(2 * size).fill(-1);
    const build = (node: number, lo: number, hi: number): boolean => {
      if (lo >= n) return false;
      if (hi - lo === 1) {
        if (!present[lo]) return false;
        tree[node] = nodes++;
        treeArcs.push([i32(tree, node), 1, tables]);
        return true;
      }
      const mid = (lo + hi) >> 1;
      const left = build(2 * node, lo, mid);
      const right = build(2 * node + 1, mid, hi);
      if (!left && !right) return false;
      tree[node] = nodes++;
      if (left) treeArcs.push([i32(tree, node), i32(tree, 2 * node), tables * n]);
      if (right) treeArcs.push([i32(tree, node), i32(tree, 2 * node + 1), tables * n]);
      return true;
    };
    build(1, 0, size);
    trees.push(tree);
  }
  // Each pair's slots as tree nodes: the canonical cover of each run of consecutive slots.
  const cover = (tree: Int32Array, a: number, b: number, out: number[]): void => {
    const walk = (node: number, lo: number, hi: number): void => {
      if (b <= lo || hi <= a) return;
      if (a <= lo && hi <= b) {
        out.push(i32(tree, node));
        return;
      }
      const mid = (lo + hi) >> 1;
      walk(2 * node, lo, mid);
      walk(2 * node + 1, mid, hi);
    };
    walk(1, 0, size);
  };
  const covers: number[][] = [];
  for (const i of prep.eligible) {
    const { delegation, slots } = pairAt(prep, i);
    const out: number[] = [];
    for (let k = 0; k < slots.length; ) {
      let end = k + 1;
      while (end < slots.length && slots[end] === at(slots, end - 1) + 1) end++;
      cover(at(trees, delegation), at(slots, k), at(slots, end - 1) + 1, out);
      k = end;
    }
    covers.push(out);
  }
  // A pair whose slots are one tree node goes there straight; the others through a node of their own.
  const pairNode = covers.map((out) => (out.length > 1 ? nodes++ : -1));
  const net = new FlowNetwork(nodes);
  for (let f = 0; f < F; f++) addFirmArcs(prep, net, 0, firmNode(f), 0, at(prep.firmCapacity, f));
  for (const [key, node] of mustNode) {
    const f = Number(key.slice(0, key.indexOf("|")));
    net.addArc(firmNode(f), node, 1, -mustWeight(prep), 0);
    net.addArc(firmNode(f), node, D, 0, 0);
  }
  for (const [from, to, capacity] of treeArcs) net.addArc(from, to, capacity, 0, 0);
  const pairArcs = prep.eligible.map((i, k) => {
    const pair = pairAt(prep, i);
    const from = mustNode.get(`${pair.firm}|${delegationAt(prep, pair.delegation).country}`) ?? firmNode(pair.firm);
    const out = at(covers, k);
    const arc = net.addArc(from, at(pairNode, k) >= 0 ? at(pairNode, k) : at(out, 0), 1, 0, -Math.round(pair.affinity.score * scale));
    if (at(pairNode, k) >= 0) for (const node of out) net.addArc(at(pairNode, k), node, 1, 0, 0);
    return arc;
  });
  minCostFlow(net, 0, 1);
  return levelsOf(prep, prep.eligible.filter((_, k) => net.flow(at(pairArcs, k)) > 0));
}

/**
 * The coarsest power of ten that keeps every score exact in the flow (10 for
 * scores in tenths), at most `scoreScale`: the cost scaling then needs fewer
 * levels.
 */
function exactScale(prep: Prepared): number {
  const finest = scoreScale(prep);
  const exact = (scale: number): boolean =>
    prep.eligible.every((i) => {
      const scaled = pairAt(prep, i).affinity.score * scale;
      return Math.abs(scaled - Math.round(scaled)) < 1e-6;
    });
  for (let scale = 1; scale < finest; scale *= 10) if (exact(scale)) return scale;
  return finest;
}

/**
 * The relaxations' optima for one mode: the flow selection always, and under
 * windows the slot relaxation for levels 1–3 (its score is +Infinity, no bound;
 * left out with `withSlot` false, for a caller that adds it later) and, in
 * lexicographic mode, the timed selection.
 */
export function relaxedLevels(prep: Prepared, mode: SelectMode, lexicographic?: Selection, withSlot = true): ObjectiveLevels[] {
  const flow = mode === "lexicographic" && lexicographic ? lexicographic.levels : select(prep, mode).levels;
  const slot = prep.windowed && mode !== "score" && withSlot ? slotRelaxation(prep, mode) : null;
  const timed = prep.windowed && mode === "lexicographic" ? timedSelection(prep) : null;
  return [flow, ...(slot === null ? [] : [slot]), ...(timed === null ? [] : [timed])];
}

/**
 * Whether the lexicographic slot relaxation can tighten nothing for an agenda
 * with `reached`: in that mode it bounds only the levels above balance, and
 * when the agenda has the flow's `flow` there, the relaxation's (which bound the
 * agenda too) are the same or lexicographically above the flow's, so neither
 * the target nor any bound `boundsFor` gives moves.
 */
export function slotMoot(reached: ObjectiveLevels, flow: ObjectiveLevels): boolean {
  return (reached.replaced ?? 0) >= (flow.replaced ?? 0) && reached.musts >= flow.musts && reached.served >= flow.served;
}

/** The lexicographically smallest of the relaxations' optima: an agenda reaching it is optimal. */
export function tightest(optima: readonly ObjectiveLevels[]): ObjectiveLevels {
  return optima.reduce((a, b) => (lexBetter(a, b) ? b : a));
}

const LEVELS = ["musts", "served", "balance", "score"] as const;
const ALONE: Record<(typeof LEVELS)[number], SelectMode> = { musts: "lexicographic", served: "served", balance: "balance", score: "score" };

/**
 * Upper bounds on the optimum's levels. Each relaxation's lexicographic optimum
 * bounds level 1; it bounds a lower level only when its levels above equal
 * ours and ours are proven optimal; otherwise that level is bounded alone by
 * the relaxations of that level only.
 */
export function boundsFor(prep: Prepared, optima: readonly ObjectiveLevels[], levels: ObjectiveLevels): ObjectiveLevels {
  const bounds = { musts: 0, served: 0, balance: 0, score: 0 };
  let candidates = optima;
  let proven = true;
  for (const level of LEVELS) {
    const own = candidates.map((o) => o[level]).filter((v) => Number.isFinite(v));
    const bound: number = proven && own.length > 0 ? Math.min(...own) : Math.min(...relaxedLevels(prep, ALONE[level]).map((o) => o[level]));
    // The slot relaxation's balance costs more than the rest: built only when the cheaper bounds leave a gap.
    const tighter = level === "balance" && proven && prep.windowed && levels.balance < bound ? slotRelaxation(prep, "lexicographic", true) : null;
    if (tighter !== null && tighter.musts === levels.musts && tighter.served === levels.served) {
      bounds[level] = Math.min(bound, tighter.balance);
      candidates = [...candidates, tighter];
    } else {
      bounds[level] = bound;
    }
    proven &&= levels[level] >= bounds[level] - 1e-6;
    candidates = candidates.filter((o) => Math.abs(o[level] - levels[level]) <= 1e-6);
  }
  return bounds;
}
