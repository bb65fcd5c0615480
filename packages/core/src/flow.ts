/**
 * Min-cost flow with lexicographic costs `(major, minor)`, both integers:
 * primal–dual (Dijkstra on reduced costs with Johnson potentials, augmentation
 * along every shortest path by depth-first search) inside cost scaling of the
 * minor costs. The flow amount is free: the result is a minimum-cost flow of
 * any value. Exact for integer data.
 */

import { Heap } from "./heap.js";
import { InternalError } from "./errors.js";
import { addF64, addI32, at, f64, i32 } from "./at.js";

/** A network under construction; `minCostFlow` (or a `MinCostFlow` solver) solves it and `flow` reads the result. */
export class FlowNetwork {
  private readonly tails: number[] = [];
  private readonly heads: number[] = [];
  private readonly caps: number[] = [];
  private readonly majors: number[] = [];
  private readonly minors: number[] = [];
  /** Residual position of each arc after solving. */
  private position: Int32Array | null = null;
  private compiled: Residual | null = null;

  constructor(readonly nodeCount: number) {}

  /** Total capacity of the arcs leaving `u`. */
  capacityOut(u: number): number {
    let total = 0;
    this.tails.forEach((t, a) => {
      if (t === u) total += at(this.caps, a);
    });
    return total;
  }

  /** Adds arc `u → v`; returns its id. */
  addArc(u: number, v: number, capacity: number, major: number, minor: number): number {
    this.tails.push(u);
    this.heads.push(v);
    this.caps.push(capacity);
    this.majors.push(major);
    this.minors.push(minor);
    return this.tails.length - 1;
  }

  /** Position of an arc in the compiled residual graph. */
  residualArc(arc: number): number {
    if (this.position === null) throw notCompiled();
    return i32(this.position, arc);
  }

  /** Capacity an arc was added with. */
  capacity(arc: number): number {
    return at(this.caps, arc);
  }

  /** Flow on an arc after `minCostFlow`: the residual capacity of its reverse arc. */
  flow(arc: number): number {
    const g = this.compiled;
    if (g === null || this.position === null) throw notCompiled();
    return f64(g.cap, i32(g.twin, i32(this.position, arc)));
  }

  /**
   * Compressed residual graph: each node's arcs contiguous, each arc with its
   * twin. `extra` arcs (a solver's own, such as the free return arc) follow the
   * network's arcs in the residual graph without being added to the network:
   * compiling, and so solving, leaves the network as it was built.
   */
  compile(extra: readonly ExtraArc[] = []): Residual {
    const n = this.nodeCount;
    const own = this.tails.length;
    const m = own + extra.length;
    const tails = new Int32Array(m);
    const heads = new Int32Array(m);
    const caps = new Float64Array(m);
    const majors = new Float64Array(m);
    const minors = new Float64Array(m);
    tails.set(this.tails);
    heads.set(this.heads);
    caps.set(this.caps);
    majors.set(this.majors);
    minors.set(this.minors);
    extra.forEach((x, k) => {
      tails[own + k] = x.from;
      heads[own + k] = x.to;
      caps[own + k] = x.capacity;
    });
    const first = new Int32Array(n + 1);
    for (let a = 0; a < m; a++) {
      addI32(first, i32(tails, a) + 1, 1);
      addI32(first, i32(heads, a) + 1, 1);
    }
    for (let v = 0; v < n; v++) addI32(first, v + 1, i32(first, v));
    const fill = first.slice(0, n);
    const to = new Int32Array(2 * m);
    const twin = new Int32Array(2 * m);
    const cap = new Float64Array(2 * m);
    const major = new Float64Array(2 * m);
    const minor = new Float64Array(2 * m);
    this.position = new Int32Array(this.tails.length);
    for (let a = 0; a < m; a++) {
      const u = i32(tails, a);
      const v = i32(heads, a);
      const e = addI32(fill, u, 1) - 1;
      const r = addI32(fill, v, 1) - 1;
      to[e] = v;
      to[r] = u;
      twin[e] = r;
      twin[r] = e;
      cap[e] = f64(caps, a);
      major[e] = f64(majors, a);
      major[r] = -f64(majors, a);
      minor[e] = f64(minors, a);
      minor[r] = -f64(minors, a);
      if (a < this.position.length) this.position[a] = e;
    }
    this.compiled = { n, first, to, twin, cap, major, minor };
    return this.compiled;
  }
}

