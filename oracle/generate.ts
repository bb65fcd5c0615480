/**
 * Seeded benchmark instances: one stop, four size families, realistic shapes
 * (skewed country popularity, ~30% of participants with windows, 1–3 tables,
 * max_meetings, 5% `must` and 2% `avoid` requests, a break) and an explicit
 * affinity so every solver optimises the same numbers.
 */
import { buildSlots, formatTime, KNOWN_SECTORS } from "@roadshow/core";
import type {
  Delegation,
  Firm,
  MeetingRequest,
  ScoreEntry,
  SectorCode,
  Slot,
  Stop,
  StopInstance,
  TimeWindow,
} from "@roadshow/core";
import { mulberry32, type Random } from "./random.js";

export type FamilyName = "S" | "M" | "L" | "XL";

export interface Family {
  readonly firms: number;
  readonly delegations: number;
  readonly slots: number;
  readonly start: number;
  readonly slotMinutes: number;
  readonly gapMinutes: number;
  /** Where the break starts: a time of day, or `null` for after half the slots. */
  readonly breakAt: number | null;
  readonly breakMinutes: number;
  readonly maxMeetings: readonly [number, number];
}

export const FAMILIES: Readonly<Record<FamilyName, Family>> = {
  S: { firms: 30, delegations: 8, slots: 8, start: 840, slotMinutes: 20, gapMinutes: 0, breakAt: null, breakMinutes: 20, maxMeetings: [2, 5] },
  M: { firms: 120, delegations: 15, slots: 12, start: 840, slotMinutes: 20, gapMinutes: 0, breakAt: null, breakMinutes: 20, maxMeetings: [2, 5] },
  L: { firms: 300, delegations: 30, slots: 16, start: 840, slotMinutes: 15, gapMinutes: 5, breakAt: null, breakMinutes: 20, maxMeetings: [2, 6] },
  // A brokerage day: 09:00–13:00 and 14:00–18:00, 12-minute meetings with a
  // 1-minute changeover: 18 slots a session, the lunch break cuts the 19th.
  XL: { firms: 2000, delegations: 200, slots: 36, start: 540, slotMinutes: 12, gapMinutes: 1, breakAt: 780, breakMinutes: 60, maxMeetings: [3, 8] },
};

export interface GenerateOptions {
  /** Multiplies the number of firms (XL×2: `2`). Default 1. */
  readonly firmScale?: number;
  /**
   * A harder variant: this fraction of the firms, and half as many of the
   * delegations, get instead one narrow window (a third of the day at most).
   * Default 0: the family's own ~30% of broad windows.
   */
  readonly narrowWindows?: number;
  /** The narrow windows' length in slots (default: random, one slot to a third of the day). */
  readonly windowSlots?: number;
  /** Fraction of the delegations given a narrow window (default: half `narrowWindows`). */
  readonly narrowDelegations?: number;
}

/** Countries in decreasing popularity; weights fall off as a power law. */
const COUNTRIES = [
  "US", "DE", "CN", "FR", "AE", "IN", "GB", "ES", "CA", "BR", "SA", "JP", "MX", "TR", "PL",
  "NL", "CH", "KR", "AU", "SG", "IL", "ZA", "EG", "MA", "VN", "TH", "ID", "CL", "AR", "SE",
  "NO", "DK", "AT", "BE", "QA", "KZ", "NG", "KE", "PE", "CO",
];
const POPULARITY = COUNTRIES.map((_, i) => 1 / (i + 1) ** 1.1);
const SECTORS: readonly SectorCode[] = [...KNOWN_SECTORS].sort();
const STOP_ID = "BENCH-2026-05";
const OTHER_STOP = "OTHER-2026-06";

export function familyStop(family: Family): Stop {
  const step = family.slotMinutes + family.gapMinutes;
  const half = Math.floor(family.slots / 2);
  const breakStart = family.breakAt ?? family.start + half * step;
  const breakEnd = breakStart + family.breakMinutes;
  const firstHalf = Math.floor((breakStart - family.start + family.gapMinutes) / step);
  const end = breakEnd + (family.slots - firstHalf) * step - family.gapMinutes;
  return {
    id: STOP_ID,
    city: "Bergamo",
    date: "2026-05-20",
    sector: "mechanics",
    start: family.start,
    end,
    slotMinutes: family.slotMinutes,
    gapMinutes: family.gapMinutes,
    breaks: [{ start: breakStart, end: breakEnd }],
    timezone: "Europe/Rome",
  };
}

