/** The random part of the example: firms and organiser requests. */
import {
  DELEGATIONS, MARKET_POPULARITY, RELATED_SECTORS, STOPS, TARGET_POPULARITY,
  delegationStops, hhmm, minutes,
} from "./catalogue.js";
import { firmName } from "./names.js";
import type { Random } from "./random.js";

export interface FirmRow {
  readonly id: string;
  readonly name: string;
  readonly sectors: readonly string[];
  readonly stops: readonly string[];
  readonly targets: readonly string[];
  readonly markets: readonly string[];
  /** `HH:MM-HH:MM|…`, or empty for the whole session. */
  readonly available: string;
  readonly maxMeetings: number | null;
  readonly representatives: number;
}

export interface RequestRow {
  readonly firmId: string;
  readonly country: string;
  readonly kind: "must" | "avoid";
}

export const FIRM_COUNT = 250;

/** Primary sectors, weighted so that the first stop (advanced manufacturing) is the busiest. */
const PRIMARY_SECTOR = {
  "advanced-manufacturing": 24, mechanics: 13, "tech-innovation": 8, ai: 9, aerospace: 9,
  fashion: 12, energy: 9, "technical-textiles": 9, construction: 7,
} as const;

/** Names that exercise CSV quoting and accents, at fixed ids; their other fields are drawn as usual. */
const SPECIAL_NAMES: Readonly<Record<number, { name: string; sectors: readonly string[] }>> = {
  17: { name: "Rossi, Bianchi & C. S.n.c.", sectors: ["advanced-manufacturing", "mechanics"] },
  42: { name: "Società Agricola Brianzòla", sectors: ["energy"] },
  88: { name: "Tessitura Lariana S.p.A.", sectors: ["technical-textiles", "fashion"] },
  123: { name: 'Officine "La Leonessa" S.r.l.', sectors: ["advanced-manufacturing"] },
  201: { name: "Città Alta Tecnologie S.r.l.", sectors: ["tech-innovation", "ai"] },
};

/** F0001 is the firm of the core's documentation examples. */
const FIRST_FIRM: FirmRow = {
  id: "F0001", name: "Meccanica Orobica S.r.l.", sectors: ["mechanics"], stops: ["BG-2026-03"],
  targets: ["US", "DE"], markets: ["FR"], available: "", maxMeetings: 4, representatives: 1,
};

const STOP_ORDER = new Map(STOPS.map((s, i) => [s.id, i]));

/** Stop ids in season order. */
export const inSeasonOrder = (ids: Iterable<string>): string[] => [...ids].sort((a, b) => STOP_ORDER.get(a)! - STOP_ORDER.get(b)!);

export function generateFirms(random: Random): FirmRow[] {
  const firms: FirmRow[] = [FIRST_FIRM];
  const taken = new Set([FIRST_FIRM.name]);
  for (let n = 2; n <= FIRM_COUNT; n++) {
    const special = SPECIAL_NAMES[n];
    const sectors = special?.sectors ?? drawSectors(random);
    const name = special?.name ?? firmName(random, sectors[0]!, taken);
    taken.add(name);
    const stops = drawStops(random, sectors);
    const targets = drawTargets(random, sectors[0]!);
    const markets = drawMarkets(random, targets);
    const available = random.chance(0.19) ? drawWindows(random, stops) : "";
    firms.push({
      id: `F${String(n).padStart(4, "0")}`,
      name,
      sectors,
      stops,
      targets,
      markets,
      available,
      maxMeetings: random.chance(0.2) ? random.int(3, 6) : null,
      representatives: available === "" && random.chance(0.04) ? 2 : 1,
    });
  }
  return firms;
}

/** Countries it wants to enter, by priority: one to four, keener on those whose delegations favour its sector. */
export function drawTargets(random: Random, primary: string): string[] {
  return random.weightedDistinct(targetWeights(primary), Number(random.weighted({ "1": 20, "2": 35, "3": 30, "4": 15 })));
}

/** Countries it already exports to, none of its targets. */
export function drawMarkets(random: Random, targets: readonly string[]): string[] {
  const marketWeights = Object.fromEntries(Object.entries(MARKET_POPULARITY).filter(([c]) => !targets.includes(c)));
  return random.weightedDistinct(marketWeights, Number(random.weighted({ "0": 25, "1": 35, "2": 25, "3": 15 })));
}

