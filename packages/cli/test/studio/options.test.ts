// The studio's Plan view takes every planning option of the command line (balance and exact included): saving its plan writes the bytes `roadshow schedule` writes with the same flags.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runBin, startStudio, type Studio } from "./harness.js";

const STOP = "BS-2026-02";
type Meeting = { slot: number; table: number; firmId: string; delegationId: string };
const strip = (m: Meeting): Meeting => ({ slot: m.slot, table: m.table, firmId: m.firmId, delegationId: m.delegationId });
const DEFAULTS = { minMeetings: 1, allowRepeats: false, balance: true, exact: true, timeLimitSeconds: null, history: [], scores: null, requests: null, weights: null, changes: null, outcomes: null };

let studio: Studio;
let work = "";
const headers = (): Record<string, string> => ({ "x-roadshow-token": studio.token, "content-type": "application/json" });
const ask = async (method: "GET" | "POST", p: string, body?: unknown): Promise<{ status: number; text: string }> => {
  const res = await fetch(`${studio.base}${p}`, { method, headers: headers(), ...(body !== undefined && { body: JSON.stringify(body) }) });
  return { status: res.status, text: await res.text() };
};
const call = async <T>(p: string, body: unknown): Promise<T> => {
  const res = await ask("POST", p, body);
  if (res.status >= 400) throw new Error(`${p}: ${res.text}`);
  return JSON.parse(res.text) as T;
};

/** Plans the stop in the studio with `options` and saves it into the studio's output folder; returns the agenda.csv written. */
async function planAndSave(options: typeof DEFAULTS): Promise<string> {
  const stream = (await ask("GET", `/api/plan?stop=${STOP}&options=${encodeURIComponent(JSON.stringify(options))}`)).text;
  const events = stream.split("\n\n").map((e) => e.replace(/^data: /, "")).filter((e) => e.startsWith("{")).map((e) => JSON.parse(e) as { type: string; desk?: { meetings: Meeting[] }; message?: string });
  const done = events.find((e) => e.type === "done");
  if (done?.desk === undefined) throw new Error(`the plan did not finish: ${JSON.stringify(events.at(-1))}`);
  const saved = await call<{ saved: boolean; as: string }>("/api/save", { stop: STOP, options, lang: "en", meetings: done.desk.meetings.map(strip), excel: false, force: true, previous: false, organizer: null });
  expect(saved).toMatchObject({ saved: true, as: "schedule" });
  return readFileSync(path.join(studio.outDir, STOP, "agenda.csv"), "utf8");
}

/** `roadshow schedule` of the studio's data with `flags`; returns its agenda.csv. */
async function cliAgenda(name: string, flags: readonly string[]): Promise<string> {
  const out = path.join(work, name);
  const run = await runBin(["--lang", "en", "schedule", studio.dataDir, "--stop", STOP, "--out", out, ...flags]);
  expect(run.status, run.stderr).toBe(0);
  return readFileSync(path.join(out, "agenda.csv"), "utf8");
}

beforeAll(async () => {
  studio = await startStudio();
  work = mkdtempSync(path.join(tmpdir(), "roadshow-studio-options-"));
});
afterAll(async () => {
  await studio?.stop();
  if (work && !process.env.KEEP) rmSync(work, { recursive: true, force: true });
});

describe("the studio plans with the command line's options", () => {
  test("balance off and exact off reach the solver: the saved agenda is the one of schedule --no-balance --no-exact, and differs from the balanced one", async () => {
    const balanced = await planAndSave(DEFAULTS);
    expect(balanced).toBe(await cliAgenda("balanced", []));
    const unbalanced = await planAndSave({ ...DEFAULTS, balance: false, exact: false });
    expect(unbalanced).toBe(await cliAgenda("unbalanced", ["--no-balance", "--no-exact"]));
    expect(unbalanced).not.toBe(balanced);
  });

  test("a page that sends no balance or exact (an older page) plans as the defaults", async () => {
    const { balance: _b, exact: _e, ...older } = DEFAULTS;
    const stream = (await ask("GET", `/api/plan?stop=${STOP}&options=${encodeURIComponent(JSON.stringify(older))}`)).text;
    expect(stream).toContain('"type":"done"');
  });

  test("a balance that is not true or false is refused", async () => {
    const res = await ask("POST", "/api/check", { stop: STOP, options: { ...DEFAULTS, balance: "no" }, lang: "en", meetings: [] });
    expect(res.status).toBe(400);
    expect(res.text).toContain("balance");
  });
});
