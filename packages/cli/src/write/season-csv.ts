// The season report's CSV files (season.csv, season-firms.csv, season-countries.csv, season-unmet.csv, season-summary.csv, season-held.csv).
import { SEASON_MEASURES, seasonMeasure, type HeldReport, type SeasonMeasure, type SeasonReport } from "@roadshow/core";
import { t, type Lang } from "../text/i18n.js";
import { toCsv } from "./csv.js";
import type { OutputFile } from "./output-file.js";

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
  const unmet = report.unmet.map((u) => [u.firm.id, u.firm.name, u.country, u.asked, u.reason, t(options.lang, `season.unmet.${u.reason}`), list(u.stops)]);
  const cell = (r: SeasonReport | null, m: SeasonMeasure | "planned" | "frozen"): string => (r === null ? "" : n(seasonMeasure(r, m)));
  const summary = (["planned", "frozen", ...SEASON_MEASURES] as const).map((m) => [snake(m), cell(compare.season, m), cell(compare.independent, m)]);
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

const share = (held: number, meetings: number): string => (meetings === 0 ? "" : String(Math.round((1000 * held) / meetings) / 10));

/** `season-held.csv`: one row per firm, then per country: meetings, held, share held (%), follow-ups. */
export function heldFile(report: HeldReport, excel: boolean): OutputFile {
  const rows = report.rows.map((r) => [r.kind, r.id, r.name, String(r.meetings), String(r.held), String(r.meetings - r.held), share(r.held, r.meetings), String(r.followUps)]);
  return { path: "season-held.csv", content: toCsv(["kind", "id", "name", "meetings", "held", "not_held", "held_percent", "follow_ups"], rows, { excel }) };
}
