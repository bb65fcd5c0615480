// The season's analysis (pure): per firm and stop, per firm, per country, and the countries asked for and never met, with why.
import { slotsInside } from "../slots.js";
import type { SeasonInput, SeasonPlan, SeasonStats, SeasonStop } from "./season.js";
import type { CountryCode, Delegation, Firm, PastMeeting, UnmatchedReason } from "../types.js";
import { at, got } from "../at.js";

/** What the report reads of the season's input. */
export type SeasonReportData = Pick<SeasonInput, "delegations" | "firms" | "requests" | "scores">;

/** Why a firm never met a country it asked for over the season: a stop's own reason, or never at the same stop. */
export type UnmetReason = UnmatchedReason | "not-at-same-stop";

/** One firm at one stop it registered for. */
export interface FirmStopRow {
  readonly stopId: string;
  readonly firm: Firm;
  readonly meetings: number;
  /** Countries met at this stop, sorted. */
  readonly countries: readonly CountryCode[];
  /** Of those, the ones met for the first time this season. */
  readonly newCountries: readonly CountryCode[];
  /** Season meetings up to and including this stop. */
  readonly seasonMeetings: number;
}

/** One firm over the season. */
export interface FirmSeasonRow {
  readonly firm: Firm;
  /** Stops of the season it registered for, in date order. */
  readonly stops: readonly string[];
  readonly stopsWithMeetings: number;
  readonly meetings: number;
  readonly countries: readonly CountryCode[];
  readonly targetsMet: readonly CountryCode[];
}

/** One country: distinct firms met at each stop (report order) and over the season. */
export interface CountrySeasonRow {
  readonly country: CountryCode;
  readonly perStop: readonly number[];
  readonly season: number;
}

/** A country a firm asked for (a target or a `must`) and never met. */
export interface UnmetAsk {
  readonly firm: Firm;
  readonly country: CountryCode;
  readonly asked: "must" | "target";
  readonly reason: UnmetReason;
  /** Stops where the firm and a delegation of the country both were. */
  readonly stops: readonly string[];
}

/**
 * Everything the season report shows, computed from a plan.
 * @example { stopIds: ["BS-2026-02", "BG-2026-03"], firmStops, firms, countries, unmet: [], stats }
 */
export interface SeasonReport {
  readonly stopIds: readonly string[];
  readonly firmStops: readonly FirmStopRow[];
  readonly firms: readonly FirmSeasonRow[];
  readonly countries: readonly CountrySeasonRow[];
  readonly unmet: readonly UnmetAsk[];
  readonly stats: SeasonStats;
}

const sorted = <T extends string>(items: Iterable<T>): T[] => [...new Set(items)].sort();
const attends = (d: Delegation, stopId: string): boolean => d.stops === null || d.stops.includes(stopId);

/** The season report of a plan (pure). `history` is the meetings held before the season. */
export function seasonReport(plan: SeasonPlan, data: SeasonReportData, history: readonly PastMeeting[]): SeasonReport {
  const stopIds = plan.stops.map((s) => s.schedule.stop.id);
  const country = new Map(data.delegations.map((d) => [d.id, d.country]));
  const firms = data.firms.filter((f) => f.stops.some((s) => stopIds.includes(s)));
  const met = new Map<string, Set<CountryCode>>(firms.map((f) => [f.id, new Set()]));
  const total = new Map<string, number>();
  const firmStops: FirmStopRow[] = [];
  const byCountry = new Map<CountryCode, { perStop: Set<string>[]; season: Set<string> }>();
  for (const c of sorted(data.delegations.map((d) => d.country))) byCountry.set(c, { perStop: stopIds.map(() => new Set()), season: new Set() });

  plan.stops.forEach(({ schedule }, i) => {
    const here = new Map<string, CountryCode[]>();
    for (const m of schedule.meetings) {
      const c = country.get(m.delegationId) ?? "";
      here.set(m.firmId, [...(here.get(m.firmId) ?? []), c]);
      const entry = byCountry.get(c);
      if (entry !== undefined) {
        at(entry.perStop, i).add(m.firmId);
        entry.season.add(m.firmId);
      }
    }
    for (const firm of firms.filter((f) => f.stops.includes(schedule.stop.id))) {
      const countries = sorted(here.get(firm.id) ?? []);
      const seen = got(met, firm.id);
      const newCountries = countries.filter((c) => !seen.has(c));
      for (const c of countries) seen.add(c);
      const meetings = here.get(firm.id)?.length ?? 0;
      total.set(firm.id, (total.get(firm.id) ?? 0) + meetings);
      firmStops.push({ stopId: schedule.stop.id, firm, meetings, countries, newCountries, seasonMeetings: got(total, firm.id) });
    }
  });

  const byFirm = new Map<string, FirmStopRow[]>();
  for (const r of firmStops) byFirm.set(r.firm.id, [...(byFirm.get(r.firm.id) ?? []), r]);
  const rows = firms.map((firm): FirmSeasonRow => {
    const mine = byFirm.get(firm.id) ?? [];
    const countries = sorted(got(met, firm.id));
    return {
      firm,
      stops: mine.map((r) => r.stopId),
      stopsWithMeetings: mine.filter((r) => r.meetings > 0).length,
      meetings: total.get(firm.id) ?? 0,
      countries,
      targetsMet: firm.targets.filter((c) => countries.includes(c)),
    };
  });
  const countries = [...byCountry].map(([c, v]) => ({ country: c, perStop: v.perStop.map((s) => s.size), season: v.season.size }));
  return { stopIds, firmStops, firms: rows, countries, unmet: unmetAsks(plan, data, history, met), stats: plan.stats };
}

