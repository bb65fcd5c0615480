/** Reads the agenda sent before against the stop as it is now: the tables each delegation keeps, and which meetings still hold. */
import { InvalidInstanceError } from "../errors.js";
import { firmAt, pairAt, type Prepared } from "../prepare.js";
import type { MeetingChangeReason, TableAssignment } from "../types.js";
import { instanceIssue, type InstanceIssue, type LockProblem } from "../validate.js";
import type { AgendaMeeting } from "../verify.js";
import { addI32, at, got, i32 } from "../at.js";

/** A meeting of the agenda on the indexed stop: its pair and 0-based slot. */
export interface PlacedMeeting {
  readonly pair: number;
  readonly slot: number;
  readonly table: number;
}

/** The previous agenda read against the stop as it is now. */
export interface PreviousReading {
  /** Each present delegation's tables, in delegation order. */
  readonly tables: readonly TableAssignment[];
  /** Locked meetings (all valid), to keep as they are whatever happens. */
  readonly locked: readonly PlacedMeeting[];
  /** Still-valid previous meetings not locked, that fit together with the locks. */
  readonly kept: readonly PlacedMeeting[];
  /** Index into `previous` of each kept meeting. */
  readonly keptIndex: readonly number[];
  /** Why each previous meeting cannot stay as it was (`null`: it can). */
  readonly reasons: readonly (MeetingChangeReason | null)[];
  /** Eligible pairs whose previous meeting was lost: the pairs to place again. */
  readonly lostPairs: readonly number[];
  /** Where each lost pair met before (0-based slot, table), when that slot exists. */
  readonly lostAt: ReadonlyMap<number, { readonly slot: number; readonly table: number }>;
}

/** Table number → the delegation that held the most of its meetings (ties: the larger share of its own meetings, then the lower id). */
function tableOwners(previous: readonly AgendaMeeting[]): Map<number, string> {
  const byTable = new Map<number, Map<string, number>>();
  const total = new Map<string, number>();
  for (const m of previous) {
    if (!Number.isInteger(m.table) || m.table < 1) continue;
    const counts = byTable.get(m.table) ?? new Map<string, number>();
    counts.set(m.delegationId, (counts.get(m.delegationId) ?? 0) + 1);
    byTable.set(m.table, counts);
    total.set(m.delegationId, (total.get(m.delegationId) ?? 0) + 1);
  }
  const owner = new Map<number, string>();
  for (const [table, counts] of byTable) {
    let best: [string, number] | null = null;
    for (const entry of counts) {
      if (best === null) best = entry;
      else {
        const [id, n] = entry;
        const [bestId, bestN] = best;
        // n / total(id) against bestN / total(bestId), without division.
        const share = n * got(total, bestId) - bestN * got(total, id);
        if (n > bestN || (n === bestN && (share > 0 || (share === 0 && id < bestId)))) best = entry;
      }
    }
    // Every table counted has a meeting, so a best delegation.
    if (best !== null) owner.set(table, best[0]);
  }
  return owner;
}

/**
 * Each table belongs to the delegation that held the most meetings at it (on a
 * tie, the one for which it held the larger share of its meetings, then the
 * lower id), and each delegation keeps the table numbers it owns (the lowest
 * ones when its tables went down). So a meeting moved by hand onto another
 * delegation's table takes that table from nobody: it is lost there and placed
 * again at its own. A delegation that needs more takes the numbers right after
 * its own while nobody used them, then a run of numbers nobody used, then fresh
 * numbers after the highest in use. Without any change this gives back the
 * numbering the agenda was made with.
 */
export function keptTables(prep: Prepared, previous: readonly AgendaMeeting[]): TableAssignment[] {
  const owner = tableOwners(previous);
  // Every number the agenda used stays taken, also those of delegations gone from the stop.
  const taken = new Set(owner.keys());
  const tables = prep.delegations.map((d) => {
    const own = [...owner].filter(([, id]) => id === d.id).map(([table]) => table).sort((a, b) => a - b);
    return own.slice(0, d.tables);
  });
  // The numbers right after a delegation's own, while unused (its unused tables in the agenda it came from).
  prep.delegations.forEach((d, i) => {
    const list = at(tables, i);
    if (list.length === 0) return;
    for (let next = at(list, list.length - 1) + 1; list.length < d.tables && !taken.has(next); next++) {
      list.push(next);
      taken.add(next);
    }
  });
  let highest = Math.max(0, ...taken);
  prep.delegations.forEach((d, i) => {
    const list = at(tables, i);
    const need = d.tables - list.length;
    if (need <= 0) return;
    let start = 1;
    // A run of numbers nobody uses, if one is long enough (below the highest), else fresh numbers.
    for (let t = 1; t <= highest && t - start < need; t++) if (taken.has(t)) start = t + 1;
    if (start + need - 1 > highest) start = highest + 1;
    for (let t = start; t < start + need; t++) {
      list.push(t);
      taken.add(t);
    }
    list.sort((a, b) => a - b);
    highest = Math.max(highest, ...list);
  });
  return prep.delegations.map((d, i) => ({ delegationId: d.id, tables: at(tables, i) }));
}

/**
 * Classifies the previous agenda: a meeting stays when both are at the stop and
 * present in its slot, the pair may still meet, its table is still one of the
 * delegation's, and capacities hold. When capacity went down, the locks come
 * first, then the highest scores, then the earliest slots. `locked` meetings
 * must obey every rule (an error says which does not).
 */
