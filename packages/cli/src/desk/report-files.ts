// The board's report as files: report.csv (every figure with its definition), unmet.csv, meetings-per-firm.csv, and one printable HTML page per language.
import { FOLLOW_UP_OUTCOMES, type DayReport, type Firm, type Stop } from "@roadshow/core";
import { countryName, formatDate, formatNumber, sectorName, t, formatMessage, TEXT_LANGS, type Lang, type MessageKey } from "../text/i18n.js";
import { toCsv, type CsvDialect } from "../write/csv.js";
import { html, htmlDocument, type SafeHtml } from "../write/html.js";
import type { OutputFile } from "../write/output-file.js";
import { barChart, columnChart } from "../write/svg.js";

/** The sections of the report, in page order. */
export type ReportSection = "total" | "country" | "sector" | "time" | "tables" | "firms" | "unmet" | "followup";

/** A figure's measure: its word and its definition are catalogue keys `report.measure.<m>` and `report.def.<m>`. */
export type ReportMeasure =
  | "booked" | "held" | "not_held" | "not_held_percent" | "table_slots" | "use_booked_percent" | "use_held_percent"
  | "firms" | "unmet" | "answers" | "outcome" | "ratings" | "mean_rating";

/**
 * One figure of the report: a row of report.csv.
 * @example { section: "country", group: "US", measure: "not_held_percent", value: 8.3 }
 */
export interface ReportFigure {
  readonly section: ReportSection;
  /** What the figure is about: `all`, a country code, a sector, a slot's start time, a number of meetings, an outcome. */
  readonly group: string;
  readonly measure: ReportMeasure;
  /** `null`: undefined (a rate of nothing). */
  readonly value: number | null;
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((1000 * part) / whole) / 10);

/** Every figure of a report, in page order. */
export function reportFigures(r: DayReport): ReportFigure[] {
  const out: ReportFigure[] = [];
  const tallies = (section: ReportSection, rows: DayReport["byCountry"]): void => {
    for (const row of rows) {
      out.push({ section, group: row.key, measure: "booked", value: row.booked });
      out.push({ section, group: row.key, measure: "held", value: row.held });
      out.push({ section, group: row.key, measure: "not_held", value: row.notHeld });
      out.push({ section, group: row.key, measure: "not_held_percent", value: percent(row.notHeld, row.booked) });
    }
  };
  tallies("total", [r.total]);
  tallies("country", r.byCountry);
  tallies("sector", r.bySector);
  tallies("time", r.byTime);
  out.push({ section: "tables", group: "all", measure: "table_slots", value: r.tableSlots });
  out.push({ section: "tables", group: "all", measure: "use_booked_percent", value: percent(r.total.booked, r.tableSlots) });
  out.push({ section: "tables", group: "all", measure: "use_held_percent", value: percent(r.total.held, r.tableSlots) });
  for (const row of r.perFirm) out.push({ section: "firms", group: String(row.meetings), measure: "firms", value: row.firms });
  out.push({ section: "unmet", group: "all", measure: "unmet", value: r.unmet.length });
  out.push({ section: "followup", group: "all", measure: "answers", value: r.followUp.answers });
  for (const o of FOLLOW_UP_OUTCOMES) out.push({ section: "followup", group: o, measure: "outcome", value: r.followUp.outcomes[o] });
  out.push({ section: "followup", group: "all", measure: "ratings", value: r.followUp.ratings });
  out.push({ section: "followup", group: "all", measure: "mean_rating", value: r.followUp.meanRating === null ? null : Math.round(r.followUp.meanRating * 100) / 100 });
  return out;
}

/** A catalogue text without placeholders, by a key built from data (a measure, a section, an outcome). */
const word = (lang: Lang, key: string): string => formatMessage(lang, key as MessageKey, {});
const measureText = (lang: Lang, m: ReportMeasure): string => word(lang, `report.measure.${m}`);
const definition = (lang: Lang, m: ReportMeasure): string => word(lang, `report.def.${m}`);

/** report.csv: `scope,section,group,measure,value,definition` (the definition in `lang`). */
export function reportCsv(scope: string, figures: readonly ReportFigure[], lang: Lang, dialect: CsvDialect): string {
  return toCsv(["scope", "section", "group", "measure", "value", "definition"], figures.map((f) => [scope, f.section, f.group, f.measure, f.value ?? "", definition(lang, f.measure)]), dialect);
}

/** meetings-per-firm.csv: each firm registered for the stop(s), its meetings booked, held and not held. */
export function firmsCsv(r: DayReport, firms: ReadonlyMap<string, Firm>, dialect: CsvDialect): string {
  return toCsv(["firm_id", "firm_name", "booked", "held", "not_held"], r.firms.map((f) => [f.key, firms.get(f.key)?.name ?? f.key, f.booked, f.held, f.notHeld]), dialect);
}

/** unmet.csv: every country asked for and never met. */
export function unmetCsv(r: DayReport, firms: ReadonlyMap<string, Firm>, dialect: CsvDialect): string {
  return toCsv(["firm_id", "firm_name", "country", "asked", "offered"], r.unmet.map((u) => [u.firmId, firms.get(u.firmId)?.name ?? u.firmId, u.country, u.asked, u.offered ? "yes" : "no"]), dialect);
}

const CSS = `
@page{size:A4 portrait;margin:12mm}
@media screen{main{max-width:190mm;margin:6mm auto}}
h1{font-size:16pt}
h2{font-size:12pt;margin-top:6mm}
p.def{font-size:9pt;color:#444;margin:1mm 0 3mm}
figure{margin:2mm 0;break-inside:avoid}
section{break-inside:avoid-page}
svg{max-width:100%;height:auto}
`;

