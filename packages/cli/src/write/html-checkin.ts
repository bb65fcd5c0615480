/** `checkin.html`: the reception's check-in list, firms A–Z with their times and tables, then the delegations with theirs. */
import { countryName, formatDate, localeOf, t } from "../text/i18n.js";
import type { ExportContext, Participant } from "./export-context.js";
import { html, htmlDocument } from "./html.js";
import type { SafeHtml } from "./html.js";

// The columns take at least their widest word (a header such as "Arrivato" never breaks mid-word); the widths below are minimums.
const CSS = `
@page{size:A4 portrait;margin:12mm}
@media screen{body{background:#ccc}main{width:210mm;min-height:297mm;margin:6mm auto;padding:12mm;background:#fff}}
h1{font-size:15pt}
h2{font-size:12pt;margin-top:5mm}
p{margin:0 0 2mm}
table.checkin{font-size:9.5pt;table-layout:auto}
.checkin thead{display:table-header-group}
.checkin tr{break-inside:avoid;page-break-inside:avoid}
.checkin col.box{width:9mm}
.checkin col.tables{width:28mm}
.checkin col.count{width:18mm}
.checkin td.box{font-size:13pt;text-align:center;line-height:1}
.checkin tr.letter th{background:#fff;border-left:0;border-right:0;font-size:11pt;padding-top:2mm}
.checkin .id{color:#444;font-size:0.85em;white-space:nowrap}
.checkin .slot{white-space:nowrap}
`;

/** Names in the language's alphabetical order, ignoring case and accents; ids break ties. */
function alphabetical(ctx: ExportContext, list: readonly Participant[]): Participant[] {
  const collator = new Intl.Collator(localeOf(ctx.language), { sensitivity: "base", numeric: true });
  return [...list].sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A name's heading letter: its first letter without accents, upper case; `#` for anything else. */
function initial(name: string): string {
  const letter = name.normalize("NFD").replace(/\p{M}/gu, "").match(/\p{L}/u)?.[0];
  return letter ? letter.toLocaleUpperCase() : "#";
}

function firmRow(ctx: ExportContext, f: Participant): SafeHtml {
  const slots = new Map(ctx.slots.map((s) => [s.index, s]));
  const meetings = f.meetings.map((m) => {
    const slot = slots.get(m.slot);
    const time = slot ? ctx.timeLabel(slot.startMs) : String(m.slot);
    return html`<span class="slot">${t(ctx.lang, "checkin.meeting", { time, table: m.table })}</span>`;
  });
  const list = meetings.length > 0 ? meetings.flatMap((m, i) => (i === 0 ? [m] : [html` · `, m])) : t(ctx.lang, "checkin.none");
  return html`<tr><td class="box">☐</td><td>${f.name} <span class="id">${f.id}</span></td><td>${list}</td></tr>\n`;
}

function firmsTable(ctx: ExportContext): SafeHtml {
  const rows: SafeHtml[] = [];
  let letter = "";
  for (const f of alphabetical(ctx, ctx.firms)) {
    if (initial(f.name) !== letter) {
      letter = initial(f.name);
      rows.push(html`<tr class="letter"><th colspan="3">${letter}</th></tr>\n`);
    }
    rows.push(firmRow(ctx, f));
  }
  const { lang } = ctx;
  return html`<table class="checkin firms">
<colgroup><col class="box"><col class="name"><col></colgroup>
<thead><tr><th>${t(lang, "col.arrived")}</th><th>${t(lang, "col.firm")}</th><th>${t(lang, "checkin.times")}</th></tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}

function delegationsTable(ctx: ExportContext): SafeHtml {
  const { lang } = ctx;
  const rows = alphabetical(ctx, ctx.delegations).map(
    (d) => html`<tr><td class="box">☐</td><td>${d.name} <span class="id">${d.id}</span></td><td>${countryName(d.country ?? "", ctx.language)}</td><td>${d.tables.join(", ")}</td><td>${d.meetings.length}</td></tr>\n`,
  );
  return html`<table class="checkin delegations">
<colgroup><col class="box"><col><col class="country"><col class="tables"><col class="count"></colgroup>
<thead><tr><th>${t(lang, "col.arrived")}</th><th>${t(lang, "col.delegation")}</th><th>${t(lang, "col.country")}</th><th>${t(lang, "col.tables")}</th><th>${t(lang, "col.meetings")}</th></tr></thead>
<tbody>
${rows}</tbody>
</table>`;
}

/** `checkin.html`: one list for the reception desk, in `--lang`. */
export function renderCheckin(ctx: ExportContext): string {
  const { lang, stop } = ctx;
  const title = `${t(lang, "checkin.title")}: ${ctx.event}`;
  return htmlDocument({
    lang: ctx.language,
    title,
    css: CSS,
    body: html`<main>
<h1>${title}</h1>
<p>${ctx.place} · ${formatDate(stop.date, stop.timezone, ctx.language)} · ${t(lang, "agenda.times", { zone: stop.timezone })}</p>
<h2>${t(lang, "checkin.firms", { count: ctx.firms.length })}</h2>
${firmsTable(ctx)}
<h2>${t(lang, "checkin.delegations", { count: ctx.delegations.length })}</h2>
${delegationsTable(ctx)}
</main>`,
  });
}
