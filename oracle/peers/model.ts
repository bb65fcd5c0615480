/**
 * The straightforward time-indexed integer model of one stop:
 * x[firm, delegation, slot] ∈ {0,1} wherever both are present and the pair is
 * eligible, with the spec's hard rules as rows. The lexicographic objective
 * is solved in four stages (musts, served firms, balance, score), each fixing
 * the value reached by the one before; `stageProgram` gives one stage as a
 * solver-neutral MILP that `lp-format.ts` writes for HiGHS and jsLPSolver.
 */
import { buildSlots, slotsInside } from "@roadshow/core";
import type { Delegation, Firm, ObjectiveLevels, Slot, StopInstance } from "@roadshow/core";

export interface ModelOptions {
  /** `K` of the objective's second level. */
  readonly minMeetings: number;
  /** Let pairs from `history` meet again. */
  readonly allowRepeats: boolean;
}

/** One binary x: firm and delegation are indexes into the model's lists, slot is 1-based. */
export interface XVar {
  readonly firm: number;
  readonly delegation: number;
  readonly slot: number;
  readonly score: number;
}

/** A `must` request that some x can meet, with those x. */
export interface MustLink {
  readonly firmId: string;
  readonly country: string;
  readonly xs: readonly number[];
}

export interface TimeIndexedModel {
  /** Present firms and delegations, sorted by id. */
  readonly firms: readonly Firm[];
  readonly delegations: readonly Delegation[];
  readonly slots: readonly Slot[];
  readonly x: readonly XVar[];
  readonly musts: readonly MustLink[];
  /** Distinct `must` requests of present firms, meetable or not. */
  readonly requestedMusts: number;
  readonly minMeetings: number;
  /** Hard-rule rows: the sum of `xs` is at most `max`. */
  readonly capacity: readonly { readonly name: string; readonly xs: readonly number[]; readonly max: number }[];
  /** x indexes of each firm, by firm index. */
  readonly byFirm: readonly (readonly number[])[];
  /** Most meetings any firm could hold (max_meetings, representatives × slots present, eligible pairs): a firm's j-th meeting is worth `top + 1 − j` on the balance level. */
  readonly balanceTop: number;
}

/** A meeting as the peers produce it (no table yet). */
export interface PeerMeeting {
  readonly firmId: string;
  readonly delegationId: string;
  readonly slot: number;
  readonly score: number;
}

const pairKey = (firmId: string, other: string): string => `${firmId}\u0000${other}`;

/** Eligible pair scores: listed, > 0, not avoided, not met before (unless allowed). */
export function eligibleScores(instance: StopInstance, options: ModelOptions): Map<string, number> {
  if (instance.scores === null) throw new Error("the time-indexed model needs explicit scores (instance.scores)");
  const country = new Map(instance.delegations.map((d) => [d.id, d.country]));
  const avoided = new Set(instance.requests.filter((r) => r.kind === "avoid").map((r) => pairKey(r.firmId, r.country)));
  const met = new Set(options.allowRepeats ? [] : instance.history.map((h) => pairKey(h.firmId, h.delegationId)));
  const scores = new Map<string, number>();
  for (const s of instance.scores) scores.set(pairKey(s.firmId, s.delegationId), s.score);
  for (const [key, score] of scores) {
    const [firmId, delegationId] = key.split("\u0000") as [string, string];
    const c = country.get(delegationId);
    if (!(score > 0) || c === undefined || avoided.has(pairKey(firmId, c)) || met.has(key)) scores.delete(key);
  }
  return scores;
}

/** A firm's balance with `m` meetings: Σ_{j ≤ m} (top + 1 − j). */
export function balanceOf(top: number, m: number): number {
  return m * (top + 1) - (m * (m + 1)) / 2;
}

/** The balance level's `top` of an instance: the most meetings any present firm could hold. */
export function balanceTopOf(instance: StopInstance, options: ModelOptions): number {
  const { stop } = instance;
  const slots = buildSlots(stop);
  const eligible = eligibleScores(instance, options);
  const delegations = instance.delegations.filter((d) => d.stops === null || d.stops.includes(stop.id)).map((d) => ({ id: d.id, at: slotsInside(stop, slots, d.available) }));
  let top = 0;
  for (const firm of instance.firms) {
    if (!firm.stops.includes(stop.id)) continue;
    const at = slotsInside(stop, slots, firm.available);
    const pairs = delegations.filter((d) => eligible.has(pairKey(firm.id, d.id)) && at.some((p, t) => p && d.at[t])).length;
    top = Math.max(top, Math.min(firm.maxMeetings ?? Infinity, firm.representatives * at.filter(Boolean).length, pairs));
  }
  return top;
}

