/** changes.html: the printable list of changes for the reception desk, by participant. */
import type { Stop } from "@roadshow/core";
import { formatDate, t, type Lang } from "../text/i18n.js";
import { html, htmlDocument, type SafeHtml } from "../write/html.js";
import { changeText, summaryLine, type ChangeRow, type ChangeSummary, type Place } from "./report.js";

const CSS = `
@page{size:A4;margin:10mm}
@media screen{body{background:#ccc}main{width:210mm;min-height:297mm;margin:6mm auto;padding:10mm;background:#fff}}
h1{font-size:14pt}
h2{font-size:11.5pt;margin-top:5mm}
p{margin:0 0 3mm}
body{font-size:9.5pt}
col.who{width:20%}
col.change{width:12%}
col.with{width:26%}
col.when{width:13%}
.nowrap{white-space:nowrap}
tr.first td{border-top:0.6mm solid #000}
td.cancelled{font-weight:bold}
.id{color:#444;font-size:0.85em;white-space:nowrap}
tr{break-inside:avoid}
`;

/** The page's labels in `lang`, from the catalogue. */
const labels = (lang: Lang) => {
  const l = (k: "title" | "firms" | "delegations" | "who" | "change" | "with" | "before" | "after" | "reason" | "table" | "none"): string => t(lang, `replan.page.${k}`);
  return {
    title: l("title"), firms: l("firms"), delegations: l("delegations"), who: l("who"), change: l("change"), with: l("with"),
    before: l("before"), after: l("after"), reason: l("reason"), table: l("table"), none: l("none"),
  };
};

function section(title: string, rows: readonly ChangeRow[], lang: Lang): SafeHtml {
  const l = labels(lang);
  const text = changeText(lang);
  const where = (p: Place | null) => (p === null ? "–" : html`<span class="nowrap">${p.time || `#${p.slot}`}</span><br>${l.table} ${p.table}`);
  const body = rows.map((r, i) => {
    const first = i === 0 || rows[i - 1]!.id !== r.id;
    const who = first ? html`<td>${r.name} <span class="id">${r.id}</span></td>` : html`<td></td>`;
    return html`<tr${first ? html` class="first"` : ""}>${who}<td class="${r.change}">${text.change(r.change)}</td><td>${r.counterpartName} <span class="id">${r.counterpartId}</span></td><td>${where(r.from)}</td><td>${where(r.to)}</td><td>${r.reasonText}</td></tr>`;
  });
  return html`<h2>${title} (${new Set(rows.map((r) => r.id)).size})</h2>
<table><colgroup><col class="who"><col class="change"><col class="with"><col class="when"><col class="when"><col></colgroup>
<thead><tr><th>${l.who}</th><th>${l.change}</th><th>${l.with}</th><th>${l.before}</th><th>${l.after}</th><th>${l.reason}</th></tr></thead>
<tbody>${body}</tbody></table>`;
}

/** One page (or more) listing every participant whose day changed, firms first, with what changed and why. */
export function changesHtml(stop: Stop, rows: readonly ChangeRow[], summary: ChangeSummary, lang: Lang): string {
  const l = labels(lang);
  const firms = rows.filter((r) => r.kind === "firm");
  const delegations = rows.filter((r) => r.kind === "delegation");
  const body = html`<main>
<h1>${l.title} · ${stop.city} · ${stop.id}</h1>
<p class="muted">${formatDate(stop.date, stop.timezone, lang)}</p>
<p><strong>${summaryLine(summary, lang)}</strong></p>
${rows.length === 0 ? html`<p>${l.none}</p>` : [section(l.firms, firms, lang), section(l.delegations, delegations, lang)]}
</main>`;
  return htmlDocument({ lang, title: `${l.title} · ${stop.city} · ${stop.id}`, css: CSS, body });
}
