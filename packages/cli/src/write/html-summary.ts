// `summary.html`: the organiser's summary with its charts (scores stay here).
import { countryName, formatDate, formatNumber, t, type Lang } from "../text/i18n.js";
import { balanceLine, firmsByMeetings, gapsLine, scoreFigure } from "../text/summary.js";
import type { ExportContext } from "./export-context.js";
import { html, htmlDocument } from "./html.js";
import type { SafeHtml } from "./html.js";
import { barChart, columnChart } from "./svg.js";
import type { ChartItem } from "./svg.js";

const CSS = `
@page{size:A4 portrait;margin:12mm}
@media screen{main{max-width:190mm;margin:6mm auto}}
h1{font-size:16pt}
h2{font-size:12pt;margin-top:6mm}
ul.facts{padding-left:5mm}
figure{margin:0;break-inside:avoid}
svg{max-width:100%;height:auto}
`;

function byCountry(ctx: ExportContext): ChartItem[] {
  const counts = new Map<string, number>();
  for (const m of ctx.schedule.meetings) {
    const code = ctx.delegationById.get(m.delegationId)?.country ?? "";
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([code, value]) => ({ label: `${countryName(code, ctx.lang)} (${code})`, value }));
}

function histogram(ctx: ExportContext): ChartItem[] {
  const counts = ctx.firms.map((f) => f.meetings.length);
  const firms = new Array<number>(Math.max(0, ...counts) + 1).fill(0);
  for (const c of counts) firms[c]! += 1;
  return firms.map((value, meetings) => ({ label: meetingsText(meetings, ctx.lang), value }));
}

/** A count with its unit, as a bar's value says it: `1 meeting`, `12 meetings`. */
const meetingsText = (count: number, lang: Lang) => t(lang, "chart.value.meetings", { count });
const firmsText = (count: number, lang: Lang) => t(lang, "chart.value.firms", { count });

function utilisation(ctx: ExportContext): ChartItem[] {
  const used = new Map<number, number>();
  for (const m of ctx.schedule.meetings) used.set(m.slot, (used.get(m.slot) ?? 0) + 1);
  const total = Math.max(ctx.tables.length, 1);
  return ctx.slots.map((s) => ({ label: ctx.timeLabel(s.startMs), value: (100 * (used.get(s.index) ?? 0)) / total }));
}

function facts(ctx: ExportContext): SafeHtml {
  const { lang, schedule } = ctx;
  const { stats } = schedule;
  const score = schedule.meetings.reduce((sum, m) => sum + m.score, 0);
  const served = ctx.firms.filter((f) => f.meetings.length > 0).length;
  const lines = [
    t(lang, "summary.status", { status: t(lang, `status.${schedule.status}`) }),
    schedule.status === "optimal" ? "" : t(lang, "summary.gap", { gap: formatNumber(stats.gapPercent, lang, 2) }),
    t(lang, "summary.meetings", { count: schedule.meetings.length }),
    t(lang, "summary.served", { served, registered: ctx.firms.length }),
    t(lang, "summary.perFirm", { list: firmsByMeetings(schedule) }),
    stats.requestedMusts > 0 ? t(lang, "summary.musts", { met: stats.levels.musts, requested: stats.requestedMusts }) : "",
    t(lang, "summary.score", { score: scoreFigure(score, lang) }),
    ...balanceLine(schedule, lang),
    ...gapsLine(ctx.schedule, ctx.lang),
  ];
  return html`<ul class="facts">${lines.filter((l) => l !== "").map((l) => html`<li>${l}</li>`)}</ul>`;
}

function unmatched(ctx: ExportContext): SafeHtml {
  const { lang } = ctx;
  if (ctx.schedule.unmatched.length === 0) return html`<p>${t(lang, "summary.noUnmatched")}</p>`;
  const rows = ctx.schedule.unmatched.map((u) => {
    const name = ctx.firmById.get(u.firmId)?.name ?? u.firmId;
    const country = u.country === null ? "–" : `${countryName(u.country, lang)} (${u.country})`;
    return html`<tr><td>${name} <span class="muted">(${u.firmId})</span></td><td>${country}</td><td>${t(lang, `reason.${u.reason}`)}</td><td>${u.meetings}</td></tr>`;
  });
  return html`<table><thead><tr><th>${t(lang, "col.firm")}</th><th>${t(lang, "col.country")}</th><th>${t(lang, "col.reason")}</th><th>${t(lang, "col.meetings")}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** `summary.html`: the stop's numbers and inline SVG charts, readable without script or network. */
export function renderSummary(ctx: ExportContext): string {
  const { lang, stop } = ctx;
  const title = `${t(lang, "summary.title")}: ${ctx.event}`;
  // Every chart says its unit: in its heading, and on each bar's value.
  const figure = (heading: string, chart: (title: string) => SafeHtml) => html`<figure><h2>${heading}</h2>${chart(heading)}</figure>`;
  const percent = (n: number) => t(lang, "chart.value.percent", { percent: formatNumber(n, lang, 0) });
  return htmlDocument({
    lang,
    title,
    css: CSS,
    body: html`<main>
<h1>${title}</h1>
<p>${stop.city} · ${formatDate(stop.date, stop.timezone, lang)}</p>
${facts(ctx)}
${figure(`${t(lang, "summary.byCountry")} (${t(lang, "chart.meetings")})`, (heading) => barChart(byCountry(ctx), { title: heading, format: (n) => meetingsText(n, lang) }))}
${figure(`${t(lang, "summary.histogram")} (${t(lang, "chart.firms")} / ${t(lang, "chart.meetings")})`, (heading) => columnChart(histogram(ctx), { title: heading, format: (n) => firmsText(n, lang) }))}
${figure(`${t(lang, "summary.utilisation")} (${t(lang, "chart.percent")})`, (heading) => columnChart(utilisation(ctx), { title: heading, format: percent, max: 100 }))}
<h2>${t(lang, "summary.unmatched")}</h2>
${unmatched(ctx)}
</main>`,
  });
}