/** How many x the model would have, without building it (to decide whether a peer can take it). */
export function countBinaries(instance: StopInstance, options: ModelOptions): number {
  const { stop } = instance;
  const slots = buildSlots(stop);
  const eligible = eligibleScores(instance, options);
  const present = (windows: Firm["available"]): boolean[] => slotsInside(stop, slots, windows);
  const delegations = instance.delegations.filter((d) => d.stops === null || d.stops.includes(stop.id)).map((d) => ({ id: d.id, at: present(d.available) }));
  let count = 0;
  for (const firm of instance.firms) {
    if (!firm.stops.includes(stop.id)) continue;
    const at = present(firm.available);
    for (const d of delegations) {
      if (!eligible.has(pairKey(firm.id, d.id))) continue;
      for (let t = 0; t < slots.length; t++) if (at[t] && d.at[t]) count++;
    }
  }
  return count;
}

export function buildModel(instance: StopInstance, options: ModelOptions): TimeIndexedModel {
  const { stop } = instance;
  const slots = buildSlots(stop);
  const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const firms = instance.firms.filter((f) => f.stops.includes(stop.id)).sort(byId);
  const delegations = instance.delegations.filter((d) => d.stops === null || d.stops.includes(stop.id)).sort(byId);
  const eligible = eligibleScores(instance, options);
  const firmSlots = firms.map((f) => slotsInside(stop, slots, f.available));
  const delegationSlots = delegations.map((d) => slotsInside(stop, slots, d.available));

  const x: XVar[] = [];
  const byFirm: number[][] = firms.map(() => []);
  let balanceTop = 0;
  const byDelegationSlot = new Map<string, number[]>();
  const capacity: { name: string; xs: number[]; max: number }[] = [];
  const push = (list: Map<string, number[]>, key: string, j: number): void => {
    const xs = list.get(key);
    if (xs) xs.push(j);
    else list.set(key, [j]);
  };
  firms.forEach((firm, f) => {
    const firmSlot = new Map<string, number[]>();
    let pairs = 0;
    delegations.forEach((delegation, d) => {
      const score = eligible.get(pairKey(firm.id, delegation.id));
      if (score === undefined) return;
      const pair: number[] = [];
      slots.forEach((slot, t) => {
        if (!firmSlots[f]![t] || !delegationSlots[d]![t]) return;
        const j = x.length;
        x.push({ firm: f, delegation: d, slot: slot.index, score });
        pair.push(j);
        byFirm[f]!.push(j);
        push(firmSlot, String(slot.index), j);
        push(byDelegationSlot, `${d}|${slot.index}`, j);
      });
      if (pair.length > 0) pairs++;
      if (pair.length > 1) capacity.push({ name: `pair_${f}_${d}`, xs: pair, max: 1 });
    });
    for (const [t, xs] of firmSlot) {
      if (xs.length > firm.representatives) capacity.push({ name: `firm_${f}_${t}`, xs, max: firm.representatives });
    }
    if (firm.maxMeetings !== null && pairs > firm.maxMeetings) capacity.push({ name: `max_${f}`, xs: byFirm[f]!, max: firm.maxMeetings });
    const present = firmSlots[f]!.filter(Boolean).length;
    balanceTop = Math.max(balanceTop, Math.min(firm.maxMeetings ?? Infinity, firm.representatives * present, pairs));
  });
  for (const [key, xs] of byDelegationSlot) {
    const tables = delegations[Number(key.split("|")[0])]!.tables;
    if (xs.length > tables) capacity.push({ name: `del_${key.replace("|", "_")}`, xs, max: tables });
  }

  const firmIndex = new Map(firms.map((f, i) => [f.id, i]));
  const requested = new Set<string>();
  const musts: MustLink[] = [];
  for (const r of instance.requests) {
    const f = firmIndex.get(r.firmId);
    if (r.kind !== "must" || f === undefined || requested.has(pairKey(r.firmId, r.country))) continue;
    requested.add(pairKey(r.firmId, r.country));
    const xs = byFirm[f]!.filter((j) => delegations[x[j]!.delegation]!.country === r.country);
    if (xs.length > 0) musts.push({ firmId: r.firmId, country: r.country, xs });
  }
  return { firms, delegations, slots, x, musts, requestedMusts: requested.size, minMeetings: options.minMeetings, capacity, byFirm, balanceTop };
}

