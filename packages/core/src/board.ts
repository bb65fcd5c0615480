/** The slot board the search works on: which pair meets in which slot, the loads it implies, and insertion by ejection chains with a journal to undo. */
import { InternalError } from "./errors.js";
import { balanceOf, balanceWorth, roundScore } from "./levels.js";
import { delegationAt, pairAt, type Prepared } from "./prepare.js";
import { pinsOf, type Pins } from "./pins.js";
import type { ObjectiveLevels } from "./types.js";
import { addI32, at, f64, i32, listAt, u32 } from "./at.js";

/** 32-bit words a slot mask of `n` slots takes. */
function wordsOf(n: number): number {
  return (n + 31) >>> 5;
}

/** Per pair, in typed arrays for the ejection chains' hot loops: its slots as a bit mask (`wordsOf(slots)` words each), its firm and its delegation. */
interface PairTable {
  readonly mask: Uint32Array;
  readonly firm: Int32Array;
  readonly delegation: Int32Array;
}

const pairTables = new WeakMap<Prepared, PairTable>();

/** The stop's pair table, computed once per stop. */
function pairTable(prep: Prepared): PairTable {
  let table = pairTables.get(prep);
  if (table === undefined) {
    const W = wordsOf(prep.slots.length);
    const mask = new Uint32Array(prep.pairs.length * W);
    const firm = new Int32Array(prep.pairs.length);
    const delegation = new Int32Array(prep.pairs.length);
    for (let pair = 0; pair < prep.pairs.length; pair++) {
      const p = pairAt(prep, pair);
      firm[pair] = p.firm;
      delegation[pair] = p.delegation;
      for (const t of p.slots) mask[pair * W + (t >>> 5)] = u32(mask, pair * W + (t >>> 5)) | (1 << (t & 31));
    }
    table = { mask, firm, delegation };
    pairTables.set(prep, table);
  }
  return table;
}

/**
 * The slot board: which pair meets in which slot, with per-slot loads of every
 * firm and delegation. Meetings are inserted with ejection chains: when no slot
 * is free for both sides, a meeting blocking one side is moved elsewhere,
 * recursively (an augmenting path in the spirit of Kempe chains).
 */
export class Board {
  /** 0-based slot of each pair, or -1. */
  readonly slotOf: Int32Array;
  private readonly n: number;
  private readonly firmLoad: Int32Array;
  private readonly delegationLoad: Int32Array;
  /** Each firm's representatives and each delegation's tables: the per-slot caps the hot loops compare loads with (any whole number the instance allows). */
  private readonly firmCap: Float64Array;
  private readonly delegationCap: Float64Array;
  /** Words per slot mask, each pair's slots as a mask, and the slots where each firm and each delegation has room (bit set). */
  private readonly w: number;
  private readonly pairMask: Uint32Array;
  private readonly pairFirm: Int32Array;
  private readonly pairDelegation: Int32Array;
  private readonly firmFree: Uint32Array;
  private readonly delegationFree: Uint32Array;
  private readonly firmAt: number[][];
  private readonly delegationAt: number[][];
  /** Meetings per firm. */
  readonly firmMeetings: Int32Array;
  /** Meetings per `must` request (index into `prep.musts`). */
  readonly mustMeetings: Int32Array;
  /** `must` request index of each pair, or -1. */
  readonly mustOf: Int32Array;
  private budget = 0;
  private scoreTotal = 0;
  /** Running totals of levels 1–3. */
  private mustsMet = 0;
  private servedTotal = 0;
  private balanceTotal = 0;
  /** Re-placed level of the meetings placed (re-planning). */
  private replacedTotal = 0;
  /** The pairs an ejection chain must not move: those marked with the current insertion's generation. */
  private readonly moving: Int32Array;
  private generation = 0;
  /** Undo log of (pair, slot before) while journaling. */
  private journal: number[] | null = null;
  /** Where each open journal starts in the log. */
  private readonly marks: number[] = [];
  /** The pinned meetings of a re-plan (none for a plain stop). */
  private readonly pins: Pins | undefined;