function notCompiled(): InternalError {
  return new InternalError("the network has no residual graph yet: solve it first");
}

/** An arc a solver adds to the residual graph only (cost 0), not to the network. */
export interface ExtraArc {
  readonly from: number;
  readonly to: number;
  readonly capacity: number;
}

interface Residual {
  readonly n: number;
  readonly first: Int32Array;
  readonly to: Int32Array;
  readonly twin: Int32Array;
  readonly cap: Float64Array;
  readonly major: Float64Array;
  readonly minor: Float64Array;
}

const INF = Number.POSITIVE_INFINITY;

/** Node potentials proving optimality: every residual arc has reduced cost ≥ 0 (lexicographic). */
export interface Potentials {
  readonly major: Float64Array;
  readonly minor: Float64Array;
}

/**
 * The cheapest flow from `source` to `sink`, of any value: a min-cost
 * circulation with a free return arc sink → source (so cycles of negative cost
 * are used too), by cost scaling (Edmonds–Karp, Röck) of the minor
 * costs, `SCALE_BITS` bits at a time from a level where every minor cost is
 * -1, 0 or 1. At each level the potentials are scaled up, the arcs that the
 * finer costs make negative are saturated, and the excesses this leaves are
 * sent to the deficits along shortest paths (`settle`); each level needs few
 * Dijkstras, where plain successive shortest paths need one per distinct path cost.
 * Returns optimal dual potentials of the circulation. For re-solves after
 * capacities change, solve with a `MinCostFlow` instead.
 */
export function minCostFlow(net: FlowNetwork, source: number, sink: number): Potentials {
  return new MinCostFlow(net, source, sink).solve();
}

/**
 * A min-cost flow problem on one network that can be re-solved warm: the
 * caller creates it, `solve`s it once, then changes arc capacities with
 * `setCapacities`; the residual graph, excesses, potentials and work arrays
 * live on this object between solves.
 */
export class MinCostFlow {
  private state: Solved | null = null;

  constructor(
    readonly net: FlowNetwork,
    readonly source: number,
    readonly sink: number,
  ) {}

  /** Solves the network from scratch (see `minCostFlow`); returns optimal potentials. */
  solve(): Potentials {
    this.state = solveCold(this.net, this.source, this.sink);
    return { major: this.state.piMajor, minor: this.state.piMinor };
  }

  /**
   * Sets the capacity of arcs, between 0 (closed) and the capacity each was
   * added with (the return arc was sized for those), and restores a
   * minimum-cost flow, warm: an arc's flow above its new capacity is sent
   * back, a re-opened arc of negative reduced cost is saturated, and only the
   * excesses this leaves are re-routed, along shortest paths on the current
   * potentials.
   */
  setCapacities(arcs: Iterable<number>, capacity: (arc: number) => number): Potentials {
    if (this.state === null) throw new InternalError("setCapacities needs a network solved by MinCostFlow.solve");
    return resolveWarm(this.net, this.state, arcs, capacity);
  }
}

