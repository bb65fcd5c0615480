import { firmSectors } from "./ateco.js";
import type { Affinity, AffinityWeights, Delegation, Firm, ScoreEntry, ScorePart, Stop } from "./types.js";

/**
 * Default weights of affinity v1. A pair's score is the sum of:
 * - stop sector: the firm's primary sector is the stop's (`stopSectorPrimary`), else a secondary one is (`stopSectorSecondary`);
 * - delegation sector: the firm's primary sector is among the delegation's priority sectors
 *   (`delegationSectorPrimary`), else a secondary one is (`delegationSectorSecondary`);
 * - target: the delegation's country is the firm's target of rank r (1 = first): `target × targetDecay^(r−1)`;
 * - market: the country is already one of the firm's markets (expansion value);
 * - must: the organiser asked for this firm and country.
 * A firm with no interest in the country and no sector fit scores 0. Parts are rounded to cents.
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
    if (part.points > 0) parts.push({ ...part, points: cents(part.points) });
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