  constructor(private readonly prep: Prepared) {
    this.n = prep.slots.length;
    this.slotOf = new Int32Array(prep.pairs.length).fill(-1);
    this.firmLoad = new Int32Array(prep.firms.length * this.n);
    this.delegationLoad = new Int32Array(prep.delegations.length * this.n);
    this.firmCap = Float64Array.from(prep.firms, (f) => f.representatives);
    this.delegationCap = Float64Array.from(prep.delegations, (d) => d.tables);
    this.w = wordsOf(this.n);
    const table = pairTable(prep);
    this.pairMask = table.mask;
    this.pairFirm = table.firm;
    this.pairDelegation = table.delegation;
    this.firmFree = new Uint32Array(prep.firms.length * this.w);
    this.delegationFree = new Uint32Array(prep.delegations.length * this.w);
    this.firmAt = Array.from({ length: prep.firms.length * this.n }, () => []);
    this.delegationAt = Array.from({ length: prep.delegations.length * this.n }, () => []);
    this.firmMeetings = new Int32Array(prep.firms.length);
    this.mustMeetings = new Int32Array(prep.musts.length);
    this.mustOf = new Int32Array(prep.pairs.length).fill(-1);
    this.moving = new Int32Array(prep.pairs.length);
    const mustIndex = new Map(prep.musts.map((m, i) => [`${m.firm}|${m.country}`, i]));
    prep.pairs.forEach((p, i) => {
      if (p.must) this.mustOf[i] = mustIndex.get(`${p.firm}|${delegationAt(prep, p.delegation).country}`) ?? -1;
    });
    // Pinned meetings take their places and count, without being on the board's lists (nothing can move them).
    const pins = pinsOf(prep);
    this.pins = pins;
    if (pins) {
      this.firmLoad.set(pins.firmLoad);
      this.delegationLoad.set(pins.delegationLoad);
      this.firmMeetings.set(pins.firmMeetings);
      this.mustMeetings.set(pins.mustMeetings);
      this.scoreTotal = pins.score;
      for (const m of pins.mustMeetings) if (m > 0) this.mustsMet++;
      for (const m of pins.firmMeetings) {
        this.servedTotal += Math.min(m, prep.minMeetings);
        this.balanceTotal += balanceOf(prep, m);
      }
    }
    for (let t = 0; t < this.n; t++) {
      for (let f = 0; f < prep.firms.length; f++) this.markFirm(f, t);
      for (let d = 0; d < prep.delegations.length; d++) this.markDelegation(d, t);
    }
  }

  /** Sets the firm's bit of slot t in `firmFree` to whether it has room there. */
  private markFirm(firm: number, t: number): void {
    mark(this.firmFree, firm * this.w + (t >>> 5), t, !this.firmFull(firm, t));
  }

  private markDelegation(delegation: number, t: number): void {
    mark(this.delegationFree, delegation * this.w + (t >>> 5), t, !this.delegationFull(delegation, t));
  }

  place(pair: number, t: number): void {
    const { firm, affinity } = pairAt(this.prep, pair);
    this.slotIn(pair, t);
    this.scoreTotal += affinity.score;
    if (this.pins) this.replacedTotal += i32(this.pins.replace, pair);
    const m = addI32(this.firmMeetings, firm, 1);
    if (m <= this.prep.minMeetings) this.servedTotal++;
    this.balanceTotal += balanceWorth(this.prep, m);
    const must = i32(this.mustOf, pair);
    if (must >= 0 && addI32(this.mustMeetings, must, 1) === 1) this.mustsMet++;
  }

  remove(pair: number): void {
    const { firm, affinity } = pairAt(this.prep, pair);
    this.unslot(pair);
    this.scoreTotal -= affinity.score;
    if (this.pins) this.replacedTotal -= i32(this.pins.replace, pair);
    const m = addI32(this.firmMeetings, firm, -1) + 1;
    if (m <= this.prep.minMeetings) this.servedTotal--;
    this.balanceTotal -= balanceWorth(this.prep, m);
    const must = i32(this.mustOf, pair);
    if (must >= 0 && addI32(this.mustMeetings, must, -1) === 0) this.mustsMet--;
  }

  /**
   * Moves placed meetings to other slots together, `pairs[i]` to `slots[i]`:
   * what removing them all and placing them all does to the loads and lists,
   * in that order, without the levels' running totals, which moves leave as
   * they were.
   */
  moveAll(pairs: readonly number[], slots: readonly number[]): void {
    for (const pair of pairs) this.unslot(pair);
    for (let i = 0; i < pairs.length; i++) this.slotIn(at(pairs, i), at(slots, i));
  }

