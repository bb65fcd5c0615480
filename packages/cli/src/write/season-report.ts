import { Chalk } from "chalk";
import { slotsInside } from "@roadshow/core";
import type { CountryCode, Delegation, Firm, PastMeeting, SeasonPlan, SeasonStats, SeasonStop, UnmatchedReason } from "@roadshow/core";
import { formatNumber, type Lang } from "../text/i18n.js";
import type { DataSet } from "../read/index.js";
import { toCsv } from "./csv.js";
import type { OutputFile } from "./output-file.js";

/** Why a firm never met a country it asked for over the season. */
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

/** Everything the season report shows, computed from a plan. */
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
export function seasonReport(plan: SeasonPlan, data: DataSet, history: readonly PastMeeting[]): SeasonReport {
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
      byCountry.get(c)?.perStop[i]!.add(m.firmId);
      byCountry.get(c)?.season.add(m.firmId);
    }
    for (const firm of firms.filter((f) => f.stops.includes(schedule.stop.id))) {
      const countries = sorted(here.get(firm.id) ?? []);
      const seen = met.get(firm.id)!;
      const newCountries = countries.filter((c) => !seen.has(c));
      for (const c of countries) seen.add(c);
      const meetings = here.get(firm.id)?.length ?? 0;
      total.set(firm.id, (total.get(firm.id) ?? 0) + meetings);
      firmStops.push({ stopId: schedule.stop.id, firm, meetings, countries, newCountries, seasonMeetings: total.get(firm.id)! });
    }
  });

  const byFirm = new Map<string, FirmStopRow[]>();
  for (const r of firmStops) byFirm.set(r.firm.id, [...(byFirm.get(r.firm.id) ?? []), r]);
  const rows = firms.map((firm): FirmSeasonRow => {
    const mine = byFirm.get(firm.id) ?? [];
    const countries = sorted(met.get(firm.id)!);
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
function unmetAsks(plan: SeasonPlan, data: DataSet, history: readonly PastMeeting[], met: ReadonlyMap<string, ReadonlySet<CountryCode>>): UnmetAsk[] {
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
      out.push({ firm, country: c, asked, reason: reasonFor(firm, c, where, data, request, before, scored), stops: where.map((s) => s.schedule.stop.id) });
    }
  }
  return out;
}

