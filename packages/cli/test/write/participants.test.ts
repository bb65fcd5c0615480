/**
 * What reaches participants, on a copy of the example with contact and language columns
 * (firms `it`, delegations `en`), planned under `--lang it`: each in its language, no scoring.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli, stderrProblems } from "../run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../../examples/lombardia-2026");
const STOP = "BS-2026-02";

type Rows = Record<string, string>[];
const readCsv = (file: string): Rows => parse(readFileSync(file), { columns: true, bom: true, delimiter: [",", ";"] });
const writeCsv = (file: string, rows: Rows): void => {
  const header = Object.keys(rows[0]!);
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  writeFileSync(file, [header.join(","), ...rows.map((r) => header.map((h) => quote(r[h] ?? "")).join(","))].join("\n") + "\n");
};

/** Every file under `dir`, relative. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

let work: string;
let data: string;
let out: string;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-participants-"));
  data = path.join(work, "data");
  cpSync(EXAMPLE, data, { recursive: true });
  const firms = readCsv(path.join(data, "firms.csv")).map((f, i) => ({
    ...f,
    lang: "it",
    email: `info@${f.firm_id!.toLowerCase()}.example.it`,
    contact_name: `Referente ${i + 1}`,
    city: i % 2 === 0 ? "Brescia" : "Bergamo",
    website: `www.${f.firm_id!.toLowerCase()}.example.it`,
  }));
  writeCsv(path.join(data, "firms.csv"), firms);
  const delegations = readCsv(path.join(data, "delegations.csv")).map((d) => ({
    ...d,
    lang: "en",
    email: `trade@${d.delegation_id!.toLowerCase()}.example.org`,
    contact_name: `Consul ${d.delegation_id}`,
  }));
  writeCsv(path.join(data, "delegations.csv"), delegations);
  const stops = readCsv(path.join(data, "stops.csv")).map((s) => ({ ...s, venue: "Museo Mille Miglia", address: "Viale della Rimembranza 3, Brescia" }));
  writeCsv(path.join(data, "stops.csv"), stops);
  out = path.join(work, "out");
  const r = await runCli("--lang", "it", "schedule", data, "--stop", STOP, "--out", out);
  expect(stderrProblems(r.stderr)).toEqual([]);
  expect(r.code).toBe(0);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const participantFiles = () =>
  files(out).filter((f) => f === "agendas.html" || f.startsWith("calendar/") || /^(firms|delegations)\//.test(f));

describe("participant outputs under --lang it, firms in Italian, delegations in English", () => {
  it("carry no score, no score part and no fairness bonus", () => {
    const all = participantFiles();
    expect(all.filter((f) => f.startsWith("calendar/")).length).toBeGreaterThan(50);
    for (const f of all) {
      const text = readFileSync(path.join(out, f), "utf8");
      expect(text, f).not.toMatch(/\(\+\d/);
      expect(text, f).not.toMatch(/bonus|punteggio|score|fairness|equità/i);
    }
    // The organiser's agenda keeps them.
    expect(readFileSync(path.join(out, "agenda.csv"), "utf8")).toMatch(/\(\+\d/);
  });

  it("each calendar is in its participant's language, naming the other side as it should", () => {
    const firm = readFileSync(path.join(out, "calendar/firms/F0115.ics"), "utf8");
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(firm)).getFirstSubcomponent("vevent")!);
    expect(event.summary).toMatch(/^Incontro: .+ \(.+\)$/);
    expect(event.location).toBe("Museo Mille Miglia, Viale della Rimembranza 3, Brescia, tavolo " + /tavolo (\d+)/.exec(event.location)![1]);
    expect(event.description).toContain("Referente: Consul ");

    const delegationFiles = files(path.join(out, "calendar/delegations"));
    for (const f of delegationFiles) {
      const cal = new ICAL.Component(ICAL.parse(readFileSync(path.join(out, "calendar/delegations", f), "utf8")));
      for (const ve of cal.getAllSubcomponents("vevent")) {
        const e = new ICAL.Event(ve);
        expect(e.summary).toMatch(/^Meeting: .+ \((Brescia|Bergamo)\)$/);
        // A firm is named with its city, never with the delegation's own country.
        expect(e.description).toMatch(/Meeting with .+ \((Brescia|Bergamo)\)\.\nMuseo Mille Miglia, Viale della Rimembranza 3, Brescia, table \d+, \d\d:\d\d-\d\d:\d\d\.\nSectors: .+\nWebsite: www\.f\d+\.example\.it\nContact: Referente \d+, info@f\d+\.example\.it/);
        expect(e.location).toMatch(/^Museo Mille Miglia, Viale della Rimembranza 3, Brescia, table \d+$/);
      }
    }
  });

  it("agendas.html: firm pages in Italian, delegation pages in English with the firm's city, sectors, website and contact", () => {
    const html = readFileSync(path.join(out, "agendas.html"), "utf8");
    const pages = html.split('<section class="page').slice(1);
    const firms = pages.filter((p) => p.startsWith(' firm"'));
    const delegations = pages.filter((p) => p.startsWith(' delegation"'));
    expect(firms.length).toBeGreaterThan(0);
    expect(delegations.length).toBeGreaterThan(0);
    for (const p of firms) {
      expect(p).toContain('lang="it"');
      expect(p).toContain("<th>Orario</th>");
      expect(p).toContain("Sede: Museo Mille Miglia");
    }
    for (const p of delegations) {
      expect(p).toContain('lang="en"');
      expect(p).toContain("<th>Time</th>");
      expect(p).toMatch(/Thursday|Wednesday|February/);
    }
    const us = delegations.find((p) => p.includes('data-participant="delegation:US-CG"'))!;
    expect(us).toMatch(
      /<span class="details">(Brescia|Bergamo) · [^<·]+ · <a href="https:\/\/www\.f\d+\.example\.it">www\.f\d+\.example\.it<\/a> · Referente \d+, info@f\d+\.example\.it<\/span>/,
    );
  });

  it("participant CSVs: statuses in the participant's language, the other side's contact, no score", () => {
    const firm = readCsv(path.join(out, "firms/F0115.csv"));
    expect(Object.keys(firm[0]!)).not.toContain("score");
    expect(new Set(firm.map((r) => r.status))).toEqual(new Set(["incontro", "libero", "pausa"]));
    const meeting = firm.find((r) => r.status === "incontro")!;
    expect(meeting.email).toMatch(/^trade@.+\.example\.org$/);
    const delegation = readCsv(path.join(out, "delegations/US-CG.csv"));
    expect([...new Set(delegation.map((r) => r.status))].sort()).toEqual(expect.arrayContaining(["break", "meeting"]));
    const withFirm = delegation.find((r) => r.status === "meeting")!;
    expect(withFirm.country).toBe("");
    expect(withFirm.city).toMatch(/^(Brescia|Bergamo)$/);
    expect(withFirm.website).toMatch(/^www\.f\d+\.example\.it$/);
  });
});

describe("a language roadshow has no texts in", () => {
  it("gives country names and dates in that language, every other text in English", async () => {
    const { bergamo } = await import("./fixture.js");
    const { renderExports } = await import("../../src/write/exports.js");
    const input = bergamo();
    const firms = input.firms.map((f) => (f.id === "F0001" ? { ...f, lang: "de" } : f));
    const delegations = input.delegations.map((d) => (d.id === "US-CG" ? { ...d, lang: "it" } : d));
    const files = new Map(renderExports({ ...input, firms, delegations }, { lang: "en", excel: false }).map((f) => [f.path, f.content]));
    const page = files.get("agendas.html")!.split('<section class="page').find((p) => p.includes('data-participant="firm:F0001"'))!;
    expect(page).toContain('lang="de"');
    expect(page).toContain("Mittwoch, 18. März 2026");
    expect(page).toContain("<th>Time</th>");
    expect(page).toContain("Vereinigte Staaten");
    const us = files.get("agendas.html")!.split('<section class="page').find((p) => p.includes('data-participant="delegation:US-CG"'))!;
    expect(us).toContain("mercoledì 18 marzo 2026");
    expect(us).toContain("<th>Orario</th>");
    const calendar = files.get("calendar/firms/F0001.ics")!;
    expect(calendar).toContain("SUMMARY:Meeting: Consolato Generale degli Stati Uniti (Vereinigte Staaten)");
    const csv = readCsvText(files.get("firms/F0001.csv")!);
    expect(csv.find((r) => r.counterpart_id === "US-CG")).toMatchObject({ status: "meeting", country: "Vereinigte Staaten" });
    expect(readCsvText(files.get("delegations/US-CG.csv")!).map((r) => r.status)).toContain("incontro");
  });
});

function readCsvText(text: string): Rows {
  return parse(text, { columns: true, bom: true });
}