/** The cheapest circulation from scratch (cost scaling, see `minCostFlow`), with the state a warm re-solve needs. */
function solveCold(net: FlowNetwork, source: number, sink: number): Solved {
  // The free return arc makes the flow a circulation; it lives in the residual graph only.
  const g = net.compile([{ from: sink, to: source, capacity: net.capacityOut(source) }]);
  const n = g.n;
  const m = g.to.length;
  const tail = new Int32Array(m);
  for (let v = 0; v < n; v++) for (let e = i32(g.first, v); e < i32(g.first, v + 1); e++) tail[e] = v;
  let maxMinor = 0;
  for (let e = 0; e < m; e++) maxMinor = Math.max(maxMinor, Math.abs(f64(g.minor, e)));
  // The coarsest shift rounds every minor cost to -1, 0 or 1.
  let shift = 0;
  while (2 ** shift <= maxMinor) shift += SCALE_BITS;

  const piMajor = new Float64Array(n);
  // The source starts as high as its most valuable arc: no arc leaving it is saturated blindly (then
  // sent back one worth at a time, a Dijkstra each, when units have many worths such as balance's), and
  // the first Dijkstras send the most valuable units first, down to the last worth that finds room.
  for (let e = i32(g.first, source); e < i32(g.first, source + 1); e++) piMajor[source] = Math.max(f64(piMajor, source), -f64(g.major, e));
  const piMinor = new Float64Array(n);
  const excess = new Float64Array(n);
  const scaled = new Float64Array(m);
  const level: Residual = { ...g, minor: scaled };
  const work = new Work(n, m);
  const rescale = (): void => {
    const unit = 2 ** shift;
    for (let e = 0; e < m; e++) {
      if (e < i32(g.twin, e)) {
        scaled[e] = Math.floor(f64(g.minor, e) / unit);
        scaled[i32(g.twin, e)] = -f64(scaled, e);
      }
    }
  };
  for (; shift >= 0; shift -= SCALE_BITS) {
    for (let v = 0; v < n; v++) piMinor[v] = f64(piMinor, v) * 2 ** SCALE_BITS;
    rescale();
    // Arcs that the finer costs make negative are saturated; their flow leaves excesses and deficits.
    for (let e = 0; e < m; e++) {
      if (f64(g.cap, e) <= 0) continue;
      const u = i32(tail, e);
      const v = i32(g.to, e);
      const rMajor = f64(g.major, e) + f64(piMajor, u) - f64(piMajor, v);
      if (rMajor < 0 || (rMajor === 0 && f64(scaled, e) + f64(piMinor, u) - f64(piMinor, v) < 0)) {
        const amount = f64(g.cap, e);
        g.cap[e] = 0;
        addF64(g.cap, i32(g.twin, e), amount);
        addF64(excess, v, amount);
        addF64(excess, u, -amount);
      }
    }
    settle(level, excess, piMajor, piMinor, work);
  }
  return { g, excess, piMajor, piMinor, work };
}

/** What a solved network keeps for warm re-solves. */
interface Solved {
  readonly g: Residual;
  readonly excess: Float64Array;
  readonly piMajor: Float64Array;
  readonly piMinor: Float64Array;
  readonly work: Work;
}

/** `MinCostFlow.setCapacities` on the state of a solved network. */
function resolveWarm(net: FlowNetwork, state: Solved, arcs: Iterable<number>, capacity: (arc: number) => number): Potentials {
  const { g, excess, piMajor, piMinor, work } = state;
  const move = (e: number, amount: number): void => {
    // `amount` more units on residual arc e (negative: fewer).
    const r = i32(g.twin, e);
    addF64(g.cap, e, -amount);
    addF64(g.cap, r, amount);
    addF64(excess, i32(g.to, e), amount);
    addF64(excess, i32(g.to, r), -amount);
  };
  for (const arc of arcs) {
    const e = net.residualArc(arc);
    const r = i32(g.twin, e);
    const cap = capacity(arc);
    if (!(cap >= 0 && cap <= net.capacity(arc))) throw new InternalError(`capacity ${cap} of arc ${arc} outside 0..${net.capacity(arc)}`);
    const flow = Math.min(f64(g.cap, r), cap);
    move(e, flow - f64(g.cap, r));
    g.cap[e] = cap - flow;
    const u = i32(g.to, r);
    const v = i32(g.to, e);
    const rMajor = f64(g.major, e) + f64(piMajor, u) - f64(piMajor, v);
    if (rMajor < 0 || (rMajor === 0 && f64(g.minor, e) + f64(piMinor, u) - f64(piMinor, v) < 0)) move(e, f64(g.cap, e));
  }
  settle(g, excess, piMajor, piMinor, work);
  return { major: piMajor, minor: piMinor };
}

/** Bits of the minor costs added per scaling level. */
const SCALE_BITS = 4;

/** Sends every excess to deficits along shortest paths (reduced costs must be ≥ 0). */
function settle(g: Residual, excess: Float64Array, piMajor: Float64Array, piMinor: Float64Array, work: Work): void {
  for (;;) {
    const sources: number[] = [];
    let deficits = 0;
    for (let v = 0; v < g.n; v++) {
      if (f64(excess, v) > 0) sources.push(v);
      else if (f64(excess, v) < 0) deficits++;
    }
    if (sources.length === 0) return;
    // One Dijkstra from every excess at once (or to every deficit at once, when deficits are fewer),
    // until enough of the other side is reached to absorb them all.
    shortestPaths(g, excess, deficits < sources.length, piMajor, piMinor, work);
    // Rounds on the same potentials until no shortest path is left: far cheaper than another Dijkstra.
    let sent = 0;
    for (let more = 1; more > 0; sent += more) {
      work.reset();
      more = 0;
      for (const v of sources) if (f64(excess, v) > 0) more += push(g, v, excess, work);
    }
    if (sent === 0) throw new InternalError("no excess could reach a deficit");
  }
}

