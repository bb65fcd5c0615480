/**
 * The time-indexed integer model of a prepared stop, built by the core itself
 * for the exact polish: a binary x per (eligible pair, common slot) and, per
 * level of the objective, continuous columns that the x make integral.
 *
 * Rows: a firm's representatives and a delegation's tables per slot, a pair at
 * most once, a firm's meeting cap; `y_m ≤ meetings towards must m` (≤ 1),
 * `z_f ≤ meetings of f` (≤ K), `Σ_j u_fj ≤ meetings of f` (u ≤ 1, the j-th
 * worth `top + 1 − j`, decreasing, so the u fill in order and
 * `Σ worth · u` is the firm's balance; all integer). Pinned meetings (re-planning) hold
 * their places and count on every level. A stage maximises one level with the
 * levels above fixed at values already reached.
 */
import type { Board } from "../board.js";
import { balanceWorth } from "../levels.js";
import { delegationAt, firmAt, pairAt, type Prepared } from "../prepare.js";
import { pinsOf } from "../pins.js";
import type { ExactProgram, ObjectiveLevels } from "../types.js";
import { at, i32 } from "../at.js";

/** The levels, in priority order (`replaced` only when re-planning). */
export const STAGES = ["replaced", "musts", "served", "balance", "score"] as const;
export type Stage = (typeof STAGES)[number];

/** A sparse linear expression over the columns. */
export interface Linear {
  readonly index: number[];
  readonly value: number[];
}

/** The model's columns and fixed rows, ready to be turned into one program per stage. */
export interface TimeIndexed {
  readonly prep: Prepared;
  readonly columns: number;
  /** Pair and 0-based slot of each x column (the x come first). */
  readonly xPair: Int32Array;
  readonly xSlot: Int32Array;
  readonly upper: Float64Array;
  readonly integer: Uint8Array;
  /** Column of x (pair, slot): `xOf.get(pair * slots + slot)`. */
  readonly xOf: Map<number, number>;
  /** Columns of the level columns, to fill a start: must y by request, z and units by firm. */
  readonly mustColumn: Int32Array;
  readonly servedColumn: Int32Array;
  readonly unitColumns: readonly (readonly number[])[];
  /** The hard-rule and level-linking rows. */
  readonly rows: readonly Row[];
  /** Each level as an expression over the columns (plus `constant`, what pins alone give). */
  readonly objective: Readonly<Record<Stage, Linear & { readonly constant: number }>>;
}

export interface Row extends Linear {
  readonly lower: number;
  readonly upper: number;
}

