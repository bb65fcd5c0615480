/**
 * `roadshow replan` on the bundled example: the day-of scenario of
 * examples/lombardia-2026/day-of/changes.csv (two firms absent, US-CG from
 * 15:00, two firms afternoon-only, four walk-ins), idempotence, and errors.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyChanges, buildSlots, evaluateAgenda, scorePairs, slotsInside, type StopInstance } from "@roadshow/core";
import { readDataDir } from "../packages/cli/src/read/index.js";
import { runCli, stderrProblems as problems } from "../packages/cli/test/run-cli.js";
import { checkAgenda } from "../oracle/verify.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXAMPLE = path.join(ROOT, "examples/lombardia-2026");
const CHANGES = path.join(EXAMPLE, "day-of/changes.csv");
const STOP = "BS-2026-02";

let work: string;
let first: string;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-replan-"));
  first = path.join(work, "first");
  expect((await runCli("schedule", EXAMPLE, "--stop", STOP, "--out", first)).code).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const readCsv = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true, bom: true });
const meetingsOf = (file: string) =>
  readCsv(file).map((r) => ({ firmId: r.firm_id!, delegationId: r.delegation_id!, slot: Number(r.slot), table: Number(r.table), score: Number(r.score), sequence: Number(r.sequence) }));
const files = (dir: string): string[] =>
  existsSync(dir) ? (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[]).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name))).sort() : [];

/** The example's stop as it is on the day. */
async function dayInstance(): Promise<StopInstance> {
  const { data } = await readDataDir(EXAMPLE, { changesFile: CHANGES });
  const stop = data!.stops.find((s) => s.id === STOP)!;
  return applyChanges({ stop, delegations: data!.delegations, firms: data!.firms, requests: data!.requests, scores: null, history: [] }, data!.changes);
}