/**
 * Depth-first pushes from one excess node to deficit nodes over the tight
 * arcs (reduced cost exactly zero, inside the nodes Dijkstra reached), with
 * current-arc pointers and dead-end marks (each arc is scanned about once per
 * phase) and an on-path mark (zero-cost cycles are skipped).
 */
function push(g: Residual, start: number, excess: Float64Array, work: Work): number {
  const { current, dead, onPath, path, tightFirst, tightArc } = work;
  let total = 0;
  let depth = 0;
  let u = start;
  onPath[start] = 1;
  while (f64(excess, start) > 0) {
    if (f64(excess, u) < 0 && u !== start) {
      let amount = Math.min(f64(excess, start), -f64(excess, u));
      for (let i = 0; i < depth; i++) amount = Math.min(amount, f64(g.cap, i32(path, i)));
      for (let i = 0; i < depth; i++) {
        const e = i32(path, i);
        addF64(g.cap, e, -amount);
        addF64(g.cap, i32(g.twin, e), amount);
        onPath[i32(g.to, e)] = 0;
      }
      addF64(excess, start, -amount);
      addF64(excess, u, amount);
      total += amount;
      depth = 0;
      u = start;
      continue;
    }
    const end = i32(tightFirst, u + 1);
    let k = i32(current, u);
    for (; k < end; k++) {
      const e = i32(tightArc, k);
      const v = i32(g.to, e);
      if (f64(g.cap, e) > 0 && !dead[v] && !onPath[v]) break;
    }
    current[u] = k;
    if (k < end) {
      const e = i32(tightArc, k);
      path[depth++] = e;
      u = i32(g.to, e);
      onPath[u] = 1;
      continue;
    }
    dead[u] = 1;
    onPath[u] = 0;
    if (u === start) break;
    const back = i32(path, --depth);
    u = i32(g.to, i32(g.twin, back));
    addI32(current, u, 1);
  }
  onPath[start] = 0;
  return total;
}

/** Arrays reused across Dijkstra phases. */
class Work {
  readonly distMajor: Float64Array;
  readonly distMinor: Float64Array;
  readonly heap: Heap;
  readonly current: Int32Array;
  readonly dead: Uint8Array;
  readonly onPath: Uint8Array;
  readonly path: Int32Array;
  readonly near: Uint8Array;
  /** Arcs of reduced cost zero inside `near`, per node: `tightArc[tightFirst[u] .. tightFirst[u + 1])`. */
  readonly tightFirst: Int32Array;
  readonly tightArc: Int32Array;

  /** Clears the depth-first marks before a round of pushes. */
  reset(): void {
    this.dead.fill(0);
    this.current.set(this.tightFirst.subarray(0, this.current.length));
  }

  constructor(n: number, m: number) {
    this.tightFirst = new Int32Array(n + 1);
    this.tightArc = new Int32Array(m);
    this.distMajor = new Float64Array(n);
    this.distMinor = new Float64Array(n);
    this.heap = new Heap(n);
    this.current = new Int32Array(n);
    this.dead = new Uint8Array(n);
    this.onPath = new Uint8Array(n);
    this.path = new Int32Array(n + 1);
    this.near = new Uint8Array(n);
  }
}

/**
 * Dijkstra on reduced costs from the nodes with an excess (at distance 0),
 * stopped once the deficits settled can absorb every excess; potentials then
 * grow by each node's distance, capped at the last settled distance. With
 * `toDeficits`, the same backwards: distances *to* the nodes with a deficit,
 * over residual arcs taken in reverse, stopped once the excesses settled
 * cover every deficit, and potentials shrink by them. Either way every
 * residual arc keeps a reduced cost ≥ 0 and shortest paths have reduced cost
 * 0; `work.near` marks the nodes within the last distance. Forwards, each
 * deficit reached gets a zero-cost path from its nearest excess; backwards,
 * each excess gets one to its nearest deficit: the side with more nodes is
 * the one to serve, so a few deficits facing many excesses at many distances
 * (a flow's source facing every firm) take one Dijkstra, not one per distance.
 */
