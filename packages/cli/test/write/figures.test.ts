// What the organiser and participants read: no sentence ends in ".." after a name like "S.r.l.", summary.html prints the score as the terminal does (two decimals) and every chart value carries its unit.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { planStop } from "@roadshow/core";
import { readDataDir } from "../../src/read/index.js";
import { formatSummary } from "../../src/text/summary.js";
import { MESSAGE_KEYS, t, template, type MessageKey } from "../../src/text/i18n.js";
import { renderExports, type ExportInput } from "../../src/write/exports.js";
import { bergamo } from "./fixture.js";

const EXAMPLE = new URL("../../../../examples/lombardia-2026", import.meta.url).pathname;

async function example(): Promise<ExportInput> {
  const { data } = await readDataDir(EXAMPLE);
  const stop = data!.stops.find((s) => s.id === "BS-2026-02")!;
  const schedule = planStop({ stop, delegations: data!.delegations, firms: data!.firms, requests: data!.requests, scores: null, history: [] });
  return { schedule, firms: data!.firms, delegations: data!.delegations };
}

describe("a name ending in a full stop", () => {
  it("takes no second one from any text of the catalogue, in either language", () => {
    for (const lang of ["en", "it"] as const) {
      for (const key of MESSAGE_KEYS) {
        const source = template(lang, key);
        const names = [...source.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        const counts = [...source.matchAll(/\{(\w+), *(plural|selectordinal|number)\b/g)].map((m) => m[1]!);
        const choices = [...source.matchAll(/\{(\w+), *select,/g)].map((m) => m[1]!);
        const params = Object.fromEntries([
          ...names.map((n) => [n, "Rossi S.r.l."]),
          ...counts.map((n) => [n, 2]),
          ...choices.map((n) => [n, "other"]),
        ]);
        const text = (t as (lang: string, key: MessageKey, params: Record<string, string | number>) => string)(lang, key, params);
        if (!template(lang, key).includes("..")) expect(text, `${lang} ${key}`).not.toContain("..");
      }
    }
    expect(t("en", "mail.intro", { event: "Roadshow Brescia", date: "25 Feb." })).toBe("here is your agenda for Roadshow Brescia on 25 Feb.");
    expect(t("it", "table.n", { n: 3 })).toBe("Tavolo 3");
  });

  it("ends each calendar description sentence once (firms named S.r.l., S.p.A.), in Italian and English", () => {
    for (const lang of ["it", "en"] as const) {
      const files = renderExports(bergamo(), { lang, excel: false }).filter((f) => f.path.endsWith(".ics"));
      expect(files.length).toBeGreaterThan(0);
      let sentences = 0;
      for (const f of files) {
        for (const event of new ICAL.Component(ICAL.parse(f.content)).getAllSubcomponents("vevent")) {
          const description = String(event.getFirstPropertyValue("description"));
          expect(description, f.path).not.toMatch(/\.\./);
          if (/S\.(r\.l|p\.A)\.$/m.test(description)) sentences++;
        }
      }
      expect(sentences, "descriptions naming an S.r.l. or S.p.A. at a sentence's end").toBeGreaterThan(0);
    }
  });
});

describe("summary.html", () => {
  it("prints the total score and what balance costs as the terminal does: two decimals", async () => {
    const input = await example();
    for (const lang of ["en", "it"] as const) {
      const html = renderExports(input, { lang, excel: false }).find((f) => f.path === "summary.html")!.content;
      const printed = formatSummary(input.schedule, lang, false).split("\n");
      const score = printed.find((l) => l.startsWith(t(lang, "summary.score", { score: "" })))!;
      expect(score).toMatch(/\d[.,]\d\d$/);
      expect(html).toContain(`<li>${score}</li>`);
      const balance = printed.find((l) => l.startsWith(lang === "en" ? "Balance costs" : "L'equilibrio costa"))!;
      expect(html).toContain(`<li>${balance.replace("'", "&#39;")}</li>`);
    }
  });

  it("gives every chart's values their unit, and says it in each chart's heading", async () => {
    const input = await example();
    const units = {
      en: [/^\d[\d,]* meetings?$/, /^\d[\d,]* firms?$/, /^\d+%$/],
      it: [/^\d[\d.]* incontr[oi]$/, /^\d[\d.]* impres[ae]$/, /^\d+%$/],
    };
    for (const lang of ["en", "it"] as const) {
      const html = renderExports(input, { lang, excel: false }).find((f) => f.path === "summary.html")!.content;
      const charts = [...html.matchAll(/<figure><h2>([^<]*)<\/h2>(<svg[\s\S]*?<\/svg>)<\/figure>/g)];
      expect(charts).toHaveLength(3);
      charts.forEach(([, heading, svg], i) => {
        expect(heading, `chart ${i}`).toMatch(/\(.+\)$/);
        const groups = [...svg!.matchAll(/<g>([\s\S]*?)<\/g>/g)].map((g) => [...g[1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!));
        expect(groups.length, `chart ${i}`).toBeGreaterThan(0);
        // Bars: label then value; columns: value then label.
        const values = groups.map((texts) => (i === 0 ? texts[1]! : texts[0]!));
        for (const v of values) expect(v, `${lang} chart ${i}`).toMatch(units[lang][i]!);
      });
    }
  });
});
