// The season report's CSV files (season.csv, season-firms.csv, season-countries.csv, season-unmet.csv, season-summary.csv, season-held.csv).
import { SEASON_MEASURES, seasonMeasure, type HeldReport, type SeasonMeasure, type SeasonReport } from "@roadshow/core";
import { t, type Lang } from "../text/i18n.js";
import { toCsv } from "./csv.js";
import type { OutTable } from "./agenda-csv.js";
import type { OutputFile } from "./output-file.js";

const snake = (m: string): string => m.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`);
const list = (items: readonly string[]): string => items.join("|");

/** One table of the season report: its CSV file, its sheet in season.xlsx, columns and rows. */
export interface SeasonTable extends OutTable {
  readonly file: string;
  /** The catalogue's sheet key (`xlsx.sheet.<sheet>`). */
  readonly sheet: string;
  /** Columns typed other than by their name (a stop's column of season-countries.csv counts meetings). */
  readonly types?: Readonly<Record<string, "integer">>;
}

/**
 * The report's tables: `season.csv` (firm × stop), `season-firms.csv`,
 * `season-countries.csv` (one column per stop), `season-unmet.csv` and
 * `season-summary.csv` (each measure for the season and for independent planning).
 */
export function seasonTables(
  report: SeasonReport,
  compare: { readonly season: SeasonReport | null; readonly independent: SeasonReport | null },
  lang: Lang,
): SeasonTable[] {
  const n = String;
  const perStop = report.firmStops.map((r) => [r.stopId, r.firm.id, r.firm.name, n(r.meetings), list(r.countries), list(r.newCountries), n(r.seasonMeetings)]);
  const firms = report.firms.map((r) => [
    r.firm.id, r.firm.name, list(r.stops), n(r.stopsWithMeetings), n(r.meetings), n(r.countries.length), list(r.countries),
    n(r.targetsMet.length), n(r.firm.targets.length), list(r.firm.targets.filter((c) => !r.targetsMet.includes(c))),
  ]);
  const countries = report.countries.map((r) => [r.country, ...r.perStop.map(n), n(r.season)]);
  const unmet = report.unmet.map((u) => [u.firm.id, u.firm.name, u.country, u.asked, u.reason, t(lang, `season.unmet.${u.reason}`), list(u.stops)]);
  const cell = (r: SeasonReport | null, m: SeasonMeasure | "planned" | "frozen"): string => (r === null ? "" : n(seasonMeasure(r, m)));
  const summary = (["planned", "frozen", ...SEASON_MEASURES] as const).map((m) => [snake(m), cell(compare.season, m), cell(compare.independent, m)]);
  return [
    { file: "season.csv", sheet: "season", header: ["stop_id", "firm_id", "firm_name", "meetings", "countries", "new_countries", "season_meetings"], rows: perStop },
    {
      file: "season-firms.csv",
      sheet: "firms",
      header: ["firm_id", "firm_name", "stops", "stops_with_meetings", "meetings", "countries_met", "countries", "targets_met", "targets_wanted", "targets_missed"],
      rows: firms,
    },
    {
      file: "season-countries.csv",
      sheet: "countries",
      header: ["country", ...report.stopIds, "season"],
      rows: countries,
      types: Object.fromEntries([...report.stopIds, "season"].map((id) => [id, "integer" as const])),
    },
    { file: "season-unmet.csv", sheet: "unmet", header: ["firm_id", "firm_name", "country", "asked", "reason", "message", "stops"], rows: unmet },
    { file: "season-summary.csv", sheet: "season-summary", header: ["measure", "season", "independent"], rows: summary },
  ];
}

/** The report's CSV files (see `seasonTables`). */
export function seasonReportFiles(
  report: SeasonReport,
  compare: { readonly season: SeasonReport | null; readonly independent: SeasonReport | null },
  options: { readonly lang: Lang; readonly excel: boolean },
): OutputFile[] {
  const dialect = { excel: options.excel };
  return seasonTables(report, compare, options.lang).map((table) => ({ path: table.file, content: toCsv(table.header, table.rows, dialect) }));
}

const share = (held: number, meetings: number): string => (meetings === 0 ? "" : String(Math.round((1000 * held) / meetings) / 10));

/** `season-held.csv`: one row per firm, then per country: meetings, held, share held (%), follow-ups. */
export function heldFile(report: HeldReport, excel: boolean): OutputFile {
  const table = heldTable(report);
  return { path: table.file, content: toCsv(table.header, table.rows, { excel }) };
}

/** The rows of season-held.csv, and of the Held sheet of season.xlsx. */
export function heldTable(report: HeldReport): SeasonTable {
  const rows = report.rows.map((r) => [r.kind, r.id, r.name, String(r.meetings), String(r.held), String(r.meetings - r.held), share(r.held, r.meetings), String(r.followUps)]);
  return { file: "season-held.csv", sheet: "held", header: ["kind", "id", "name", "meetings", "held", "not_held", "held_percent", "follow_ups"], rows };
}
