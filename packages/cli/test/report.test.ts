/**
 * Checks `roadshow report` on two planned stops of the example against figures recomputed here from the files alone
 * (agenda.csv, outcomes.csv, answers.csv, stops.csv, delegations.csv, firms.csv): booked, held and not held overall,
 * per country, per sector and per slot, table use, firms per number of meetings, meetings per firm, unmet asks and follow-up answers.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");
const STOPS = ["BS-2026-02", "BG-2026-03"];
type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(readFileSync(file), { columns: true, bom: true });

let work: string;
let data: string;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-report-"));
  data = path.join(work, "data");
  cpSync(EXAMPLE, data, { recursive: true });
  rmSync(path.join(data, "day-of"), { recursive: true });
  for (const stop of STOPS) {
    const r = await runCli("schedule", data, "--stop", stop, "--out", path.join(work, stop), "--no-exact");
    expect(r.code, r.stderr).toBe(0);
  }
  // Every 7th meeting a no-show, every 5th answered by its firm (outcome cycling the scale), every 6th by its delegation.
  const outcomes = ["stop_id,firm_id,delegation_id,held,follow_up"];
  const answers = ["stop_id,firm_id,delegation_id,respondent_id,rating,outcome"];
  const scale = ["no-contact", "in-contact", "negotiating", "agreement"];
  for (const stop of STOPS) {
    readCsv(path.join(work, stop, "agenda.csv")).forEach((m, i) => {
      if (i % 7 === 3) outcomes.push(`${stop},${m.firm_id},${m.delegation_id},no,`);
      if (i % 5 === 1) answers.push(`${stop},${m.firm_id},${m.delegation_id},${m.firm_id},${1 + (i % 5)},${scale[i % 4]}`);
      if (i % 6 === 2) answers.push(`${stop},${m.firm_id},${m.delegation_id},${m.delegation_id},,in contatto`);
    });
  }
  writeFileSync(path.join(data, "outcomes.csv"), `${outcomes.join("\n")}\n`);
  writeFileSync(path.join(data, "answers.csv"), `${answers.join("\n")}\n`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const windows = (cell: string): [number, number][] => (cell === "" ? [] : cell.split("|").map((w) => w.split("-").map((x) => minutes(x.trim())) as [number, number]));

/** The figures of report.csv recomputed from the files, as `section|group|measure` → value. */
function recompute(stopIds: readonly string[]): Map<string, number | null> {
  const stops = readCsv(path.join(data, "stops.csv"));
  const delegations = readCsv(path.join(data, "delegations.csv"));
  const firms = readCsv(path.join(data, "firms.csv"));
  const requests = readCsv(path.join(data, "requests.csv"));
  const noShows = new Set(readCsv(path.join(data, "outcomes.csv")).filter((o) => o.held === "no").map((o) => `${o.stop_id}|${o.firm_id}|${o.delegation_id}`));
  const answers = readCsv(path.join(data, "answers.csv")).filter((a) => stopIds.includes(a.stop_id!));
  const out = new Map<string, number | null>();
  const add = (key: string, by: number): void => void out.set(key, ((out.get(key) as number | undefined) ?? 0) + by);
  const perFirm = new Map<string, number>();
  const met = new Map<string, Set<string>>();
  const offered = new Map<string, Set<string>>();
  let tableSlots = 0;
  for (const stopId of stopIds) {
    const stop = stops.find((s) => s.stop_id === stopId)!;
    const len = Number(stop.slot_minutes);
    const slots: number[] = [];
    for (let t = minutes(stop.start!); t + len <= minutes(stop.end!); ) {
      const brk = windows(stop.breaks!).find(([a, b]) => t < b && t + len > a);
      if (brk) t = brk[1];
      else { slots.push(t); t += len + Number(stop.gap_minutes); }
    }
    const here = delegations.filter((d) => d.stops === "" || d.stops!.split("|").includes(stopId));
    for (const d of here) tableSlots += Number(d.tables) * slots.filter((s) => windows(d.available!).length === 0 || windows(d.available!).some(([a, b]) => a <= s && s + len <= b)).length;
    for (const f of firms.filter((f) => f.stops!.split("|").includes(stopId))) {
      if (!perFirm.has(f.firm_id!)) perFirm.set(f.firm_id!, 0);
      const o = offered.get(f.firm_id!) ?? new Set();
      for (const d of here) o.add(d.country!);
      offered.set(f.firm_id!, o);
    }
    for (const m of readCsv(path.join(work, stopId, "agenda.csv"))) {
      const held = !noShows.has(`${stopId}|${m.firm_id}|${m.delegation_id}`);
      const sector = firms.find((f) => f.firm_id === m.firm_id)!.sectors!.split("|")[0]!;
      for (const [section, group] of [["total", "all"], ["country", m.country!], ["sector", sector], ["time", m.start!]] as const) {
        add(`${section}|${group}|booked`, 1);
        add(`${section}|${group}|held`, held ? 1 : 0);
        add(`${section}|${group}|not_held`, held ? 0 : 1);
      }
      perFirm.set(m.firm_id!, (perFirm.get(m.firm_id!) ?? 0) + 1);
      if (held) met.set(m.firm_id!, (met.get(m.firm_id!) ?? new Set()).add(m.country!));
    }
  }
  for (const [key, booked] of [...out].filter(([k]) => k.endsWith("|booked"))) {
    const base = key.slice(0, -"booked".length);
    out.set(`${base}not_held_percent`, Math.round((1000 * (out.get(`${base}not_held`) as number)) / (booked as number)) / 10);
  }
  out.set("tables|all|table_slots", tableSlots);
  out.set("tables|all|use_booked_percent", Math.round((1000 * (out.get("total|all|booked") as number)) / tableSlots) / 10);
  out.set("tables|all|use_held_percent", Math.round((1000 * (out.get("total|all|held") as number)) / tableSlots) / 10);
  const most = Math.max(...perFirm.values());
  for (let n = 0; n <= most; n++) out.set(`firms|${n}|firms`, [...perFirm.values()].filter((x) => x === n).length);
  let unmet = 0;
  for (const firmId of perFirm.keys()) {
    const f = firms.find((x) => x.firm_id === firmId)!;
    const asked = new Set([...f.targets!.split("|").filter(Boolean), ...requests.filter((r) => r.firm_id === firmId && r.kind === "must").map((r) => r.country!)]);
    for (const c of asked) if (!met.get(firmId)?.has(c)) unmet++;
  }
  out.set("unmet|all|unmet", unmet);
  out.set("followup|all|answers", answers.length);
  const words: Record<string, string> = { "in contatto": "in-contact" };
  for (const o of ["no-contact", "in-contact", "negotiating", "agreement"]) out.set(`followup|${o}|outcome`, answers.filter((a) => (words[a.outcome!] ?? a.outcome) === o).length);
  const ratings = answers.filter((a) => a.rating !== "").map((a) => Number(a.rating));
  out.set("followup|all|ratings", ratings.length);
  out.set("followup|all|mean_rating", ratings.length === 0 ? null : Math.round((100 * ratings.reduce((a, b) => a + b, 0)) / ratings.length) / 100);
  return out;
}

