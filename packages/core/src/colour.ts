// Timetabling without windows: the selected meetings as a proper edge colouring of the firm–delegation graph (König).
import { pairAt, type Prepared } from "./prepare.js";
import { InternalError } from "./errors.js";
import { addAt, at, i32 } from "./at.js";

/**
 * Slots for selected pairs when nobody has a window: a proper edge colouring of
 * the bipartite graph whose vertices are firm representatives and delegation
 * tables (each takes at most one meeting per slot, hence at most `n` meetings),
 * with `n` colours = slots. König's theorem says `n` colours suffice; the
 * classic alternating-path (Kempe chain) construction finds them.
 * @returns 0-based slot per selected pair, in the order given.
 */
export function colourSlots(prep: Prepared, pairs: readonly number[]): number[] {
  const n = prep.slots.length;
  const firmCopy = copies(prep.firms.length, pairs.map((i) => pairAt(prep, i).firm), n);
  const delegationCopy = copies(prep.delegations.length, pairs.map((i) => pairAt(prep, i).delegation), n);
  const leftCount = firmCopy.count;
  const vertexCount = leftCount + delegationCopy.count;
  const edgeAt = new Int32Array(vertexCount * n).fill(-1);
  const colour = new Int32Array(pairs.length).fill(-1);
  const ends = pairs.map((_, e) => [at(firmCopy.vertex, e), leftCount + at(delegationCopy.vertex, e)] as const);
  const free = (v: number): number => {
    for (let c = 0; c < n; c++) if (edgeAt[v * n + c] === -1) return c;
    throw new InternalError(`vertex ${v} has more than ${n} meetings`);
  };
  ends.forEach(([u, v], e) => {
    const a = free(u);
    const b = free(v);
    if (edgeAt[v * n + a] !== -1) {
      // Flip the a/b path that starts at v; it cannot reach u in a bipartite graph.
      const path: number[] = [];
      let x = v;
      let c = a;
      for (let edge = i32(edgeAt, x * n + c); edge !== -1; edge = i32(edgeAt, x * n + c)) {
        path.push(edge);
        const [p, q] = at(ends, edge);
        x = x === p ? q : p;
        c = c === a ? b : a;
      }
      for (const edge of path) for (const w of at(ends, edge)) edgeAt[w * n + i32(colour, edge)] = -1;
      for (const edge of path) {
        colour[edge] = colour[edge] === a ? b : a;
        for (const w of at(ends, edge)) edgeAt[w * n + i32(colour, edge)] = edge;
      }
    }
    colour[e] = a;
    edgeAt[u * n + a] = e;
    edgeAt[v * n + a] = e;
  });
  return [...colour];
}

/** Splits each owner's edges into copies of at most `n` edges (representatives, tables). */
function copies(owners: number, ownerOfEdge: readonly number[], n: number): { vertex: number[]; count: number } {
  const seen = new Array<number>(owners).fill(0);
  const ids = new Map<string, number>();
  const vertex = ownerOfEdge.map((o) => {
    const key = `${o}|${Math.floor((addAt(seen, o, 1) - 1) / n)}`;
    const id = ids.get(key) ?? ids.size;
    ids.set(key, id);
    return id;
  });
  return { vertex, count: ids.size };
}
