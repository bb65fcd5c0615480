// Safe HTML: an escaping template tag, the shared print style and the standalone document.
import type { Language } from "../text/i18n.js";

/** Markup that is already safe: produced by `html` or `raw`, inserted as is. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated into `html`: text is escaped, `SafeHtml` is not, lists are joined, empty values vanish. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for an HTML (or SVG) text node or quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  if (value === null || value === undefined || value === false) return "";
  return escapeHtml(String(value));
}

/**
 * Template tag that escapes every interpolated value, so data never becomes markup.
 * @example html`<td>${firm.name}</td>` // "<td>Rossi &amp; Figli</td>"
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new SafeHtml(out);
}

/** Trusted markup or CSS written in our own source, never data. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/** Ink-friendly base style shared by every page: black on white, system fonts, nothing fetched. */
export const BASE_CSS = `
*{box-sizing:border-box}
html{color:#000;background:#fff}
body{margin:0;font-family:"DejaVu Sans","Liberation Sans",Arial,Helvetica,sans-serif;font-size:10.5pt;line-height:1.3}
h1,h2,h3{margin:0 0 2mm}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:0.3mm solid #000;padding:1mm 1.5mm;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:#e6e6e6}
.muted{color:#444}
@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

/** A complete standalone HTML document: no script, no external asset. */
export function htmlDocument(opts: { lang: Language; title: string; css: string; body: SafeHtml }): string {
  return `<!DOCTYPE html>\n${html`<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title}</title>
<style>${raw(BASE_CSS + opts.css)}</style>
</head>
<body>
${opts.body}
</body>
</html>`.value}\n`;
}