export function readPrevious(
  prep: Prepared,
  previous: readonly AgendaMeeting[],
  locked: readonly AgendaMeeting[],
  tables: readonly TableAssignment[],
): PreviousReading {
  const n = prep.slots.length;
  const D = prep.delegations.length;
  const firmIndex = new Map(prep.firms.map((f, i) => [f.id, i]));
  const delegationIndex = new Map(prep.delegations.map((d, i) => [d.id, i]));
  const tableOf = tables.map((t) => new Set(t.tables));
  // A meeting at a table it does not keep: its own delegation's table gone (capacity), or another's (a hand edit).
  const owners = tableOwners(previous);

  // Why one meeting cannot be kept on its own (capacities come after).
  const invalid = (m: AgendaMeeting): { reason: Exclude<LockProblem, "clash">; pair: number } | { reason: null; pair: number; slot: number } => {
    const f = firmIndex.get(m.firmId);
    const d = delegationIndex.get(m.delegationId);
    if (f === undefined || !at(prep.firmPresent, f).some(Boolean)) return { reason: "firm-absent", pair: -1 };
    if (d === undefined || !at(prep.delegationPresent, d).some(Boolean)) return { reason: "delegation-absent", pair: -1 };
    const pair = f * D + d;
    const block = pairAt(prep, pair).block;
    if (block !== null && block !== "no-common-slot") return { reason: "rule", pair: -1 };
    if (!Number.isInteger(m.slot) || m.slot < 1 || m.slot > n || !at(prep.firmPresent, f)[m.slot - 1]) return { reason: "firm-window", pair };
    if (!at(prep.delegationPresent, d)[m.slot - 1]) return { reason: "delegation-window", pair };
    if (!at(tableOf, d).has(m.table)) return { reason: owners.get(m.table) === m.delegationId ? "capacity" : "other-table", pair };
    return { reason: null, pair, slot: m.slot - 1 };
  };

  const firmLoad = new Int32Array(prep.firms.length * n);
  const total = new Int32Array(prep.firms.length);
  const tableUsed = new Set<number>();
  const pairUsed = new Set<number>();
  const fits = (pair: number, slot: number, table: number): boolean => {
    const { firm } = pairAt(prep, pair);
    const f = firmAt(prep, firm);
    return (
      !pairUsed.has(pair) &&
      i32(firmLoad, firm * n + slot) < f.representatives &&
      i32(total, firm) < (f.maxMeetings ?? Infinity) &&
      !tableUsed.has(slot * 1e6 + table)
    );
  };
  const take = (pair: number, slot: number, table: number): void => {
    const { firm } = pairAt(prep, pair);
    pairUsed.add(pair);
    addI32(firmLoad, firm * n + slot, 1);
    addI32(total, firm, 1);
    tableUsed.add(slot * 1e6 + table);
  };

  const lockedPlaced: PlacedMeeting[] = [];
  const issues: InstanceIssue[] = [];
  locked.forEach((m, i) => {
    const check = invalid(m);
    if (check.reason !== null || !fits(check.pair, check.slot, m.table)) {
      const problem = check.reason ?? "clash";
      issues.push(instanceIssue("error", "bad-lock", ["locked", i], m, { firmId: m.firmId, delegationId: m.delegationId, slot: m.slot, table: m.table, problem }));
      return;
    }
    take(check.pair, check.slot, m.table);
    lockedPlaced.push({ pair: check.pair, slot: check.slot, table: m.table });
  });
  if (issues.length > 0) throw new InvalidInstanceError(issues);

  const reasons: (MeetingChangeReason | null)[] = new Array(previous.length).fill(null);
  const lost = new Set<number>();
  const lostAt = new Map<number, { slot: number; table: number }>();
  const lose = (pair: number, m: AgendaMeeting): void => {
    lost.add(pair);
    if (Number.isInteger(m.slot) && m.slot >= 1 && m.slot <= n) lostAt.set(pair, { slot: m.slot - 1, table: m.table });
  };
  const seen = new Set<number>();
  const candidates: { k: number; pair: number; slot: number; table: number }[] = [];
  previous.forEach((m, k) => {
    const check = invalid(m);
    if (check.pair >= 0 && seen.has(check.pair)) {
      reasons[k] = "rule";
      return;
    }
    if (check.pair >= 0) seen.add(check.pair);
    if (check.reason !== null) {
      reasons[k] = check.reason;
      if (check.pair >= 0) lose(check.pair, m);
    } else {
      candidates.push({ k, pair: check.pair, slot: check.slot, table: m.table });
    }
  });
  const lockedPairs = new Set(lockedPlaced.map((l) => l.pair));
  const score = (pair: number): number => pairAt(prep, pair).affinity.score;
  candidates.sort((a, b) => score(b.pair) - score(a.pair) || a.slot - b.slot || a.table - b.table || a.k - b.k);
  const kept: PlacedMeeting[] = [];
  const keptIndex: number[] = [];
  for (const c of candidates) {
    const same = lockedPlaced.find((l) => l.pair === c.pair);
    if (same !== undefined) {
      // The lock is this pair's meeting now; if it sits elsewhere, the old one moved.
      if (same.slot !== c.slot || same.table !== c.table) reasons[c.k] = null;
      continue;
    }
    if (lockedPairs.has(c.pair) || !fits(c.pair, c.slot, c.table)) {
      reasons[c.k] = "capacity";
      lose(c.pair, at(previous, c.k));
      continue;
    }
    take(c.pair, c.slot, c.table);
    kept.push({ pair: c.pair, slot: c.slot, table: c.table });
    keptIndex.push(c.k);
  }
  const lostPairs = [...lost].filter((pair) => pairAt(prep, pair).block === null && !lockedPairs.has(pair)).sort((a, b) => a - b);
  for (const pair of lostAt.keys()) if (!lostPairs.includes(pair)) lostAt.delete(pair);
  return { tables, locked: lockedPlaced, kept, keptIndex, reasons, lostPairs, lostAt };
}
