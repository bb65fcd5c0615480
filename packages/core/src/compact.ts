/** Compact days: the same meetings moved between slots so that firms, then delegations, wait as little as possible between meetings. */
import type { Board } from "./board.js";
import { pairAt, type Prepared } from "./prepare.js";
import type { Gaps } from "./types.js";
import { f64, i32 } from "./at.js";

/**
 * The busy slots of a set of participants (every firm, or every delegation):
 * per participant its meetings per slot and the same as a row of bits, so the
 * gaps and idle slots of a row, as it is or after a move, cost a few word
 * operations instead of a pass over the slots.
 */
export class BusyRows {
  private readonly words: number;
  private readonly bits: Int32Array;
  private readonly count: Int32Array;
  private readonly scratch: Int32Array;
  /** Weighted gaps and idle slots of each row, kept up to date. */
  readonly cost: Float64Array;
  /** Gaps and idle slots of the last row measured. */
  gaps = 0;
  idle = 0;

  constructor(
    rows: number,
    private readonly n: number,
    private readonly gapWeight: number,
    private readonly idleWeight: number,
  ) {
    this.words = Math.max(1, Math.ceil(n / 32));
    this.bits = new Int32Array(rows * this.words);
    this.count = new Int32Array(rows * n);
    this.scratch = new Int32Array(this.words);
    this.cost = new Float64Array(rows);
  }

  /** One meeting more for a row in slot t. */
  add(row: number, t: number): void {
    const cell = row * this.n + t;
    const count = i32(this.count, cell);
    this.count[cell] = count + 1;
    const word = row * this.words + (t >> 5);
    if (count === 0) this.bits[word] = i32(this.bits, word) | (1 << (t & 31));
    this.cost[row] = this.costAfter(row, -1, -1);
  }

  /** One meeting fewer for a row in slot t. */
  remove(row: number, t: number): void {
    const cell = row * this.n + t;
    const count = i32(this.count, cell) - 1;
    this.count[cell] = count;
    const word = row * this.words + (t >> 5);
    if (count === 0) this.bits[word] = i32(this.bits, word) & ~(1 << (t & 31));
    this.cost[row] = this.costAfter(row, -1, -1);
  }

  /** The row's cost with one meeting fewer in slot `minus` and one more in `plus` (-1: none), the row unchanged. */
  costAfter(row: number, minus: number, plus: number): number {
    const w = this.scratch;
    const base = row * this.words;
    for (let k = 0; k < this.words; k++) w[k] = i32(this.bits, base + k);
    if (minus >= 0 && this.count[row * this.n + minus] === 1) w[minus >> 5] = i32(w, minus >> 5) & ~(1 << (minus & 31));
    if (plus >= 0) w[plus >> 5] = i32(w, plus >> 5) | (1 << (plus & 31));
    this.measure(w);
    return this.gaps * this.gapWeight + this.idle * this.idleWeight;
  }

  /** Gaps and idle slots of a row as it is, into `gaps` and `idle`. */
  measureRow(row: number): void {
    for (let k = 0; k < this.words; k++) this.scratch[k] = i32(this.bits, row * this.words + k);
    this.measure(this.scratch);
  }

