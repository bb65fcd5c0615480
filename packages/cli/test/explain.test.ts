// `roadshow explain` end to end: why a firm of the example met one country and not another, in English, Italian and JSON.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { explainFirm, planStop } from "@roadshow/core";
import type { Schedule, StopInstance } from "@roadshow/core";
import { readDataDir, type DataSet } from "../src/read/index.js";
import { explanationText, reasonText, whyText } from "../src/text/why.js";
import { runCli } from "./run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");
const work = mkdtempSync(path.join(tmpdir(), "roadshow-explain-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = runCli;

let data: DataSet;
const plans = new Map<string, { instance: StopInstance; schedule: Schedule }>();
beforeAll(async () => {
  data = (await readDataDir(EXAMPLE, {})).data!;
  for (const stop of data.stops) {
    const instance: StopInstance = { stop, delegations: data.delegations, firms: data.firms, requests: data.requests, scores: null, history: [] };
    plans.set(stop.id, { instance, schedule: planStop(instance) });
  }
});

const country = (id: string) => data.delegations.find((d) => d.id === id)!.country;

let found: { stop: string; firm: string } | undefined;
/** The first stop and firm (by id) that met Canada but no United States delegation it could have met. */
function canadaNotUs(): { stop: string; firm: string } {
  found ??= searchCanadaNotUs();
  return found;
}

function searchCanadaNotUs(): { stop: string; firm: string } {
  for (const [stop, { instance, schedule }] of [...plans].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const firm of [...new Set(schedule.meetings.map((m) => m.firmId))].sort()) {
      const met = schedule.meetings.filter((m) => m.firmId === firm).map((m) => country(m.delegationId));
      const usFits = explainFirm(instance, schedule, firm).pairs.some((p) => p.delegation.country === "US" && p.affinity.score > 0);
      if (met.includes("CA") && !met.includes("US") && usFits) return { stop, firm };
    }
  }
  throw new Error("the example has no firm that met Canada and not the United States");
}

/** The block of lines of one delegation in a text explanation. */
const block = (text: string, delegationId: string) => text.split("\n\n").find((b) => b.startsWith(`${delegationId} `))!;

describe("roadshow explain: why Canada and not the United States", () => {
  it("answers in English and in Italian for a firm of the example that met Canada but not the US", async () => {
    const { stop, firm } = canadaNotUs();
    const en = await run("explain", EXAMPLE, "--stop", stop, "--firm", firm);
    const it_ = await run("--lang", "it", "explain", EXAMPLE, "--stop", stop, "--firm", firm);
    expect([en.code, it_.code, en.stderr, it_.stderr]).toEqual([0, 0, "", ""]);
    const usIds = data.delegations.filter((d) => d.country === "US" && (d.stops === null || d.stops.includes(stop))).map((d) => d.id);

    expect(block(en.stdout, "CA-TCS")).toMatch(/\(Canada\): score [\d.]+\n {2}.+\n {2}scheduled: slot \d+, \d\d:\d\d-\d\d:\d\d, table \d+/);
    expect(block(it_.stdout, "CA-TCS")).toMatch(/\(Canada\): punteggio [\d,]+\n {2}.+\n {2}in agenda: fascia \d+, \d\d:\d\d-\d\d:\d\d, tavolo \d+/);
    for (const id of usIds) {
      expect(block(en.stdout, id)).toMatch(/\(United States\): score [\d.]+\n {2}.+\n {2}not scheduled: \S/);
      expect(block(it_.stdout, id)).toMatch(/\(Stati Uniti\): punteggio [\d,]+\n {2}.+\n {2}non in agenda: \S/);
    }
    // At least one US delegation says who took its place and with which score.
    expect(usIds.some((id) => /lowest score preferred: [\d.]+ \(/.test(block(en.stdout, id)))).toBe(true);
    expect(usIds.some((id) => /punteggio più basso preferito: [\d,]+ \(/.test(block(it_.stdout, id)))).toBe(true);
  });

  it("explains the agenda that schedule writes, and prints JSON with --format json", async () => {
    const { stop, firm } = canadaNotUs();
    const out = path.join(work, "agenda");
    expect((await run("schedule", EXAMPLE, "--stop", stop, "--out", out)).code).toBe(0);
    const rows: Record<string, string>[] = parse(readFileSync(path.join(out, "agenda.csv")), { columns: true, bom: true });
    const ca = rows.find((r) => r.firm_id === firm && r.country === "CA")!;

    const r = await run("--format", "json", "explain", EXAMPLE, "--stop", stop, "--firm", firm, "--delegation", ca.delegation_id!);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ stop, firm, delegations: [{ delegation: ca.delegation_id, reason: "scheduled" }] });
    expect(json.delegations[0].meeting).toEqual({ slot: Number(ca.slot), start: ca.start, end: ca.end, table: Number(ca.table) });
    expect(json.delegations[0].why).toBe(ca.why);
    expect(json.delegations[0].score).toBe(Number(ca.score));
  });

  it("every firm of every stop with Canada gets a reason for every US delegation, in both languages", () => {
    let asked = 0;
    const withCanada = [...plans.values()].filter(({ instance }) => instance.delegations.some((d) => d.country === "CA" && d.stops?.includes(instance.stop.id)));
    expect(withCanada.length).toBeGreaterThan(1);
    for (const { instance, schedule } of withCanada) {
      for (const firm of instance.firms.filter((f) => f.stops.includes(instance.stop.id))) {
        const e = explainFirm(instance, schedule, firm.id);
        for (const p of e.pairs.filter((x) => x.delegation.country === "US")) {
          asked++;
          expect(p.reason === "scheduled").toBe(schedule.meetings.some((m) => m.firmId === firm.id && m.delegationId === p.delegation.id));
          expect(p.reason, `${firm.id} ${p.delegation.id}`).not.toBe("not-reached");
          for (const lang of ["en", "it"] as const) {
            expect(reasonText(p, schedule.slots, firm.maxMeetings, lang)).not.toMatch(/[{}]|undefined/);
            expect(whyText(p.affinity.parts, lang)).not.toMatch(/[{}]|undefined/);
          }
        }
        expect(explanationText(e, schedule.slots, "it")).not.toMatch(/[{}]|undefined|NaN/);
      }
    }
    expect(asked).toBeGreaterThan(100);
  });
});

describe("roadshow explain: input errors", () => {
  it("an unknown firm, a firm of another stop, a delegation not at the stop: exit code 1 with the issue", async () => {
    const unknown = await run("explain", EXAMPLE, "--stop", "BS-2026-02", "--firm", "F00455");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("unknown-firm");
    expect(unknown.stderr).toContain("did you mean");

    const elsewhere = data.firms.find((f) => !f.stops.includes("BS-2026-02"))!;
    const other = await run("explain", EXAMPLE, "--stop", "BS-2026-02", "--firm", elsewhere.id);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`${elsewhere.id} is not registered for BS-2026-02`);

    const here = data.firms.find((f) => f.stops.includes("BS-2026-02"))!;
    const absent = await run("explain", EXAMPLE, "--stop", "BS-2026-02", "--firm", here.id, "--delegation", "BR-CG");
    expect(absent.code).toBe(1);
    expect(absent.stderr).toContain("unknown-delegation");
  });
});