export function drawSectors(random: Random): string[] {
  const primary = random.weighted(PRIMARY_SECTOR);
  return random.chance(0.35) ? [primary, random.pick(RELATED_SECTORS[primary]!)] : [primary];
}

/** The stops of its sectors (the secondary one not always), sometimes one or two others. */
function drawStops(random: Random, sectors: readonly string[]): string[] {
  const home = (sector: string): string => STOPS.find((s) => s.sector === sector)!.id;
  const stops = new Set([home(sectors[0]!)]);
  if (sectors.length > 1 && random.chance(0.6)) stops.add(home(sectors[1]!));
  const extra = Number(random.weighted({ "0": 72, "1": 22, "2": 6 }));
  for (let i = 0; i < extra && stops.size < 4; i++) stops.add(random.pick(STOPS).id);
  return inSeasonOrder(stops);
}

/** Popularity, raised for countries with a delegation that lists the sector as a priority. */
function targetWeights(sector: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(TARGET_POPULARITY).map(([country, w]) => {
      const keen = DELEGATIONS.some((d) => d.country === country && d.sectors.includes(sector));
      return [country, keen ? w * 1.8 : w];
    }),
  );
}

/** Windows inside the session of every stop of the firm; empty when those sessions barely overlap. */
function drawWindows(random: Random, stopIds: readonly string[]): string {
  const sessions = STOPS.filter((s) => stopIds.includes(s.id));
  const lo = Math.max(...sessions.map((s) => minutes(s.start)));
  const hi = Math.min(...sessions.map((s) => minutes(s.end)));
  if (hi - lo < 180) return "";
  const w = (a: number, b: number): string => `${hhmm(a)}-${hhmm(b)}`;
  switch (random.weighted({ first: 3, second: 3, late: 2, early: 2, split: 1 })) {
    case "first": return w(lo, lo + 120);
    case "second": return w(hi - 120, hi);
    case "late": return w(lo + 60, hi);
    case "early": return w(lo, hi - 60);
    default: return `${w(lo, lo + 60)}|${w(hi - 60, hi)}`;
  }
}

/** Delegation countries at a stop. */
function countriesAt(stopId: string): Set<string> {
  return new Set(DELEGATIONS.filter((d) => delegationStops(d).includes(stopId)).map((d) => d.country));
}

/**
 * `must` requests for firms present all session, on one of their first two targets;
 * `avoid` requests on a country that is not a target. Each pair has a delegation at a stop of the firm;
 * some of each kind are placed at the demo stop.
 */
export function generateRequests(random: Random, firms: readonly FirmRow[]): RequestRow[] {
  const rows: RequestRow[] = [];
  const used = new Set<string>();
  const add = (firm: FirmRow, country: string, kind: RequestRow["kind"], stops: readonly string[]): boolean => {
    const key = `${firm.id}|${country}`;
    if (used.has(key) || !stops.some((s) => countriesAt(s).has(country))) return false;
    used.add(key);
    rows.push({ firmId: firm.id, country, kind });
    return true;
  };
  const demo = STOPS[0]!.id;
  const plan: [kind: RequestRow["kind"], count: number, atDemo: boolean][] = [
    ["must", 8, true], ["must", 11, false], ["avoid", 2, true], ["avoid", 4, false],
  ];
  for (const [kind, count, atDemo] of plan) {
    const pool = firms.filter((f) => f.stops.includes(demo) === atDemo && (kind === "avoid" || f.available === ""));
    for (let made = 0; made < count; ) {
      const firm = random.pick(pool);
      const country = kind === "must"
        ? firm.targets[random.chance(0.7) ? 0 : Math.min(1, firm.targets.length - 1)]!
        : random.pick(Object.keys(TARGET_POPULARITY).filter((c) => !firm.targets.includes(c)));
      if (add(firm, country, kind, atDemo ? [demo] : firm.stops)) made++;
    }
  }
  return rows.sort((a, b) => a.firmId.localeCompare(b.firmId) || a.country.localeCompare(b.country));
}
