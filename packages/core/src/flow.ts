/**
 * Min-cost flow with lexicographic costs `(major, minor)`, both integers, by the
 * primal–dual method: Dijkstra on reduced costs (Johnson potentials), then
 * augmentation along every shortest path found by a depth-first search. The flow amount is
 * free: augmentation stops when the cheapest path no longer lowers the cost,
 * so the result is a minimum-cost flow of any value. Exact for integer data.
 */

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

  /** Adds arc `u → v`; returns its id. */
  addArc(u: number, v: number, capacity: number, major: number, minor: number): number {
    this.tails.push(u);
    this.heads.push(v);
    this.caps.push(capacity);
    this.majors.push(major);
    this.minors.push(minor);
    return this.tails.length - 1;
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
 * Sends flow from `source` to `sink` while a path of negative cost exists. The
 * network must have no negative cycle. Returns optimal dual potentials: an arc
 * left out of the network with non-negative reduced cost would not change the optimum.
 */
export function minCostFlow(net: FlowNetwork, source: number, sink: number): Potentials {
  const g = net.compile();
  const piMajor = new Float64Array(g.n);
  const piMinor = new Float64Array(g.n);
  bellmanFord(g, source, piMajor, piMinor);
  const distMajor = new Float64Array(g.n);
  const distMinor = new Float64Array(g.n);
  const heap = new Heap(g.n);
  const scratch: Scratch = {
    current: new Int32Array(g.n),
    dead: new Uint8Array(g.n),
    onPath: new Uint8Array(g.n),
    path: new Int32Array(g.n + 1),
    near: new Uint8Array(g.n),
  };
  for (;;) {
    dijkstra(g, source, sink, piMajor, piMinor, distMajor, distMinor, heap);
    const dMajor = distMajor[sink]!;
    const dMinor = distMinor[sink]!;
    if (dMajor === INF) return { major: piMajor, minor: piMinor };
    // Nodes beyond the sink's distance move by the sink's distance: reduced costs stay ≥ 0.
    for (let v = 0; v < g.n; v++) {
      const below = distMajor[v]! < dMajor || (distMajor[v] === dMajor && distMinor[v]! < dMinor);
      piMajor[v]! += below ? distMajor[v]! : dMajor;
      piMinor[v]! += below ? distMinor[v]! : dMinor;
    }
    const pathMajor = piMajor[sink]! - piMajor[source]!;
    const pathMinor = piMinor[sink]! - piMinor[source]!;
    // The cheapest path no longer pays: with it, these potentials are optimal duals.
    if (pathMajor > 0 || (pathMajor === 0 && pathMinor >= 0)) return { major: piMajor, minor: piMinor };
    // Only nodes Dijkstra reached within the sink's distance can lie on a shortest path.
    const { near } = scratch;
    for (let v = 0; v < g.n; v++) {
      near[v] = distMajor[v]! < dMajor || (distMajor[v] === dMajor && distMinor[v]! <= dMinor) ? 1 : 0;
    }
    // One round: paths it misses (opened by its own augmentations) are found at the next Dijkstra.
    if (augmentShortest(g, source, sink, piMajor, piMinor, scratch) === 0) return { major: piMajor, minor: piMinor };
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

/** Dijkstra on reduced costs, stopped once the sink is settled (farther nodes are clamped to its distance). */
function dijkstra(
  g: Residual,
  source: number,
  sink: number,
  piMajor: Float64Array,
  piMinor: Float64Array,
  distMajor: Float64Array,
  distMinor: Float64Array,
  heap: Heap,
): void {
  distMajor.fill(INF);
  distMinor.fill(INF);
  distMajor[source] = 0;
  distMinor[source] = 0;
  heap.clear();
  heap.push(source, 0, 0);
  while (heap.size > 0) {
    const u = heap.pop();
    const kMajor = heap.poppedMajor;
    const kMinor = heap.poppedMinor;
    if (kMajor !== distMajor[u] || kMinor !== distMinor[u]) continue;
    if (u === sink) return;
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
}

/**
 * Sends flow along shortest paths only: a depth-first search from the source
 * over residual arcs of reduced cost exactly zero, with current-arc pointers and dead-end marks (so each arc is scanned about
 * once per phase) and an on-path mark (zero-cost cycles are skipped).
 */
function augmentShortest(
  g: Residual,
  source: number,
  sink: number,
  piMajor: Float64Array,
  piMinor: Float64Array,
  scratch: Scratch,
): number {
  const { current, dead, onPath, path, near } = scratch;
  current.set(g.first.subarray(0, g.n));
  dead.fill(0);
  let total = 0;
  let depth = 0;
  let u = source;
  onPath[source] = 1;
  for (;;) {
    if (u === sink) {
      let bottleneck = INF;
      for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, g.cap[path[i]!]!);
      for (let i = 0; i < depth; i++) {
        const e = path[i]!;
        g.cap[e]! -= bottleneck;
        g.cap[g.twin[e]!]! += bottleneck;
        onPath[g.to[e]!] = 0;
      }
      total += bottleneck;
      depth = 0;
      u = source;
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
    if (u === source) return total;
    const back = path[--depth]!;
    u = g.to[g.twin[back]!]!;
    current[u]!++;
  }
}

/** Work arrays reused across phases. */
interface Scratch {
  readonly current: Int32Array;
  readonly dead: Uint8Array;
  readonly onPath: Uint8Array;
  readonly path: Int32Array;
  /** Nodes within the sink's distance in the last Dijkstra. */
  readonly near: Uint8Array;
}

/** Binary min-heap of nodes keyed by (major, minor), then node id; duplicates allowed (lazy deletion). */
class Heap {
  private nodes: Int32Array;
  private majors: Float64Array;
  private minors: Float64Array;
  size = 0;
  poppedMajor = 0;
  poppedMinor = 0;

  constructor(capacity: number) {
    this.nodes = new Int32Array(Math.max(16, capacity));
    this.majors = new Float64Array(this.nodes.length);
    this.minors = new Float64Array(this.nodes.length);
  }

  clear(): void {
    this.size = 0;
  }

  push(node: number, major: number, minor: number): void {
    if (this.size === this.nodes.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.before(major, minor, node, p)) break;
      this.nodes[i] = this.nodes[p]!;
      this.majors[i] = this.majors[p]!;
      this.minors[i] = this.minors[p]!;
      i = p;
    }
    this.nodes[i] = node;
    this.majors[i] = major;
    this.minors[i] = minor;
  }

  /** Removes the smallest entry; its key is left in `poppedMajor`/`poppedMinor`. */
  pop(): number {
    const top = this.nodes[0]!;
    this.poppedMajor = this.majors[0]!;
    this.poppedMinor = this.minors[0]!;
    const last = --this.size;
    const node = this.nodes[last]!;
    const major = this.majors[last]!;
    const minor = this.minors[last]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && this.before(this.majors[c + 1]!, this.minors[c + 1]!, this.nodes[c + 1]!, c)) c++;
      if (!this.before(this.majors[c]!, this.minors[c]!, this.nodes[c]!, -1, major, minor, node)) break;
      this.nodes[i] = this.nodes[c]!;
      this.majors[i] = this.majors[c]!;
      this.minors[i] = this.minors[c]!;
      i = c;
    }
    this.nodes[i] = node;
    this.majors[i] = major;
    this.minors[i] = minor;
    return top;
  }

  /** Whether key (major, minor, node) comes before slot `j` (or before the explicit key when j = -1). */
  private before(major: number, minor: number, node: number, j: number, jMajor = 0, jMinor = 0, jNode = 0): boolean {
    const bMajor = j >= 0 ? this.majors[j]! : jMajor;
    const bMinor = j >= 0 ? this.minors[j]! : jMinor;
    const bNode = j >= 0 ? this.nodes[j]! : jNode;
    return major < bMajor || (major === bMajor && (minor < bMinor || (minor === bMinor && node < bNode)));
  }

  private grow(): void {
    const size = this.nodes.length * 2;
    const nodes = new Int32Array(size);
    const majors = new Float64Array(size);
    const minors = new Float64Array(size);
    nodes.set(this.nodes);
    majors.set(this.majors);
    minors.set(this.minors);
    this.nodes = nodes;
    this.majors = majors;
    this.minors = minors;
  }
}