/** One instance of a family; the same seed always gives the same instance. */
export function generateInstance(name: FamilyName, seed: number, options: GenerateOptions = {}): StopInstance {
  const family = FAMILIES[name];
  const rng = mulberry32(seed * 7919 + name.length * 104729 + (options.firmScale ?? 1) * 15485863);
  const stop = familyStop(family);
  const slots = buildSlots(stop);
  if (slots.length !== family.slots) throw new Error(`family ${name}: ${slots.length} slots, expected ${family.slots}`);

  const delegations = makeDelegations(rng, family.delegations, slots);
  const firmCount = Math.round(family.firms * (options.firmScale ?? 1));
  const firms = makeFirms(rng, family, firmCount, slots, delegations);
  const present = [...new Set(delegations.filter((d) => d.stops === null).map((d) => d.country))].sort();
  const requests = makeRequests(rng, firms, present);
  const scores = makeScores(rng, stop, firms, delegations, requests);
  const instance: StopInstance = { stop, delegations, firms, requests, scores, history: [] };
  return options.narrowWindows ? narrowed(instance, slots, options, mulberry32(seed * 31337 + 17)) : instance;
}

function narrowed(instance: StopInstance, slots: readonly Slot[], options: GenerateOptions, rng: Random): StopInstance {
  const fraction = options.narrowWindows ?? 0;
  const window = (p: number): TimeWindow[] | null => {
    if (!rng.chance(p)) return null;
    const length = options.windowSlots ?? rng.int(1, Math.max(1, Math.floor(slots.length / 3)));
    const first = rng.int(0, slots.length - length);
    return [{ start: slots[first]!.start, end: slots[first + length - 1]!.end }];
  };
  return {
    ...instance,
    firms: instance.firms.map((f) => ({ ...f, available: window(fraction) })),
    delegations: instance.delegations.map((d) => ({ ...d, available: window(options.narrowDelegations ?? fraction / 2) })),
  };
}