describe("roadshow replan", () => {
  it("with no change writes the previous agenda byte for byte and tells nobody", async () => {
    const out = path.join(work, "same");
    const r = await runCli("replan", EXAMPLE, "--stop", STOP, "--previous", path.join(first, "agenda.csv"), "--out", out);
    expect(problems(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    const n = meetingsOf(path.join(first, "agenda.csv")).length;
    expect(r.stdout).toContain(`${n} of ${n} meetings unchanged; 0 participants to notify`);
    expect(readFileSync(path.join(out, "agenda.csv"))).toEqual(readFileSync(path.join(first, "agenda.csv")));
    expect(readCsv(path.join(out, "changes.csv"))).toEqual([]);
    expect(files(path.join(out, "calendar/changed"))).toEqual([]);
    // The day's other files are those schedule wrote.
    for (const file of ["unmatched.csv", "grid.html", "firms/F0006.csv", "calendar/firms/F0006.ics"]) {
      expect(readFileSync(path.join(out, file)), file).toEqual(readFileSync(path.join(first, file)));
    }
  });

  it("re-plans the day-of scenario: valid, every still-valid meeting unchanged, and says who to notify", async () => {
    const out = path.join(work, "day");
    const r = await runCli("replan", EXAMPLE, "--stop", STOP, "--previous", path.join(first, "agenda.csv"), "--changes", CHANGES, "--out", out, "--min-meetings", "1");
    expect(problems(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);

    const instance = await dayInstance();
    const slots = buildSlots(instance.stop);
    const score = new Map(scorePairs(instance).map((p) => [`${p.firm.id}|${p.delegation.id}`, p.affinity.score]));
    const after = meetingsOf(path.join(out, "agenda.csv"));
    expect(checkAgenda(instance, slots, { allowRepeats: false, scoreOf: (f, d) => score.get(`${f}|${d}`) ?? 0 }, after)).toEqual([]);

    // Still valid: both there (registered, in their windows) at that slot. Capacities did not go down here.
    const before = meetingsOf(path.join(first, "agenda.csv"));
    const firm = new Map(instance.firms.filter((f) => f.stops.includes(STOP)).map((f) => [f.id, slotsInside(instance.stop, slots, f.available)]));
    const delegation = new Map(instance.delegations.filter((d) => d.stops === null || d.stops.includes(STOP)).map((d) => [d.id, slotsInside(instance.stop, slots, d.available)]));
    const valid = before.filter((m) => firm.get(m.firmId)?.[m.slot - 1] && delegation.get(m.delegationId)?.[m.slot - 1]);
    const kept = new Set(after.map((m) => `${m.firmId}|${m.delegationId}|${m.slot}|${m.table}`));
    expect(valid.filter((m) => !kept.has(`${m.firmId}|${m.delegationId}|${m.slot}|${m.table}`))).toEqual([]);
    expect(valid.length).toBeLessThan(before.length);

    // changes.csv: two rows per change; the absent firms' meetings are all cancelled.
    const rows = readCsv(path.join(out, "changes.csv"));
    const gone = before.filter((m) => m.firmId === "F0006" || m.firmId === "F0013");
    expect(gone.length).toBeGreaterThan(0);
    for (const m of gone) {
      expect(rows.filter((c) => c.participant_id === m.firmId && c.counterpart_id === m.delegationId)).toMatchObject([{ change: "cancelled", reason: "firm-absent", from_slot: String(m.slot), to_slot: "" }]);
    }
    const walkIns = rows.filter((c) => c.participant_kind === "firm" && ["F0001", "F0007", "F0033", "F0038"].includes(c.participant_id!));
    expect(walkIns.every((c) => c.change === "new" && c.reason === "walk-in")).toBe(true);
    expect(rows.filter((c) => c.participant_kind === "firm").length).toBe(rows.filter((c) => c.participant_kind === "delegation").length);
    const unchanged = before.length - new Set(rows.filter((c) => c.from_slot !== "").map((c) => `${c.participant_kind === "firm" ? c.participant_id : c.counterpart_id}|${c.participant_kind === "firm" ? c.counterpart_id : c.participant_id}`)).size;
    const notified = new Set(rows.map((c) => `${c.participant_kind}|${c.participant_id}`));
    expect(r.stdout).toContain(`${unchanged} of ${before.length} meetings unchanged; ${notified.size} participants to notify`);
    // The figures the README shows for this scenario.
    expect(r.stdout).toContain("Pairs that lost their slot re-placed: 2 of 7 (bound 2)\n137 of 150 meetings unchanged; 18 participants to notify");

    // Only the participants whose day changed get calendar/changed files; the absent firms no agenda.
    const changed = files(path.join(out, "calendar/changed")).filter((f) => !f.startsWith("cancel"));
    expect(changed).toEqual([...notified].map((p) => `${p.startsWith("firm") ? "firms" : "delegations"}/${p.split("|")[1]}.ics`).sort());
    expect(readFileSync(path.join(out, "calendar/changed/cancel/firms/F0006.ics"), "utf8")).toContain("METHOD:CANCEL");
    expect(existsSync(path.join(out, "firms/F0006.csv"))).toBe(false);
    expect(readFileSync(path.join(out, "agendas.html"), "utf8")).not.toContain("F0006");
    // A moved meeting is sent with a higher SEQUENCE.
    const seq = new Map(before.map((m) => [`${m.firmId}|${m.delegationId}`, m]));
    for (const m of after) {
      const was = seq.get(`${m.firmId}|${m.delegationId}`);
      if (was !== undefined) expect(m.sequence).toBe(was.slot === m.slot && was.table === m.table ? was.sequence : was.sequence + 1);
    }
    const html = readFileSync(path.join(out, "changes.html"), "utf8");
    expect(html).toContain(`${unchanged} of ${before.length} meetings unchanged`);
    expect(html).toContain("Automazione del Mincio");
  });

  it("re-planned into the folder of the agenda sent before (--force), leaves no agenda of an absent firm behind", async () => {
    const folder = path.join(work, "in-place");
    cpSync(first, folder, { recursive: true });
    expect(existsSync(path.join(folder, "firms/F0006.csv"))).toBe(true);
    const r = await runCli("replan", EXAMPLE, "--stop", STOP, "--previous", path.join(folder, "agenda.csv"), "--changes", CHANGES, "--out", folder, "--force");
    expect(r.code).toBe(0);
    expect(existsSync(path.join(folder, "firms/F0006.csv"))).toBe(false);
    expect(existsSync(path.join(folder, "calendar/changed/cancel/firms/F0006.ics"))).toBe(true);
    expect(readFileSync(path.join(folder, "changes.csv"), "utf8")).toContain("F0006");
  });

  it("with --allow-moves re-places at least as many pairs, stays valid and counts its moves", async () => {
    const out = path.join(work, "moves");
    const r = await runCli("replan", EXAMPLE, "--stop", STOP, "--previous", path.join(first, "agenda.csv"), "--changes", CHANGES, "--out", out, "--allow-moves");
    expect(r.code).toBe(0);
    const line = /re-placed: (\d+) of (\d+) \(bound (\d+)\); meetings moved to gain: (\d+)/.exec(r.stdout);
    expect(line, r.stdout).not.toBeNull();
    const without = /re-placed: (\d+) of/.exec((await runCli("replan", EXAMPLE, "--stop", STOP, "--previous", path.join(first, "agenda.csv"), "--changes", CHANGES, "--out", path.join(work, "no-moves"))).stdout);
    expect(Number(line![1])).toBeGreaterThanOrEqual(Number(without![1]));
    expect(Number(line![1])).toBeLessThanOrEqual(Number(line![3]));
    const instance = await dayInstance();
    const score = new Map(scorePairs(instance).map((p) => [`${p.firm.id}|${p.delegation.id}`, p.affinity.score]));
    const after = meetingsOf(path.join(out, "agenda.csv"));
    expect(checkAgenda(instance, buildSlots(instance.stop), { allowRepeats: false, scoreOf: (f, d) => score.get(`${f}|${d}`) ?? 0 }, after)).toEqual([]);
    const moved = readCsv(path.join(out, "changes.csv")).filter((c) => c.reason === "improvement" && c.participant_kind === "firm");
    expect(moved.length).toBe(Number(line![4]));
  });

  it("speaks Italian in changes.csv messages and changes.html with --lang it", async () => {
    const out = path.join(work, "it");
    const r = await runCli("--lang", "it", "replan", EXAMPLE, "--stop", STOP, "--previous", path.join(first, "agenda.csv"), "--changes", CHANGES, "--out", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\d+ incontri su \d+ invariati; \d+ partecipanti da avvisare/);
    const cancelled = readCsv(path.join(out, "changes.csv")).find((c) => c.participant_id === "F0006")!;
    expect(cancelled.message).toMatch(/^Annullato: incontro con .*: l'impresa non viene$/);
    expect(readFileSync(path.join(out, "changes.html"), "utf8")).toContain('<html lang="it">');
  });

  it("reports a bad changes.csv with file, line, column, value and a fix, and writes nothing", async () => {
    const bad = path.join(work, "bad-changes.csv");
    writeFileSync(bad, "stop_id,participant_id,status,available,tables,representatives,note\nBS-2026-02,F0006,gone,,,,\nBS-2026-02,US-CG,,15.00-18:00,,,\nBS-2026-02,F0006,absent,,3,,\n");
    const out = path.join(work, "bad");
    const r = await runCli("replan", EXAMPLE, "--stop", STOP, "--previous", path.join(first, "agenda.csv"), "--changes", bad, "--out", out);
    expect(r.code).toBe(1);
    for (const where of [`${bad}:2`, "status", "gone", `${bad}:3`, "15.00-18:00", "write 15:00-18:00", `${bad}:4`, "tables"]) expect(r.stderr).toContain(where);
    expect(existsSync(out)).toBe(false);
  });

  it("every command honours changes.csv: schedule, score, explain, validate, export", async () => {
    const out = path.join(work, "changed");
    const r = await runCli("schedule", EXAMPLE, "--stop", STOP, "--changes", CHANGES, "--out", out);
    expect(r.code).toBe(0);
    const planned = meetingsOf(path.join(out, "agenda.csv"));
    expect(planned.some((m) => m.firmId === "F0006" || m.firmId === "F0013")).toBe(false);
    expect(planned.some((m) => m.firmId === "F0033")).toBe(true);
    expect(existsSync(path.join(out, "firms/F0006.csv"))).toBe(false);

    const scores = await runCli("score", EXAMPLE, "--stop", STOP, "--changes", CHANGES);
    expect(scores.stdout).not.toContain("F0006,");
    expect(scores.stdout).toContain("F0033,");
    const explain = await runCli("explain", EXAMPLE, "--stop", STOP, "--firm", "F0033", "--changes", CHANGES);
    expect(explain.code).toBe(0);

    // The first agenda breaks the day's rules (absent firms, US-CG before 15:00); validate and export say so.
    const v = await runCli("validate", EXAMPLE, "--agenda", path.join(first, "agenda.csv"), "--changes", CHANGES);
    expect(v.code).toBe(1);
    expect(v.stdout).toContain("firm-absent");
    expect(v.stdout).toContain("delegation-absent");
    expect((await runCli("validate", EXAMPLE, "--agenda", path.join(out, "agenda.csv"), "--changes", CHANGES)).code).toBe(0);
    const e = await runCli("export", path.join(first, "agenda.csv"), EXAMPLE, "--changes", CHANGES, "--out", path.join(work, "export"));
    expect(e.code).toBe(0);
    expect(e.stderr).toContain("warning firm-absent");
  });

  it("passes --no-balance on: after musts and K, the score alone (at least as high, and the days less even)", async () => {
    const previous = path.join(work, "unbalanced");
    expect((await runCli("schedule", EXAMPLE, "--stop", STOP, "--out", previous, "--no-balance")).code).toBe(0);
    const day = await dayInstance();
    const run = async (name: string, ...flags: string[]): Promise<{ score: number; balance: number; agenda: string }> => {
      const out = path.join(work, name);
      const r = await runCli("replan", EXAMPLE, "--stop", STOP, "--previous", path.join(previous, "agenda.csv"), "--changes", CHANGES, "--out", out, ...flags);
      expect(r.code).toBe(0);
      const meetings = meetingsOf(path.join(out, "agenda.csv"));
      return {
        score: meetings.reduce((sum, m) => sum + m.score, 0),
        balance: evaluateAgenda(day, meetings).stats.levels.balance,
        agenda: readFileSync(path.join(out, "agenda.csv"), "utf8"),
      };
    };
    const balanced = await run("nb-balanced");
    const scoreOnly = await run("nb-score", "--no-balance");
    // The flag reaches the core: another agenda, scoring at least as much; where it scores more, the balanced
    // agenda paid for a strictly higher balance level (both are optimal in their own order), so the days are less even.
    expect(scoreOnly.agenda).not.toBe(balanced.agenda);
    expect(scoreOnly.score).toBeGreaterThanOrEqual(balanced.score - 1e-6);
    if (scoreOnly.score > balanced.score + 1e-6) expect(balanced.balance).toBeGreaterThan(scoreOnly.balance);
    else expect(balanced.balance).toBeGreaterThanOrEqual(scoreOnly.balance);
  });

  it("refuses a previous agenda of another stop, naming it", async () => {
    const r = await runCli("replan", EXAMPLE, "--stop", "BG-2026-03", "--previous", path.join(first, "agenda.csv"), "--out", path.join(work, "other"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("other-stop");
    expect(r.stderr).toContain("is an agenda of BS-2026-02, not of BG-2026-03");
  });
});
