/** Where pinned meetings leave room (re-planning): the slots still open to each pair to re-place, as flow nodes. */
import type { FlowNetwork } from "../flow.js";
import { delegationAt, firmAt, pairAt } from "../prepare.js";
import type { Pinned } from "../pins.js";
import type { Routing } from "../select.js";
import { i32 } from "../at.js";

/**
 * Flow nodes that send each pair to re-place only through the slots where its
 * firm and delegation both still have room after the pins: pair node → (delegation,
 * slot) node → the delegation, at most the tables left in that slot. It makes a
 * selection's top level aware of time (a late delegation's free tables are
 * mostly where its lost firms are busy); other pairs are not routed.
 */
export class ReplaceRouting implements Routing {
  private readonly pairNode = new Map<number, number>();
  private readonly cellNode = new Map<number, number>();
  /** The slots still open to each routed pair. */
  private readonly open = new Map<number, number[]>();
  /** Tables left to each (delegation, slot) cell after the pins. */
  private readonly tablesLeft = new Map<number, number>();
  /** Nodes used, from the first one given. */
  readonly nodeCount: number;

  constructor(
    private readonly prep: Pinned,
    first: number,
  ) {
    const pins = prep.pins;
    const n = prep.slots.length;
    let next = first;
    for (const i of prep.eligible) {
      if (pins.replace[i] === 0) continue;
      const { firm, delegation, slots } = pairAt(prep, i);
      const open = slots.filter(
        (t) =>
          i32(pins.firmLoad, firm * n + t) < firmAt(prep, firm).representatives &&
          i32(pins.delegationLoad, delegation * n + t) < delegationAt(prep, delegation).tables,
      );
      this.pairNode.set(i, next++);
      this.open.set(i, open);
      for (const t of open) {
        const cell = delegation * n + t;
        if (this.cellNode.has(cell)) continue;
        this.cellNode.set(cell, next++);
        this.tablesLeft.set(cell, delegationAt(prep, delegation).tables - i32(pins.delegationLoad, cell));
      }
    }
    this.nodeCount = next - first;
  }

  /** The node a routed pair's arc goes to, or undefined. */
  target(pair: number): number | undefined {
    return this.pairNode.get(pair);
  }

  /** Adds the routing arcs; `delegationNode` numbers the delegations in the network. */
  addArcs(net: FlowNetwork, delegationNode: (d: number) => number): void {
    const n = this.prep.slots.length;
    for (const [cell, node] of this.cellNode) net.addArc(node, delegationNode(Math.floor(cell / n)), this.tablesLeft.get(cell) ?? 0, 0, 0);
    for (const [pair, node] of this.pairNode) {
      const d = pairAt(this.prep, pair).delegation;
      for (const t of this.open.get(pair) ?? []) {
        const cell = this.cellNode.get(d * n + t);
        if (cell !== undefined) net.addArc(node, cell, 1, 0, 0);
      }
    }
  }
}