function makeDelegations(rng: Random, count: number, slots: readonly Slot[]): Delegation[] {
  const out: Delegation[] = [];
  const perCountry = new Map<string, number>();
  // Small stops bring distinct countries; big days bring several offices of the popular ones.
  const distinct = count <= 20;
  // A few extra delegations attend another stop only, so presence is exercised.
  const total = count + Math.ceil(count * 0.05);
  for (let i = 0; i < total; i++) {
    let c = rng.weighted(POPULARITY);
    while (distinct && perCountry.has(COUNTRIES[c]!)) c = rng.weighted(POPULARITY);
    const country = COUNTRIES[c]!;
    const n = (perCountry.get(country) ?? 0) + 1;
    perCountry.set(country, n);
    out.push({
      id: `${country}-${n}`,
      country,
      name: `Delegation ${n} of ${country}`,
      stops: i < count ? null : [OTHER_STOP],
      tables: rng.weighted([0.55, 0.3, 0.15]) + 1,
      sectors: rng.shuffle(SECTORS).slice(0, rng.int(1, 3)).sort(),
      available: rng.chance(0.3) ? makeWindows(rng, slots) : null,
    });
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

function makeFirms(rng: Random, family: Family, count: number, slots: readonly Slot[], delegations: readonly Delegation[]): Firm[] {
  const width = String(count).length + 1;
  const out: Firm[] = [];
  const total = count + Math.ceil(count * 0.02);
  const present = new Set(delegations.map((d) => d.country));
  for (let i = 0; i < total; i++) {
    const primary = rng.chance(0.5) ? "mechanics" : rng.pick(SECTORS);
    const sectors = rng.chance(0.4) ? [primary, rng.pick(SECTORS.filter((s) => s !== primary))] : [primary];
    const targets: string[] = [];
    const k = rng.int(1, 4);
    for (let tries = 0; targets.length < k && tries < 20; tries++) {
      const c = COUNTRIES[rng.weighted(POPULARITY)]!;
      if (!targets.includes(c) && present.has(c)) targets.push(c);
    }
    const markets = rng.shuffle(COUNTRIES.filter((c) => !targets.includes(c))).slice(0, rng.int(0, 3)).sort();
    out.push({
      id: `F${String(i + 1).padStart(width, "0")}`,
      name: `Impresa ${i + 1} S.r.l.`,
      sectors,
      stops: i < count ? [STOP_ID] : [OTHER_STOP],
      targets,
      markets,
      available: rng.chance(0.3) ? makeWindows(rng, slots) : null,
      maxMeetings: rng.chance(0.5) ? rng.int(family.maxMeetings[0], family.maxMeetings[1]) : null,
      representatives: rng.weighted([0.85, 0.12, 0.03]) + 1,
    });
  }
  return out;
}

/** Arrives late, leaves early, one half of the day only, or away in the middle. */
function makeWindows(rng: Random, slots: readonly Slot[]): TimeWindow[] {
  const n = slots.length;
  const at = (i: number): Slot => slots[Math.max(0, Math.min(n - 1, i))]!;
  // Some windows are not on slot boundaries: the slot they cut is lost.
  const nudge = (): number => (rng.chance(0.2) ? 5 : 0);
  switch (rng.int(0, 3)) {
    case 0:
      return [{ start: at(rng.int(1, n / 2)).start + nudge(), end: at(n - 1).end }];
    case 1:
      return [{ start: at(0).start, end: at(rng.int(n / 2, n - 2)).end - nudge() }];
    case 2:
      return rng.chance(0.5) ? [{ start: at(0).start, end: at(n / 2 - 1).end }] : [{ start: at(n / 2).start, end: at(n - 1).end }];
    default: {
      const a = rng.int(1, n / 2 - 1);
      const b = rng.int(a + 1, n - 2);
      return [
        { start: at(0).start, end: at(a - 1).end },
        { start: at(b).start, end: at(n - 1).end },
      ];
    }
  }
}

function makeRequests(rng: Random, firms: readonly Firm[], present: readonly string[]): MeetingRequest[] {
  const registered = firms.filter((f) => f.stops.includes(STOP_ID));
  const out = new Map<string, MeetingRequest>();
  const add = (count: number, kind: "must" | "avoid"): void => {
    for (let added = 0, tries = 0; added < count && tries < count * 20; tries++) {
      const firm = rng.pick(registered);
      const options = kind === "must" ? firm.targets.filter((c) => present.includes(c)) : present;
      if (options.length === 0) continue;
      const country = rng.pick(options);
      const key = `${firm.id}|${country}`;
      if (out.has(key)) continue;
      out.set(key, { firmId: firm.id, country, kind });
      added++;
    }
  };
  add(Math.max(1, Math.round(registered.length * 0.05)), "must");
  add(Math.max(1, Math.round(registered.length * 0.02)), "avoid");
  return [...out.values()].sort((a, b) => (a.firmId + a.country < b.firmId + b.country ? -1 : 1));
}

/**
 * A pair is eligible when the country is a target, or (half the time) a
 * sector matches; the score adds sector, target rank and market points with
 * some noise. Half the firms get integer scores, half one decimal.
 */
function makeScores(rng: Random, stop: Stop, firms: readonly Firm[], delegations: readonly Delegation[], requests: readonly MeetingRequest[]): ScoreEntry[] {
  const musts = new Set(requests.filter((r) => r.kind === "must").map((r) => `${r.firmId}|${r.country}`));
  const out: ScoreEntry[] = [];
  for (const firm of firms) {
    const decimals = rng.chance(0.5);
    for (const d of delegations) {
      const rank = firm.targets.indexOf(d.country);
      const sectorHit = d.sectors.includes(firm.sectors[0]!) ? 25 : firm.sectors.some((s) => d.sectors.includes(s)) ? 12 : 0;
      const eligible = rank >= 0 || musts.has(`${firm.id}|${d.country}`) || (sectorHit > 0 && rng.chance(0.5));
      if (!eligible) {
        if (rng.chance(0.03)) out.push({ firmId: firm.id, delegationId: d.id, score: 0 });
        continue;
      }
      let points = sectorHit;
      points += firm.sectors[0] === stop.sector ? 40 : firm.sectors.includes(stop.sector) ? 20 : 0;
      if (rank >= 0) points += 30 * 0.8 ** rank;
      if (firm.markets.includes(d.country)) points += 10;
      const noisy = Math.max(1, points * (0.85 + 0.3 * rng.next()));
      out.push({ firmId: firm.id, delegationId: d.id, score: decimals ? Math.round(noisy * 10) / 10 : Math.round(noisy) });
    }
  }
  return out;
}

/** The season's other stop, which a few generated firms and delegations attend instead. */
export function otherStop(stop: Stop): Stop {
  return { ...stop, id: OTHER_STOP, city: "Brescia", date: "2026-06-10" };
}

/** `HH:MM-HH:MM|...` of windows, for the CSVs. */
export function formatWindows(windows: readonly TimeWindow[] | null): string {
  return windows === null ? "" : windows.map((w) => `${formatTime(w.start)}-${formatTime(w.end)}`).join("|");
}
