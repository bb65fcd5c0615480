/**
 * The built `roadshow` binary on the bundled example, as an organiser runs it.
 * `pnpm test` builds before testing; run `pnpm build` first when running this file alone.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSlots } from "@roadshow/core";
import { parse } from "csv-parse/sync";
import { readDataDir } from "../packages/cli/src/read/index.js";
import { checkAgenda } from "../oracle/verify.js";
import { scorePairs } from "@roadshow/core";
import { rmSync } from "node:fs";
import { stderrProblems } from "../packages/cli/test/run-cli.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "packages/cli/dist/bin.js");
const EXAMPLE = path.join(ROOT, "examples/lombardia-2026");
const STOP = "BS-2026-02";

let work: string;
beforeAll(() => {
  expect(existsSync(BIN), "run `pnpm build` first").toBe(true);
  work = mkdtempSync(path.join(tmpdir(), "roadshow-e2e-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: "en_GB.UTF-8" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

const readCsv = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true, bom: true });

describe("roadshow schedule on the example", () => {
  it("plans the first stop, prints the summary and writes a valid agenda", async () => {
    const out = path.join(work, "first");
    const r = run("schedule", EXAMPLE, "--stop", STOP, "--out", out);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    for (const label of ["Meetings scheduled", "Firms with at least one meeting", "Must requests met", "Total score", "Upper bound", "Gap", "Time"]) {
      expect(r.stdout).toContain(label);
    }
    const header = readFileSync(path.join(out, "agenda.csv"), "utf8").split("\n")[0];
    expect(header!.split(",").slice(0, 11).join(",")).toBe("stop_id,date,slot,start,end,table,delegation_id,country,firm_id,firm_name,score");

    const { data } = await readDataDir(EXAMPLE, {});
    const stop = data!.stops.find((s) => s.id === STOP)!;
    const instance = { stop, delegations: data!.delegations, firms: data!.firms, requests: data!.requests, scores: null, history: [] };
    const score = new Map(scorePairs(instance).map((p) => [`${p.firm.id}|${p.delegation.id}`, p.affinity.score]));
    const meetings = readCsv(path.join(out, "agenda.csv")).map((row) => ({
      firmId: row.firm_id!, delegationId: row.delegation_id!, slot: Number(row.slot), table: Number(row.table), score: Number(row.score),
    }));
    expect(meetings.length).toBeGreaterThan(0);
    const violations = checkAgenda(instance, buildSlots(stop), { allowRepeats: false, scoreOf: (f, d) => score.get(`${f}|${d}`) ?? 0 }, meetings);
    expect(violations).toEqual([]);

    const v = run("validate", EXAMPLE, "--agenda", path.join(out, "agenda.csv"));
    expect(v.code).toBe(0);
    expect(v.stdout).toContain("obey every hard rule");
  });

  it("reports firms by number of meetings, idle gaps and what balance costs, in the summary and summary.html, as the agenda has them", () => {
    const out = path.join(work, "report");
    const r = run("schedule", EXAMPLE, "--stop", STOP, "--out", out);
    expect(r.code).toBe(0);
    const rows = readCsv(path.join(out, "agenda.csv"));
    // From agenda.csv: meetings per firm (registered firms without any count as 0) and the idle gaps of each side.
    const registered = readCsv(path.join(EXAMPLE, "firms.csv")).filter((f) => f.stops!.split("|").includes(STOP)).length;
    const perFirm = new Map<string, number>();
    for (const m of rows) perFirm.set(m.firm_id!, (perFirm.get(m.firm_id!) ?? 0) + 1);
    const byCount = new Map<number, number>([[0, registered - perFirm.size]]);
    for (const n of perFirm.values()) byCount.set(n, (byCount.get(n) ?? 0) + 1);
    const histogram = [...byCount].filter(([, firms]) => firms > 0).sort((a, b) => a[0] - b[0]).map(([n, firms]) => `${n} × ${firms}`).join(", ");
    const gaps = (key: "firm_id" | "delegation_id"): { gaps: number; idle: number } => {
      const busy = new Map<string, Set<number>>();
      for (const m of rows) busy.set(m[key]!, (busy.get(m[key]!) ?? new Set()).add(Number(m.slot)));
      let count = 0;
      let idle = 0;
      for (const slots of busy.values()) {
        const sorted = [...slots].sort((a, b) => a - b);
        for (let t = sorted[0]! + 1; t < sorted.at(-1)!; t++) {
          if (slots.has(t)) continue;
          idle++;
          if (slots.has(t - 1)) count++;
        }
      }
      return { gaps: count, idle };
    };
    const firms = gaps("firm_id");
    const delegations = gaps("delegation_id");
    const gapsText = `Idle gaps between meetings: firms ${firms.gaps} (${firms.idle} free slots), delegations ${delegations.gaps} (${delegations.idle})`;
    // B2BSP's fairness: the most and fewest gaps of any firm, on the rows written.
    const gapsPerFirm = [...new Set(rows.map((m) => m.firm_id!))].map((id) => {
      const sorted = [...new Set(rows.filter((m) => m.firm_id === id).map((m) => Number(m.slot)))].sort((a, b) => a - b);
      return sorted.filter((t, i) => i > 0 && t !== sorted[i - 1]! + 1).length;
    });
    const [most, fewest] = [Math.max(...gapsPerFirm), Math.min(...gapsPerFirm)];
    const fairnessText = `Gap fairness (B2BSP): most gaps of a firm ${most}, fewest ${fewest}, spread ${most - fewest}`;
    const score = rows.reduce((sum, m) => sum + Number(m.score), 0);
    const balance = /^Balance costs ([\d.]+)% of the score \(best score without balance: ([\d,.]+)\)$/m.exec(r.stdout);
    expect(r.stdout).toContain(`Firms by number of meetings: ${histogram}\n`);
    expect(r.stdout).toContain(`${gapsText}\n`);
    expect(r.stdout).toContain(`${fairnessText}\n`);
    expect(balance).not.toBeNull();
    const unbalanced = Number(balance![2]!.replaceAll(",", ""));
    expect(unbalanced).toBeGreaterThanOrEqual(score - 0.01);
    expect(Number(balance![1])).toBeCloseTo((100 * (unbalanced - score)) / unbalanced, 1);
    // The page the organiser keeps says the same.
    const page = readFileSync(path.join(out, "summary.html"), "utf8");
    for (const line of [`Firms by number of meetings: ${histogram}`, gapsText, balance![0]!.replace(/\d\.\d\d\)$/, ""), fairnessText]) expect(page).toContain(line);
    // Without balance: the best score without balance is what the unbalanced agenda scores, and nothing is said about balance.
    const plain = run("schedule", EXAMPLE, "--stop", STOP, "--out", path.join(work, "report-plain"), "--no-balance");
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain("Balance costs");
    expect(plain.stdout).toContain(`Total score: ${balance![2]}\n`);
  });

  it("gives byte-identical files for the same input", () => {
    const a = path.join(work, "a");
    const b = path.join(work, "b");
    expect(run("schedule", EXAMPLE, "--stop", STOP, "--out", a).code).toBe(0);
    expect(run("schedule", EXAMPLE, "--stop", STOP, "--out", b).code).toBe(0);
    for (const file of ["agenda.csv", "unmatched.csv"]) {
      expect(readFileSync(path.join(a, file))).toEqual(readFileSync(path.join(b, file)));
    }
  });

  it("never overwrites without --force (exit 4: the environment refused)", () => {
    const out = path.join(work, "keep");
    expect(run("schedule", EXAMPLE, "--stop", STOP, "--out", out).code).toBe(0);
    writeFileSync(path.join(out, "agenda.csv"), "earlier agenda\n");
    const again = run("schedule", EXAMPLE, "--stop", STOP, "--out", out);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain("--force");
    expect(readFileSync(path.join(out, "agenda.csv"), "utf8")).toBe("earlier agenda\n");
    expect(run("schedule", EXAMPLE, "--stop", STOP, "--out", out, "--force").code).toBe(0);
    expect(readFileSync(path.join(out, "agenda.csv"), "utf8")).not.toBe("earlier agenda\n");
  });

  it("reports bad input with file, line and column, exits 1 and writes nothing", () => {
    const data = path.join(work, "broken");
    cpSync(EXAMPLE, data, { recursive: true });
    const stops = readFileSync(path.join(data, "stops.csv"), "utf8").split("\n");
    stops[1] = stops[1]!.replace("14:00", "9.30");
    writeFileSync(path.join(data, "stops.csv"), stops.join("\n"));
    const out = path.join(work, "never");
    const r = run("schedule", data, "--stop", STOP, "--out", out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/stops\.csv:2/);
    expect(r.stderr).toContain("9.30");
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 on a usage error", () => {
    const r = run("schedule", EXAMPLE, "--out", path.join(work, "usage"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--stop");
  });

  it("writes --organizer as ORGANIZER on every calendar event, and rejects one that is not an address", () => {
    const out = path.join(work, "organizer");
    const r = run("schedule", EXAMPLE, "--stop", STOP, "--out", out, "--organizer", "Confindustria Lombardia <eventi@example.it>");
    expect(r.code).toBe(0);
    const ics = readFileSync(path.join(out, "calendar", "delegations", "ES-ICEX.ics"), "utf8");
    const events = ics.match(/BEGIN:VEVENT/g)!.length;
    expect(ics.match(/^ORGANIZER;CN=Confindustria Lombardia:mailto:eventi@example\.it\r$/gm)?.length).toBe(events);
    const bad = run("schedule", EXAMPLE, "--stop", STOP, "--out", path.join(work, "organizer-bad"), "--organizer", "eventi at example.it");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Name <email>");
    expect(existsSync(path.join(work, "organizer-bad"))).toBe(false);
  });
});

describe("roadshow validate", () => {
  it("lists each violation with its agenda line and exits 1", () => {
    const out = path.join(work, "violated");
    expect(run("schedule", EXAMPLE, "--stop", STOP, "--out", out).code).toBe(0);
    const lines = readFileSync(path.join(out, "agenda.csv"), "utf8").trimEnd().split("\n");
    // Line 3 becomes a second meeting of line 2's pair at the same time and table.
    lines[2] = lines[1]!;
    writeFileSync(path.join(out, "agenda.csv"), `${lines.join("\n")}\n`);
    const r = run("validate", EXAMPLE, "--agenda", path.join(out, "agenda.csv"));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/agenda\.csv:2,3 .*repeated-pair/);
  });
});

describe("roadshow score", () => {
  it("writes scores.csv columns first, with the parts", () => {
    const file = path.join(work, "scores.csv");
    expect(run("score", EXAMPLE, "--stop", STOP, "--out", file).code).toBe(0);
    const rows = readCsv(file);
    expect(Object.keys(rows[0]!).slice(0, 3)).toEqual(["firm_id", "delegation_id", "score"]);
    const parts = ["stop_sector", "delegation_sector", "target", "market", "must", "external"];
    for (const row of rows) {
      const sum = parts.reduce((s, p) => s + Number(row[p]), 0);
      expect(sum).toBeCloseTo(Number(row.score), 6);
    }
    // Fed back, it plans; its zero scores leave many firms no delegation, each a warning (captured, not printed).
    const fed = run("schedule", EXAMPLE, "--stop", STOP, "--scores", file, "--out", path.join(work, "fed-back"));
    expect(fed.code).toBe(0);
    expect(fed.stderr).toMatch(/0 errors, \d+ warnings/);
  });
});