/** Builds the time-indexed model of a prepared stop (pins included). */
export function timeIndexed(prep: Prepared): TimeIndexed {
  const n = prep.slots.length;
  const pins = pinsOf(prep);
  const xPair: number[] = [];
  const xSlot: number[] = [];
  const xOf = new Map<number, number>();
  const byFirm: number[][] = prep.firms.map(() => []);
  const byFirmSlot = new Map<number, number[]>();
  const byDelegationSlot = new Map<number, number[]>();
  const push = (map: Map<number, number[]>, key: number, j: number): void => {
    const list = map.get(key);
    if (list) list.push(j);
    else map.set(key, [j]);
  };
  const rows: Row[] = [];
  const pairsOfFirm = new Int32Array(prep.firms.length);
  for (const pair of prep.eligible) {
    const p = pairAt(prep, pair);
    const own: number[] = [];
    for (const t of p.slots) {
      const j = xPair.length;
      xPair.push(pair);
      xSlot.push(t);
      xOf.set(pair * n + t, j);
      own.push(j);
      at(byFirm, p.firm).push(j);
      push(byFirmSlot, p.firm * n + t, j);
      push(byDelegationSlot, p.delegation * n + t, j);
    }
    pairsOfFirm[p.firm]!++;
    if (own.length > 1) rows.push(atMost(own, 1));
  }
  const X = xPair.length;
  for (const [key, xs] of byFirmSlot) {
    const room = firmAt(prep, Math.floor(key / n)).representatives - (pins?.firmLoad[key] ?? 0);
    if (xs.length > room) rows.push(atMost(xs, room));
  }
  for (const [key, xs] of byDelegationSlot) {
    const room = delegationAt(prep, Math.floor(key / n)).tables - (pins?.delegationLoad[key] ?? 0);
    if (xs.length > room) rows.push(atMost(xs, room));
  }
  const pinnedOf = (f: number): number => pins?.firmMeetings[f] ?? 0;
  prep.firms.forEach((_, f) => {
    const room = at(prep.firmCapacity, f) - pinnedOf(f);
    if (i32(pairsOfFirm, f) > room) rows.push(atMost(at(byFirm, f), room));
  });

  const upper: number[] = new Array<number>(X).fill(1);
  const integer: number[] = new Array<number>(X).fill(1);
  // Level columns are integral at any optimum of the x, but declared integer: HiGHS then branches on
  // them and proves the score stage (balance fixed by a row) many times faster.
  const column = (up: number): number => {
    upper.push(up);
    integer.push(1);
    return upper.length - 1;
  };
  // y_m − Σ x towards m ≤ pinned meetings towards m.
  const mustColumn = new Int32Array(prep.musts.length).fill(-1);
  const mustIndex = new Map(prep.musts.map((m, i) => [`${m.firm}|${m.country}`, i]));
  const towards: number[][] = prep.musts.map(() => []);
  for (let j = 0; j < X; j++) {
    const p = pairAt(prep, at(xPair, j));
    if (!p.must) continue;
    const m = mustIndex.get(`${p.firm}|${delegationAt(prep, p.delegation).country}`);
    if (m !== undefined) at(towards, m).push(j);
  }
  const musts: Linear & { constant: number } = { index: [], value: [], constant: 0 };
  prep.musts.forEach((_, m) => {
    const pinned = pins?.mustMeetings[m] ?? 0;
    if (pinned > 0) musts.constant++;
    else if (at(towards, m).length > 0) {
      const y = (mustColumn[m] = column(1));
      rows.push(linkRow(y, [], at(towards, m), 0));
      musts.index.push(y);
      musts.value.push(1);
    }
  });
  // z_f − Σ x_f ≤ pinned_f, z_f ≤ K; Σ_j u_fj − Σ x_f ≤ pinned_f.
  const servedColumn = new Int32Array(prep.firms.length).fill(-1);
  const unitColumns: number[][] = prep.firms.map(() => []);
  const served: Linear & { constant: number } = { index: [], value: [], constant: 0 };
  const balance: Linear & { constant: number } = { index: [], value: [], constant: 0 };
  prep.firms.forEach((_, f) => {
    const pinned = pinnedOf(f);
    if (at(byFirm, f).length === 0) {
      served.constant += Math.min(pinned, prep.minMeetings);
      for (let j = 1; j <= pinned; j++) balance.constant += balanceWorth(prep, j);
      return;
    }
    if (prep.minMeetings > 0) {
      const z = (servedColumn[f] = column(prep.minMeetings));
      rows.push(linkRow(z, [], at(byFirm, f), pinned));
      served.index.push(z);
      served.value.push(1);
    }
    if (prep.balanceTop > 0) {
      const most = Math.min(at(prep.firmCapacity, f), pinned + i32(pairsOfFirm, f), prep.balanceTop);
      const units: number[] = [];
      for (let j = 1; j <= most; j++) {
        const u = column(1);
        units.push(u);
        balance.index.push(u);
        balance.value.push(balanceWorth(prep, j));
      }
      unitColumns[f] = units;
      if (units.length > 0) rows.push(linkRow(at(units, 0), units.slice(1), at(byFirm, f), pinned));
    }
  });
  const score: Linear & { constant: number } = { index: [], value: [], constant: pins?.score ?? 0 };
  const replaced: Linear & { constant: number } = { index: [], value: [], constant: 0 };
  for (let j = 0; j < X; j++) {
    const pair = at(xPair, j);
    score.index.push(j);
    score.value.push(pairAt(prep, pair).affinity.score);
    const weight = pins?.replace[pair] ?? 0;
    if (weight !== 0) {
      replaced.index.push(j);
      replaced.value.push(weight);
    }
  }
  return {
    prep,
    columns: upper.length,
    xPair: Int32Array.from(xPair),
    xSlot: Int32Array.from(xSlot),
    upper: Float64Array.from(upper),
    integer: Uint8Array.from(integer),
    xOf,
    mustColumn,
    servedColumn,
    unitColumns,
    rows,
    objective: { replaced, musts, served, balance, score },
  };
}