/**
 * Targets and musts never met, each with the first reason that explains it:
 * never at the same stop; the stops' own reason for an unmet must; avoided;
 * met before the season; no eligible (scored) pair; never present together;
 * its meeting cap reached; else tables and slots were taken (capacity).
 */
function unmetAsks(plan: SeasonPlan, data: SeasonReportData, history: readonly PastMeeting[], met: ReadonlyMap<string, ReadonlySet<CountryCode>>): UnmetAsk[] {
  const request = new Map(data.requests.map((r) => [`${r.firmId}|${r.country}`, r.kind]));
  const before = new Set(history.map((h) => `${h.firmId}|${h.delegationId}`));
  const scored = data.scores === null ? null : new Set(data.scores.filter((s) => s.score > 0).map((s) => `${s.firmId}|${s.delegationId}`));
  const out: UnmetAsk[] = [];
  for (const firm of data.firms) {
    const seen = met.get(firm.id);
    if (seen === undefined) continue;
    const musts = data.requests.filter((r) => r.firmId === firm.id && r.kind === "must").map((r) => r.country);
    for (const c of sorted([...firm.targets, ...musts])) {
      if (seen.has(c)) continue;
      const where = plan.stops.filter((s) => firm.stops.includes(s.schedule.stop.id) && data.delegations.some((d) => d.country === c && attends(d, s.schedule.stop.id)));
      const asked = request.get(`${firm.id}|${c}`) === "must" ? "must" : "target";
      out.push({ firm, country: c, asked, reason: unmetReason(firm, c, where, data, request, before, scored), stops: where.map((s) => s.schedule.stop.id) });
    }
  }
  return out;
}

/** Why `firm` never met `c` over the season: the first reason that explains it (see `unmetAsks`). */
function unmetReason(
  firm: Firm,
  c: CountryCode,
  where: readonly SeasonStop[],
  data: SeasonReportData,
  request: ReadonlyMap<string, string>,
  before: ReadonlySet<string>,
  scored: ReadonlySet<string> | null,
): UnmetReason {
  if (where.length === 0) return "not-at-same-stop";
  const told = where.flatMap((s) => s.schedule.unmatched.filter((u) => u.firmId === firm.id && u.country === c)).at(-1);
  if (told) return told.reason;
  if (request.get(`${firm.id}|${c}`) === "avoid") return "avoided";
  const pairs = where.flatMap((s) => data.delegations.filter((d) => d.country === c && attends(d, s.schedule.stop.id)).map((d) => ({ s, d })));
  if (pairs.every(({ d }) => before.has(`${firm.id}|${d.id}`))) return "met-before";
  if (scored !== null && pairs.every(({ d }) => !scored.has(`${firm.id}|${d.id}`))) return "no-eligible-delegation";
  const together = pairs.some(({ s, d }) => {
    const { stop, slots } = s.schedule;
    const f = slotsInside(stop, slots, firm.available);
    const g = slotsInside(stop, slots, d.available);
    return f.some((p, t) => p && g[t]);
  });
  if (!together) return "not-present";
  const full = where.every((s) => firm.maxMeetings !== null && s.schedule.meetings.filter((m) => m.firmId === firm.id).length >= firm.maxMeetings);
  return full ? "max-meetings" : "capacity";
}

/** The measures that compare two season plans, in the summary's order (`unmet` counts the unmet asks; the others are plan stats). */
export const SEASON_MEASURES = ["meetings", "firmCountries", "pairs", "firms", "firmsWithoutMeeting", "repeats", "unmet"] as const;

/** One of `SEASON_MEASURES`. */
export type SeasonMeasure = (typeof SEASON_MEASURES)[number];

/**
 * A measure's value in a report; also the stops `planned` and `frozen`.
 * @example seasonMeasure(report, "unmet") // report.unmet.length
 */
export function seasonMeasure(report: SeasonReport, measure: SeasonMeasure | "planned" | "frozen"): number {
  return measure === "unmet" ? report.unmet.length : report.stats[measure];
}
