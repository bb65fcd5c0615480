/** Indexes a stop for solving: who attends, who is present when, and every firm × delegation pair with its score parts and whether it may meet. */
import { affinity, DEFAULT_WEIGHTS, externalAffinity } from "./affinity.js";
import { InternalError } from "./errors.js";
import { assertValidInstance } from "./validate.js";
import { buildSlots, slotsInside } from "./slots.js";
import type { Affinity, CountryCode, Delegation, Firm, ScheduleOptions, ScoreEntry, Slot, StopInstance } from "./types.js";
import { addAt, at } from "./at.js";

/** Why a firm × delegation pair cannot meet at this stop. */
export type PairBlock = "avoided" | "met-before" | "zero-score" | "no-common-slot";

/** A firm × delegation pair of the stop with everything the solver needs. */
export interface Pair {
  readonly firm: number;
  readonly delegation: number;
  readonly affinity: Affinity;
  /** The firm has a `must` request for the delegation's country. */
  readonly must: boolean;
  /** 0-based slots where both are present. */
  readonly slots: readonly number[];
  /** Set when the pair may not meet. */
  readonly block: PairBlock | null;
}

/** A `must` request of a registered firm. */
export interface MustRequest {
  readonly firm: number;
  readonly country: CountryCode;
}

/** A stop instance indexed for solving: participants sorted by id, presence per slot, pairs. */
export interface Prepared {
  readonly instance: StopInstance;
  readonly slots: readonly Slot[];
  readonly firms: readonly Firm[];
  readonly delegations: readonly Delegation[];
  /** `firmPresent[f][t]`: firm f can meet in slot t. */
  readonly firmPresent: readonly (readonly boolean[])[];
  readonly delegationPresent: readonly (readonly boolean[])[];
  /** Every firm × delegation pair, firm-major. */
  readonly pairs: readonly Pair[];
  /** Indexes into `pairs` of the pairs that may meet. */
  readonly eligible: readonly number[];
  /** (eligible pair, common slot) candidates: the size of the time-indexed model. */
  readonly candidates: number;
  readonly musts: readonly MustRequest[];
  /** Whether some window removes a slot from someone. */
  readonly windowed: boolean;
  readonly minMeetings: number;
  /** Meetings a firm can hold at most (cap and presence). */
  readonly firmCapacity: readonly number[];
  /** Meetings a delegation can hold at most (tables × present slots). */
  readonly delegationCapacity: readonly number[];
  /**
   * The most meetings any firm could hold (its cap, presence and eligible
   * pairs), the `top` of the balance worth (`balanceWorth`); 0 when balance is off.
   */
  readonly balanceTop: number;
}

/** The pair at index `i` of `prep.pairs`; indexes come from the pipeline itself, so a miss is a bug. */
export function pairAt(prep: Prepared, i: number): Pair {
  const pair = prep.pairs[i];
  if (pair === undefined) throw new InternalError(`no pair ${i} among ${prep.pairs.length}`);
  return pair;
}

/** The firm at index `f` of `prep.firms` (a bug when there is none). */
export function firmAt(prep: Prepared, f: number): Firm {
  const firm = prep.firms[f];
  if (firm === undefined) throw new InternalError(`no firm ${f} among ${prep.firms.length}`);
  return firm;
}

/** The delegation at index `d` of `prep.delegations` (a bug when there is none). */
export function delegationAt(prep: Prepared, d: number): Delegation {
  const delegation = prep.delegations[d];
  if (delegation === undefined) throw new InternalError(`no delegation ${d} among ${prep.delegations.length}`);
  return delegation;
}

