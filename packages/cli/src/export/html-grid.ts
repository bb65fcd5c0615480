import type { Meeting } from "@roadshow/core";
import { formatDate, t } from "../i18n.js";
import type { ExportContext, Participant } from "./context.js";
import { html, htmlDocument } from "./html.js";
import type { SafeHtml } from "./html.js";

const CSS = `
@page{size:A4 landscape;margin:8mm}
@media screen{body{background:#ccc}main{width:297mm;min-height:210mm;margin:6mm auto;padding:8mm;background:#fff}}
h1{font-size:13pt}
p{margin:0 0 2mm}
table.grid{table-layout:fixed;font-size:8.5pt;line-height:1.15}
.grid th,.grid td{padding:0.6mm 0.8mm;overflow-wrap:break-word}
.grid col.time{width:12mm}
.grid th .name{display:block;font-weight:normal}
.grid td.off{background:#d0d0d0;text-align:center}
.grid tr.break td{background:#e6e6e6;font-style:italic;text-align:center}
.grid .id{color:#444;font-size:0.85em;white-space:nowrap}
table.grid.narrow{font-family:"Liberation Sans Narrow","Arial Narrow","DejaVu Sans",sans-serif;font-stretch:condensed;line-height:1.1}
.grid.narrow th,.grid.narrow td{padding:0.4mm 0.5mm}
table.grid.s12{font-size:8pt}
table.grid.s16{font-size:7pt}
table.grid.s20{font-size:6.5pt}
`;

function header(ctx: ExportContext, table: number, owner: Participant | undefined): SafeHtml {
  const name = owner ? html`<span class="name">${owner.name} (${owner.country})</span>` : "";
  return html`<th>${t(ctx.lang, "table.n", { n: table })}${name}</th>`;
}

interface GridIndex {
  readonly owners: ReadonlyMap<number, Participant>;
  readonly meetings: ReadonlyMap<string, Meeting>;
}

function slotRow(ctx: ExportContext, i: number, { owners, meetings }: GridIndex): SafeHtml {
  const slot = ctx.slots[i]!;
  const cells = ctx.tables.map((table) => {
    const m = meetings.get(`${slot.index}:${table}`);
    if (m) {
      const firm = ctx.firmById.get(m.firmId);
      return html`<td>${firm?.name ?? m.firmId} <span class="id">${m.firmId}</span></td>`;
    }
    const owner = owners.get(table);
    return owner && !owner.present[i] ? html`<td class="off">–</td>` : html`<td></td>`;
  });
  return html`<tr><th>${ctx.timeLabel(slot.startMs)}</th>${cells}</tr>\n`;
}

/** `grid.html`: the venue grid for the reception desk, slots as rows and tables as columns, on landscape A4. */
export function renderGrid(ctx: ExportContext): string {
  const { lang, stop } = ctx;
  const owners = new Map<number, Participant>();
  for (const d of ctx.delegations) for (const n of d.tables) owners.set(n, d);
  const meetings = new Map(ctx.schedule.meetings.map((m) => [`${m.slot}:${m.table}`, m]));
  // Narrower type as tables grow, so that 20 columns still fit the width of landscape A4.
  const n = ctx.tables.length;
  const size = n > 16 ? "narrow s20" : n > 12 ? "narrow s16" : n > 8 ? "narrow s12" : "";
  const rows: SafeHtml[] = [];
  let next = 0;
  ctx.slots.forEach((slot, i) => {
    for (; next < ctx.breaks.length && ctx.breaks[next]!.startMs < slot.startMs; next++) {
      rows.push(html`<tr class="break"><th>${ctx.breaks[next]!.label}</th><td colspan="${ctx.tables.length}">${t(lang, "row.break")}</td></tr>\n`);
    }
    rows.push(slotRow(ctx, i, { owners, meetings }));
  });
  const title = `${t(lang, "grid.title")}: ${ctx.event}`;
  return htmlDocument({
    lang,
    title,
    css: CSS,
    body: html`<main>
<h1>${title}</h1>
<p>${stop.city} · ${formatDate(stop.date, stop.timezone, lang)} · ${t(lang, "agenda.times", { zone: stop.timezone })} ${t(lang, "grid.legend")}</p>
<table class="grid ${size}">
<colgroup><col class="time">${ctx.tables.map(() => html`<col>`)}</colgroup>
<thead><tr><th>${t(lang, "col.time")}</th>${ctx.tables.map((n) => header(ctx, n, owners.get(n)))}</tr></thead>
<tbody>
${rows}</tbody>
</table>
</main>`,
  });
}