function shortestPaths(
  g: Residual,
  excess: Float64Array,
  toDeficits: boolean,
  piMajor: Float64Array,
  piMinor: Float64Array,
  work: Work,
): void {
  const { distMajor, distMinor, heap, near } = work;
  distMajor.fill(INF);
  distMinor.fill(INF);
  heap.clear();
  // Forwards the roots are the excesses and the deficits absorb; backwards the other way round.
  const sign = toDeficits ? -1 : 1;
  let unabsorbed = 0;
  for (let v = 0; v < g.n; v++) {
    if (sign * f64(excess, v) <= 0) continue;
    distMajor[v] = 0;
    distMinor[v] = 0;
    heap.push(v, 0, 0);
    unabsorbed += sign * f64(excess, v);
  }
  let lastMajor = 0;
  let lastMinor = 0;
  while (heap.size > 0) {
    const u = heap.pop();
    const kMajor = heap.poppedMajor;
    const kMinor = heap.poppedMinor;
    if (kMajor !== distMajor[u] || kMinor !== distMinor[u]) continue;
    lastMajor = kMajor;
    lastMinor = kMinor;
    if (sign * f64(excess, u) < 0) {
      unabsorbed += sign * f64(excess, u);
      if (unabsorbed <= 0) break;
    }
    const end = i32(g.first, u + 1);
    if (!toDeficits) {
      const baseMajor = kMajor + f64(piMajor, u);
      const baseMinor = kMinor + f64(piMinor, u);
      for (let e = i32(g.first, u); e < end; e++) {
        if (f64(g.cap, e) <= 0) continue;
        const v = i32(g.to, e);
        const nMajor = baseMajor + f64(g.major, e) - f64(piMajor, v);
        const nMinor = baseMinor + f64(g.minor, e) - f64(piMinor, v);
        if (nMajor < f64(distMajor, v) || (nMajor === distMajor[v] && nMinor < f64(distMinor, v))) {
          distMajor[v] = nMajor;
          distMinor[v] = nMinor;
          heap.push(v, nMajor, nMinor);
        }
      }
    } else {
      // Arcs v → u with room, found as the twins of u's arcs: d(v) ≤ d(u) + reduced cost of v → u.
      const baseMajor = kMajor - f64(piMajor, u);
      const baseMinor = kMinor - f64(piMinor, u);
      for (let e = i32(g.first, u); e < end; e++) {
        const r = i32(g.twin, e);
        if (f64(g.cap, r) <= 0) continue;
        const v = i32(g.to, e);
        const nMajor = baseMajor + f64(g.major, r) + f64(piMajor, v);
        const nMinor = baseMinor + f64(g.minor, r) + f64(piMinor, v);
        if (nMajor < f64(distMajor, v) || (nMajor === distMajor[v] && nMinor < f64(distMinor, v))) {
          distMajor[v] = nMajor;
          distMinor[v] = nMinor;
          heap.push(v, nMajor, nMinor);
        }
      }
    }
  }
  for (let v = 0; v < g.n; v++) {
    const within = f64(distMajor, v) < lastMajor || (distMajor[v] === lastMajor && f64(distMinor, v) <= lastMinor);
    addF64(piMajor, v, sign * (within ? f64(distMajor, v) : lastMajor));
    addF64(piMinor, v, sign * (within ? f64(distMinor, v) : lastMinor));
    near[v] = within ? 1 : 0;
  }
  tight(g, piMajor, piMinor, work);
}

/**
 * Lists, per node, the arcs of reduced cost exactly zero between nodes within
 * the last Dijkstra's reach, whatever their residual capacity (an arc's twin
 * is listed with it, so augmentations never open an arc that is not listed).
 * Pushes then scan only these arcs, a small part of the graph.
 */
function tight(g: Residual, piMajor: Float64Array, piMinor: Float64Array, work: Work): void {
  const { near, tightFirst, tightArc } = work;
  let count = 0;
  for (let u = 0; u < g.n; u++) {
    tightFirst[u] = count;
    if (!near[u]) continue;
    const pu = f64(piMajor, u);
    const qu = f64(piMinor, u);
    for (let e = i32(g.first, u); e < i32(g.first, u + 1); e++) {
      const v = i32(g.to, e);
      if (near[v] && f64(g.major, e) + pu - f64(piMajor, v) === 0 && f64(g.minor, e) + qu - f64(piMinor, v) === 0) tightArc[count++] = e;
    }
  }
  tightFirst[g.n] = count;
}