  /** The slot part of `place`: the pair's slot, its sides' loads, room bits and lists. */
  private slotIn(pair: number, t: number): void {
    const firm = i32(this.pairFirm, pair);
    const delegation = i32(this.pairDelegation, pair);
    this.journal?.push(pair, -1);
    this.slotOf[pair] = t;
    addI32(this.firmLoad, firm * this.n + t, 1);
    addI32(this.delegationLoad, delegation * this.n + t, 1);
    this.markFirm(firm, t);
    this.markDelegation(delegation, t);
    listAt(this.firmAt, firm * this.n + t).push(pair);
    listAt(this.delegationAt, delegation * this.n + t).push(pair);
  }

  /** The slot part of `remove`. */
  private unslot(pair: number): void {
    const t = i32(this.slotOf, pair);
    const firm = i32(this.pairFirm, pair);
    const delegation = i32(this.pairDelegation, pair);
    this.journal?.push(pair, t);
    this.slotOf[pair] = -1;
    addI32(this.firmLoad, firm * this.n + t, -1);
    addI32(this.delegationLoad, delegation * this.n + t, -1);
    this.markFirm(firm, t);
    this.markDelegation(delegation, t);
    drop(listAt(this.firmAt, firm * this.n + t), pair);
    drop(listAt(this.delegationAt, delegation * this.n + t), pair);
  }

  /** Pairs meeting a delegation in slot t. */
  delegationMeetings(delegation: number, t: number): readonly number[] {
    return listAt(this.delegationAt, delegation * this.n + t);
  }

  /** Pairs meeting a firm in slot t. */
  firmMeetingsAt(firm: number, t: number): readonly number[] {
    return listAt(this.firmAt, firm * this.n + t);
  }

  /** The pair's firm and delegation, from the stop's typed pair table. */
  firmOf(pair: number): number {
    return i32(this.pairFirm, pair);
  }

  delegationOf(pair: number): number {
    return i32(this.pairDelegation, pair);
  }

  /** Whether slot t is one of the pair's common slots (a bit of its mask). */
  canMeetAt(pair: number, t: number): boolean {
    return ((u32(this.pairMask, pair * this.w + (t >>> 5)) >>> (t & 31)) & 1) === 1;
  }

  /** Meetings the firm could still add in slot t (representatives left). */
  firmRoom(firm: number, t: number): number {
    return f64(this.firmCap, firm) - i32(this.firmLoad, firm * this.n + t);
  }

  /** Meetings the delegation could still add in slot t (tables left). */
  delegationRoom(delegation: number, t: number): number {
    return f64(this.delegationCap, delegation) - i32(this.delegationLoad, delegation * this.n + t);
  }

  firmFull(firm: number, t: number): boolean {
    return i32(this.firmLoad, firm * this.n + t) >= f64(this.firmCap, firm);
  }

  delegationFull(delegation: number, t: number): boolean {
    return i32(this.delegationLoad, delegation * this.n + t) >= f64(this.delegationCap, delegation);
  }

  /** Starts recording changes, for `rollback`; journals nest (each `commit` or `rollback` closes the latest). */
  beginJournal(): void {
    this.journal ??= [];
    this.marks.push(this.journal.length);
  }

  /** Keeps the changes since the latest `beginJournal` (an enclosing journal can still undo them). */
  commit(): void {
    this.marks.pop();
    if (this.marks.length === 0) this.journal = null;
  }

  /** Undoes every change since the latest `beginJournal`. */
  rollback(): void {
    const log = this.journal;
    const mark = this.marks.pop();
    if (log === null || mark === undefined) throw new InternalError("rollback without beginJournal");
    this.journal = null;
    for (let k = log.length - 2; k >= mark; k -= 2) {
      const pair = at(log, k);
      const before = at(log, k + 1);
      if (before === -1) this.remove(pair);
      else this.place(pair, before);
    }
    log.length = mark;
    this.journal = this.marks.length > 0 ? log : null;
  }

  /** The objective levels of the board, from its running totals (cheap). */
  levels(): ObjectiveLevels {
    const levels = { musts: this.mustsMet, served: this.servedTotal, balance: this.balanceTotal, score: roundScore(this.scoreTotal) };
    return this.pins ? { replaced: this.replacedTotal, ...levels } : levels;
  }

  /** A copy of the slot of every pair, for `restore`. */
  snapshot(): Int32Array {
    return this.slotOf.slice();
  }