function figures(file: string): Map<string, number | null> {
  return new Map(readCsv(file).map((r) => [`${r.section}|${r.group}|${r.measure}`, r.value === "" ? null : Number(r.value)]));
}

describe("roadshow report", () => {
  it("reports one stop with every figure recomputed from the files", async () => {
    const out = path.join(work, "report-bs");
    const r = await runCli("report", data, "--stop", STOPS[0]!, "--agenda", path.join(work, STOPS[0]!, "agenda.csv"), "--out", out);
    expect(r.code, r.stderr).toBe(0);
    const got = figures(path.join(out, "report.csv"));
    const want = recompute([STOPS[0]!]);
    expect(Object.fromEntries(got)).toEqual(Object.fromEntries(want));
    expect((got.get("total|all|not_held") ?? 0) > 0).toBe(true);
    expect(readCsv(path.join(out, "unmet.csv")).length).toBe(want.get("unmet|all|unmet"));
    // Meetings per firm: every firm registered for the stop, booked and held counted on agenda.csv and outcomes.csv.
    const agenda = readCsv(path.join(work, STOPS[0]!, "agenda.csv"));
    const noShows = new Set(readCsv(path.join(data, "outcomes.csv")).filter((o) => o.held === "no").map((o) => `${o.stop_id}|${o.firm_id}|${o.delegation_id}`));
    const registered = readCsv(path.join(data, "firms.csv")).filter((f) => f.stops!.split("|").includes(STOPS[0]!)).map((f) => f.firm_id!).sort();
    const perFirm = registered.map((id) => {
      const mine = agenda.filter((m) => m.firm_id === id);
      const held = mine.filter((m) => !noShows.has(`${STOPS[0]}|${m.firm_id}|${m.delegation_id}`)).length;
      return [id, mine.length, held, mine.length - held];
    });
    expect(readCsv(path.join(out, "meetings-per-firm.csv")).map((r) => [r.firm_id, Number(r.booked), Number(r.held), Number(r.not_held)])).toEqual(perFirm);
    const it = readFileSync(path.join(out, "report.it.html"), "utf8");
    const en = readFileSync(path.join(out, "report.en.html"), "utf8");
    expect(it).toContain("Per paese");
    expect(en).toContain("By country");
    expect(en).toContain("<svg");
  });

  it("reports the season over both stops and each stop in its own folder", async () => {
    const out = path.join(work, "report-season");
    const r = await runCli("report", data, "--agenda", path.join(work, STOPS[0]!, "agenda.csv"), "--agenda", path.join(work, STOPS[1]!, "agenda.csv"), "--out", out);
    expect(r.code, r.stderr).toBe(0);
    expect(Object.fromEntries(figures(path.join(out, "report.csv")))).toEqual(Object.fromEntries(recompute(STOPS)));
    expect(Object.fromEntries(figures(path.join(out, STOPS[1]!, "report.csv")))).toEqual(Object.fromEntries(recompute([STOPS[1]!])));
  });

  it("refuses a report with no agenda, naming the way to make one", async () => {
    const r = await runCli("report", data, "--stop", "MB-2026-05", "--out", path.join(work, "none"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("no-agenda");
  });
});
