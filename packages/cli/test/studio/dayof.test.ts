// The day of a stop in the studio: plan, save, changes arrive, re-plan, save, mail, as the CLI would.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { EXAMPLE, runBin, startStudio, type Studio } from "./harness.js";

const STOP = "BS-2026-02";
const options = { minMeetings: 1, allowRepeats: false, timeLimitSeconds: null, history: [], scores: null, requests: null, weights: null, changes: null, outcomes: null };
type Meeting = { slot: number; table: number; firmId: string; delegationId: string };
const strip = (m: Meeting): Meeting => ({ slot: m.slot, table: m.table, firmId: m.firmId, delegationId: m.delegationId });

let studio: Studio;
let work = "";
const call = async <T>(p: string, body: unknown): Promise<T> => {
  const res = await fetch(`${studio.base}${p}`, { method: "POST", headers: { "x-roadshow-token": studio.token, "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`${p}: ${json.error}`);
  return json;
};

beforeAll(async () => {
  // Every firm gets an email, so that mail has someone to write to.
  studio = await startStudio((dir) => {
    const file = path.join(dir, "firms.csv");
    const lines = readFileSync(file, "utf8").trimEnd().split("\n");
    writeFileSync(file, `${lines.map((l, i) => (i === 0 ? `${l},email` : `${l},${l.split(",")[0]!.toLowerCase()}@example.it`)).join("\n")}\n`);
  });
  work = mkdtempSync(path.join(tmpdir(), "roadshow-dayof-"));
});
afterAll(async () => {
  await studio?.stop();
  if (work && !process.env.KEEP) rmSync(work, { recursive: true, force: true });
});

describe("the day of a stop in the studio: plan, save, changes arrive, re-plan, save as replan, mail the changed", () => {
  test("writes what `roadshow replan` writes, and mails only the participants to notify", async () => {
    const plan = await (await fetch(`${studio.base}/api/plan?stop=${STOP}&options=${encodeURIComponent(JSON.stringify(options))}`, { headers: { "x-roadshow-token": studio.token } })).text();
    const done = plan.split("\n\n").map((e) => e.replace(/^data: /, "")).filter((e) => e.startsWith("{")).map((e) => JSON.parse(e) as { type: string; desk: { meetings: Meeting[] } }).find((e) => e.type === "done")!;
    const first = await call<{ saved: boolean; as: string }>("/api/save", { stop: STOP, options, lang: "en", meetings: done.desk.meetings.map(strip), excel: false, force: false, previous: true, organizer: null });
    expect(first).toMatchObject({ saved: true, as: "schedule" });
    const sent = path.join(work, "sent-agenda.csv");
    copyFileSync(path.join(studio.outDir, STOP, "agenda.csv"), sent);

    // The day's changes arrive in the data folder; the studio reloads them.
    const version = async () => ((await (await fetch(`${studio.base}/api/data`, { headers: { "x-roadshow-token": studio.token } })).json()) as { version: number }).version;
    const before = await version();
    copyFileSync(path.join(EXAMPLE, "day-of/changes.csv"), path.join(studio.dataDir, "changes.csv"));
    await expect.poll(version, { timeout: 10_000 }).toBeGreaterThan(before);

    const opened = await call<{ meetings: Meeting[]; review: { violations: unknown[] } }>("/api/open", { stop: STOP, options, lang: "en", meetings: [], file: `out:${STOP}/agenda.csv` });
    expect(opened.review.violations.length).toBeGreaterThan(0);
    const replan = await call<{ desk: { meetings: Meeting[]; review: { violations: unknown[] } }; changes: unknown[] }>("/api/replan", { stop: STOP, options, lang: "en", meetings: opened.meetings.map(strip), locked: [], allowMoves: false });
    expect(replan.changes.length).toBeGreaterThan(0);
    expect(replan.desk.review.violations).toEqual([]);

    const body = { stop: STOP, options, lang: "en", meetings: replan.desk.meetings.map(strip), excel: false, previous: true, organizer: null };
    expect(await call<{ saved: boolean }>("/api/save", { ...body, force: false })).toMatchObject({ saved: false });
    expect(await call<{ saved: boolean; as: string }>("/api/save", { ...body, force: true })).toMatchObject({ saved: true, as: "replan" });

    const cli = path.join(work, "cli");
    const run = await runBin(["--lang", "en", "replan", studio.dataDir, "--stop", STOP, "--previous", sent, "--out", cli]);
    expect(run.status, run.stderr).toBe(0);
    for (const f of ["agenda.csv", "unmatched.csv", "changes.csv", "changes.html"]) {
      expect(readFileSync(path.join(studio.outDir, STOP, f), "utf8"), f).toBe(readFileSync(path.join(cli, f), "utf8"));
    }
    const validate = await runBin(["validate", studio.dataDir, "--agenda", path.join(studio.outDir, STOP, "agenda.csv")]);
    expect(validate.status, validate.stdout).toBe(0);

    const mailed = await call<{ output: string; sent: boolean }>(`/api/mail?lang=en`, { stop: STOP, organizer: "Confindustria Lombardia <eventi@example.it>", send: false });
    expect(mailed.sent).toBe(false);
    const changed = new Set(readFileSync(path.join(studio.outDir, STOP, "changes.csv"), "utf8").split("\n").slice(1).filter((l) => l.includes(",firm,")).map((l) => l.split(",")[2]));
    const emls = readdirSync(path.join(studio.outDir, `${STOP}-mail`, "firms")).map((f) => f.replace(/\.eml$/, ""));
    expect(emls.length).toBeGreaterThan(0);
    expect(emls.every((id) => changed.has(id)), `${emls} ⊄ ${[...changed]}`).toBe(true);
    expect(existsSync(path.join(studio.outDir, `${STOP}-mail`, "sent.csv"))).toBe(true);
  });
});
