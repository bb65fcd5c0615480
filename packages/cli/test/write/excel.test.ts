/**
 * `--excel`: numbers with a decimal comma and nothing a spreadsheet with an Italian locale
 * reads as text; the CLI's own readers read the files back without loss.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAgenda, parseDataSet, readDataDir } from "../../src/read/index.js";
import { csvNumber, toCsv } from "../../src/write/csv.js";
import { runCli } from "../run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../../examples/lombardia-2026");
const STOP = "BS-2026-02";

let work: string;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-excel-"));
  for (const [dir, excel] of [["plain", false], ["excel", true]] as const) {
    const flags = excel ? ["--excel"] : [];
    const plan = await runCli("--lang", "it", "schedule", EXAMPLE, "--stop", STOP, "--out", path.join(work, dir), ...flags);
    expect(plan.code, plan.stderr).toBe(0);
    const score = await runCli("score", EXAMPLE, "--stop", STOP, "--out", path.join(work, dir, "scores.csv"), ...flags);
    expect(score.code, score.stderr).toBe(0);
  }
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const csvFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".csv"))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
const cells = (content: string, delimiter: string): string[][] => parse(content, { bom: true, delimiter });

describe("csvNumber", () => {
  it("writes a decimal comma with excel, a point without; never a thousands separator or an exponent", () => {
    expect(csvNumber(39.2, { excel: true })).toBe("39,2");
    expect(csvNumber(39.2, { excel: false })).toBe("39.2");
    expect(csvNumber(1234, { excel: true })).toBe("1234");
    expect(csvNumber(1234.5, { excel: true })).toBe("1234,5");
    expect(csvNumber(0.1 + 0.2, { excel: false })).toBe("0.3");
    expect(csvNumber(-0.0000001, { excel: false })).toBe("0");
    expect(csvNumber(1e-6, { excel: true })).toBe("0,000001");
    expect(csvNumber(123456789012, { excel: true })).toBe("123456789012");
  });
  it("does not neutralise negative numbers (a spreadsheet would read '-5 as text), but does neutralise text", () => {
    expect(toCsv(["a", "b"], [[-5.5, "-5"]], { excel: true })).toBe("\uFEFFa;b\r\n-5,5;'-5\r\n");
  });
});

describe("--excel on the example", () => {
  it("writes no number with a decimal point, and no number a spreadsheet would take as text", () => {
    const files = csvFiles(path.join(work, "excel"));
    expect(files).toEqual(csvFiles(path.join(work, "plain")));
    let decimals = 0;
    for (const f of files) {
      const content = readFileSync(path.join(work, "excel", f), "utf8");
      expect(content.startsWith("\uFEFF"), f).toBe(true);
      for (const row of cells(content, ";").slice(1)) {
        for (const cell of row) {
          // 39.2 or 1.234 would be text (or a date) to Italian Excel; '12 is text by design only for formulas.
          expect(cell, `${f}: ${cell}`).not.toMatch(/^[+-]?\d+\.\d+$/);
          expect(cell, `${f}: ${cell}`).not.toMatch(/^'[+-]?\d/);
          if (/^-?\d+,\d+$/.test(cell)) decimals++;
        }
      }
    }
    expect(decimals).toBeGreaterThan(100);
  });

  it("agenda.csv round-trips: the same meetings and scores as the plain dialect, read without warnings", () => {
    const read = (dir: string) => parseAgenda({ name: "agenda.csv", bytes: readFileSync(path.join(work, dir, "agenda.csv")) });
    const plain = read("plain");
    const excel = read("excel");
    expect(excel.issues).toEqual([]);
    expect(excel.rows!.length).toBeGreaterThan(100);
    expect(excel.rows!.some((r) => !Number.isInteger(r.score))).toBe(true);
    expect(excel.rows!.map(({ line: _, ...r }) => r)).toEqual(plain.rows!.map(({ line: _, ...r }) => r));
  });

  it("scores.csv round-trips: fed back as --scores it holds the same scores", async () => {
    const { data } = await readDataDir(EXAMPLE, {});
    expect(data).not.toBeNull();
    const scoresOf = (dir: string) => {
      const bytes = readFileSync(path.join(work, dir, "scores.csv"));
      const files = (name: string) => ({ name, bytes: readFileSync(path.join(EXAMPLE, name)) });
      const parsed = parseDataSet({
        stops: files("stops.csv"),
        delegations: files("delegations.csv"),
        firms: files("firms.csv"),
        scores: { name: "scores.csv", bytes },
      });
      expect(parsed.issues.filter((i) => i.severity === "error")).toEqual([]);
      return parsed.data!.scores!;
    };
    const excel = scoresOf("excel");
    expect(excel.length).toBeGreaterThan(500);
    expect(excel.some((s) => !Number.isInteger(s.score))).toBe(true);
    expect(excel).toEqual(scoresOf("plain"));
  });
});