  /** Puts every pair back where a snapshot had it. */
  restore(snapshot: Int32Array): void {
    for (let i = 0; i < snapshot.length; i++) if (this.slotOf[i] !== snapshot[i] && i32(this.slotOf, i) >= 0) this.remove(i);
    for (let i = 0; i < snapshot.length; i++) if (this.slotOf[i] === -1 && i32(snapshot, i) >= 0) this.place(i, i32(snapshot, i));
  }

  /** Pairs placed, in pair order. */
  placed(): number[] {
    const out: number[] = [];
    this.slotOf.forEach((t, i) => {
      if (t >= 0) out.push(i);
    });
    return out;
  }

  /**
   * Places `pair` in a free slot, or frees one by moving other meetings along a
   * chain of at most `depth` moves (iterative deepening, bounded work).
   */
  insert(pair: number, depth = 4, work = 4000, keep: readonly number[] = []): boolean {
    if (this.placeFree(pair)) return true;
    // A new generation of the chain's marks: the pair and `keep` (placed meetings the chain must not
    // move). A failed chain leaves the marks as it found them.
    if (++this.generation === 0x7fffffff) {
      this.moving.fill(0);
      this.generation = 1;
    }
    this.moving[pair] = this.generation;
    for (const k of keep) this.moving[k] = this.generation;
    for (let d = 1; d <= depth; d++) {
      this.budget = work;
      if (this.chain(pair, d)) return true;
    }
    return false;
  }

  /** Whether the pair has a slot other than `except` (-1: none excepted) where its firm and its delegation both have room. */
  private hasFreeSlot(pair: number, except: number): boolean {
    const firm = i32(this.pairFirm, pair);
    const delegation = i32(this.pairDelegation, pair);
    const w = this.w;
    for (let k = 0; k < w; k++) {
      let free = u32(this.pairMask, pair * w + k) & u32(this.firmFree, firm * w + k) & u32(this.delegationFree, delegation * w + k);
      if (k === except >>> 5) free &= ~(1 << (except & 31));
      if (free !== 0) return true;
    }
    return false;
  }

  /** Places the pair in a slot where both sides have room, the least busy one (it leaves room for others); whether there was one. */
  private placeFree(pair: number): boolean {
    if (!this.hasFreeSlot(pair, -1)) return false;
    const { firm, delegation, slots } = pairAt(this.prep, pair);
    let best = -1;
    let bestLoad = Infinity;
    for (const t of slots) {
      if (this.firmFull(firm, t) || this.delegationFull(delegation, t)) continue;
      const load = i32(this.firmLoad, firm * this.n + t) + i32(this.delegationLoad, delegation * this.n + t);
      if (load < bestLoad) {
        best = t;
        bestLoad = load;
      }
    }
    this.place(pair, best);
    return true;
  }

  private chain(pair: number, depth: number): boolean {
    if (this.placeFree(pair)) return true;
    if (depth === 0) return false;
    const { firm, delegation, slots } = pairAt(this.prep, pair);
    for (const t of slots) {
      const firmFull = this.firmFull(firm, t);
      const delegationFull = this.delegationFull(delegation, t);
      if (firmFull && delegationFull) continue;
      const blockers = firmFull ? listAt(this.firmAt, firm * this.n + t) : listAt(this.delegationAt, delegation * this.n + t);
      // A failed trial puts its blocker back at the end of the list: iterate over a copy, except on the
      // last link, where the one move made (to a free slot, checked first) always succeeds.
      for (const blocker of depth === 1 ? blockers : [...blockers]) {
        if (this.moving[blocker] === this.generation) continue;
        // Out of work: no later trial may move anything, so the chain fails here (as trying on would).
        if (--this.budget < 0) return false;
        // On the chain's last link a blocker with no free slot elsewhere fails: skip its moves (most
        // trials end so) without touching the board, its lists or the journal.
        if (depth === 1 && !this.hasFreeSlot(blocker, t)) continue;
        this.remove(blocker);
        this.place(pair, t);
        this.moving[blocker] = this.generation;
        if (this.chain(blocker, depth - 1)) return true;
        this.moving[blocker] = 0;
        this.remove(pair);
        this.place(blocker, t);
      }
    }
    return false;
  }
}

/** Sets or clears slot t's bit in word i of a mask. */
function mark(masks: Uint32Array, i: number, t: number, on: boolean): void {
  const bit = 1 << (t & 31);
  masks[i] = on ? u32(masks, i) | bit : u32(masks, i) & ~bit;
}

function drop(list: number[], value: number): void {
  const i = list.indexOf(value);
  list[i] = at(list, list.length - 1);
  list.pop();
}
