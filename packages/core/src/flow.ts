/**
 * Min-cost flow with lexicographic costs `(major, minor)`, both integers, by the
 * primal–dual method: Dijkstra on reduced costs (Johnson potentials), then a
 * blocking flow (Dinic) on the arcs of reduced cost zero. The flow amount is
 * free: augmentation stops when the cheapest path no longer lowers the cost,
 * so the result is a minimum-cost flow of any value. Exact for integer data.
 */

export class FlowNetwork {
  readonly head: number[];
  readonly to: number[] = [];
  readonly next: number[] = [];
  readonly cap: number[] = [];
  readonly major: number[] = [];
  readonly minor: number[] = [];

  constructor(readonly nodeCount: number) {
    this.head = new Array<number>(nodeCount).fill(-1);
  }

  /** Adds arc `u → v` and its residual twin; returns the arc id (the twin is `id ^ 1`). */
  addArc(u: number, v: number, capacity: number, major: number, minor: number): number {
    const id = this.to.length;
    this.push(u, v, capacity, major, minor);
    this.push(v, u, 0, -major, -minor);
    return id;
  }

  /** Flow on an arc added by `addArc`. */
  flow(arc: number): number {
    return this.cap[arc ^ 1]!;
  }

  private push(u: number, v: number, capacity: number, major: number, minor: number): void {
    this.to.push(v);
    this.cap.push(capacity);
    this.major.push(major);
    this.minor.push(minor);
    this.next.push(this.head[u]!);
    this.head[u] = this.to.length - 1;
  }
}

/** Total cost of a flow, lexicographic. */
export interface FlowCost {
  readonly major: number;
  readonly minor: number;
}

const INF = Number.POSITIVE_INFINITY;

const less = (aMajor: number, aMinor: number, bMajor: number, bMinor: number): boolean =>
  aMajor < bMajor || (aMajor === bMajor && aMinor < bMinor);

/**
 * Sends flow from `source` to `sink` while a path of negative cost exists.
 * The network must have no negative cycle (ours are DAGs at the start).
 */
export function minCostFlow(net: FlowNetwork, source: number, sink: number): FlowCost {
  const n = net.nodeCount;
  const piMajor = new Float64Array(n);
  const piMinor = new Float64Array(n);
  initialPotentials(net, source, piMajor, piMinor);
  const distMajor = new Float64Array(n);
  const distMinor = new Float64Array(n);
  let totalMajor = 0;
  let totalMinor = 0;
  for (;;) {
    if (!dijkstra(net, source, piMajor, piMinor, distMajor, distMinor) || distMajor[sink] === INF) break;
    const dMajor = distMajor[sink]!;
    const dMinor = distMinor[sink]!;
    for (let v = 0; v < n; v++) {
      if (less(distMajor[v]!, distMinor[v]!, dMajor, dMinor)) {
        piMajor[v]! += distMajor[v]!;
        piMinor[v]! += distMinor[v]!;
      } else {
        piMajor[v]! += dMajor;
        piMinor[v]! += dMinor;
      }
    }
    const pathMajor = piMajor[sink]! - piMajor[source]!;
    const pathMinor = piMinor[sink]! - piMinor[source]!;
    if (!less(pathMajor, pathMinor, 0, 0)) break;
    const sent = blockingFlow(net, source, sink, piMajor, piMinor);
    if (sent === 0) break;
    totalMajor += sent * pathMajor;
    totalMinor += sent * pathMinor;
  }
  return { major: totalMajor, minor: totalMinor };
}

/** Shortest distances from the source by Bellman–Ford (queue-based); unreachable nodes get 0. */
function initialPotentials(net: FlowNetwork, source: number, piMajor: Float64Array, piMinor: Float64Array): void {
  const n = net.nodeCount;
  const reached = new Uint8Array(n);
  const inQueue = new Uint8Array(n);
  piMajor.fill(INF);
  piMinor.fill(INF);
  piMajor[source] = 0;
  piMinor[source] = 0;
  reached[source] = 1;
  const queue: number[] = [source];
  inQueue[source] = 1;
  for (let q = 0; q < queue.length; q++) {
    const u = queue[q]!;
    inQueue[u] = 0;
    for (let e = net.head[u]!; e !== -1; e = net.next[e]!) {
      if (net.cap[e]! <= 0) continue;
      const v = net.to[e]!;
      const nMajor = piMajor[u]! + net.major[e]!;
      const nMinor = piMinor[u]! + net.minor[e]!;
      if (!reached[v] || less(nMajor, nMinor, piMajor[v]!, piMinor[v]!)) {
        reached[v] = 1;
        piMajor[v] = nMajor;
        piMinor[v] = nMinor;
        if (!inQueue[v]) {
          inQueue[v] = 1;
          queue.push(v);
        }
      }
    }
  }
  for (let v = 0; v < n; v++) {
    if (!reached[v]) {
      piMajor[v] = 0;
      piMinor[v] = 0;
    }
  }
}

