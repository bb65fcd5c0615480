// The HTML outputs: escaping, standalone pages, labels in each participant's language.
import { describe, expect, test } from "vitest";
import { escapeHtml, renderExports } from "../../src/write/exports.js";
import { html, raw } from "../../src/write/html.js";
import { bergamo, dstNight } from "./fixture.js";

function pages(lang: "it" | "en", input = bergamo()): Map<string, string> {
  return new Map(
    renderExports(input, { lang, excel: false })
      .filter((f) => f.path.endsWith(".html"))
      .map((f) => [f.path, f.content]),
  );
}

describe("HTML outputs", () => {
  test("the html tag escapes data and passes only trusted markup", () => {
    expect(escapeHtml(`<a href="x">Rossi & 'Figli'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Rossi &amp; &#39;Figli&#39;&lt;/a&gt;");
    expect(html`<td title="${'"><script>'}">${["a<", raw("<b>b</b>"), 3, null, false]}</td>`.value).toBe(
      '<td title="&quot;&gt;&lt;script&gt;">a&lt;<b>b</b>3</td>',
    );
  });

  test("firm names are text: no <script> element, '&' escaped, in every page", () => {
    for (const [path, content] of pages("it")) {
      expect(content, path).not.toMatch(/<script/i);
      expect(content, path).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
    }
    const agendas = pages("it").get("agendas.html")!;
    expect(agendas).toContain("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>");
    expect(agendas).toContain("<h1>Rossi &amp; Figli</h1>");
    expect(pages("it").get("grid.html")).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  test("standalone: lang attribute set, no script, no external asset (only the SVG namespace names a URL)", () => {
    for (const lang of ["it", "en"] as const) {
      for (const [path, content] of pages(lang)) {
        expect(content.startsWith(`<!DOCTYPE html>\n<html lang="${lang}">`), path).toBe(true);
        expect(content, path).not.toMatch(/\s(src|href)=|url\(|@import|<link|<iframe|<img/i);
        expect(content.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, ""), path).not.toMatch(/https?:/);
      }
    }
  });

  test("agendas: one page per firm then per delegation, with event, city, weekday date", () => {
    const agendas = pages("it").get("agendas.html")!;
    const ids = [...agendas.matchAll(/data-participant="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual([
      ...["F0001", "F0002", "F0003", "F0004", "F0005", "F0006"].map((id) => `firm:${id}`),
      ...["DE-KONS", "IN-CG", "US-CG"].map((id) => `delegation:${id}`),
    ]);
    expect(agendas).toContain("Roadshow Bergamo: Meccanica");
    expect(agendas).toContain("Bergamo · mercoledì 18 marzo 2026");
    expect(pages("en").get("agendas.html")).toContain("Bergamo · Wednesday, 18 March 2026");
    expect(agendas).toContain("@page{size:A4 portrait");
  });

  test("on the DST night the times carry the zone abbreviation, so 02:00 CEST and 02:00 CET differ", () => {
    const agendas = pages("it", dstNight()).get("agendas.html")!;
    expect(agendas).toContain("02:00 CEST-02:20 CEST");
    expect(agendas).toContain("02:00 CET-02:20 CET");
    expect(pages("it").get("agendas.html")).not.toMatch(/CES?T/);
  });

  test("grid: every table a column headed by its delegation; summary: three inline SVG charts and the unmatched reasons", () => {
    const grid = pages("en").get("grid.html")!;
    expect([...grid.matchAll(/<th>Table (\d+)/g)].map((m) => m[1])).toEqual(["1", "2", "3", "4"]);
    expect(grid).toContain('Table 3<span class="name">Consolato Generale degli Stati Uniti (US)</span>');
    const summary = pages("en").get("summary.html")!;
    expect(summary.match(/<svg /g)).toHaveLength(3);
    expect(summary).toContain("Must requests met: 1 of 2");
    expect(summary).toContain("not present at the same time as an eligible delegation");
    expect(summary).toContain("United States (US)");
    expect(pages("it").get("summary.html")).toContain("Stati Uniti (US)");
  });
});