const byId = <T extends { readonly id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Indexes the instance: who attends, who is present when, which pairs may meet and their scores. */
export function prepare(instance: StopInstance, options: ScheduleOptions = {}): Prepared {
  const { stop } = instance;
  const slots = buildSlots(stop);
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const firms = instance.firms.filter((f) => f.stops.includes(stop.id)).sort(byId);
  const delegations = instance.delegations.filter((d) => d.stops === null || d.stops.includes(stop.id)).sort(byId);
  const firmPresent = firms.map((f) => slotsInside(stop, slots, f.available));
  const delegationPresent = delegations.map((d) => slotsInside(stop, slots, d.available));
  const windowed = [...firmPresent, ...delegationPresent].some((row) => row.some((p) => !p));

  // Requests, history and external scores indexed by firm and delegation (no string keys per pair: XL has 400k pairs).
  const firmIndex = new Map(firms.map((f, i) => [f.id, i]));
  const delegationIndex = new Map(delegations.map((d, i) => [d.id, i]));
  const D = delegations.length;
  const pairIndex = (firmId: string, delegationId: string): number | undefined => {
    const f = firmIndex.get(firmId);
    const d = delegationIndex.get(delegationId);
    return f === undefined || d === undefined ? undefined : f * D + d;
  };
  const requestsOf: (Map<CountryCode, "must" | "avoid"> | undefined)[] = new Array(firms.length);
  for (const r of instance.requests) {
    const f = firmIndex.get(r.firmId);
    if (f !== undefined) (requestsOf[f] ??= new Map()).set(r.country, r.kind);
  }
  const metBefore = new Set<number>();
  if (!options.allowRepeats) {
    for (const h of instance.history) {
      const i = pairIndex(h.firmId, h.delegationId);
      if (i !== undefined) metBefore.add(i);
    }
  }
  const excluded = new Set<number>();
  for (const x of options.excluded ?? []) {
    const i = pairIndex(x.firmId, x.delegationId);
    if (i !== undefined) excluded.add(i);
  }
  let external: (ScoreEntry | undefined)[] | null = null;
  if (instance.scores !== null) {
    external = new Array(firms.length * D);
    for (const entry of instance.scores) {
      const i = pairIndex(entry.firmId, entry.delegationId);
      if (i !== undefined) external[i] = entry;
    }
  }

  // Presence lists are shared between pairs whenever one side is there all session (saves memory at scale).
  const present = (row: readonly boolean[]): number[] => row.flatMap((p, t) => (p ? [t] : []));
  const firmSlots = firmPresent.map(present);
  const delegationSlots = delegationPresent.map(present);
  const firmWhole = firmSlots.map((s) => s.length === slots.length);
  const delegationWhole = delegationSlots.map((s) => s.length === slots.length);

  const pairs: Pair[] = [];
  const eligible: number[] = [];
  let candidates = 0;
  firms.forEach((firm, f) => {
    const requests = requestsOf[f];
    delegations.forEach((delegation, d) => {
      const i = f * D + d;
      const kind = requests?.get(delegation.country);
      const base =
        external === null
          ? affinity(stop, firm, delegation, kind === "must", weights)
          : externalAffinity(external[i], firm.id, delegation.id);
      const score = withBonus(base, options.bonus?.(firm, delegation) ?? 0);
      const common = commonSlots(at(firmSlots, f), at(firmWhole, f), at(delegationSlots, d), at(delegationWhole, d));
      const block: PairBlock | null =
        kind === "avoid" || excluded.has(i) ? "avoided"
        : metBefore.has(i) ? "met-before"
        : !(score.score > 0) ? "zero-score"
        : common.length === 0 ? "no-common-slot"
        : null;
      if (block === null) {
        eligible.push(pairs.length);
        candidates += common.length;
      }
      pairs.push({ firm: f, delegation: d, affinity: score, must: kind === "must", slots: common, block });
    });
  });

  const musts: MustRequest[] = [];
  requestsOf.forEach((requests, firm) => {
    const countries = [...(requests ?? [])].filter(([, kind]) => kind === "must").map(([country]) => country);
    for (const country of countries.sort()) musts.push({ firm, country });
  });

  const firmCapacity = firms.map((f, i) => Math.min(f.maxMeetings ?? Infinity, f.representatives * at(firmSlots, i).length));
  const delegationCapacity = delegations.map((d, i) => d.tables * at(delegationSlots, i).length);
  const eligibleOf = new Array<number>(firms.length).fill(0);
  for (const i of eligible) addAt(eligibleOf, at(pairs, i).firm, 1);
  const balanceTop = options.balance === false ? 0 : firmCapacity.reduce((top, cap, f) => Math.max(top, Math.min(cap, at(eligibleOf, f))), 0);
  return {
    instance,
    slots,
    firms,
    delegations,
    firmPresent,
    delegationPresent,
    pairs,
    eligible,
    candidates,
    musts,
    windowed,
    minMeetings: options.minMeetings ?? 1,
    firmCapacity,
    delegationCapacity,
    balanceTop,
  };
}

function commonSlots(a: readonly number[], aWhole: boolean, b: readonly number[], bWhole: boolean): readonly number[] {
  if (aWhole) return b;
  if (bWhole) return a;
  const inB = new Set(b);
  return a.filter((t) => inB.has(t));
}

/**
 * Every firm × delegation pair of the stop with its affinity and, when it may
 * not meet, why. Firm-major, in id order.
 */
export function scorePairs(
  instance: StopInstance,
  options: ScheduleOptions = {},
): { readonly firm: Firm; readonly delegation: Delegation; readonly affinity: Affinity; readonly block: PairBlock | null }[] {
  assertValidInstance(instance);
  const prep = prepare(instance, options);
  return prep.pairs.map((p) => ({
    firm: firmAt(prep, p.firm),
    delegation: delegationAt(prep, p.delegation),
    affinity: p.affinity,
    block: p.block,
  }));
}

/** A pair's affinity with the caller's bonus (a season's fairness) added as a `season` part; a bonus never makes a zero-score pair eligible. */
function withBonus(base: Affinity, bonus: number): Affinity {
  if (!(bonus > 0) || !(base.score > 0)) return base;
  return { ...base, score: base.score + bonus, parts: [...base.parts, { code: "season", points: bonus }] };
}

/**
 * The affinities of some firm × delegation pairs (e.g. an agenda's meetings),
 * scored as the scheduler scores them (weights, `must`, scores.csv, bonus),
 * without scoring every pair of the stop. An unknown id scores 0.
 * @example pairAffinities(instance, schedule.meetings, options)[0].parts
 */
export function pairAffinities(
  instance: StopInstance,
  pairs: readonly { readonly firmId: string; readonly delegationId: string }[],
  options: ScheduleOptions = {},
): Affinity[] {
  assertValidInstance(instance);
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const firms = new Map(instance.firms.map((f) => [f.id, f]));
  const delegations = new Map(instance.delegations.map((d) => [d.id, d]));
  const kind = new Map(instance.requests.map((r) => [`${r.firmId}|${r.country}`, r.kind]));
  const external = instance.scores === null ? null : new Map(instance.scores.map((s) => [`${s.firmId}|${s.delegationId}`, s]));
  return pairs.map(({ firmId, delegationId }): Affinity => {
    const firm = firms.get(firmId);
    const delegation = delegations.get(delegationId);
    if (firm === undefined || delegation === undefined) return { firmId, delegationId, score: 0, parts: [] };
    const base =
      external === null
        ? affinity(instance.stop, firm, delegation, kind.get(`${firmId}|${delegation.country}`) === "must", weights)
        : externalAffinity(external.get(`${firmId}|${delegationId}`), firmId, delegationId);
    return withBonus(base, options.bonus?.(firm, delegation) ?? 0);
  });
}
