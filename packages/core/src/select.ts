/** Which meetings to hold: the lexicographic objective as one min-cost flow over firms and delegations (no slots), re-solvable warm without some pairs. */
import { FlowNetwork, MinCostFlow } from "./flow.js";
import { delegationAt, pairAt, type Prepared } from "./prepare.js";
import { pinsOf } from "./pins.js";
import { balanceOfCounts, majorWeights, meetingMajor, roundScore } from "./levels.js";
import type { ObjectiveLevels } from "./types.js";
import { addAt, at, i32 } from "./at.js";

/** Which levels of the objective a selection optimises: all in order, or one alone (for bounds). */
export type SelectMode = "lexicographic" | "served" | "balance" | "score";

/**
 * Pairs chosen to meet, and the objective levels of that choice.
 * @example { pairs: [0, 5, 9], levels: { musts: 1, served: 3, balance: 15, score: 170 } }
 */
export interface Selection {
  readonly pairs: readonly number[];
  readonly levels: ObjectiveLevels;
}

/**
 * The best set of meetings ignoring *when* they happen: a capacitated
 * b-matching solved as a min-cost flow
 *
 *   source → firm (unit arcs, the j-th worth 1 on level 2 when j ≤ K and `balanceWorth(j)` on level 3,
 *                  strictly decreasing in j, so the flow fills firms evenly; total ≤ firm capacity)
 *   firm → (firm, must country) (1 unit worth 1 on level 1, more at 0) → that country's delegations
 *   firm → other delegation (1 unit, worth its score on level 3)
 *   delegation → sink (≤ tables × present slots)
 *
 * With no windows every such selection has a timetable (König), so this is the
 * exact optimum; with windows it is a relaxation and its value a valid bound.
 * With pins (re-planning) capacities are what the pins leave, K and the musts
 * count what the pins have not met yet, and a pair to re-place is worth
 * `replaceUnit` per unit of its weight on top and goes through the slots still
 * open to it (a `Routing` the caller passes in, re-planning's `ReplaceRouting`;
 * lexicographic mode only).
 */
export function select(prep: Prepared, mode: SelectMode, routing?: RoutingOf): Selection {
  return new Selector(prep, mode, routing).selection;
}

/**
 * Flow nodes a caller adds between pairs and delegations (re-planning sends a
 * pair to re-place through the slots still open to it): `target(pair)` is the
 * node its arc goes to instead of its delegation's, `undefined` for the others.
 */
export interface Routing {
  /** Nodes used, from the first one given. */
  readonly nodeCount: number;
  target(pair: number): number | undefined;
  /** Adds the routing arcs; `delegationNode` numbers the delegations in the network. */
  addArcs(net: FlowNetwork, delegationNode: (d: number) => number): void;
}

/** Builds a `Routing` whose nodes are numbered from `first`. */
export type RoutingOf = (first: number) => Routing;

/** A selection that can be solved again, warm, without some pairs (or with them again). */
export class Selector {
  private readonly net: FlowNetwork;
  /** The flow solver this selector owns: it keeps the solved network's state for warm re-solves. */
  private readonly solver: MinCostFlow;
  /** Arc of each pair index, -1 for pairs not in the network. */
  private readonly arcOf: Int32Array;
  private readonly excluded: Uint8Array;
  private current: Selection;

  constructor(
    private readonly prep: Prepared,
    mode: SelectMode,
    routingOf?: RoutingOf,
  ) {
    const F = prep.firms.length;
    const D = prep.delegations.length;
    const scale = scoreScale(prep);
    const wantMusts = mode === "lexicographic";
    const pins = pinsOf(prep);

    const mustNode = new Map<string, number>();
    if (wantMusts) {
      prep.musts.forEach((m, i) => {
        if (!(pins && i32(pins.mustMeetings, i) > 0)) mustNode.set(`${m.firm}|${m.country}`, 2 + F + D + mustNode.size);
      });
    }
    const routing = wantMusts && pins !== undefined ? routingOf?.(2 + F + D + mustNode.size) : undefined;
    const net = new FlowNetwork(2 + F + D + mustNode.size + (routing?.nodeCount ?? 0));
    const source = 0;
    const sink = 1;
    const firmNode = (f: number): number => 2 + f;
    const delegationNode = (d: number): number => 2 + F + d;

    for (let f = 0; f < F; f++) {
      const pinned = pins ? i32(pins.firmMeetings, f) : 0;
      addFirmArcs(prep, net, source, firmNode(f), pinned, at(prep.firmCapacity, f) - pinned, mode);
    }
    for (const [key, node] of mustNode) {
      const f = Number(key.slice(0, key.indexOf("|")));
      net.addArc(firmNode(f), node, 1, -majorWeights(prep).must, 0);
      net.addArc(firmNode(f), node, prep.delegations.length, 0, 0);
    }
    for (let d = 0; d < D; d++) net.addArc(delegationNode(d), sink, at(prep.delegationCapacity, d) - (pins ? i32(pins.delegationMeetings, d) : 0), 0, 0);
    const replace = routing ? replaceUnit(prep) : 0;
    routing?.addArcs(net, delegationNode);

    this.arcOf = new Int32Array(prep.pairs.length).fill(-1);
    this.excluded = new Uint8Array(prep.pairs.length);
    for (const i of prep.eligible) {
      const pair = pairAt(prep, i);
      const country = delegationAt(prep, pair.delegation).country;
      const from = mustNode.get(`${pair.firm}|${country}`) ?? firmNode(pair.firm);
      const major = replace > 0 && pins ? -replace * i32(pins.replace, i) : 0;
      const to = routing?.target(i) ?? delegationNode(pair.delegation);
      this.arcOf[i] = net.addArc(from, to, 1, major, -Math.round(pair.affinity.score * scale));
    }
    this.solver = new MinCostFlow(net, source, sink);
    this.solver.solve();
    this.net = net;
    this.current = this.read();
  }