/** Dijkstra on reduced costs; returns whether the sink side was reached at all (any node besides the source). */
function dijkstra(
  net: FlowNetwork,
  source: number,
  piMajor: Float64Array,
  piMinor: Float64Array,
  distMajor: Float64Array,
  distMinor: Float64Array,
): boolean {
  distMajor.fill(INF);
  distMinor.fill(INF);
  distMajor[source] = 0;
  distMinor[source] = 0;
  const heap = new PairHeap();
  heap.push(source, 0, 0);
  let reachedAny = false;
  while (heap.size > 0) {
    const { node: u, major: kMajor, minor: kMinor } = heap.pop();
    if (kMajor !== distMajor[u] || kMinor !== distMinor[u]) continue;
    for (let e = net.head[u]!; e !== -1; e = net.next[e]!) {
      if (net.cap[e]! <= 0) continue;
      const v = net.to[e]!;
      const nMajor = kMajor + net.major[e]! + piMajor[u]! - piMajor[v]!;
      const nMinor = kMinor + net.minor[e]! + piMinor[u]! - piMinor[v]!;
      if (less(nMajor, nMinor, distMajor[v]!, distMinor[v]!)) {
        distMajor[v] = nMajor;
        distMinor[v] = nMinor;
        heap.push(v, nMajor, nMinor);
        reachedAny = true;
      }
    }
  }
  return reachedAny;
}

/** Dinic on the admissible subgraph (residual arcs of reduced cost exactly zero). */
function blockingFlow(net: FlowNetwork, source: number, sink: number, piMajor: Float64Array, piMinor: Float64Array): number {
  const n = net.nodeCount;
  const admissible = (e: number, u: number): boolean => {
    if (net.cap[e]! <= 0) return false;
    const v = net.to[e]!;
    return net.major[e]! + piMajor[u]! - piMajor[v]! === 0 && net.minor[e]! + piMinor[u]! - piMinor[v]! === 0;
  };
  const level = new Int32Array(n);
  const current = new Int32Array(n);
  let total = 0;
  for (;;) {
    level.fill(-1);
    level[source] = 0;
    const queue = [source];
    for (let q = 0; q < queue.length; q++) {
      const u = queue[q]!;
      for (let e = net.head[u]!; e !== -1; e = net.next[e]!) {
        const v = net.to[e]!;
        if (level[v] === -1 && admissible(e, u)) {
          level[v] = level[u]! + 1;
          queue.push(v);
        }
      }
    }
    if (level[sink] === -1) return total;
    for (let v = 0; v < n; v++) current[v] = net.head[v]!;
    for (;;) {
      const sent = augment(net, source, sink, level, current, admissible);
      if (sent === 0) break;
      total += sent;
    }
  }
}

/** One augmenting path in the level graph, found iteratively (paths can be long). */
function augment(
  net: FlowNetwork,
  source: number,
  sink: number,
  level: Int32Array,
  current: Int32Array,
  admissible: (e: number, u: number) => boolean,
): number {
  const pathArcs: number[] = [];
  let u = source;
  for (;;) {
    if (u === sink) {
      let bottleneck = INF;
      for (const e of pathArcs) bottleneck = Math.min(bottleneck, net.cap[e]!);
      for (const e of pathArcs) {
        net.cap[e]! -= bottleneck;
        net.cap[e ^ 1]! += bottleneck;
      }
      return bottleneck;
    }
    let advanced = false;
    for (let e = current[u]!; e !== -1; e = net.next[e]!) {
      const v = net.to[e]!;
      if (level[v] === level[u]! + 1 && admissible(e, u)) {
        current[u] = e;
        pathArcs.push(e);
        u = v;
        advanced = true;
        break;
      }
    }
    if (advanced) continue;
    current[u] = -1;
    level[u] = -1;
    if (u === source) return 0;
    const back = pathArcs.pop()!;
    u = net.to[back ^ 1]!;
    current[u] = net.next[current[u]!]!;
  }
}

/** Binary min-heap of (node, major, minor) with lexicographic keys. */
class PairHeap {
  private nodes: number[] = [];
  private majors: number[] = [];
  private minors: number[] = [];

  get size(): number {
    return this.nodes.length;
  }

  push(node: number, major: number, minor: number): void {
    this.nodes.push(node);
    this.majors.push(major);
    this.minors.push(minor);
    let i = this.nodes.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.lessAt(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): { node: number; major: number; minor: number } {
    const top = { node: this.nodes[0]!, major: this.majors[0]!, minor: this.minors[0]! };
    const last = this.nodes.length - 1;
    this.swap(0, last);
    this.nodes.pop();
    this.majors.pop();
    this.minors.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.nodes.length && this.lessAt(l, m)) m = l;
      if (r < this.nodes.length && this.lessAt(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }

  private lessAt(i: number, j: number): boolean {
    return less(this.majors[i]!, this.minors[i]!, this.majors[j]!, this.minors[j]!) ||
      (this.majors[i] === this.majors[j] && this.minors[i] === this.minors[j] && this.nodes[i]! < this.nodes[j]!);
  }

  private swap(i: number, j: number): void {
    [this.nodes[i], this.nodes[j]] = [this.nodes[j]!, this.nodes[i]!];
    [this.majors[i], this.majors[j]] = [this.majors[j]!, this.majors[i]!];
    [this.minors[i], this.minors[j]] = [this.minors[j]!, this.minors[i]!];
  }
}