function atMost(index: readonly number[], max: number): Row {
  return { index: [...index], value: index.map(() => 1), lower: -Infinity, upper: max };
}

/** `first + Σ rest − Σ xs ≤ rhs`: level columns covered by the firm's (or request's) meetings. */
function linkRow(first: number, rest: readonly number[], xs: readonly number[], rhs: number): Row {
  return { index: [first, ...rest, ...xs], value: [1, ...rest.map(() => 1), ...xs.map(() => -1)], lower: -Infinity, upper: rhs };
}

/** The program maximising `stage`, with each level in `fixed` held at least at its value. */
export function stageProgram(model: TimeIndexed, stage: Stage, fixed: Partial<Record<Stage, number>>): ExactProgram {
  const rows: Row[] = [...model.rows];
  for (const level of STAGES) {
    const value = fixed[level];
    if (value === undefined) continue;
    const expr = model.objective[level];
    if (expr.index.length === 0) continue;
    // Integer levels: half a unit of slack absorbs the LP's rounding.
    rows.push({ index: expr.index, value: expr.value, lower: value - expr.constant - 0.5, upper: Infinity });
  }
  const cost = new Float64Array(model.columns);
  const objective = model.objective[stage];
  objective.index.forEach((j, k) => (cost[j] = at(objective.value, k)));
  return programOf(cost, model.upper, model.integer, rows);
}

/** A program in compressed sparse rows from its columns (cost, upper bound, integrality) and rows. */
export function programOf(cost: Float64Array, upper: Float64Array, integer: Uint8Array, rows: readonly Row[]): ExactProgram {
  let entries = 0;
  for (const row of rows) entries += row.index.length;
  const rowStarts = new Int32Array(rows.length + 1);
  const rowIndex = new Int32Array(entries);
  const rowValue = new Float64Array(entries);
  let k = 0;
  rows.forEach((row, r) => {
    rowStarts[r] = k;
    row.index.forEach((j, i) => {
      rowIndex[k] = j;
      rowValue[k++] = at(row.value, i);
    });
  });
  rowStarts[rows.length] = k;
  return {
    columns: cost.length,
    cost,
    upper,
    integer,
    rowStarts,
    rowIndex,
    rowValue,
    rowLower: Float64Array.from(rows, (r) => r.lower),
    rowUpper: Float64Array.from(rows, (r) => r.upper),
  };
}

/** Every column's value for a board's meetings: each level column as high as the meetings allow. */
export function startOf(model: TimeIndexed, board: Board): Float64Array {
  const { prep } = model;
  const n = prep.slots.length;
  const start = new Float64Array(model.columns);
  for (const pair of board.placed()) {
    const j = model.xOf.get(pair * n + i32(board.slotOf, pair));
    if (j !== undefined) start[j] = 1;
  }
  model.mustColumn.forEach((y, m) => {
    if (y >= 0 && i32(board.mustMeetings, m) > 0) start[y] = 1;
  });
  prep.firms.forEach((_, f) => {
    const m = i32(board.firmMeetings, f);
    const z = i32(model.servedColumn, f);
    if (z >= 0) start[z] = Math.min(m, prep.minMeetings);
    at(model.unitColumns, f).forEach((u, i) => (start[u] = i < m ? 1 : 0));
  });
  return start;
}

/** The meetings (pair, 0-based slot) chosen by a solution's x. */
export function meetingsOf(model: TimeIndexed, values: ArrayLike<number>): { pair: number; slot: number }[] {
  const out: { pair: number; slot: number }[] = [];
  for (let j = 0; j < model.xPair.length; j++) if ((values[j] ?? 0) > 0.5) out.push({ pair: i32(model.xPair, j), slot: i32(model.xSlot, j) });
  return out;
}

/** A level's value in `levels` (`replaced` is 0 when absent). */
export function levelOf(levels: ObjectiveLevels, stage: Stage): number {
  return stage === "replaced" ? (levels.replaced ?? 0) : levels[stage];
}
