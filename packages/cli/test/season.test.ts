// `roadshow season` end to end: every stop's files, the season report and summary, unmet asks, frozen agendas.
import { MARKER } from "../src/write/transaction.js";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planSeason, seasonReport, type SeasonPlan, type SeasonReport, type SeasonStats, type UnmetAsk } from "@roadshow/core";
import { readDataDir, type DataSet } from "../src/read/index.js";
import { formatSeasonSummary } from "../src/text/season-summary.js";
import { stopFiles } from "../src/write/stop-files.js";
import { csv, delegationRow, firmRow, stopRow } from "./read/builders.js";
import { runCli } from "./run-cli.js";

const work = mkdtempSync(path.join(tmpdir(), "roadshow-season-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const DATA = path.join(work, "data");

/**
 * Three stops of two slots, one table per delegation: US tables are scarce,
 * F3 wants Brazil (never there), F4 wants Germany but avoids it.
 */
function writeData(): void {
  mkdirSync(DATA, { recursive: true });
  const stop = (id: string, date: string) => stopRow({ stop_id: id, city: id, date, start: "14:00", end: "14:40", breaks: "" });
  writeFileSync(path.join(DATA, "stops.csv"), csv([stop("C", "2026-05-01"), stop("A", "2026-03-01"), stop("B", "2026-04-01")]));
  writeFileSync(
    path.join(DATA, "delegations.csv"),
    csv([
      delegationRow({ delegation_id: "US-CG", country: "US", tables: "1", sectors: "mechanics" }),
      delegationRow({ delegation_id: "US-AM", country: "US", tables: "1", stops: "A|B", sectors: "" }),
      delegationRow({ delegation_id: "DE-CG", country: "DE", tables: "1", sectors: "mechanics" }),
    ]),
  );
  writeFileSync(
    path.join(DATA, "firms.csv"),
    csv([
      firmRow({ firm_id: "F1", name: "Uno S.r.l.", stops: "A|B|C", targets: "US|DE", markets: "" }),
      firmRow({ firm_id: "F2", name: "Due S.r.l.", stops: "A|B|C", targets: "US", markets: "" }),
      firmRow({ firm_id: "F3", name: "Tre S.r.l.", stops: "B|C", targets: "DE|BR", markets: "" }),
      firmRow({ firm_id: "F4", name: "Quattro S.r.l.", stops: "C", targets: "US|DE", markets: "" }),
    ]),
  );
  writeFileSync(path.join(DATA, "requests.csv"), csv([{ firm_id: "F4", country: "DE", kind: "avoid" }]));
}

const run = runCli;

const out = (name: string): string => path.join(work, name);
const rows = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true, bom: true });
const files = (dir: string): string[] => (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
  .filter((e) => e.isFile() && e.name !== MARKER)
  .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
  .sort();

let data: DataSet;
let plan: SeasonPlan;
beforeAll(async () => {
  writeData();
  data = (await readDataDir(DATA)).data!;
  plan = planSeason({ ...data, history: [] });
});

describe("roadshow season", () => {
  it("writes every stop's files under its id and the season report, and prints both plans side by side", async () => {
    const { code, stdout } = await run("season", DATA, "--out", out("plain"));
    expect(code).toBe(0);
    const expected = [
      ...plan.stops.flatMap((s) => stopFiles(s.schedule, data, { lang: "en", excel: false }).map((f) => `${s.schedule.stop.id}/${f.path}`)),
      "season-countries.csv", "season-firms.csv", "season-summary.csv", "season-unmet.csv", "season.csv",
    ].sort();
    expect(files(out("plain"))).toEqual(expected);
    expect(rows(path.join(out("plain"), "season.csv")).map((r) => `${r.stop_id}:${r.firm_id}`)).toEqual([
      "A:F1", "A:F2", "B:F1", "B:F2", "B:F3", "C:F1", "C:F2", "C:F3", "C:F4",
    ]);
    const summary = Object.fromEntries(rows(path.join(out("plain"), "season-summary.csv")).map((r) => [r.measure, r]));
    expect(summary.repeats).toMatchObject({ season: "0" });
    expect(Number(summary.repeats!.independent)).toBeGreaterThan(0);
    expect(Number(summary.firm_countries!.season)).toBeGreaterThanOrEqual(Number(summary.firm_countries!.independent));
    expect(stdout).toMatch(/^Season · 3 stops planned, 0 frozen\n\s+season \*\s+independent\n/);
    expect(stdout).toMatch(/Pairs meeting more than once\s+0\s+\d+\n/);
  });

  it("reports why a firm never met a country it asked for", () => {
    const unmet = seasonReport(plan, data, []).unmet.map((u) => `${u.firm.id} ${u.country} ${u.asked} ${u.reason} ${u.stops.join("|")}`);
    expect(unmet).toContain("F3 BR target not-at-same-stop ");
    expect(unmet).toContain("F4 DE target avoided C");
  });

  it("keeps an agenda written by schedule byte for byte when it is given as frozen", async () => {
    for (const excel of [false, true]) {
      const held = out(`held-${excel}`);
      expect((await run("schedule", DATA, "--stop", "A", "--out", held, ...(excel ? ["--excel"] : []))).code).toBe(0);
      const again = out(`again-${excel}`);
      const { code, stdout } = await run("season", DATA, "--out", again, "--frozen", path.join(held, "agenda.csv"), "--from", "B");
      expect(code).toBe(0);
      expect(stdout).toContain("2 stops planned, 1 frozen");
      expect(readFileSync(path.join(again, "A", "agenda.csv"))).toEqual(readFileSync(path.join(held, "agenda.csv")));
    }
  });

  it("counts a frozen agenda as history: the stops after it repeat none of its pairs", async () => {
    const held = out("held-false");
    const { code } = await run("season", DATA, "--out", out("after"), "--frozen", path.join(held, "agenda.csv"));
    expect(code).toBe(0);
    const pairs = ["A", "B", "C"].flatMap((id) => rows(path.join(out("after"), id, "agenda.csv")).map((r) => `${r.firm_id}-${r.delegation_id}`));
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it("refuses --from when an earlier stop has no held agenda, and a frozen agenda of an unknown stop", async () => {
    const missing = await run("season", DATA, "--out", out("missing"), "--from", "C", "--frozen", path.join(out("held-false"), "agenda.csv"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("need their held agenda (--frozen <agenda.csv>): B");

    const stray = path.join(work, "stray.csv");
    writeFileSync(stray, readFileSync(path.join(out("held-false"), "agenda.csv"), "utf8").replaceAll("\nA,", "\nZ,"));
    const unknown = await run("season", DATA, "--out", out("unknown"), "--frozen", stray);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("unknown-stop: Z is not a stop_id of stops.csv");
  });

  it("writes nothing over existing files without --force (exit 4)", async () => {
    const again = await run("season", DATA, "--out", out("plain"));
    expect(again.code).toBe(4);
    expect(again.stderr).toContain("nothing was written");
    expect((await run("season", DATA, "--out", out("plain"), "--force")).code).toBe(0);
  });

  it("with --independent writes the stops planned alone and marks that column", async () => {
    const { code, stdout } = await run("--lang", "it", "season", DATA, "--out", out("alone"), "--independent");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Stagione · 3 tappe pianificate, 0 già svolte\n\s+stagione\s+indipendente \*\n/);
    const summary = Object.fromEntries(rows(path.join(out("alone"), "season-summary.csv")).map((r) => [r.measure, r]));
    const written = Object.fromEntries(rows(path.join(out("plain"), "season-summary.csv")).map((r) => [r.measure, r]));
    expect(summary).toEqual(written);
  });
});

describe("formatSeasonSummary", () => {
  /** A hand-made report: every figure is chosen here, so the test reads the formatter and nothing else. */
  const report = (stats: Partial<SeasonStats>, unmet: number): SeasonReport => ({
    stopIds: ["A", "B", "C"],
    firmStops: [],
    firms: [],
    countries: [],
    unmet: Array.from({ length: unmet }, (): UnmetAsk => ({ firm: data.firms[0]!, country: "BR", asked: "target", reason: "not-at-same-stop", stops: [] })),
    stats: { planned: 3, frozen: 0, meetings: 0, pairs: 0, firmCountries: 0, repeats: 0, firms: 0, firmsWithoutMeeting: 0, elapsedMs: 0, ...stats },
  });

  it("lines up each measure for both plans, from the reports as given", () => {
    const season = report({ meetings: 1234, firmCountries: 7, pairs: 9, firms: 4, firmsWithoutMeeting: 1, repeats: 0, elapsedMs: 12 }, 2);
    const alone = report({ meetings: 14, firmCountries: 6, pairs: 7, firms: 4, firmsWithoutMeeting: 0, repeats: 5, elapsedMs: 3456 }, 3);
    expect(formatSeasonSummary({ season, independent: alone }, "season", "out", "en", false)).toMatchInlineSnapshot(`
      "Season · 3 stops planned, 0 frozen
                                         season *  independent
      Meetings                              1,234           14
      Distinct firm–country pairs               7            6
      Distinct firm–delegation pairs            9            7
      Firms registered                          4            4
      Firms without any meeting                 1            0
      Pairs meeting more than once              0            5
      Countries asked for and never met         2            3
      Time                                  12 ms     3,456 ms
      * written to the output folder
      Report: out/season.csv, season-firms.csv, season-countries.csv, season-unmet.csv, season-summary.csv
      "
    `);
  });

  it("shows one column, without a mark, when only one plan was computed; Italian numbers", () => {
    const season = report({ meetings: 1234, frozen: 1, planned: 2, elapsedMs: 1500 }, 0);
    expect(formatSeasonSummary({ season, independent: null }, "season", "out", "it", false)).toMatchInlineSnapshot(`
      "Stagione · 2 tappe pianificate, 1 già svolte
                                           stagione
      Incontri                                 1234
      Coppie impresa–paese distinte               0
      Coppie impresa–delegazione distinte         0
      Imprese iscritte                            0
      Imprese senza alcun incontro                0
      Coppie che si incontrano più volte          0
      Paesi richiesti e mai incontrati            0
      Tempo                                 1500 ms
      Rapporto: out/season.csv, season-firms.csv, season-countries.csv, season-unmet.csv, season-summary.csv
      "
    `);
  });
});
