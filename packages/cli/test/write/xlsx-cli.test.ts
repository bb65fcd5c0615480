// --xlsx on the commands: schedule writes agenda.xlsx beside the CSVs, validate and replan take it back as the agenda, season writes season.xlsx and each stop's agenda.xlsx (read by openpyxl).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readWorkbookIndependently } from "../openpyxl.js";
import { runCli } from "../run-cli.js";
import { readAgendaFile, type AgendaRow } from "../../src/read/index.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../../examples/lombardia-2026");
const STOP = "BS-2026-02";
const work = mkdtempSync(path.join(tmpdir(), "roadshow-xlsx-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("--xlsx", () => {
  const out = path.join(work, "schedule");
  it("schedule writes agenda.xlsx in the stop's folder, in --lang", async () => {
    const r = await runCli("--lang", "it", "schedule", EXAMPLE, "--stop", STOP, "--out", out, "--xlsx");
    expect(r.code, r.stderr).toBe(0);
    const sheets = readWorkbookIndependently(path.join(out, "agenda.xlsx"));
    expect(sheets.map((s) => s.name)).toEqual(["Agenda", "Imprese", "Delegazioni", "Non abbinate", "Riepilogo"]);
    expect(existsSync(path.join(out, "agenda.csv"))).toBe(true);
  });

  it("validate and replan read agenda.xlsx as the agenda", async () => {
    const v = await runCli("validate", EXAMPLE, "--stop", STOP, "--agenda", path.join(out, "agenda.xlsx"));
    expect(v.code, v.stderr).toBe(0);
    const re = path.join(work, "replan");
    const r = await runCli("replan", EXAMPLE, "--stop", STOP, "--previous", path.join(out, "agenda.xlsx"), "--out", re, "--xlsx");
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(re, "agenda.xlsx"))).toBe(true);
    // Nothing changed: the agenda is written back as the same meetings, and as CSV (never the workbook's bytes under agenda.csv).
    expect(readFileSync(path.join(re, "agenda.csv"), "utf8").startsWith("stop_id,")).toBe(true);
    const strip = (rows: readonly AgendaRow[] | null) => rows?.map(({ line: _line, ...r }) => r);
    expect(strip((await readAgendaFile(path.join(re, "agenda.csv"))).rows)).toEqual(strip((await readAgendaFile(path.join(out, "agenda.csv"))).rows));
  });

  it("season writes season.xlsx and each stop's agenda.xlsx", async () => {
    const season = path.join(work, "season");
    const r = await runCli("season", EXAMPLE, "--out", season, "--xlsx", "--no-compare", "--time-limit", "5");
    expect(r.code, r.stderr).toBe(0);
    const sheets = readWorkbookIndependently(path.join(season, "season.xlsx"));
    expect(sheets.map((s) => s.name)).toEqual(["Firm × stop", "Firms", "Countries", "Unmet requests", "Season summary"]);
    expect(existsSync(path.join(season, STOP, "agenda.xlsx"))).toBe(true);
  });
});
