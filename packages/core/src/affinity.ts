/** The built-in affinity of a firm × delegation pair (sector fit, targets, markets, must) and the external score from scores.csv, each as parts. */
import { firmSectors } from "./ateco.js";
import type { Affinity, AffinityWeights, Delegation, Firm, ScoreEntry, ScorePart, Stop } from "./types.js";

/**
 * Default weights of affinity v1 (every name is a key of a `--weights` file).
 * A pair's score is the sum of these parts, each rounded to cents:
 *
 * | weight | default | part | when |
 * |---|---|---|---|
 * | `stopSectorPrimary` | 40 | stop-sector | the firm's primary sector is the stop's sector |
 * | `stopSectorSecondary` | 20 | stop-sector | else, one of its other sectors is the stop's |
 * | `delegationSectorPrimary` | 20 | delegation-sector | the firm's primary sector is a priority sector of the delegation |
 * | `delegationSectorSecondary` | 10 | delegation-sector | else, one of its other sectors is |
 * | `target` | 30 | target | the delegation's country is the firm's first target |
 * | `targetDecay` | 0.8 | target | in (0, 1]: the target of rank r gets `target × targetDecay^(r−1)` (24, 19.2, …) |
 * | `market` | 10 | market | the country is already one of the firm's markets (expansion value) |
 * | `must` | 10 | must | the organiser asked for this firm and country |
 *
 * A firm with no interest in the country and no sector fit scores 0 and never
 * meets that delegation. Every weight is ≥ 0, and raising any weight never
 * lowers any score; moving a country earlier in a firm's targets never lowers
 * that pair's score.
 */
export const DEFAULT_WEIGHTS: AffinityWeights = {
  stopSectorPrimary: 40,
  stopSectorSecondary: 20,
  delegationSectorPrimary: 20,
  delegationSectorSecondary: 10,
  target: 30,
  targetDecay: 0.8,
  market: 10,
  must: 10,
};

/** The names of the weights, in `DEFAULT_WEIGHTS` order. */
export const WEIGHT_NAMES = Object.keys(DEFAULT_WEIGHTS) as readonly (keyof AffinityWeights)[];

/**
 * A problem with one named weight: `unknown` name, `not-number`, or
 * `out-of-range` (negative, or `targetDecay` outside (0, 1]).
 * @example { name: "markt", problem: "unknown", value: 20 }
 */
export interface WeightProblem {
  readonly name: string;
  readonly problem: "unknown" | "not-number" | "out-of-range";
  readonly value: unknown;
}

/** Whether `name` is one of `WEIGHT_NAMES`. */
export function isWeightName(name: string): name is keyof AffinityWeights {
  return Object.hasOwn(DEFAULT_WEIGHTS, name);
}

/**
 * Weights from named values: missing names take `DEFAULT_WEIGHTS`; unknown
 * names, non-numbers and values out of range are problems (all of them).
 * @example resolveWeights({ market: 25 }) // { ok: true, value: { ...DEFAULT_WEIGHTS, market: 25 } }
 */
export function resolveWeights(
  given: Readonly<Record<string, unknown>>,
): { readonly ok: true; readonly value: AffinityWeights } | { readonly ok: false; readonly problems: readonly WeightProblem[] } {
  const problems: WeightProblem[] = [];
  const value: Record<string, number> = { ...DEFAULT_WEIGHTS };
  for (const [name, raw] of Object.entries(given)) {
    if (!isWeightName(name)) problems.push({ name, problem: "unknown", value: raw });
    else if (typeof raw !== "number" || !Number.isFinite(raw)) problems.push({ name, problem: "not-number", value: raw });
    else if (raw < 0 || (name === "targetDecay" && !(raw > 0 && raw <= 1))) problems.push({ name, problem: "out-of-range", value: raw });
    else value[name] = raw;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: value as unknown as AffinityWeights };
}

const cents = (x: number): number => Math.round(x * 100) / 100;

/** The built-in affinity of a firm and a delegation at a stop, with its parts. */
export function affinity(
  stop: Stop,
  firm: Firm,
  delegation: Delegation,
  must: boolean,
  weights: AffinityWeights = DEFAULT_WEIGHTS,
): Affinity {
  const parts: ScorePart[] = [];
  const sectors = firmSectors(firm);
  const [primary, ...secondary] = sectors;
  const add = (part: ScorePart): void => {
    // Rounded first: a part worth less than a cent is no reason to meet.
    const points = cents(part.points);
    if (points > 0) parts.push({ ...part, points });
  };
  if (primary === stop.sector) {
    add({ code: "stop-sector", points: weights.stopSectorPrimary, sector: primary, primary: true });
  } else if (secondary.includes(stop.sector)) {
    add({ code: "stop-sector", points: weights.stopSectorSecondary, sector: stop.sector, primary: false });
  }
  const priority = secondary.find((s) => delegation.sectors.includes(s));
  if (primary !== undefined && delegation.sectors.includes(primary)) {
    add({ code: "delegation-sector", points: weights.delegationSectorPrimary, sector: primary, primary: true });
  } else if (priority !== undefined) {
    add({ code: "delegation-sector", points: weights.delegationSectorSecondary, sector: priority, primary: false });
  }
  const rank = firm.targets.indexOf(delegation.country) + 1;
  if (rank > 0) {
    add({ code: "target", points: weights.target * weights.targetDecay ** (rank - 1), country: delegation.country, rank });
  }
  if (firm.markets.includes(delegation.country)) {
    add({ code: "market", points: weights.market, country: delegation.country });
  }
  if (must) add({ code: "must", points: weights.must, country: delegation.country });
  const score = cents(parts.reduce((sum, p) => sum + p.points, 0));
  return { firmId: firm.id, delegationId: delegation.id, score, parts };
}

/** An affinity taken from `scores.csv`: one `external` part. Pairs not listed score 0. */
export function externalAffinity(entry: ScoreEntry | undefined, firmId: string, delegationId: string): Affinity {
  const score = entry?.score ?? 0;
  return { firmId, delegationId, score, parts: score > 0 ? [{ code: "external", points: score }] : [] };
}