/** A maximisation MILP; every column has lower bound 0. */
export interface Milp {
  readonly columns: readonly { readonly name: string; readonly upper: number; readonly integer: boolean; readonly cost: number }[];
  readonly rows: readonly {
    readonly name: string;
    readonly cols: readonly number[];
    readonly coefs: readonly number[];
    readonly lower: number;
    readonly upper: number;
  }[];
}

/** Musts, served, balance, score. */
export type Stage = 1 | 2 | 3 | 4;

/** Values reached by earlier stages, fixed as lower bounds. */
export interface StageFixes {
  readonly musts?: number;
  readonly served?: number;
  readonly balance?: number;
}

/** Per servable firm, the balance columns' worths: `top + 1 − j` for j = 1..(its x pairs, at most top). */
export function balanceColumns(model: TimeIndexedModel, servable: readonly number[]): { f: number; worth: number }[] {
  const out: { f: number; worth: number }[] = [];
  for (const f of servable) {
    const pairs = new Set(model.byFirm[f]!.map((j) => model.x[j]!.delegation)).size;
    for (let j = 1; j <= Math.min(pairs, model.balanceTop); j++) out.push({ f, worth: model.balanceTop + 1 - j });
  }
  return out;
}

/**
 * Columns: x (binary), then y per must link (binary), then z per firm with
 * some x (integer, ≤ K), then u per firm and j (continuous in [0, 1], worth
 * `top + 1 − j`, Σ_j u ≤ the firm's meetings: decreasing worths make the LP
 * fill them in order, so Σ worth × u is the balance; declared integer for
 * HiGHS, whose score stage then branches on them and proves optimality in a
 * fraction of the time; continuous for jsLPSolver, whose branch and bound
 * drowns in them and in a balance fixed by a row, so for it the score stage
 * weighs balance above every score together instead). The column set is the
 * same in every stage, so a stage's solution is a start for the next.
 */
export function stageProgram(model: TimeIndexedModel, stage: Stage, fixes: StageFixes = {}, integerBalance = true): Milp {
  const n = model.x.length;
  const servable = model.byFirm.map((xs, f) => (xs.length > 0 ? f : -1)).filter((f) => f >= 0);
  const units = balanceColumns(model, servable);
  // Continuous balance columns: stages 3 and 4 are one, balance weighted above every score together.
  const merged = !integerBalance && stage === 4 ? model.x.reduce((sum, v) => sum + Math.abs(v.score), 0) + 1 : 0;
  const columns = [
    ...model.x.map((v, j) => ({ name: `x${j}`, upper: 1, integer: true, cost: stage === 4 ? v.score : 0 })),
    ...model.musts.map((_, k) => ({ name: `y${k}`, upper: 1, integer: true, cost: stage === 1 ? 1 : 0 })),
    ...servable.map((f) => ({ name: `z${f}`, upper: model.minMeetings, integer: true, cost: stage === 2 ? 1 : 0 })),
    ...units.map((u, k) => ({ name: `u${k}`, upper: 1, integer: integerBalance, cost: stage === 3 ? u.worth : merged * u.worth })),
  ];
  const rows: Milp["rows"][number][] = model.capacity.map((c) => ({
    name: c.name,
    cols: c.xs,
    coefs: c.xs.map(() => 1),
    lower: -Infinity,
    upper: c.max,
  }));
  model.musts.forEach((m, k) => {
    rows.push({ name: `must_${k}`, cols: [n + k, ...m.xs], coefs: [1, ...m.xs.map(() => -1)], lower: -Infinity, upper: 0 });
  });
  const zBase = n + model.musts.length;
  servable.forEach((f, i) => {
    const xs = model.byFirm[f]!;
    rows.push({ name: `served_${f}`, cols: [zBase + i, ...xs], coefs: [1, ...xs.map(() => -1)], lower: -Infinity, upper: 0 });
  });
  if (fixes.musts !== undefined && model.musts.length > 0) {
    const cols = model.musts.map((_, k) => n + k);
    rows.push({ name: "fix_musts", cols, coefs: cols.map(() => 1), lower: fixes.musts, upper: Infinity });
  }
  if (fixes.served !== undefined && servable.length > 0) {
    const cols = servable.map((_, i) => zBase + i);
    rows.push({ name: "fix_served", cols, coefs: cols.map(() => 1), lower: fixes.served, upper: Infinity });
  }
  const uBase = zBase + servable.length;
  for (const f of servable) {
    const cols = units.flatMap((u, k) => (u.f === f ? [uBase + k] : []));
    const xs = model.byFirm[f]!;
    if (cols.length > 0) rows.push({ name: `balance_${f}`, cols: [...cols, ...xs], coefs: [...cols.map(() => 1), ...xs.map(() => -1)], lower: -Infinity, upper: 0 });
  }
  if (fixes.balance !== undefined && units.length > 0) {
    const cols = units.map((_, k) => uBase + k);
    // Balances are integers: half a unit of slack absorbs the LP's rounding.
    rows.push({ name: "fix_balance", cols, coefs: units.map((u) => u.worth), lower: fixes.balance - (integerBalance ? 0.5 : 0), upper: Infinity });
  }
  return { columns, rows };
}

