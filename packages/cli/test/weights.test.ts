// parseWeights: a `--weights` file as JSON, CSV (Italian Excel too) or a workbook sheet, every bad name or value located.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_WEIGHTS } from "@roadshow/core";
import { readDataDir } from "../src/read/index.js";
import { parseWeights, readWeights } from "../src/read/weights.js";
import { runCli } from "./run-cli.js";
import { writeWorkbook } from "./openpyxl.js";

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");
const work = mkdtempSync(path.join(tmpdir(), "roadshow-weights-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = runCli;

describe("parseWeights", () => {
  it("reads a JSON object; missing names keep their defaults", () => {
    expect(parseWeights(file("w.json", '{"market": 25, "targetDecay": 0.9}'))).toEqual({
      weights: { ...DEFAULT_WEIGHTS, market: 25, targetDecay: 0.9 },
      issues: [],
    });
    expect(parseWeights(file("w.txt", '\uFEFF  {"must": 0}')).weights).toEqual({ ...DEFAULT_WEIGHTS, must: 0 });
  });

  it("reads a weight,value CSV, with ; and a decimal comma as Italian Excel saves it", () => {
    expect(parseWeights(file("w.csv", "weight,value\nmarket,25\ntarget,45.5\n")).weights).toEqual({ ...DEFAULT_WEIGHTS, market: 25, target: 45.5 });
    const excel = parseWeights(file("w.csv", "Weight;Value\r\nstop_sector_primary;50\r\ntarget-decay;0,5\r\n"));
    expect(excel.weights).toEqual({ ...DEFAULT_WEIGHTS, stopSectorPrimary: 50, targetDecay: 0.5 });
    expect(excel.issues.map((i) => [i.severity, i.code, i.line, i.column])).toEqual([["warning", "decimal-comma", 3, "Value"]]);
  });

  it("reports every unknown name, negative value and targetDecay outside (0, 1], naming the key and the line", () => {
    const r = parseWeights(file("w.csv", "weight,value\nmarkt,20\nmust,-1\ntargetDecay,1.2\ntarget,lots\nmarket,5\n"));
    expect(r.weights).toBeNull();
    expect(r.issues.map((i) => ({ code: i.code, file: i.file, line: i.line, column: i.column, value: i.value }))).toEqual([
      { code: "unknown-weight", file: "w.csv", line: 2, column: "markt", value: "20" },
      { code: "out-of-range", file: "w.csv", line: 3, column: "must", value: "-1" },
      { code: "out-of-range", file: "w.csv", line: 4, column: "targetDecay", value: "1.2" },
      { code: "bad-number", file: "w.csv", line: 5, column: "target", value: "lots" },
    ]);
    expect(r.issues[0]!.message).toContain("did you mean market?");
    for (const i of r.issues) expect(i.hint).not.toBe("");
  });

  it("reports JSON problems with no line, and a zero decay", () => {
    const r = parseWeights(file("w.json", '{"market": -3, "targetDecay": 0, "speed": 1, "must": "10"}'));
    expect(r.weights).toBeNull();
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ["out-of-range", null, "market"],
      ["out-of-range", null, "targetDecay"],
      ["unknown-weight", null, "speed"],
      ["bad-number", null, "must"],
    ]);
    expect(parseWeights(file("w.json", "[1, 2]")).issues.map((i) => i.code)).toEqual(["bad-json"]);
    expect(parseWeights(file("w.json", '{"market": 25,}')).issues.map((i) => i.code)).toEqual(["bad-json"]);
  });

  it("rejects a weight given twice and a CSV without its columns", () => {
    expect(parseWeights(file("w.csv", "weight,value\nmarket,5\nMarket,6\n")).issues.map((i) => [i.code, i.line])).toEqual([["duplicate-weight", 3]]);
    expect(parseWeights(file("w.csv", "name,points\nmarket,5\n")).weights).toBeNull();
  });

  it("reads a workbook's weights sheet (numbers as numbers, a decimal comma typed as text), locating a bad cell by sheet, row and letter", async () => {
    const good = path.join(work, "weights.xlsx");
    writeWorkbook(good, [
      { name: "Istruzioni", rows: [["Pesi della tappa di marzo"]] },
      { name: "weights", rows: [["Weight", "Value"], ["market", 25], ["target-decay", "0,5"], [], ["stop_sector_primary", { number: 50, format: "0.00" }]] },
    ]);
    const read = await readWeights(good);
    expect(read.weights).toEqual({ ...DEFAULT_WEIGHTS, market: 25, targetDecay: 0.5, stopSectorPrimary: 50 });
    expect(read.warnings.map((i) => [i.code, i.sheet, i.line, i.letter])).toEqual([["decimal-comma", "weights", 3, "B"]]);
    const bad = path.join(work, "bad-weights.xlsx");
    writeWorkbook(bad, [{ name: "Foglio1", rows: [["", "weight", "value"], ["", "markt", 20], ["", "must", -1], ["", "market", 5], ["", "Market", 6]] }]);
    await expect(readWeights(bad)).rejects.toMatchObject({
      name: "InputError",
      issues: [
        { code: "duplicate-weight", file: bad, sheet: "Foglio1", line: 5, letter: "B", value: "6" },
        { code: "unknown-weight", file: bad, sheet: "Foglio1", line: 2, letter: "B", column: "markt", value: "20" },
        { code: "out-of-range", file: bad, sheet: "Foglio1", line: 3, letter: "C", column: "must", value: "-1" },
      ],
    });
  });

  it("a missing file is an input error", async () => {
    await expect(readWeights(path.join(work, "none.json"))).rejects.toMatchObject({ name: "InputError", issues: [{ code: "missing-file" }] });
  });
});

