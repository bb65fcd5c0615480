// The desk mode's routes: the board before and after the log's entries, the refill as the CLI proposes it, and located errors (no agenda, unknown stop, a bad slot, no token).
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DeskBoard } from "../../src/studio/desk-api.js";
import { runBin, startStudio, type Studio } from "./harness.js";

const STOP = "BS-2026-02";
let studio: Studio;

const call = async (method: "GET" | "POST", route: string, body?: unknown, token = true): Promise<{ status: number; json: Record<string, unknown> }> => {
  const res = await fetch(`${studio.base}${route}`, {
    method,
    headers: { ...(token && { "x-roadshow-token": studio.token }), "content-type": "application/json" },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : { text } };
};

beforeAll(async () => {
  studio = await startStudio();
}, 60_000);
afterAll(async () => {
  await studio?.stop();
});

describe("the desk mode's routes", () => {
  test("without a plan in the workspace the board says how to make one; with a token only", async () => {
    expect((await call("GET", `/api/desk?stop=${STOP}`, undefined, false)).status).toBe(403);
    const none = await call("GET", `/api/desk?stop=${STOP}`);
    expect(none.status).toBe(422);
    expect(JSON.stringify(none.json)).toContain("no-agenda");
    const unknown = await call("GET", "/api/desk?stop=XX-0000");
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.json)).toContain("unknown-stop");
  });

  test("the board follows the log; a refill through the route is the CLI's and lands in the log", async () => {
    const plan = await runBin(["--lang", "en", "schedule", studio.dataDir, "--stop", STOP, "--no-exact"]);
    expect(plan.status, plan.stderr).toBe(0);
    const first = (await call("GET", `/api/desk?stop=${STOP}`)).json as unknown as DeskBoard;
    const agenda = readFileSync(path.join(studio.dataDir, "workspace", STOP, "versions/1/agenda.csv"), "utf8").trimEnd().split("\n").slice(1);
    expect(first.meetings.length).toBe(agenda.length);
    expect(first.meetings.every((m) => m.happens)).toBe(true);
    const names = first.participants.map((p) => p.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en")));
    const m = first.meetings.find((x) => x.slot === 3)!;

    expect((await call("POST", "/api/workspace/change", { stop: STOP, kind: "noshow", participant: m.firmId, value: "3" })).status).toBe(200);
    const after = (await call("GET", `/api/desk?stop=${STOP}`)).json as unknown as DeskBoard;
    expect(after.meetings.find((x) => x.firmId === m.firmId && x.delegationId === m.delegationId)).toMatchObject({ happens: false, reason: "noshow" });
    expect(after.participants.find((p) => p.id === m.firmId)!.noShows).toEqual([3]);

    const cli = await runBin(["refill", studio.dataDir, "--stop", STOP, "--slot", "3", "--format", "json"]);
    const proposed = await call("POST", "/api/desk/refill", { stop: STOP, slot: 3, apply: false });
    expect(proposed.json).toEqual(JSON.parse(cli.stdout));
    const applied = await call("POST", "/api/desk/refill", { stop: STOP, slot: 3, apply: true });
    expect(applied.json["meetings"]).toEqual((proposed.json as { meetings: unknown }).meetings);
    const refilled = (await call("GET", `/api/desk?stop=${STOP}`)).json as unknown as DeskBoard;
    expect(refilled.meetings.filter((x) => x.refill).length).toBe((applied.json["entries"] as number[]).length);
    expect(refilled.entries).toBe(1 + (applied.json["entries"] as number[]).length);
  });

  test("a slot that is not a whole number, or not a slot of the stop, is refused", async () => {
    expect((await call("POST", "/api/desk/refill", { stop: STOP, slot: "3" })).status).toBe(422);
    const outside = await call("POST", "/api/desk/refill", { stop: STOP, slot: 99 });
    expect(outside.status).toBe(400);
    expect(String(outside.json["error"])).toContain("give 1 to 11");
  });
});