/** Whether a stage has anything to optimise (no musts: stage 1 is trivially 0). */
export function stageIsTrivial(model: TimeIndexedModel, stage: Stage): boolean {
  if (stage === 1) return model.musts.length === 0;
  if (stage === 2) return model.minMeetings <= 0 || model.x.length === 0;
  if (stage === 3) return model.balanceTop <= 0 || model.x.length === 0;
  return model.x.length === 0;
}

/** The chosen x (value ≥ 0.5) as meetings, sorted by slot, delegation, firm. */
export function meetingsOf(model: TimeIndexedModel, values: ArrayLike<number>): PeerMeeting[] {
  const out: PeerMeeting[] = [];
  model.x.forEach((v, j) => {
    if ((values[j] ?? 0) < 0.5) return;
    out.push({ firmId: model.firms[v.firm]!.id, delegationId: model.delegations[v.delegation]!.id, slot: v.slot, score: v.score });
  });
  return out.sort((a, b) => a.slot - b.slot || cmp(a.delegationId, b.delegationId) || cmp(a.firmId, b.firmId));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The objective's four levels of a list of meetings (hard rules not checked here); `top` is the balance's (`balanceTopOf`). */
export function levelsOf(instance: StopInstance, minMeetings: number, meetings: readonly PeerMeeting[], top: number): ObjectiveLevels {
  const country = new Map(instance.delegations.map((d) => [d.id, d.country]));
  const met = new Set(meetings.map((m) => pairKey(m.firmId, country.get(m.delegationId) ?? "")));
  const musts = new Set(instance.requests.filter((r) => r.kind === "must" && met.has(pairKey(r.firmId, r.country))).map((r) => pairKey(r.firmId, r.country)));
  const count = new Map<string, number>();
  for (const m of meetings) count.set(m.firmId, (count.get(m.firmId) ?? 0) + 1);
  let served = 0;
  let balance = 0;
  for (const c of count.values()) {
    served += Math.min(c, minMeetings);
    balance += balanceOf(top, c);
  }
  const score = meetings.reduce((s, m) => s + m.score, 0);
  return { musts: musts.size, served, balance, score: Math.round(score * 1e6) / 1e6 };
}

/** Lexicographic comparison of levels: > 0 when `a` is better. Scores within `eps` are equal. */
export function compareLevels(a: ObjectiveLevels, b: ObjectiveLevels, eps = 1e-6): number {
  if (a.musts !== b.musts) return a.musts - b.musts;
  if (a.served !== b.served) return a.served - b.served;
  if (a.balance !== b.balance) return a.balance - b.balance;
  return Math.abs(a.score - b.score) <= eps ? 0 : a.score - b.score;
}

/**
 * Tables for peer meetings: each delegation gets its own consecutive table
 * numbers (in id order), and its meetings in a slot take them in order.
 */
export function assignTables<T extends PeerMeeting>(instance: StopInstance, meetings: readonly T[]): (T & { table: number })[] {
  const first = new Map<string, number>();
  let next = 1;
  for (const d of [...instance.delegations].sort((a, b) => cmp(a.id, b.id))) {
    first.set(d.id, next);
    next += d.tables;
  }
  const used = new Map<string, number>();
  return meetings.map((m) => {
    const key = `${m.delegationId}|${m.slot}`;
    const k = used.get(key) ?? 0;
    used.set(key, k + 1);
    return { ...m, table: (first.get(m.delegationId) ?? 0) + k };
  });
}
