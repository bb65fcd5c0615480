// `agendas.html` and one participant's agenda page: A4 portrait, each participant in its own language.
import type { Meeting } from "@roadshow/core";
import { countryName, formatDate, t } from "../text/i18n.js";
import type { ExportContext, Participant } from "./export-context.js";
import { html, htmlDocument } from "./html.js";
import type { SafeHtml } from "./html.js";
import { websiteUrl } from "../read/contact.js";
import { contactText, firmDetails, sectorsText } from "./people.js";
import { forParticipant } from "./export-context.js";
import { timeline } from "./timeline.js";
import type { TimelineEntry } from "./timeline.js";

const CSS = `
@page{size:A4 portrait;margin:12mm}
.page{break-after:page;page-break-after:always}
.page:last-child{break-after:auto;page-break-after:auto}
@media screen{body{background:#ccc}.page{width:210mm;min-height:297mm;margin:6mm auto;padding:12mm;background:#fff}}
header{border-bottom:0.6mm solid #000;margin-bottom:4mm;padding-bottom:2mm}
.event{font-size:12pt;font-weight:bold;margin:0}
.when{margin:0 0 2mm}
h1{font-size:17pt}
.who{margin:0}
col.time{width:32mm}
col.table{width:17mm}
col.country{width:38mm}
td.time{white-space:normal}
tr.meeting td.who{font-weight:bold}
tr.free td,tr.absent td{font-style:italic}
tr.absent td{color:#444}
tr.break td{background:#e6e6e6;font-style:italic}
td.free{font-style:italic}
.details{display:block;font-weight:normal;font-size:0.85em;color:#222}
.details a{color:inherit;text-decoration:none}
.place,.contact{margin:0}
.dense td,.dense th{padding:0.5mm 1.2mm;font-size:9.5pt}
.tight td,.tight th{padding:0.2mm 1mm;font-size:8pt;line-height:1.15}
.detailed td,.detailed th{padding:0.4mm 1mm;font-size:8.5pt;line-height:1.15}
.detailed.many td,.detailed.many th{font-size:7.5pt;line-height:1.1}
.detailed td.who{font-weight:bold}
footer{margin-top:3mm;font-size:9pt}
`;

function density(rows: number): string {
  return rows > 34 ? "tight" : rows > 22 ? "dense" : "";
}

function firmRows(ctx: ExportContext, entry: TimelineEntry): SafeHtml {
  const { lang } = ctx;
  if (entry.kind === "break") {
    return html`<tr class="break"><td class="time">${entry.span.label}</td><td></td><td colspan="2">${t(lang, "row.break")}</td></tr>`;
  }
  const time = ctx.slotLabel(entry.slot);
  if (entry.meetings.length === 0) {
    const kind = entry.present ? "free" : "absent";
    return html`<tr class="${kind}"><td class="time">${time}</td><td></td><td colspan="2">${t(lang, `row.${kind}`)}</td></tr>`;
  }
  return html`${entry.meetings.map((m) => {
    const d = ctx.delegationById.get(m.delegationId);
    const country = d?.country ? countryName(d.country, ctx.language) : "";
    const reach = d ? contactText(d) : "";
    const details = reach === "" ? "" : html`<span class="details">${reach}</span>`;
    return html`<tr class="meeting"><td class="time">${time}</td><td>${m.table}</td><td class="who">${d?.name ?? m.delegationId}${details}</td><td>${country}</td></tr>`;
  })}`;
}

function firmTable(ctx: ExportContext, entries: readonly TimelineEntry[]): SafeHtml {
  const { lang } = ctx;
  return html`<table class="agenda ${density(entries.length)}">
<colgroup><col class="time"><col class="table"><col><col class="country"></colgroup>
<thead><tr><th>${t(lang, "col.time")}</th><th>${t(lang, "col.table")}</th><th>${t(lang, "col.delegation")}</th><th>${t(lang, "col.country")}</th></tr></thead>
<tbody>
${entries.map((e) => html`${firmRows(ctx, e)}\n`)}</tbody>
</table>`;
}

function delegationCell(ctx: ExportContext, meeting: Meeting | undefined): SafeHtml {
  if (!meeting) return html`<td class="free">${t(ctx.lang, "row.free")}</td>`;
  const firm = ctx.firmById.get(meeting.firmId);
  // One small block, parts separated by ` · `, so that a delegation's day stays on one page.
  const parts = firmDetails(ctx, firm).map((line) => (line === firm?.website ? html`<a href="${websiteUrl(line)}">${line}</a>` : html`${line}`));
  const details = parts.length > 0 ? html`<span class="details">${parts.flatMap((part, i) => (i === 0 ? [part] : [html` · `, part]))}</span>` : "";
  return html`<td class="who">${firm?.name ?? meeting.firmId} <span class="muted">(${meeting.firmId})</span>${details}</td>`;
}

