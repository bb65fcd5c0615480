// Timetabling without windows: the selected meetings as a proper edge colouring of the firm–delegation graph (König).
import { pairAt, type Prepared } from "./prepare.js";
import { InternalError } from "./errors.js";

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
  const at = new Int32Array(vertexCount * n).fill(-1);
  const colour = new Int32Array(pairs.length).fill(-1);
  const ends = pairs.map((_, e) => [firmCopy.vertex[e]!, leftCount + delegationCopy.vertex[e]!] as const);
  const free = (v: number): number => {
    for (let c = 0; c < n; c++) if (at[v * n + c] === -1) return c;
    throw new InternalError(`vertex ${v} has more than ${n} meetings`);
  };
  ends.forEach(([u, v], e) => {
    const a = free(u);
    const b = free(v);
    if (at[v * n + a] !== -1) {
      // Flip the a/b path that starts at v; it cannot reach u in a bipartite graph.
      const path: number[] = [];
      let x = v;
      let c = a;
      for (let edge = at[x * n + c]!; edge !== -1; edge = at[x * n + c]!) {
        path.push(edge);
        const [p, q] = ends[edge]!;
        x = x === p ? q : p;
        c = c === a ? b : a;
      }
      for (const edge of path) for (const w of ends[edge]!) at[w * n + colour[edge]!] = -1;
      for (const edge of path) {
        colour[edge] = colour[edge] === a ? b : a;
        for (const w of ends[edge]!) at[w * n + colour[edge]!] = edge;
      }
    }
    colour[e] = a;
    at[u * n + a] = e;
    at[v * n + a] = e;
  });
  return [...colour];
}

/** Splits each owner's edges into copies of at most `n` edges (representatives, tables). */
function copies(owners: number, ownerOfEdge: readonly number[], n: number): { vertex: number[]; count: number } {
  const seen = new Array<number>(owners).fill(0);
  const ids = new Map<string, number>();
  const vertex = ownerOfEdge.map((o) => {
    const key = `${o}|${Math.floor(seen[o]!++ / n)}`;
    const id = ids.get(key) ?? ids.size;
    ids.set(key, id);
    return id;
  });
  return { vertex, count: ids.size };
}