  /** The optimal selection without the pairs excluded now. */
  get selection(): Selection {
    return this.current;
  }

  /** Excludes eligible pairs (by index) and returns the new optimal selection. */
  exclude(pairs: Iterable<number>): Selection {
    return this.toggle(pairs, 1);
  }

  /** Admits excluded pairs again and returns the new optimal selection. */
  include(pairs: Iterable<number>): Selection {
    return this.toggle(pairs, 0);
  }

  /** Every pair excluded now. */
  excludedPairs(): number[] {
    return this.prep.eligible.filter((i) => this.excluded[i] === 1);
  }

  private toggle(pairs: Iterable<number>, excluded: 0 | 1): Selection {
    const arcs: number[] = [];
    for (const i of pairs) {
      if (this.arcOf[i] === -1 || this.excluded[i] === excluded) continue;
      this.excluded[i] = excluded;
      arcs.push(i32(this.arcOf, i));
    }
    this.solver.setCapacities(arcs, (arc) => (excluded ? 0 : this.net.capacity(arc)));
    this.current = this.read();
    return this.current;
  }

  private read(): Selection {
    const pairs = this.prep.eligible.filter((i) => this.excluded[i] === 0 && this.net.flow(i32(this.arcOf, i)) > 0);
    return { pairs, levels: levelsOf(this.prep, pairs) };
  }
}

/**
 * Arcs source → firm for a firm holding `held` meetings already and room for
 * `room` more: the (held + j)-th meeting costs minus its major worth in
 * `mode`; runs of equal worth share one arc.
 */
export function addFirmArcs(prep: Prepared, net: FlowNetwork, from: number, to: number, held: number, room: number, mode: SelectMode = "lexicographic"): void {
  const served = mode === "lexicographic" || mode === "served";
  const balance = (mode === "lexicographic" || mode === "balance") && prep.balanceTop > 0;
  // Beyond `balanceTop` no firm has eligible pairs left: those units would carry no flow.
  const units = balance ? Math.min(room, Math.max(0, prep.balanceTop - held)) : room;
  let start = 1;
  while (start <= units) {
    const worth = meetingMajor(prep, held + start, served, balance);
    let end = start;
    while (end < units && meetingMajor(prep, held + end + 1, served, balance) === worth) end++;
    net.addArc(from, to, end - start + 1, -worth, 0);
    start = end + 1;
  }
}

/** The objective levels of a set of meetings given as pair indexes (with the pins, if any). */
export function levelsOf(prep: Prepared, pairs: Iterable<number>): ObjectiveLevels {
  const pins = pinsOf(prep);
  const meetings = pins ? Array.from(pins.firmMeetings) : new Array<number>(prep.firms.length).fill(0);
  const metCountries = new Set<string>();
  let score = pins ? pins.score : 0;
  let replaced = 0;
  if (pins) prep.musts.forEach((m, i) => i32(pins.mustMeetings, i) > 0 && metCountries.add(`${m.firm}|${m.country}`));
  for (const i of pairs) {
    const pair = pairAt(prep, i);
    addAt(meetings, pair.firm, 1);
    score += pair.affinity.score;
    if (pins) replaced += i32(pins.replace, i);
    if (pair.must) metCountries.add(`${pair.firm}|${delegationAt(prep, pair.delegation).country}`);
  }
  const K = prep.minMeetings;
  const levels = {
    musts: metCountries.size,
    served: meetings.reduce((sum, m) => sum + Math.min(m, K), 0),
    balance: balanceOfCounts(prep, meetings),
    score: roundScore(score),
  };
  return pins ? { replaced, ...levels } : levels;
}

const scales = new WeakMap<Prepared, number>();

/** Major cost of one `must` met: more than every firm served and all balance together (`majorWeights`). */
export function mustWeight(prep: Prepared): number {
  return majorWeights(prep).must;
}

/**
 * Major cost of one unit on the re-placed level (re-planning): more than every
 * must and every firm served together, so that level comes first.
 */
export function replaceUnit(prep: Prepared): number {
  return (prep.musts.length + 1) * mustWeight(prep);
}

/** Integer scale for scores in the flow: as fine as 1e-6 while totals stay exact in doubles (computed once per instance). */
export function scoreScale(prep: Prepared): number {
  const known = scales.get(prep);
  if (known !== undefined) return known;
  let max = 0;
  for (const i of prep.eligible) max = Math.max(max, pairAt(prep, i).affinity.score);
  const meetings = prep.delegationCapacity.reduce((a, b) => a + b, 0) + 1;
  let scale = 1e6;
  while (scale > 1 && max * scale * meetings > 2 ** 50) scale /= 10;
  scales.set(prep, scale);
  return scale;
}
