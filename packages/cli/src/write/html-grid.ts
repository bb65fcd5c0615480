// `grid.html`: the reception's venue grid, slots × tables on landscape A4 sheets of at most 10 tables.
import type { Meeting } from "@roadshow/core";
import { formatDate, t } from "../text/i18n.js";
import type { ExportContext, Participant } from "./export-context.js";
import { html, htmlDocument } from "./html.js";
import type { SafeHtml } from "./html.js";

/** Most tables on one landscape A4 sheet: about 27 mm a column, so that names break between words. */
export const GRID_TABLES_PER_SHEET = 10;
/** Up to this many tables stay on one sheet (narrower type), as the reception desk prefers one sheet. */
const ONE_SHEET_MAX = 12;

const CSS = `
@page{size:A4 landscape;margin:8mm}
.sheet{break-after:page;page-break-after:always}
.sheet:last-child{break-after:auto;page-break-after:auto}
@media screen{body{background:#ccc}.sheet{width:297mm;min-height:210mm;margin:6mm auto;padding:8mm;background:#fff}}
h1{font-size:13pt}
p{margin:0 0 2mm}
.part{font-weight:bold}
table.grid{table-layout:fixed;font-size:8.5pt;line-height:1.15}
.grid thead{display:table-header-group}
.grid tr{break-inside:avoid;page-break-inside:avoid}
.grid th,.grid td{padding:0.6mm 0.8mm;overflow-wrap:break-word;hyphens:manual}
.grid col.time{width:18mm}
.grid th .name{display:block;font-weight:normal}
.grid td.off{background:#d0d0d0;text-align:center}
.grid tr.break td{background:#e6e6e6;font-style:italic;text-align:center}
.grid .id{color:#444;font-size:0.85em;white-space:nowrap}
table.grid.s12{font-size:8pt}
`;

function header(ctx: ExportContext, table: number, owner: Participant | undefined): SafeHtml {
  const name = owner ? html`<span class="name">${owner.name} (${owner.country})</span>` : "";
  return html`<th>${t(ctx.lang, "table.n", { n: table })}${name}</th>`;
}

interface GridIndex {
  readonly owners: ReadonlyMap<number, Participant>;
  readonly meetings: ReadonlyMap<string, Meeting>;
}

function slotRow(ctx: ExportContext, i: number, tables: readonly number[], { owners, meetings }: GridIndex): SafeHtml {
  const slot = ctx.slots[i]!;
  const cells = tables.map((table) => {
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

/** The tables split into sheets: one when few, else balanced groups of at most `GRID_TABLES_PER_SHEET`. */
export function gridSheets(tables: readonly number[]): number[][] {
  if (tables.length <= ONE_SHEET_MAX) return [[...tables]];
  const sheets = Math.ceil(tables.length / GRID_TABLES_PER_SHEET);
  const per = Math.ceil(tables.length / sheets);
  return Array.from({ length: sheets }, (_, i) => tables.slice(i * per, (i + 1) * per)).filter((s) => s.length > 0);
}

function sheet(ctx: ExportContext, tables: readonly number[], part: string, index: GridIndex): SafeHtml {
  const { lang, stop } = ctx;
  const rows: SafeHtml[] = [];
  let next = 0;
  ctx.slots.forEach((slot, i) => {
    for (; next < ctx.breaks.length && ctx.breaks[next]!.startMs < slot.startMs; next++) {
      const span = ctx.breaks[next]!;
      // Spaced, so that the narrow time column wraps it between the two times.
      const label = `${ctx.timeLabel(span.startMs)} – ${ctx.timeLabel(span.endMs)}`;
      rows.push(html`<tr class="break"><th>${label}</th><td colspan="${tables.length}">${t(lang, "row.break")}</td></tr>\n`);
    }
    rows.push(slotRow(ctx, i, tables, index));
  });
  const size = tables.length > 8 ? "s12" : "";
  return html`<section class="sheet">
<h1>${t(lang, "grid.title")}: ${ctx.event}${part ? html` · <span class="part">${part}</span>` : ""}</h1>
<p>${ctx.place} · ${formatDate(stop.date, stop.timezone, ctx.language)} · ${t(lang, "agenda.times", { zone: stop.timezone })} ${t(lang, "grid.legend")}</p>
<table class="grid ${size}">
<colgroup><col class="time">${tables.map(() => html`<col>`)}</colgroup>
<thead><tr><th>${t(lang, "col.time")}</th>${tables.map((n) => header(ctx, n, index.owners.get(n)))}</tr></thead>
<tbody>
${rows}</tbody>
</table>
</section>
`;
}

/**
 * `grid.html`: the venue grid for the reception desk, slots as rows and tables as columns,
 * on landscape A4; past 12 tables one sheet per group of at most 10 tables, the time column
 * repeated on each, so that names stay readable at any size of venue.
 */
export function renderGrid(ctx: ExportContext): string {
  const owners = new Map<number, Participant>();
  for (const d of ctx.delegations) for (const n of d.tables) owners.set(n, d);
  const index = { owners, meetings: new Map(ctx.schedule.meetings.map((m) => [`${m.slot}:${m.table}`, m])) };
  const sheets = gridSheets(ctx.tables);
  const body = sheets.map((tables, i) =>
    sheet(ctx, tables, sheets.length === 1 ? "" : t(ctx.lang, "grid.part", { first: tables[0]!, last: tables.at(-1)!, page: i + 1, pages: sheets.length }), index),
  );
  return htmlDocument({ lang: ctx.language, title: `${t(ctx.lang, "grid.title")}: ${ctx.event}`, css: CSS, body: html`${body}` });
}
