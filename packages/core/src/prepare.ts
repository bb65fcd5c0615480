import { affinity, DEFAULT_WEIGHTS, externalAffinity } from "./affinity.js";
import { buildSlots, slotsInside } from "./slots.js";
import type { Affinity, CountryCode, Delegation, Firm, ScheduleOptions, Slot, StopInstance } from "./types.js";

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
  readonly musts: readonly MustRequest[];
  /** Whether some window removes a slot from someone. */
  readonly windowed: boolean;
  readonly minMeetings: number;
  /** Meetings a firm can hold at most (cap and presence). */
  readonly firmCapacity: readonly number[];
  /** Meetings a delegation can hold at most (tables × present slots). */
  readonly delegationCapacity: readonly number[];
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

  const firmIndex = new Map(firms.map((f, i) => [f.id, i]));
  const requestKind = new Map<string, "must" | "avoid">();
  for (const r of instance.requests) {
    if (firmIndex.has(r.firmId)) requestKind.set(`${r.firmId}|${r.country}`, r.kind);
  }
  const history = new Set(options.allowRepeats ? [] : instance.history.map((h) => `${h.firmId}|${h.delegationId}`));
  const external = instance.scores === null ? null : new Map(instance.scores.map((s) => [`${s.firmId}|${s.delegationId}`, s]));

  // Presence lists are shared between pairs whenever one side is there all session (saves memory at scale).
  const present = (row: readonly boolean[]): number[] => row.flatMap((p, t) => (p ? [t] : []));
  const firmSlots = firmPresent.map(present);
  const delegationSlots = delegationPresent.map(present);
  const firmWhole = firmSlots.map((s) => s.length === slots.length);
  const delegationWhole = delegationSlots.map((s) => s.length === slots.length);

  const pairs: Pair[] = [];
  const eligible: number[] = [];
  firms.forEach((firm, f) => {
    delegations.forEach((delegation, d) => {
      const kind = requestKind.get(`${firm.id}|${delegation.country}`);
      const key = `${firm.id}|${delegation.id}`;
      const base =
        external === null
          ? affinity(stop, firm, delegation, kind === "must", weights)
          : externalAffinity(external.get(key), firm.id, delegation.id);
      const score = withBonus(base, options.bonus?.(firm, delegation) ?? 0);
      const common = commonSlots(firmSlots[f]!, firmWhole[f]!, delegationSlots[d]!, delegationWhole[d]!);
      const block: PairBlock | null =
        kind === "avoid" ? "avoided"
        : history.has(key) ? "met-before"
        : !(score.score > 0) ? "zero-score"
        : common.length === 0 ? "no-common-slot"
        : null;
      if (block === null) eligible.push(pairs.length);
      pairs.push({ firm: f, delegation: d, affinity: score, must: kind === "must", slots: common, block });
    });
  });

  const musts = [...requestKind]
    .filter(([, kind]) => kind === "must")
    .map(([key]) => {
      const [firmId, country] = key.split("|") as [string, string];
      return { firm: firmIndex.get(firmId)!, country };
    })
    .sort((a, b) => a.firm - b.firm || (a.country < b.country ? -1 : 1));

  const firmCapacity = firms.map((f, i) => Math.min(f.maxMeetings ?? Infinity, f.representatives * firmSlots[i]!.length));
  const delegationCapacity = delegations.map((d, i) => d.tables * delegationSlots[i]!.length);
  return {
    instance,
    slots,
    firms,
    delegations,
    firmPresent,
    delegationPresent,
    pairs,
    eligible,
    musts,
    windowed,
    minMeetings: options.minMeetings ?? 1,
    firmCapacity,
    delegationCapacity,
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
  const prep = prepare(instance, options);
  return prep.pairs.map((p) => ({
    firm: prep.firms[p.firm]!,
    delegation: prep.delegations[p.delegation]!,
    affinity: p.affinity,
    block: p.block,
  }));
}

function withBonus(base: Affinity, bonus: number): Affinity {
  if (!(bonus > 0) || !(base.score > 0)) return base;
  return { ...base, score: base.score + bonus, parts: [...base.parts, { code: "season", points: bonus }] };
}
