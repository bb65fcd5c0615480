// The studio on the stop's workspace: its "to notify" is `roadshow status`'s not_told (whom `send` mails), its changes are log entries, versions and sends are the CLI's.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lockStop, stopPaths } from "../../src/workspace/store.js";
import { readLog } from "../../src/workspace/log.js";
import { runCli } from "../run-cli.js";
import { smtpSink } from "../../../../test/mail-fixture.js";
import { startStudio, type Studio } from "./harness.js";

const STOP = "BS-2026-02";
let studio: Studio;
let sink: Awaited<ReturnType<typeof smtpSink>>;

beforeAll(async () => {
  sink = await smtpSink();
  studio = await startStudio((dir) => {
    for (const [file, domain] of [["firms.csv", "firms"], ["delegations.csv", "delegations"]] as const) {
      const lines = readFileSync(path.join(dir, file), "utf8").trimEnd().split("\n");
      writeFileSync(path.join(dir, file), `${lines.map((l, i) => (i === 0 ? `${l},email` : `${l},${l.split(",")[0]!.toLowerCase()}@${domain}.example`)).join("\n")}\n`);
    }
  }, undefined, ["--smtp", sink.url]);
});
afterAll(async () => {
  await studio?.stop();
  await sink?.close();
});

/** POSTs a JSON body with the session token; throws with the studio's error when it refuses. */
async function post<T>(to: Studio, p: string, body: unknown): Promise<T> {
  const res = await fetch(`${to.base}${p}`, { method: "POST", headers: { "x-roadshow-token": to.token, "content-type": "application/json", connection: "close" }, body: JSON.stringify(body) });
  const json = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(`${p}: ${json.error}`);
  return json;
}

const status = async () => {
  const res = await fetch(`${studio.base}/api/workspace?stop=${STOP}`, { headers: { "x-roadshow-token": studio.token } });
  expect(res.status).toBe(200);
  return (await res.json()) as { current: number; not_told: string[]; log: { entries: number } };
};
const cliStatus = async () => JSON.parse((await runCli("status", studio.dataDir, "--stop", STOP, "--format", "json")).stdout).stops[0] as { not_told: string[] };

describe("the studio on the workspace", () => {
  test("plans, takes changes as log entries, re-plans, and lists to notify exactly whom send mails", async () => {
    await post(studio, "/api/workspace/plan", { stop: STOP, kind: "schedule" });
    let s = await status();
    expect(s.current).toBe(1);
    expect(s.not_told).toEqual((await cliStatus()).not_told);
    const dry = await post<{ output: string }>(studio, "/api/workspace/send", { stop: STOP, organizer: "Eventi <eventi@example.it>", dryRun: true });
    expect(dry.output).toContain(`${s.not_told.length} messages would be written`);

    const added = await post<{ output: string }>(studio, "/api/workspace/change", { stop: STOP, kind: "absent", participant: "F0006", note: "from the studio" });
    expect(added.output).toMatch(/^Entry 1 /);
    expect(readLog(stopPaths(studio.dataDir, STOP).log).map((e) => [e.kind, e.participantId, e.note])).toEqual([["absent", "F0006", "from the studio"]]);
    const cli = await runCli("change", studio.dataDir, "--stop", STOP, "arrives", "US-CG", "15:00");
    expect(cli.stdout).toMatch(/^Entry 2 /);
    await post(studio, "/api/workspace/plan", { stop: STOP, kind: "replan" });
    s = await status();
    expect(s.current).toBe(2);
    expect(s.log.entries).toBe(2);
    expect(s.not_told).toEqual((await cliStatus()).not_told);
  });

  test("refuses an unknown id (422, located) and a change while another writer holds the stop (409, naming it)", async () => {
    const res = await fetch(`${studio.base}/api/workspace/change`, { method: "POST", headers: { "x-roadshow-token": studio.token, "content-type": "application/json" }, body: JSON.stringify({ stop: STOP, kind: "absent", participant: "F9999" }) });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { issues: { code: string; file: string }[] };
    expect(body.issues[0]).toMatchObject({ code: "unknown-participant", file: path.join(studio.dataDir, "firms.csv") });
    const release = lockStop(stopPaths(studio.dataDir, STOP));
    try {
      const held = await fetch(`${studio.base}/api/workspace/change`, { method: "POST", headers: { "x-roadshow-token": studio.token, "content-type": "application/json" }, body: JSON.stringify({ stop: STOP, kind: "absent", participant: "F0013" }) });
      expect(held.status).toBe(409);
      expect(((await held.json()) as { error: string }).error).toContain(`pid ${process.pid}`);
    } finally {
      release();
    }
  });
  test("locks a meeting as a log entry, and its Send mails exactly whom it listed to notify, through the CLI's send", async () => {
    const before = await status();
    expect(before.not_told.length).toBeGreaterThan(0);
    const agenda = (await fetch(`${studio.base}/api/workspace?stop=${STOP}`, { headers: { "x-roadshow-token": studio.token } }).then((r) => r.json()) as { versions: { version: number; agenda: string }[]; current: number });
    const file = agenda.versions.find((v) => v.version === agenda.current)!.agenda;
    const [header, first] = readFileSync(file, "utf8").split("\n");
    const cell = (name: string) => first!.split(",")[header!.split(",").indexOf(name)]!;
    const locked = await post<{ output: string }>(studio, "/api/workspace/change", { stop: STOP, kind: "lock", participant: cell("firm_id"), value: cell("delegation_id") });
    expect(locked.output).toMatch(/^Entry \d+ /);
    expect(readLog(stopPaths(studio.dataDir, STOP).log).at(-1)).toMatchObject({ kind: "lock", participantId: cell("firm_id"), value: `${cell("delegation_id")}|${cell("slot")}|${cell("table")}` });

    const sent = await post<{ output: string; sent: boolean }>(studio, "/api/workspace/send", { stop: STOP, organizer: "Eventi <eventi@example.it>", dryRun: false });
    expect(sent.sent).toBe(true);
    const emails = (ids: readonly string[]) => ids.map((id) => `${id.toLowerCase()}@${/^F\d/.test(id) ? "firms" : "delegations"}.example`).sort();
    expect(sink.received.map((m) => m.to.join(",")).sort()).toEqual(emails(before.not_told));
    expect((await status()).not_told).toEqual([]);
    expect((await cliStatus()).not_told).toEqual([]);
    // The CLI's send after the studio's finds nobody left to tell.
    const again = await runCli("send", studio.dataDir, "--stop", STOP, "--organizer", "Eventi <eventi@example.it>", "--smtp", sink.url);
    expect(again.code, again.stderr).toBe(0);
    expect(sink.received.length).toBe(before.not_told.length);
  });
});