  /** Gaps (runs of busy slots, less one) and idle slots (free slots between the first and the last busy one). */
  private measure(w: Int32Array): void {
    let first = -1;
    let last = -1;
    let busy = 0;
    let runs = 0;
    let carry = 0;
    for (let k = 0; k < this.words; k++) {
      const m = i32(w, k);
      if (m !== 0) {
        if (first < 0) first = k * 32 + 31 - Math.clz32(m & -m);
        last = k * 32 + 31 - Math.clz32(m);
        busy += popcount(m);
        // A run starts at every busy slot whose previous slot is free.
        runs += popcount(m & ~((m << 1) | carry));
      }
      carry = m >>> 31;
    }
    this.gaps = busy === 0 ? 0 : runs - 1;
    this.idle = busy === 0 ? 0 : last - first + 1 - busy;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Weights of the compactness order: firm gaps ≫ delegation gaps ≫ firm idle slots ≫ delegation idle slots. */
const DELEGATION_IDLE = 1;
const FIRM_IDLE = 1e3;
const DELEGATION_GAP = 1e6;
export const FIRM_GAP = 1e9;

/** The busy rows of a board's firms and delegations. */
export function rowsOf(prep: Prepared, board: Board): { firms: BusyRows; delegations: BusyRows } {
  const n = prep.slots.length;
  const firms = new BusyRows(prep.firms.length, n, FIRM_GAP, FIRM_IDLE);
  const delegations = new BusyRows(prep.delegations.length, n, DELEGATION_GAP, DELEGATION_IDLE);
  for (const pair of board.placed()) {
    const { firm, delegation } = pairAt(prep, pair);
    firms.add(firm, i32(board.slotOf, pair));
    delegations.add(delegation, i32(board.slotOf, pair));
  }
  return { firms, delegations };
}

/** The gaps of a board's agenda. */
export function boardGaps(prep: Prepared, board: Board): Gaps {
  const rows = rowsOf(prep, board);
  return gapsOf(rows.firms, prep.firms.length, rows.delegations, prep.delegations.length);
}

/** The gaps and idle slots summed over every row of the firms' and the delegations' busy rows. */
function gapsOf(firms: BusyRows, firmCount: number, delegations: BusyRows, delegationCount: number): Gaps {
  const total = (who: BusyRows, count: number): { gaps: number; idle: number } => {
    let gaps = 0;
    let idle = 0;
    for (let r = 0; r < count; r++) {
      who.measureRow(r);
      gaps += who.gaps;
      idle += who.idle;
    }
    return { gaps, idle };
  };
  const f = total(firms, firmCount);
  const d = total(delegations, delegationCount);
  return { firms: f.gaps, firmIdleSlots: f.idle, delegations: d.gaps, delegationIdleSlots: d.idle };
}

/**
 * The gaps of an agenda as written, counted from its meetings alone (a re-plan's
 * board holds only the meetings it placed, not the pinned ones it kept).
 */
export function agendaGaps(prep: Prepared, meetings: readonly { readonly firmId: string; readonly delegationId: string; readonly slot: number }[]): Gaps {
  const n = prep.slots.length;
  const firmIndex = new Map(prep.firms.map((f, i) => [f.id, i]));
  const delegationIndex = new Map(prep.delegations.map((d, i) => [d.id, i]));
  const firms = new BusyRows(prep.firms.length, n, FIRM_GAP, FIRM_IDLE);
  const delegations = new BusyRows(prep.delegations.length, n, DELEGATION_GAP, DELEGATION_IDLE);
  for (const m of meetings) {
    const f = firmIndex.get(m.firmId);
    const d = delegationIndex.get(m.delegationId);
    if (f !== undefined) firms.add(f, m.slot - 1);
    if (d !== undefined) delegations.add(d, m.slot - 1);
  }
  return gapsOf(firms, prep.firms.length, delegations, prep.delegations.length);
}

/** Sweeps at most (each is a pass over every meeting): a work budget, so the result never depends on the clock. */
export const COMPACT_SWEEPS = 30;

/**
 * Moves meetings between slots, keeping every meeting (so every objective
 * level) and every hard rule, while the day gets more compact: fewer firm
 * gaps, then fewer delegation gaps, then fewer idle slots of firms, then of
 * delegations. Moves, each kept only when it strictly improves that order:
 * a meeting to a slot where both sides are free; two meetings of one
 * delegation exchanging slots (their firms' days change); two meetings of
 * one firm exchanging slots (their delegations' days change). A meeting
 * whose firm and delegation both have compact days is not moved: any move
 * of it helps only the other meeting of an exchange, which tries it from its
 * side. Deterministic: participants and slots in index order, first improvement.
 * @returns the number of moves made.
 */
export function compact(prep: Prepared, board: Board, sweeps = COMPACT_SWEEPS, tick?: () => void): number {
  const D = prep.delegations.length;
  const rows = rowsOf(prep, board);
  let moves = 0;
  for (let sweep = 0; sweep < sweeps; sweep++) {
    let improved = false;
    for (let f = 0; f < prep.firms.length; f++) {
      tick?.();
      for (let d = 0; d < D; d++) {
        const pair = f * D + d;
        if (i32(board.slotOf, pair) < 0 || (rows.firms.cost[f] === 0 && rows.delegations.cost[d] === 0)) continue;
        if (tryMoves(prep, board, rows, pair)) {
          improved = true;
          moves++;
        }
      }
    }
    if (!improved) break;
  }
  return moves;
}

/** Tries every move of one meeting; makes the first that lowers the cost of the participants it touches. */
function tryMoves(prep: Prepared, board: Board, rows: { firms: BusyRows; delegations: BusyRows }, pair: number): boolean {
  const { firms, delegations } = rows;
  const { firm, delegation, slots } = pairAt(prep, pair);
  const from = i32(board.slotOf, pair);
  for (const to of slots) {
    if (to === from) continue;
    const firmFree = !board.firmFull(firm, to);
    const delegationFree = !board.delegationFull(delegation, to);
    if (firmFree && delegationFree) {
      const change = firms.costAfter(firm, from, to) - f64(firms.cost, firm) + delegations.costAfter(delegation, from, to) - f64(delegations.cost, delegation);
      if (change < 0) {
        move(prep, board, rows, pair, to);
        return true;
      }
      continue;
    }
    // The delegation's table is taken: exchange slots with one of its meetings whose firm is free at `from`
    // (the delegation's day stays as it is, the two firms' days change).
    if (firmFree) {
      for (const other of board.delegationMeetings(delegation, to)) {
        const otherFirm = board.firmOf(other);
        if (otherFirm === firm || board.firmFull(otherFirm, from) || !board.canMeetAt(other, from)) continue;
        const change = firms.costAfter(firm, from, to) - f64(firms.cost, firm) + firms.costAfter(otherFirm, to, from) - f64(firms.cost, otherFirm);
        if (change < 0) {
          exchange(prep, board, rows, pair, other);
          return true;
        }
      }
    }
    // The firm is busy: exchange slots with its meeting there when that delegation has a table at `from`.
    if (delegationFree) {
      for (const other of board.firmMeetingsAt(firm, to)) {
        const otherDelegation = board.delegationOf(other);
        if (otherDelegation === delegation || board.delegationFull(otherDelegation, from) || !board.canMeetAt(other, from)) continue;
        const change =
          delegations.costAfter(delegation, from, to) -
          f64(delegations.cost, delegation) +
          delegations.costAfter(otherDelegation, to, from) -
          f64(delegations.cost, otherDelegation);
        if (change < 0) {
          exchange(prep, board, rows, pair, other);
          return true;
        }
      }
    }
  }
  return false;
}

/** Moves one meeting to slot `to`, on the board and in the busy rows. */
function move(prep: Prepared, board: Board, rows: { firms: BusyRows; delegations: BusyRows }, pair: number, to: number): void {
  const { firm, delegation } = pairAt(prep, pair);
  const from = i32(board.slotOf, pair);
  board.remove(pair);
  board.place(pair, to);
  rows.firms.remove(firm, from);
  rows.delegations.remove(delegation, from);
  rows.firms.add(firm, to);
  rows.delegations.add(delegation, to);
}

/** Swaps the slots of two meetings. Capacities hold: each slot loses one and gains one. */
function exchange(prep: Prepared, board: Board, rows: { firms: BusyRows; delegations: BusyRows }, a: number, b: number): void {
  const ta = i32(board.slotOf, a);
  const tb = i32(board.slotOf, b);
  board.remove(a);
  board.remove(b);
  board.place(a, tb);
  board.place(b, ta);
  for (const [pair, from, to] of [
    [a, ta, tb],
    [b, tb, ta],
  ] as const) {
    const { firm, delegation } = pairAt(prep, pair);
    rows.firms.remove(firm, from);
    rows.delegations.remove(delegation, from);
    rows.firms.add(firm, to);
    rows.delegations.add(delegation, to);
  }
}
