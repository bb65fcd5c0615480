/** The day-of log through `roadshow change`: numbered entries, undo, re-entry after a kill, located refusals, and the stop's lock. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findStop, load } from "../src/read/load.js";
import { deriveDay } from "../src/workspace/day.js";
import { readLog } from "../src/workspace/log.js";
import { lockStop, stopPaths } from "../src/workspace/store.js";
import { runCli } from "./run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");
const STOP = "BS-2026-02";
let data: string;
beforeEach(() => {
  data = path.join(mkdtempSync(path.join(tmpdir(), "roadshow-log-")), "data");
  cpSync(EXAMPLE, data, { recursive: true });
});
afterEach(() => rmSync(path.dirname(data), { recursive: true, force: true }));

const change = (...args: string[]) => runCli("change", data, "--stop", STOP, ...args);
const logFile = () => stopPaths(data, STOP).log;

async function day() {
  const loaded = await load({ dataDir: data });
  const stop = findStop(loaded.data, STOP, data);
  return deriveDay(loaded, stop, readLog(logFile()), logFile());
}

describe("roadshow change", () => {
  it("numbers entries 1, 2, 3 and prints the number", async () => {
    const a = await change("absent", "F0006");
    const b = await change("arrives", "US-CG", "15:00");
    const c = await change("window", "F0002", "16:00-18:00");
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(a.stdout).toMatch(/^Entry 1 /);
    expect(b.stdout).toMatch(/^Entry 2 /);
    expect(c.stdout).toMatch(/^Entry 3 /);
    const entries = readLog(logFile());
    expect(entries.map((e) => [e.entry, e.kind, e.participantId, e.value])).toEqual([
      [1, "absent", "F0006", ""], [2, "arrives", "US-CG", "15:00"], [3, "window", "F0002", "16:00-18:00"],
    ]);
    const d = await day();
    expect(d.instance.firms.find((f) => f.id === "F0006")!.stops).not.toContain(STOP);
    expect(d.instance.delegations.find((x) => x.id === "US-CG")!.available).toEqual([{ start: 15 * 60, end: 18 * 60 }]);
    expect(d.instance.firms.find((f) => f.id === "F0002")!.available).toEqual([{ start: 16 * 60, end: 18 * 60 }]);
  });

  it("arrives and leaves narrow the windows the participant has at that point of the log", async () => {
    await change("window", "F0002", "14:00-17:00");
    await change("arrives", "F0002", "15:00");
    await change("leaves", "F0002", "16:20");
    expect((await day()).instance.firms.find((f) => f.id === "F0002")!.available).toEqual([{ start: 15 * 60, end: 16 * 60 + 20 }]);
  });

  it("undo takes an entry back, and undoing the undo brings it back", async () => {
    await change("absent", "F0006");
    await change("present", "F0001");
    expect((await change("undo", "1")).stdout).toMatch(/^Entry 3 /);
    let d = await day();
    expect(d.instance.firms.find((f) => f.id === "F0006")!.stops).toContain(STOP);
    expect(d.instance.firms.find((f) => f.id === "F0001")!.stops).toContain(STOP);
    const again = await change("undo", "1");
    expect(again.code).toBe(0);
    expect(readLog(logFile())).toHaveLength(3); // re-entering the last entry adds nothing
    await change("absent", "F0013");
    const twice = await change("undo", "1");
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("error already-undone");
    await change("undo", "3");
    d = await day();
    expect(d.instance.firms.find((f) => f.id === "F0006")!.stops).not.toContain(STOP);
  });

  it("re-entering the log's last entry (a re-run after a kill) adds nothing and answers its number", async () => {
    await change("absent", "F0006");
    const again = await change("absent", "F0006");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Entry 1 /);
    expect(readLog(logFile())).toHaveLength(1);
  });

  it("refuses an unknown id with exit 1, located in the file it was looked for, with a suggestion; nothing written", async () => {
    const r = await change("absent", "F006");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path.join(data, "firms.csv"));
    expect(r.stderr).toContain("unknown-participant");
    expect(r.stderr).toContain("F006");
    const t = await change("tables", "F0001", "2");
    expect(t.code).toBe(1);
    expect(t.stderr).toContain(path.join(data, "delegations.csv"));
    const c = await change("cancel", "F0001", "XX-NOPE");
    expect(c.code).toBe(1);
    expect(readLog(logFile())).toEqual([]);
  });

  it("refuses values that do not apply: a time outside the session, a bad window, a bad number, an undo of nothing", async () => {
    const cases: [string[], string][] = [
      [["arrives", "US-CG", "19:00"], "no-time-left"], [["arrives", "US-CG", "9.30"], "bad-time"], [["window", "F0002", "16-18"], "bad-window"],
      [["tables", "US-CG", "0"], "out-of-range"], [["undo", "4"], "bad-entry"], [["arrives", "F0001", "15:00"], "not-at-stop"],
    ];
    for (const [args, code] of cases) {
      const r = await change(...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr, args.join(" ")).toContain(`error ${code}`);
    }
    expect((await change("arrives", "US-CG")).code).toBe(2);
    expect((await change("launch", "US-CG")).code).toBe(2);
    expect(readLog(logFile())).toEqual([]);
  });

  it("locates a hand-edited log's problems at their line and column", async () => {
    await change("absent", "F0006");
    const good = readFileSync(logFile(), "utf8");
    writeFileSync(logFile(), `${good}2,2026-02-25T09:00:00Z,anna,arrives,F9999,15:00,\n3,2026-02-25T09:01:00Z,anna,absent,F0013,now,\n`);
    const r = await change("absent", "F0017");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${logFile()}:3 [participant_id] error unknown-participant`);
    expect(r.stderr).toContain(`${logFile()}:4 [value] error unexpected-value`);
    writeFileSync(logFile(), `${good}3,2026-02-25T09:00:00Z,anna,absent,F0013,,\n`);
    const gap = await change("absent", "F0017");
    expect(gap.code).toBe(1);
    expect(gap.stderr).toContain(`${logFile()}:3 [entry] error bad-entry`);
  });

  it("refuses a second writer on the stop with exit 4, naming the holder", async () => {
    const release = lockStop(stopPaths(data, STOP));
    try {
      const r = await change("absent", "F0006");
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`pid ${process.pid}`);
    } finally {
      release();
    }
    expect((await change("absent", "F0006")).code).toBe(0);
  });
});
