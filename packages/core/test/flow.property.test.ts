// Property tests of the min-cost flow solver: optimality certificates, warm re-solves and brute force on tiny networks (seeded).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FlowNetwork, MinCostFlow } from "../src/flow.js";

interface Arc {
  readonly from: number;
  readonly to: number;
  readonly capacity: number;
  readonly major: number;
  readonly minor: number;
}

interface Network {
  readonly nodes: number;
  readonly arcs: readonly Arc[];
}

const SOURCE = 0;
const SINK = 1;

const network = (maxNodes: number, maxArcs: number, maxMinor: number): fc.Arbitrary<Network> =>
  fc.integer({ min: 2, max: maxNodes }).chain((nodes) =>
    fc.record({
      nodes: fc.constant(nodes),
      arcs: fc.array(
        fc
          .record({
            from: fc.integer({ min: 0, max: nodes - 1 }),
            to: fc.integer({ min: 0, max: nodes - 1 }),
            capacity: fc.integer({ min: 0, max: 3 }),
            major: fc.integer({ min: -2, max: 2 }),
            minor: fc.integer({ min: -maxMinor, max: maxMinor }),
          })
          .filter((a) => a.from !== a.to),
        { maxLength: maxArcs },
      ),
    }),
  );

/** Solves `net`, then re-solves warm after each change of capacities in turn (`changes[k][i]`: arc i's new capacity). */
const solve = (net: Network, changes: readonly (readonly number[])[] = []): { flows: number[]; major: Float64Array; minor: Float64Array } => {
  const flowNet = new FlowNetwork(net.nodes);
  const ids = net.arcs.map((a) => flowNet.addArc(a.from, a.to, a.capacity, a.major, a.minor));
  const solver = new MinCostFlow(flowNet, SOURCE, SINK);
  let potentials = solver.solve();
  for (const change of changes) potentials = solver.setCapacities(ids, (id) => change[ids.indexOf(id)]!);
  return { flows: ids.map((id) => flowNet.flow(id)), ...potentials };
};

/** Lexicographic sign of (major, minor). */
const sign = (major: number, minor: number): number => Math.sign(major !== 0 ? major : minor);

const cost = (net: Network, flows: readonly number[]): [number, number] =>
  net.arcs.reduce<[number, number]>((c, a, i) => [c[0] + a.major * flows[i]!, c[1] + a.minor * flows[i]!], [0, 0]);

/** Every circulation with a free return arc sink → source, by enumeration (tiny networks only). */
function bestCost(net: Network): [number, number] {
  let best: [number, number] = [0, 0];
  const flows = new Array<number>(net.arcs.length).fill(0);
  const visit = (i: number): void => {
    if (i === net.arcs.length) {
      const balance = new Array<number>(net.nodes).fill(0);
      net.arcs.forEach((a, k) => {
        balance[a.from]! -= flows[k]!;
        balance[a.to]! += flows[k]!;
      });
      const sent = -balance[SOURCE]!;
      if (sent < 0 || balance[SINK] !== sent || balance.some((b, v) => v !== SOURCE && v !== SINK && b !== 0)) return;
      const c = cost(net, flows);
      if (sign(c[0] - best[0], c[1] - best[1]) < 0) best = c;
      return;
    }
    for (let f = 0; f <= net.arcs[i]!.capacity; f++) {
      flows[i] = f;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

function expectOptimal(net: Network, { flows, major, minor }: ReturnType<typeof solve>): void {
  const balance = new Array<number>(net.nodes).fill(0);
  net.arcs.forEach((a, i) => {
    const f = flows[i]!;
    expect(Number.isInteger(f) && f >= 0 && f <= a.capacity).toBe(true);
    balance[a.from]! -= f;
    balance[a.to]! += f;
    const reduced = sign(a.major + major[a.from]! - major[a.to]!, a.minor + minor[a.from]! - minor[a.to]!);
    if (f < a.capacity) expect(reduced).toBeGreaterThanOrEqual(0);
    if (f > 0) expect(reduced).toBeLessThanOrEqual(0);
  });
  balance.forEach((b, v) => {
    if (v !== SOURCE && v !== SINK) expect(b).toBe(0);
  });
  expect(balance[SINK]! + balance[SOURCE]!).toBe(0);
  // The return arc sink → source (cost 0): open while the source has spare capacity.
  const sent = balance[SINK]!;
  const spare = net.arcs.filter((a) => a.from === SOURCE).reduce((s, a) => s + a.capacity, 0) - sent;
  const back = sign(major[SINK]! - major[SOURCE]!, minor[SINK]! - minor[SOURCE]!);
  if (spare > 0) expect(back).toBeGreaterThanOrEqual(0);
  if (sent > 0) expect(back).toBeLessThanOrEqual(0);
}

describe("minCostFlow", () => {
  it("returns a feasible flow and potentials that prove it optimal (no residual arc of negative reduced cost)", () => {
    fc.assert(
      fc.property(network(12, 40, 1000), (net) => expectOptimal(net, solve(net))),
      { seed: 400, numRuns: 400 },
    );
  });

  it("stays optimal after capacities change (arcs closed, narrowed, re-opened), re-solved warm", () => {
    const capacities = (net: Network) => fc.tuple(...net.arcs.map((a) => fc.integer({ min: 0, max: a.capacity })));
    const changed = network(12, 40, 1000).chain((net) => fc.tuple(fc.constant(net), fc.array(capacities(net), { minLength: 1, maxLength: 3 })));
    fc.assert(
      fc.property(changed, ([net, changes]) => {
        const last = changes[changes.length - 1]!;
        const after: Network = { nodes: net.nodes, arcs: net.arcs.map((a, i) => ({ ...a, capacity: last[i]! })) };
        const warm = solve(net, changes);
        expectOptimal(after, warm);
        expect(cost(after, warm.flows)).toEqual(cost(after, solve(after).flows));
      }),
      { seed: 401, numRuns: 400 },
    );
  });

  it("leaves the network as built: solving twice, cold, gives the same flows and potentials", () => {
    fc.assert(
      fc.property(network(12, 40, 1000), (net) => {
        const flowNet = new FlowNetwork(net.nodes);
        const ids = net.arcs.map((a) => flowNet.addArc(a.from, a.to, a.capacity, a.major, a.minor));
        const out = flowNet.capacityOut(SINK);
        const solver = new MinCostFlow(flowNet, SOURCE, SINK);
        const first = solver.solve();
        const once = { flows: ids.map((id) => flowNet.flow(id)), major: [...first.major], minor: [...first.minor] };
        // No arc was added: the next arc id is the one after the network's own, and the sink sends out what it did.
        expect(flowNet.addArc(SOURCE, SINK, 0, 0, 0)).toBe(ids.length);
        expect(flowNet.capacityOut(SINK)).toBe(out);
        const again = new MinCostFlow(flowNet, SOURCE, SINK).solve();
        expect(ids.map((id) => flowNet.flow(id))).toEqual(once.flows);
        expect([...again.major]).toEqual(once.major);
        expect([...again.minor]).toEqual(once.minor);
        expectOptimal(net, { flows: once.flows, major: first.major, minor: first.minor });
      }),
      { seed: 402, numRuns: 200 },
    );
  });

  it("matches the cheapest flow found by enumeration on tiny networks", () => {
    fc.assert(
      fc.property(network(5, 7, 50), (net) => {
        const { flows } = solve(net);
        expect(cost(net, flows)).toEqual(bestCost(net));
      }),
      { seed: 300, numRuns: 300 },
    );
  });
});