describe("--weights on the example", () => {
  const STOP = "BS-2026-02";

  it("a heavy market weight makes more meetings with countries the firms already export to", async () => {
    const { data } = await readDataDir(EXAMPLE, {});
    const markets = new Map(data!.firms.map((f) => [f.id, new Set(f.markets)]));
    const marketMeetings = (dir: string) => {
      const rows: Record<string, string>[] = parse(readFileSync(path.join(dir, "agenda.csv")), { columns: true, bom: true });
      expect(rows.length).toBeGreaterThan(0);
      return rows.filter((r) => markets.get(r.firm_id!)?.has(r.country!)).length;
    };
    const heavy = path.join(work, "market.json");
    writeFileSync(heavy, JSON.stringify({ market: 200 }));
    const plain = await run("schedule", EXAMPLE, "--stop", STOP, "--out", path.join(work, "plain"));
    const tuned = await run("schedule", EXAMPLE, "--stop", STOP, "--out", path.join(work, "tuned"), "--weights", heavy);
    expect([plain.code, tuned.code]).toEqual([0, 0]);
    expect(marketMeetings(path.join(work, "tuned"))).toBeGreaterThan(marketMeetings(path.join(work, "plain")));
    const header = readFileSync(path.join(work, "tuned", "agenda.csv"), "utf8").split("\n")[0];
    expect(header).toBe("stop_id,date,slot,start,end,table,delegation_id,country,firm_id,firm_name,score,start_iso,end_iso,why,sequence");
    expect(readFileSync(path.join(work, "tuned", "agenda.csv"), "utf8")).toContain("already exports to");
  });

  it("score takes the same file and writes a why column; a bad file is exit code 1 naming the key", async () => {
    const weights = path.join(work, "w.csv");
    writeFileSync(weights, "weight,value\ntarget,60\n");
    const r = await run("--lang", "it", "score", EXAMPLE, "--stop", STOP, "--weights", weights);
    expect(r.code).toBe(0);
    const rows: Record<string, string>[] = parse(r.stdout, { columns: true });
    const targeted = rows.find((row) => row.why!.includes("obiettivo n. 1"))!;
    expect(Number(targeted.target)).toBe(60);
    expect(rows.every((row) => row.why !== "")).toBe(true);

    writeFileSync(weights, "weight,value\ntargt,60\n");
    const bad = await run("score", EXAMPLE, "--stop", STOP, "--weights", weights);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("[targt] error unknown-weight");
  });
});
