/**
 * The annealed compaction: the agenda's meetings (the same pairs, so every
 * level unchanged) moved between slots by simulated annealing towards the
 * fewest firm gaps, then delegation gaps and idle slots, where the descent of
 * `compact` stops at a local minimum. A move takes a meeting from its slot a
 * to another of its common slots b and, where that overfills a firm's
 * representatives or a delegation's tables, moves one of theirs from b to a,
 * and so on: a chain between two slots (a Kempe chain of the table colouring)
 * that keeps every rule. Seeded and counted in moves, so the same input gives
 * the same agenda; the best agenda met is kept.
 */
import type { Budget } from "./budget.js";
import { compact, FIRM_GAP, rowsOf, type BusyRows } from "./compact.js";
import { pairAt, type Prepared } from "./prepare.js";
import type { Board } from "./board.js";
import { random } from "./random.js";
import { at, f64, i32 } from "./at.js";

/** Moves tried per meeting, and in all at most: the work budget (an M day: 40,000 moves, ≈ 0.1 s). */
export const ANNEAL_MOVES_PER_MEETING = 100;
export const ANNEAL_MAX_MOVES = 1_000_000;

/** Meetings one chain may move at most. */
const CHAIN = 12;

/** Temperatures at the start and the end, in firm gaps (a move adding one firm gap is taken with e^(−1/T)). */
const HOT = 0.6;
const COLD = 0.03;

/**
 * Anneals the board's slots in place; keeps the best day met (never worse than
 * it was, in the order firm gaps, delegation gaps, firm idle, delegation idle),
 * then lets `compact` finish. Stops early only at the deadline.
 * @returns whether the deadline stopped it.
 */
export function anneal(prep: Prepared, board: Board, budget: Budget): boolean {
  const meetings = board.placed();
  if (meetings.length < 2) return false;
  const rows = rowsOf(prep, board);
  const total = (): number => sum(rows.firms.cost) + sum(rows.delegations.cost);
  let current = total();
  if (current === 0) return false;
  const next = random(0xc0ffee);
  const moves = Math.min(ANNEAL_MAX_MOVES, ANNEAL_MOVES_PER_MEETING * meetings.length);
  const cooling = Math.pow(COLD / HOT, 1 / moves);
  let best = current;
  const bestSlots = new Int32Array(meetings.length);
  copySlots(board, meetings, bestSlots);
  const chain = new Chain(board);
  // Each meeting's firm and delegation, by its index in `meetings`: the draw below reads them a million times on an XL day.
  const meetingFirm = Int32Array.from(meetings, (pair) => pairAt(prep, pair).firm);
  const meetingDelegation = Int32Array.from(meetings, (pair) => pairAt(prep, pair).delegation);
  // ...and its common slots, all in one array (meeting k's are `slotList[slotStart[k] .. slotStart[k + 1])`).
  const slotStart = new Int32Array(meetings.length + 1);
  meetings.forEach((pair, k) => (slotStart[k + 1] = i32(slotStart, k) + pairAt(prep, pair).slots.length));
  const slotList = new Int32Array(i32(slotStart, meetings.length));
  meetings.forEach((pair, k) => slotList.set(pairAt(prep, pair).slots, i32(slotStart, k)));
  let temperature = HOT;
  let cut = false;
  for (let k = 0; k < moves && current > 0; k++, temperature *= cooling) {
    if ((k & 1023) === 0 && budget.expired()) {
      cut = true;
      break;
    }
    // Mostly meetings of a firm or a delegation whose day has a gap or an idle slot: where a move can help.
    let drawn = Math.floor(next() * meetings.length);
    for (let retry = 0; retry < 3 && rows.firms.cost[i32(meetingFirm, drawn)] === 0 && rows.delegations.cost[i32(meetingDelegation, drawn)] === 0; retry++) {
      drawn = Math.floor(next() * meetings.length);
    }
    const pair = at(meetings, drawn);
    const first = i32(slotStart, drawn);
    const count = i32(slotStart, drawn + 1) - first;
    if (count < 2) continue;
    const a = i32(board.slotOf, pair);
    const b = i32(slotList, first + Math.floor(next() * count));
    if (a === b || !chain.build(pair, a, b, next)) continue;
    const change = chain.apply(rows, true);
    if (change <= 0 || next() < Math.exp(-change / FIRM_GAP / temperature)) {
      current += change;
      if (current < best - 0.5) {
        best = current;
        copySlots(board, meetings, bestSlots);
      }
    } else {
      chain.apply(rows, false);
    }
  }
  if (best < current - 0.5) {
    for (const pair of meetings) board.remove(pair);
    meetings.forEach((pair, k) => board.place(pair, i32(bestSlots, k)));
  }
  compact(prep, board);
  return cut;
}

function sum(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}

