// The studio's Save with its --xlsx box writes agenda.xlsx beside the CSVs, the same bytes `roadshow schedule --xlsx` writes, in the page's language.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { readWorkbookIndependently } from "../openpyxl.js";
import { runBin, startStudio, type Studio } from "./harness.js";

const STOP = "BS-2026-02";
type Meeting = { slot: number; table: number; firmId: string; delegationId: string };
const OPTIONS = { minMeetings: 1, allowRepeats: false, balance: true, exact: true, timeLimitSeconds: null, history: [], scores: null, requests: null, weights: null, changes: null, outcomes: null };

let studio: Studio;
let work = "";
const headers = (): Record<string, string> => ({ "x-roadshow-token": studio.token, "content-type": "application/json" });

beforeAll(async () => {
  studio = await startStudio();
  work = mkdtempSync(path.join(tmpdir(), "roadshow-studio-xlsx-"));
});
afterAll(async () => {
  await studio?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the studio's Save with --xlsx", () => {
  test("writes agenda.xlsx as schedule --xlsx does, byte for byte", async () => {
    const stream = await (await fetch(`${studio.base}/api/plan?stop=${STOP}&options=${encodeURIComponent(JSON.stringify(OPTIONS))}`, { headers: headers() })).text();
    const events = stream.split("\n\n").map((e) => e.replace(/^data: /, "")).filter((e) => e.startsWith("{")).map((e) => JSON.parse(e) as { type: string; desk?: { meetings: Meeting[] } });
    const done = events.find((e) => e.type === "done");
    expect(done?.desk).toBeDefined();
    const meetings = done!.desk!.meetings.map(({ slot, table, firmId, delegationId }) => ({ slot, table, firmId, delegationId }));
    const body = { stop: STOP, options: OPTIONS, lang: "it", meetings, excel: false, force: true, previous: false, organizer: null, xlsx: true };
    const res = await fetch(`${studio.base}/api/save`, { method: "POST", headers: headers(), body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ saved: true, as: "schedule" });
    const saved = path.join(studio.outDir, STOP, "agenda.xlsx");
    expect(existsSync(saved)).toBe(true);

    const out = path.join(work, "cli");
    const run = await runBin(["--lang", "it", "schedule", studio.dataDir, "--stop", STOP, "--out", out, "--xlsx"]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(saved).equals(readFileSync(path.join(out, "agenda.xlsx")))).toBe(true);
    expect(readWorkbookIndependently(saved).map((s) => s.name)).toEqual(["Agenda", "Imprese", "Delegazioni", "Non abbinate", "Riepilogo"]);
  });
});
