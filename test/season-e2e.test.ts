/**
 * The built `roadshow season` on the bundled example, as an organiser runs it.
 * `pnpm test` builds before testing; run `pnpm build` first when running this file alone.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stderrProblems } from "../packages/cli/test/run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "packages/cli/dist/bin.js");
const EXAMPLE = path.join(ROOT, "examples/lombardia-2026");

let work: string;
beforeAll(() => {
  expect(existsSync(BIN), "run `pnpm build` first").toBe(true);
  work = mkdtempSync(path.join(tmpdir(), "roadshow-season-e2e-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const readCsv = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true, bom: true });

describe("roadshow season on the example", () => {
  it("plans all nine stops without a repeated pair and beats planning each stop alone", () => {
    const out = path.join(work, "season");
    const r = spawnSync(process.execPath, [BIN, "season", EXAMPLE, "--out", out], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: "en_GB.UTF-8" } });
    // No warning: the only lines allowed are the progress of a stop that took over a second (a loaded machine).
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Season · 9 stops planned, 0 frozen");

    const stops = readCsv(path.join(EXAMPLE, "stops.csv")).map((s) => s.stop_id!).sort();
    const folders = readdirSync(out, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(folders).toEqual(stops);
    expect(stops).toHaveLength(9);

    // Counted from the agendas themselves, not from the summary.
    const pairs = stops.flatMap((id) => readCsv(path.join(out, id, "agenda.csv")).map((m) => `${m.firm_id}|${m.delegation_id}`));
    expect(pairs.length).toBeGreaterThan(0);
    expect(new Set(pairs).size).toBe(pairs.length);

    const summary = Object.fromEntries(readCsv(path.join(out, "season-summary.csv")).map((m) => [m.measure!, { season: Number(m.season), independent: Number(m.independent) }]));
    expect(summary.meetings!.season).toBe(pairs.length);
    expect(summary.repeats!.season).toBe(0);
    expect(summary.repeats!.independent).toBeGreaterThan(0);
    expect(summary.firm_countries!.season).toBeGreaterThan(summary.firm_countries!.independent);
    // Como and Cremona are oversubscribed: planned alone, late joiners lose out at both; the season serves them.
    expect(summary.firms_without_meeting!.season).toBeLessThan(summary.firms_without_meeting!.independent);
    expect(summary.unmet!.season).toBeLessThan(summary.unmet!.independent);

    const firmStops = readCsv(path.join(out, "season.csv"));
    expect(firmStops.reduce((sum, row) => sum + Number(row.meetings), 0)).toBe(pairs.length);
  });
});