function groupLabel(section: ReportSection, group: string, lang: Lang): string {
  if (group === "all") return t(lang, "report.group.all");
  if (section === "country") return `${countryName(group, lang)} (${group})`;
  if (section === "sector") return sectorName(group, lang);
  if (section === "followup") return word(lang, `report.outcome.${group}`);
  return group;
}

function figureTable(figures: readonly ReportFigure[], section: ReportSection, lang: Lang): SafeHtml {
  const rows = figures.filter((f) => f.section === section);
  const measures = [...new Set(rows.map((f) => f.measure))];
  const groups = [...new Set(rows.map((f) => f.group))];
  const value = (g: string, m: ReportMeasure): string => {
    const f = rows.find((x) => x.group === g && x.measure === m);
    return f?.value == null ? "—" : formatNumber(f.value, lang, 2);
  };
  return html`<table><thead><tr><th>${t(lang, "report.col.group")}</th>${measures.map((m) => html`<th>${measureText(lang, m)}</th>`)}</tr></thead>
<tbody>${groups.map((g) => html`<tr><td>${groupLabel(section, g, lang)}</td>${measures.map((m) => html`<td>${value(g, m)}</td>`)}</tr>`)}</tbody></table>
<p class="def">${measures.map((m) => html`<b>${measureText(lang, m)}</b>: ${definition(lang, m)}. `)}</p>`;
}

/** The printable page of a report in one language. */
export function reportHtml(scope: { readonly stops: readonly Stop[]; readonly season: boolean }, r: DayReport, figures: readonly ReportFigure[], firms: ReadonlyMap<string, Firm>, lang: Lang): string {
  const first = scope.stops[0];
  const title = scope.season || first === undefined
    ? t(lang, "report.title.season", { count: scope.stops.length, stops: scope.stops.map((s) => s.id).join(", ") })
    : t(lang, "report.title.stop", { stop: first.id, city: first.city, date: formatDate(first.date, first.timezone, lang) });
  const fmt = (v: number): string => formatNumber(v, lang, 1);
  const section = (s: ReportSection, chart: SafeHtml | null = null): SafeHtml =>
    html`<section><h2>${word(lang, `report.section.${s}`)}</h2>${chart === null ? "" : html`<figure>${chart}</figure>`}${figureTable(figures, s, lang)}</section>`;
  const unmet = r.unmet.length === 0
    ? html`<p>${t(lang, "report.none")}</p>`
    : html`<table><thead><tr><th>${t(lang, "col.firm")}</th><th>${t(lang, "col.country")}</th><th>${t(lang, "report.col.measure")}</th><th></th></tr></thead><tbody>${r.unmet.map((u) => html`<tr><td>${firms.get(u.firmId)?.name ?? u.firmId} (${u.firmId})</td><td>${countryName(u.country, lang)} (${u.country})</td><td>${t(lang, `report.asked.${u.asked}`)}</td><td>${t(lang, u.offered ? "report.offered" : "report.notOffered")}</td></tr>`)}</tbody></table>`;
  const body = html`<main><h1>${title}</h1><p>${t(lang, "report.intro")} ${t(lang, "report.sources")}</p>
${section("total")}
${section("country", barChart(r.byCountry.map((c) => ({ label: `${countryName(c.key, lang)} (${c.key})`, value: c.held })), { title: t(lang, "report.chart.country"), format: fmt }))}
${section("sector")}
${section("time", columnChart(r.byTime.map((c) => ({ label: c.key, value: c.booked === 0 ? 0 : (100 * c.notHeld) / c.booked })), { title: t(lang, "report.chart.time"), format: fmt, max: 100 }))}
${section("tables")}
${section("firms", columnChart(r.perFirm.map((p) => ({ label: String(p.meetings), value: p.firms })), { title: t(lang, "report.chart.firms"), format: fmt }))}
<section class="per-firm"><table><thead><tr><th>${t(lang, "col.firm")}</th><th>${measureText(lang, "booked")}</th><th>${measureText(lang, "held")}</th><th>${measureText(lang, "not_held")}</th></tr></thead><tbody>${r.firms.map((f) => html`<tr><td>${firms.get(f.key)?.name ?? f.key} (${f.key})</td><td>${f.booked}</td><td>${f.held}</td><td>${f.notHeld}</td></tr>`)}</tbody></table></section>
<section><h2>${t(lang, "report.section.unmet")}</h2>${figureTable(figures, "unmet", lang)}${unmet}</section>
${section("followup", barChart(FOLLOW_UP_OUTCOMES.map((o) => ({ label: word(lang, `report.outcome.${o}`), value: r.followUp.outcomes[o] })), { title: t(lang, "report.chart.outcomes"), format: fmt }))}
</main>`;
  return htmlDocument({ lang, title, css: CSS, body });
}

/** The report's files under `prefix` (`""` or `"<stop_id>/"`): report.csv, unmet.csv and meetings-per-firm.csv in `lang`, and report.<lang>.html in every language. */
export function reportFiles(prefix: string, scope: { readonly stops: readonly Stop[]; readonly season: boolean }, r: DayReport, firms: ReadonlyMap<string, Firm>, lang: Lang, dialect: CsvDialect): OutputFile[] {
  const figures = reportFigures(r);
  const name = scope.season ? "season" : (scope.stops[0]?.id ?? "season");
  return [
    { path: `${prefix}report.csv`, content: reportCsv(name, figures, lang, dialect) },
    { path: `${prefix}unmet.csv`, content: unmetCsv(r, firms, dialect) },
    { path: `${prefix}meetings-per-firm.csv`, content: firmsCsv(r, firms, dialect) },
    ...TEXT_LANGS.map((l) => ({ path: `${prefix}report.${l}.html`, content: reportHtml(scope, r, figures, firms, l) })),
  ];
}