function reasonFor(
  firm: Firm,
  c: CountryCode,
  where: readonly SeasonStop[],
  data: DataSet,
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

/** The season's texts (to move into the i18n catalogue). */
export const SEASON_TEXT: Readonly<Record<Lang, {
  readonly title: string;
  readonly stops: (planned: number, frozen: number) => string;
  readonly season: string;
  readonly independent: string;
  readonly written: string;
  readonly measures: Readonly<Record<"meetings" | "firmCountries" | "pairs" | "firms" | "firmsWithoutMeeting" | "repeats" | "unmet" | "time", string>>;
  readonly files: (dir: string) => string;
  readonly reasons: Readonly<Record<UnmetReason, string>>;
}>> = {
  en: {
    title: "Season",
    stops: (planned, frozen) => `${planned} stops planned, ${frozen} frozen`,
    season: "season",
    independent: "independent",
    written: "* written to the output folder",
    measures: {
      meetings: "Meetings",
      firmCountries: "Distinct firm–country pairs",
      pairs: "Distinct firm–delegation pairs",
      firms: "Firms registered",
      firmsWithoutMeeting: "Firms without any meeting",
      repeats: "Pairs meeting more than once",
      unmet: "Countries asked for and never met",
      time: "Time",
    },
    files: (dir) => `Report: ${dir}/season.csv, season-firms.csv, season-countries.csv, season-unmet.csv, season-summary.csv`,
    reasons: {
      "not-at-same-stop": "never at the same stop as a delegation of that country",
      "not-present": "never present at the same time as a delegation of that country",
      "no-eligible-delegation": "no delegation of that country can meet it (score 0)",
      capacity: "the tables of that country were full at every stop it attended",
      avoided: "excluded by an organiser request (avoid)",
      "met-before": "met those delegations before the season",
      "max-meetings": "reached its maximum number of meetings at every such stop",
    },
  },
  it: {
    title: "Stagione",
    stops: (planned, frozen) => `${planned} tappe pianificate, ${frozen} già svolte`,
    season: "stagione",
    independent: "indipendente",
    written: "* scritta nella cartella di uscita",
    measures: {
      meetings: "Incontri",
      firmCountries: "Coppie impresa–paese distinte",
      pairs: "Coppie impresa–delegazione distinte",
      firms: "Imprese iscritte",
      firmsWithoutMeeting: "Imprese senza alcun incontro",
      repeats: "Coppie che si incontrano più volte",
      unmet: "Paesi richiesti e mai incontrati",
      time: "Tempo",
    },
    files: (dir) => `Rapporto: ${dir}/season.csv, season-firms.csv, season-countries.csv, season-unmet.csv, season-summary.csv`,
    reasons: {
      "not-at-same-stop": "mai nella stessa tappa di una delegazione di quel paese",
      "not-present": "mai presente negli stessi orari di una delegazione di quel paese",
      "no-eligible-delegation": "nessuna delegazione di quel paese può incontrarla (punteggio 0)",
      capacity: "i tavoli di quel paese erano pieni in ogni tappa a cui ha partecipato",
      avoided: "escluso da una richiesta dell'organizzatore (avoid)",
      "met-before": "ha già incontrato quelle delegazioni prima della stagione",
      "max-meetings": "ha raggiunto il numero massimo di incontri in ognuna di quelle tappe",
    },
  },
};

const MEASURES = ["meetings", "firmCountries", "pairs", "firms", "firmsWithoutMeeting", "repeats", "unmet"] as const;
type Measure = (typeof MEASURES)[number];
const value = (report: SeasonReport, m: Measure | "planned" | "frozen"): number => (m === "unmet" ? report.unmet.length : report.stats[m]);
const snake = (m: string): string => m.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`);
const list = (items: readonly string[]): string => items.join("|");

/**
 * The report's CSV files: `season.csv` (firm × stop), `season-firms.csv`,
 * `season-countries.csv` (one column per stop), `season-unmet.csv` and
 * `season-summary.csv` (each measure for the season and for independent planning).
 */
export function seasonReportFiles(
  report: SeasonReport,
  compare: { readonly season: SeasonReport | null; readonly independent: SeasonReport | null },
  options: { readonly lang: Lang; readonly excel: boolean },
): OutputFile[] {
  const dialect = { excel: options.excel };
  const n = String;
  const perStop = report.firmStops.map((r) => [r.stopId, r.firm.id, r.firm.name, n(r.meetings), list(r.countries), list(r.newCountries), n(r.seasonMeetings)]);
  const firms = report.firms.map((r) => [
    r.firm.id, r.firm.name, list(r.stops), n(r.stopsWithMeetings), n(r.meetings), n(r.countries.length), list(r.countries),
    n(r.targetsMet.length), n(r.firm.targets.length), list(r.firm.targets.filter((c) => !r.targetsMet.includes(c))),
  ]);
  const countries = report.countries.map((r) => [r.country, ...r.perStop.map(n), n(r.season)]);
  const unmet = report.unmet.map((u) => [u.firm.id, u.firm.name, u.country, u.asked, u.reason, SEASON_TEXT[options.lang].reasons[u.reason], list(u.stops)]);
  const cell = (r: SeasonReport | null, m: Measure | "planned" | "frozen"): string => (r === null ? "" : n(value(r, m)));
  const summary = (["planned", "frozen", ...MEASURES] as const).map((m) => [snake(m), cell(compare.season, m), cell(compare.independent, m)]);
  return [
    { path: "season.csv", content: toCsv(["stop_id", "firm_id", "firm_name", "meetings", "countries", "new_countries", "season_meetings"], perStop, dialect) },
    {
      path: "season-firms.csv",
      content: toCsv(
        ["firm_id", "firm_name", "stops", "stops_with_meetings", "meetings", "countries_met", "countries", "targets_met", "targets_wanted", "targets_missed"],
        firms,
        dialect,
      ),
    },
    { path: "season-countries.csv", content: toCsv(["country", ...report.stopIds, "season"], countries, dialect) },
    { path: "season-unmet.csv", content: toCsv(["firm_id", "firm_name", "country", "asked", "reason", "message", "stops"], unmet, dialect) },
    { path: "season-summary.csv", content: toCsv(["measure", "season", "independent"], summary, dialect) },
  ];
}

/**
 * The printed season summary: each measure for the season plan and, when
 * computed, for independent planning side by side; `*` marks the one written.
 */
export function formatSeasonSummary(
  compare: { readonly season: SeasonReport | null; readonly independent: SeasonReport | null },
  written: "season" | "independent",
  outDir: string,
  lang: Lang,
  color: boolean,
): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const text = SEASON_TEXT[lang];
  const shown = (["season", "independent"] as const).filter((k) => compare[k] !== null);
  const main = compare[written]!;
  const heads = shown.map((k) => `${text[k]}${k === written && shown.length > 1 ? " *" : ""}`);
  const rows: [string, ...string[]][] = [
    ...MEASURES.map((m): [string, ...string[]] => [text.measures[m], ...shown.map((k) => formatNumber(value(compare[k]!, m), lang, 0))]),
    [text.measures.time, ...shown.map((k) => `${formatNumber(compare[k]!.stats.elapsedMs, lang, 0)} ms`)],
  ];
  const label = Math.max(...rows.map((r) => r[0].length));
  const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i + 1]!.length)));
  const line = (first: string, cells: readonly string[]): string => `${first.padEnd(label)}  ${cells.map((x, i) => x.padStart(widths[i]!)).join("  ")}`.trimEnd();
  const lines = [
    c.bold(`${text.title} · ${text.stops(main.stats.planned, main.stats.frozen)}`),
    c.dim(line("", heads)),
    ...rows.map(([first, ...cells]) => line(first, cells)),
    ...(shown.length > 1 ? [c.dim(text.written)] : []),
    text.files(outDir),
  ];
  return `${lines.join("\n")}\n`;
}
