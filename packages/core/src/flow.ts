/**
 * Min-cost flow with lexicographic costs `(major, minor)`, both integers:
 * primal–dual (Dijkstra on reduced costs with Johnson potentials, augmentation
 * along every shortest path by depth-first search) inside cost scaling of the
 * minor costs. The flow amount is free: the result is a minimum-cost flow of
 * any value. Exact for integer data.
 */

import { Heap } from "./heap.js";

/** A network under construction; `minCostFlow` solves it and `flow` reads the result. */
export class FlowNetwork {
  private readonly tails: number[] = [];
  private readonly heads: number[] = [];
  private readonly caps: number[] = [];
  private readonly majors: number[] = [];
  private readonly minors: number[] = [];
  /** Residual position of each arc after solving. */
  private position: Int32Array | null = null;
  private residual: Float64Array | null = null;

  constructor(readonly nodeCount: number) {}

  /** Total capacity of the arcs leaving `u`. */
  capacityOut(u: number): number {
    let total = 0;
    this.tails.forEach((t, a) => {
      if (t === u) total += this.caps[a]!;
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
    return this.position![arc]!;
  }

  /** Flow on an arc after `minCostFlow`. */
  flow(arc: number): number {
    return this.caps[arc]! - this.residual![this.position![arc]!]!;
  }

  /** Compressed residual graph: each node's arcs contiguous, each arc with its twin. */
  compile(): Residual {
    const n = this.nodeCount;
    const m = this.tails.length;
    const first = new Int32Array(n + 1);
    for (let a = 0; a < m; a++) {
      first[this.tails[a]! + 1]!++;
      first[this.heads[a]! + 1]!++;
    }
    for (let v = 0; v < n; v++) first[v + 1]! += first[v]!;
    const fill = first.slice(0, n);
    const to = new Int32Array(2 * m);
    const twin = new Int32Array(2 * m);
    const cap = new Float64Array(2 * m);
    const major = new Float64Array(2 * m);
    const minor = new Float64Array(2 * m);
    this.position = new Int32Array(m);
    for (let a = 0; a < m; a++) {
      const u = this.tails[a]!;
      const v = this.heads[a]!;
      const e = fill[u]!++;
      const r = fill[v]!++;
      to[e] = v;
      to[r] = u;
      twin[e] = r;
      twin[r] = e;
      cap[e] = this.caps[a]!;
      major[e] = this.majors[a]!;
      major[r] = -this.majors[a]!;
      minor[e] = this.minors[a]!;
      minor[r] = -this.minors[a]!;
      this.position[a] = e;
    }
    this.residual = cap;
    return { n, first, to, twin, cap, major, minor };
  }
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
 * Augments along shortest paths (reduced costs must be ≥ 0) while the
 * cheapest path lowers the cost; returns the flow sent.
 */
function successiveShortestPaths(
  g: Residual,
  source: number,
  sink: number,
  piMajor: Float64Array,
  piMinor: Float64Array,
  work: Work,
): number {
  // The source is an endless excess and the sink an endless deficit.
  const excess = new Float64Array(g.n);
  excess[source] = INF;
  excess[sink] = -INF;
  let total = 0;
  for (;;) {
    if (!shortestPaths(g, [source], sink, piMajor, piMinor, work)) return total;
    const pathMajor = piMajor[sink]! - piMajor[source]!;
    const pathMinor = piMinor[sink]! - piMinor[source]!;
    // The cheapest path no longer pays: with it, these potentials are optimal duals.
    if (pathMajor > 0 || (pathMajor === 0 && pathMinor >= 0)) return total;
    // One round: paths it misses (opened by its own augmentations) are found at the next Dijkstra.
    work.reset(g);
    const sent = push(g, source, excess, piMajor, piMinor, work);
    if (sent === 0) return total;
    total += sent;
  }
}

/**
 * Sends flow from `source` to `sink` while a path of negative cost exists (the
 * network must have no negative cycle), by cost scaling (Edmonds–Karp, Röck):
 * the minor costs are solved coarse first by successive shortest paths, then
 * `SCALE_BITS` bits finer at a time: the potentials are scaled up, the few
 * arcs that turn negative are saturated, and the excesses this leaves are sent
 * to the deficits along shortest paths. Plain successive shortest paths need a
 * Dijkstra per distinct path cost; each level here needs few.
 * Returns optimal dual potentials of the circulation (with a return arc sink → source).
 */
export function minCostFlow(net: FlowNetwork, source: number, sink: number): Potentials {
  const back = net.addArc(sink, source, net.capacityOut(source), 0, 0);
  const g = net.compile();
  const n = g.n;
  const m = g.to.length;
  const tail = new Int32Array(m);
  for (let v = 0; v < n; v++) for (let e = g.first[v]!; e < g.first[v + 1]!; e++) tail[e] = v;
  let maxMinor = 0;
  for (let e = 0; e < m; e++) maxMinor = Math.max(maxMinor, Math.abs(g.minor[e]!));
  let shift = 0;
  while (2 ** (shift + SCALE_BITS) <= maxMinor) shift += SCALE_BITS;

  const piMajor = new Float64Array(n);
  const piMinor = new Float64Array(n);
  const excess = new Float64Array(n);
  const scaled = new Float64Array(m);
  const level: Residual = { ...g, minor: scaled };
  const work = new Work(n);
  const rescale = (): void => {
    for (let e = 0; e < m; e++) {
      if (e < g.twin[e]!) {
        scaled[e] = Math.floor(g.minor[e]! / 2 ** shift);
        scaled[g.twin[e]!] = -scaled[e]!;
      }
    }
  };
  // Coarsest level: plain successive shortest paths (few distinct costs), then close the circulation.
  rescale();
  const returnArc = net.residualArc(back);
  const saved = g.cap[returnArc]!;
  g.cap[returnArc] = 0;
  bellmanFord(level, source, piMajor, piMinor);
  const flow = successiveShortestPaths(level, source, sink, piMajor, piMinor, work);
  g.cap[returnArc] = saved - flow;
  g.cap[g.twin[returnArc]!] = flow;
  for (shift -= SCALE_BITS; shift >= 0; shift -= SCALE_BITS) {
    for (let v = 0; v < n; v++) piMinor[v]! *= 2 ** SCALE_BITS;
    rescale();
    // Arcs that the finer costs make negative are saturated; their flow leaves excesses and deficits.
    for (let e = 0; e < m; e++) {
      if (g.cap[e]! <= 0) continue;
      const u = tail[e]!;
      const v = g.to[e]!;
      const rMajor = g.major[e]! + piMajor[u]! - piMajor[v]!;
      if (rMajor < 0 || (rMajor === 0 && scaled[e]! + piMinor[u]! - piMinor[v]! < 0)) {
        const amount = g.cap[e]!;
        g.cap[e] = 0;
        g.cap[g.twin[e]!]! += amount;
        excess[v]! += amount;
        excess[u]! -= amount;
      }
    }
    settle(level, excess, piMajor, piMinor, work);
  }
  return { major: piMajor, minor: piMinor };
}

/** Bits of the minor costs added per scaling level. */
const SCALE_BITS = 4;

/** Sends every excess to deficits along shortest paths (reduced costs must be ≥ 0). */
function settle(g: Residual, excess: Float64Array, piMajor: Float64Array, piMinor: Float64Array, work: Work): void {
  for (;;) {
    const sources: number[] = [];
    for (let v = 0; v < g.n; v++) if (excess[v]! > 0) sources.push(v);
    if (sources.length === 0) return;
    // A full Dijkstra from every excess: every deficit is then reached along shortest paths at once.
    shortestPaths(g, sources, -1, piMajor, piMinor, work);
    // Rounds on the same potentials until no shortest path is left: far cheaper than another Dijkstra.
    let sent = 0;
    for (let more = 1; more > 0; sent += more) {
      work.reset(g);
      more = 0;
      for (const v of sources) if (excess[v]! > 0) more += push(g, v, excess, piMajor, piMinor, work);
    }
    if (sent === 0) throw new Error("internal: no excess could reach a deficit");
  }
}

/**
 * Depth-first pushes from one excess node to deficit nodes over arcs of
 * reduced cost exactly zero, inside the nodes Dijkstra reached, with
 * current-arc pointers and dead-end marks (each arc is scanned about once per
 * phase) and an on-path mark (zero-cost cycles are skipped).
 */
function push(g: Residual, start: number, excess: Float64Array, piMajor: Float64Array, piMinor: Float64Array, work: Work): number {
  const { current, dead, onPath, path, near } = work;
  let total = 0;
  let depth = 0;
  let u = start;
  onPath[start] = 1;
  while (excess[start]! > 0) {
    if (excess[u]! < 0 && u !== start) {
      let amount = Math.min(excess[start]!, -excess[u]!);
      for (let i = 0; i < depth; i++) amount = Math.min(amount, g.cap[path[i]!]!);
      for (let i = 0; i < depth; i++) {
        const e = path[i]!;
        g.cap[e]! -= amount;
        g.cap[g.twin[e]!]! += amount;
        onPath[g.to[e]!] = 0;
      }
      excess[start]! -= amount;
      excess[u]! += amount;
      total += amount;
      depth = 0;
      u = start;
      continue;
    }
    const end = g.first[u + 1]!;
    let e = current[u]!;
    for (; e < end; e++) {
      const v = g.to[e]!;
      if (
        g.cap[e]! > 0 && near[v] && !dead[v] && !onPath[v] &&
        g.major[e]! + piMajor[u]! - piMajor[v]! === 0 && g.minor[e]! + piMinor[u]! - piMinor[v]! === 0
      ) break;
    }
    current[u] = e;
    if (e < end) {
      path[depth++] = e;
      u = g.to[e]!;
      onPath[u] = 1;
      continue;
    }
    dead[u] = 1;
    onPath[u] = 0;
    if (u === start) break;
    const back = path[--depth]!;
    u = g.to[g.twin[back]!]!;
    current[u]!++;
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

  /** Clears the depth-first marks before a round of pushes. */
  reset(g: Residual): void {
    this.dead.fill(0);
    this.current.set(g.first.subarray(0, g.n));
  }

  constructor(n: number) {
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

/** Shortest distances from the source (queue-based Bellman–Ford); unreachable nodes get 0. */
function bellmanFord(g: Residual, source: number, piMajor: Float64Array, piMinor: Float64Array): void {
  piMajor.fill(INF);
  piMinor.fill(INF);
  piMajor[source] = 0;
  piMinor[source] = 0;
  const inQueue = new Uint8Array(g.n);
  const queue: number[] = [source];
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q]!;
    inQueue[u] = 0;
    for (let e = g.first[u]!; e < g.first[u + 1]!; e++) {
      if (g.cap[e]! <= 0) continue;
      const v = g.to[e]!;
      const nMajor = piMajor[u]! + g.major[e]!;
      const nMinor = piMinor[u]! + g.minor[e]!;
      if (nMajor < piMajor[v]! || (nMajor === piMajor[v] && nMinor < piMinor[v]!)) {
        piMajor[v] = nMajor;
        piMinor[v] = nMinor;
        if (!inQueue[v]) {
          inQueue[v] = 1;
          queue.push(v);
        }
      }
    }
  }
  for (let v = 0; v < g.n; v++) {
    if (piMajor[v] === INF) {
      piMajor[v] = 0;
      piMinor[v] = 0;
    }
  }
}

/**
 * Dijkstra on reduced costs from `sources` (at distance 0), stopped once
 * `target` is settled (or run to the end when `target` is -1). Potentials then
 * grow by each node's distance, capped at the last settled distance, so every
 * residual arc keeps a reduced cost ≥ 0 and shortest paths have reduced cost 0;
 * `work.near` marks the nodes within that distance. Returns whether `target` was reached.
 */
function shortestPaths(
  g: Residual,
  sources: readonly number[],
  target: number,
  piMajor: Float64Array,
  piMinor: Float64Array,
  work: Work,
): boolean {
  const { distMajor, distMinor, heap, near } = work;
  distMajor.fill(INF);
  distMinor.fill(INF);
  heap.clear();
  for (const v of sources) {
    distMajor[v] = 0;
    distMinor[v] = 0;
    heap.push(v, 0, 0);
  }
  let lastMajor = 0;
  let lastMinor = 0;
  let reached = false;
  while (heap.size > 0) {
    const u = heap.pop();
    const kMajor = heap.poppedMajor;
    const kMinor = heap.poppedMinor;
    if (kMajor !== distMajor[u] || kMinor !== distMinor[u]) continue;
    lastMajor = kMajor;
    lastMinor = kMinor;
    if (u === target) {
      reached = true;
      break;
    }
    const baseMajor = kMajor + piMajor[u]!;
    const baseMinor = kMinor + piMinor[u]!;
    for (let e = g.first[u]!; e < g.first[u + 1]!; e++) {
      if (g.cap[e]! <= 0) continue;
      const v = g.to[e]!;
      const nMajor = baseMajor + g.major[e]! - piMajor[v]!;
      const nMinor = baseMinor + g.minor[e]! - piMinor[v]!;
      if (nMajor < distMajor[v]! || (nMajor === distMajor[v] && nMinor < distMinor[v]!)) {
        distMajor[v] = nMajor;
        distMinor[v] = nMinor;
        heap.push(v, nMajor, nMinor);
      }
    }
  }
  if (target >= 0 && !reached) return false;
  for (let v = 0; v < g.n; v++) {
    const within = distMajor[v]! < lastMajor || (distMajor[v] === lastMajor && distMinor[v]! <= lastMinor);
    piMajor[v]! += within ? distMajor[v]! : lastMajor;
    piMinor[v]! += within ? distMinor[v]! : lastMinor;
    near[v] = within ? 1 : 0;
  }
  return true;
}