function delegationRow(ctx: ExportContext, tables: readonly number[], entry: TimelineEntry): SafeHtml {
  const span = Math.max(tables.length, 1);
  if (entry.kind === "break") {
    return html`<tr class="break"><td class="time">${entry.span.label}</td><td colspan="${span}">${t(ctx.lang, "row.break")}</td></tr>`;
  }
  const time = ctx.slotLabel(entry.slot);
  if (entry.meetings.length === 0 && (!entry.present || tables.length === 0)) {
    const kind = entry.present ? "free" : "absent";
    return html`<tr class="${kind}"><td class="time">${time}</td><td colspan="${span}">${t(ctx.lang, `row.${kind}`)}</td></tr>`;
  }
  const cells = tables.map((n) => delegationCell(ctx, entry.meetings.find((m) => m.table === n)));
  return html`<tr class="meeting"><td class="time">${time}</td>${cells}</tr>`;
}

function delegationTable(ctx: ExportContext, p: Participant, entries: readonly TimelineEntry[]): SafeHtml {
  const { lang } = ctx;
  const heads = p.tables.length > 0 ? p.tables.map((n) => html`<th>${t(lang, "table.n", { n })}</th>`) : html`<th></th>`;
  const detailed = p.meetings.some((m) => firmDetails(ctx, ctx.firmById.get(m.firmId)).length > 0);
  const style = detailed ? `detailed${p.tables.length > 2 || entries.length > 16 ? " many" : ""}` : density(entries.length);
  return html`<table class="agenda ${style}">
<colgroup><col class="time"></colgroup>
<thead><tr><th>${t(lang, "col.time")}</th>${heads}</tr></thead>
<tbody>
${entries.map((e) => html`${delegationRow(ctx, p.tables, e)}\n`)}</tbody>
</table>`;
}

/** One participant's page, in its own language (also the body of its mail). */
export function agendaPage(base: ExportContext, p: Participant): SafeHtml {
  const ctx = forParticipant(base, p);
  const { lang, stop } = ctx;
  const entries = timeline(ctx, p);
  const sectors = sectorsText(ctx, p);
  const role =
    p.kind === "firm"
      ? [t(lang, "participant.firm"), p.city ?? "", sectors]
      : [t(lang, "participant.delegation"), countryName(p.country ?? "", ctx.language)];
  const body = p.kind === "firm" ? firmTable(ctx, entries) : delegationTable(ctx, p, entries);
  const count = p.meetings.length;
  const reach = contactText(p);
  const when = `${stop.city} · ${formatDate(stop.date, stop.timezone, ctx.language)}`;
  return html`<section class="page ${p.kind}" lang="${p.language}" data-participant="${p.kind}:${p.id}">
<header>
<p class="event">${ctx.event}</p>
<p class="when">${when}</p>
${ctx.place !== stop.city ? html`<p class="place">${t(lang, "agenda.place", { place: ctx.place })}</p>` : ""}
<h1>${p.name}</h1>
<p class="who">${role.filter((x) => x !== "").join(" · ")} · ${p.id}</p>
${reach !== "" ? html`<p class="contact">${t(lang, "agenda.contact", { contact: reach })}</p>` : ""}
</header>
${body}
<footer>${count > 0 ? t(lang, "agenda.count", { count }) : t(lang, "agenda.none")} · ${t(lang, "agenda.times", { zone: ctx.stop.timezone })}</footer>
</section>
`;
}

/** `agendas.html`: one printable A4 page per firm, then per delegation, each in its participant's language. */
export function renderAgendas(ctx: ExportContext): string {
  const pages = [...ctx.firms, ...ctx.delegations].map((p) => agendaPage(ctx, p));
  return htmlDocument({
    lang: ctx.language,
    title: `${t(ctx.lang, "agendas.title")}: ${ctx.event}`,
    css: CSS,
    body: html`${pages}`,
  });
}

/** One participant's agenda as a standalone HTML page in its language (for mailing or printing alone). */
export function renderAgenda(base: ExportContext, p: Participant): string {
  const ctx = forParticipant(base, p);
  return htmlDocument({
    lang: ctx.language,
    title: `${p.name}: ${ctx.event}`,
    css: CSS,
    body: agendaPage(ctx, p),
  });
}

/** The agenda pages' style, for documents that embed `agendaPage` (the mails). */
export { CSS as AGENDA_CSS };