/** Writes each meeting's slot into `out`. */
function copySlots(board: Board, meetings: readonly number[], out: Int32Array): void {
  for (let k = 0; k < meetings.length; k++) out[k] = i32(board.slotOf, at(meetings, k));
}

/**
 * A chain of meetings exchanged between two slots a and b: the first goes
 * from a to b, and while a firm or a delegation has more meetings in a slot
 * than its representatives or tables, one of its meetings there goes to the
 * other slot (one of its common slots, else the chain fails).
 */
class Chain {
  /** The pairs moving and the slot each goes to. */
  private readonly pairs: number[] = [];
  private readonly to: number[] = [];
  /** The slot each moving pair comes from. */
  private readonly origin: number[] = [];
  /** The firms and delegations the chain touches (scratch). */
  private readonly firms: number[] = [];
  private readonly delegations: number[] = [];

  constructor(private readonly board: Board) {}

  build(first: number, a: number, b: number, next: () => number): boolean {
    this.pairs.length = 0;
    this.to.length = 0;
    this.origin.length = 0;
    this.pairs.push(first);
    this.to.push(b);
    this.origin.push(a);
    // Each moving meeting may overfill its firm or its delegation where it goes: settle them in order.
    for (let i = 0; i < this.pairs.length; i++) {
      const pair = at(this.pairs, i);
      const firm = this.board.firmOf(pair);
      const delegation = this.board.delegationOf(pair);
      const t = at(this.to, i);
      const from = t === a ? b : a;
      if (this.net(true, firm, t) > this.board.firmRoom(firm, t) && !this.push(this.board.firmMeetingsAt(firm, t), from, next)) return false;
      if (this.net(false, delegation, t) > this.board.delegationRoom(delegation, t) && !this.push(this.board.delegationMeetings(delegation, t), from, next))
        return false;
    }
    return true;
  }

  /** Meetings of a firm (`firms`) or a delegation coming into slot t less those leaving it, in the chain so far. */
  private net(firms: boolean, who: number, t: number): number {
    let n = 0;
    for (let i = 0; i < this.pairs.length; i++) {
      const pair = at(this.pairs, i);
      if ((firms ? this.board.firmOf(pair) : this.board.delegationOf(pair)) !== who) continue;
      if (this.to[i] === t) n++;
      else if (this.origin[i] === t) n--;
    }
    return n;
  }

  /** Sends one of `candidates` (not yet moving, free to meet at `to`) to slot `to`; false when none can go or the chain is too long. */
  private push(candidates: readonly number[], to: number, next: () => number): boolean {
    if (this.pairs.length >= CHAIN) return false;
    // A random one of those that can go: start at a random candidate and take the first that can.
    const start = Math.floor(next() * candidates.length);
    let pair = -1;
    for (let k = 0; k < candidates.length && pair < 0; k++) {
      const c = at(candidates, (start + k) % candidates.length);
      if (!this.pairs.includes(c) && this.board.canMeetAt(c, to)) pair = c;
    }
    if (pair < 0) return false;
    this.pairs.push(pair);
    this.origin.push(i32(this.board.slotOf, pair));
    this.to.push(to);
    return true;
  }

  /**
   * Makes the chain's moves (`forward`) or undoes them, on the board and in
   * the busy rows. @returns the change of the weighted cost.
   */
  apply(rows: { firms: BusyRows; delegations: BusyRows }, forward: boolean): number {
    const { board, pairs } = this;
    const from = forward ? this.origin : this.to;
    const dest = forward ? this.to : this.origin;
    const firms = this.firms;
    const delegations = this.delegations;
    firms.length = 0;
    delegations.length = 0;
    for (const pair of pairs) {
      const firm = board.firmOf(pair);
      const delegation = board.delegationOf(pair);
      if (!firms.includes(firm)) firms.push(firm);
      if (!delegations.includes(delegation)) delegations.push(delegation);
    }
    const before = costOf(rows, firms, delegations);
    board.moveAll(pairs, dest);
    for (let i = 0; i < pairs.length; i++) {
      const pair = at(pairs, i);
      rows.firms.remove(board.firmOf(pair), at(from, i));
      rows.delegations.remove(board.delegationOf(pair), at(from, i));
    }
    for (let i = 0; i < pairs.length; i++) {
      const pair = at(pairs, i);
      rows.firms.add(board.firmOf(pair), at(dest, i));
      rows.delegations.add(board.delegationOf(pair), at(dest, i));
    }
    return costOf(rows, firms, delegations) - before;
  }
}

/** The weighted cost of some firms' and delegations' days. */
function costOf(rows: { firms: BusyRows; delegations: BusyRows }, firms: readonly number[], delegations: readonly number[]): number {
  let c = 0;
  for (const f of firms) c += f64(rows.firms.cost, f);
  for (const d of delegations) c += f64(rows.delegations.cost, d);
  return c;
}
