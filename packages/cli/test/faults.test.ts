/**
 * Regression tests for issue 15 (faults, load and round trips), through the
 * whole CLI in process: DST nights round-trip, edited times are caught with
 * their line, wrong command lines and refusing environments get their exit code.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, delegationRow, firmRow, stopRow } from "./read/builders.js";
import { runCli, stderrProblems } from "./run-cli.js";

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-faults-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const NIGHT = "RM-2026-10";

/** A stop on the fall-back night (03:00 CEST becomes 02:00 CET), a second stop, 12 firms and 2 delegations. */
function writeData(dir: string, firms = 12, idOf = (i: number) => `F${String(i + 1).padStart(2, "0")}`): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "stops.csv"), csv([
    stopRow({ stop_id: NIGHT, city: "Roma", date: "2026-10-25", start: "01:00", end: "04:00", breaks: "" }),
    stopRow({ stop_id: "MI-2026-11", city: "Milano", date: "2026-11-18", breaks: "" }),
  ]));
  writeFileSync(path.join(dir, "delegations.csv"), csv([
    delegationRow({ tables: "2", sectors: "mechanics" }),
    delegationRow({ delegation_id: "DE-CG", country: "DE", name: "Generalkonsulat", tables: "1", sectors: "mechanics" }),
  ]));
  writeFileSync(path.join(dir, "firms.csv"), csv(Array.from({ length: firms }, (_, i) => firmRow({
    firm_id: idOf(i), name: `Firm ${i + 1} S.r.l.`, stops: `${NIGHT}|MI-2026-11`, targets: "US|DE", markets: "",
  }))));
  return dir;
}

const agendaRows = (file: string): string[][] => readFileSync(file, "utf8").trim().split("\n").map((l) => l.split(","));

describe("a fall-back DST night (2026-10-25, 01:00-04:00 Europe/Rome)", () => {
  it("writes slot 6 as 02:40-02:00 with its instants, and accepts its own agenda in validate, export, --history and --previous", async () => {
    const data = writeData(path.join(work, "dst"));
    const out = path.join(work, "dst-out");
    const r = await runCli("schedule", data, "--stop", NIGHT, "--out", out);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    const agenda = path.join(out, "agenda.csv");
    const [header, ...rows] = agendaRows(agenda);
    expect(header!.slice(11, 13)).toEqual(["start_iso", "end_iso"]);
    const sixth = rows.find((row) => row[2] === "6")!;
    expect(sixth.slice(3, 5)).toEqual(["02:40", "02:00"]);
    expect(sixth.slice(11, 13)).toEqual(["2026-10-25T02:40+02:00", "2026-10-25T02:00+01:00"]);
    expect(rows.find((row) => row[2] === "7")!.slice(11, 13)).toEqual(["2026-10-25T02:00+01:00", "2026-10-25T02:20+01:00"]);

    const validate = await runCli("validate", data, "--agenda", agenda);
    expect(validate.stdout + validate.stderr).toContain("obey every hard rule");
    expect(validate.code).toBe(0);
    expect((await runCli("export", agenda, data, "--out", path.join(work, "dst-export"))).code).toBe(0);
    const next = await runCli("schedule", data, "--stop", "MI-2026-11", "--out", path.join(work, "dst-next"), "--history", agenda);
    expect(stderrProblems(next.stderr)).toEqual([]);
    expect(next.code).toBe(0);
    const again = await runCli("schedule", data, "--stop", NIGHT, "--out", out, "--previous", agenda, "--force");
    expect(stderrProblems(again.stderr)).toEqual([]);
    expect(again.code).toBe(0);
  });
});

describe("an edited agenda", () => {
  const data = () => writeData(path.join(work, "edit"));

  it("is checked against its slots: a moved start, a changed date and a slot that does not exist are errors with their line", async () => {
    const dir = data();
    const out = path.join(work, "edit-out");
    expect((await runCli("schedule", dir, "--stop", NIGHT, "--out", out)).code).toBe(0);
    const lines = readFileSync(path.join(out, "agenda.csv"), "utf8").split("\n");
    const edited = path.join(work, "edited.csv");
    const cells = (i: number) => lines[i]!.split(",");
    const moved = cells(1).map((c, k) => (k === 3 ? "03:40" : k === 4 ? "04:00" : c)); // times of slot 12, slot kept
    const redated = cells(2).map((c, k) => (k === 1 ? "2026-10-26" : c));
    const nowhere = cells(3).map((c, k) => (k === 2 ? "40" : c));
    writeFileSync(edited, [lines[0], moved.join(","), redated.join(","), nowhere.join(","), ...lines.slice(4)].join("\n"));
    const r = await runCli("validate", dir, "--agenda", edited);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${edited}:2 [start] error slot-mismatch: the meeting starts at 03:40, but slot ${cells(1)[2]} is`);
    expect(r.stderr).toContain("write slot 12 (03:40-04:00)");
    expect(r.stderr).toContain(`${edited}:3 [date] error date-mismatch`);
    expect(r.stderr).toContain(`${edited}:4 [slot] error unknown-slot`);
    // export refuses it instead of silently putting the meeting back in its slot.
    const exported = await runCli("export", edited, dir, "--out", path.join(work, "edit-export"));
    expect(exported.code).toBe(1);
    expect(existsSync(path.join(work, "edit-export"))).toBe(false);
  });

  it("still has its rule violations reported when another row cannot be read", async () => {
    const dir = data();
    const out = path.join(work, "edit-out-2");
    expect((await runCli("schedule", dir, "--stop", NIGHT, "--out", out)).code).toBe(0);
    const lines = readFileSync(path.join(out, "agenda.csv"), "utf8").trim().split("\n");
    const broken = lines[1]!.split(",").map((c, k) => (k === 5 ? "x" : c)).join(",");
    // Line 3 holds the firm of line 4 in line 4's slot: the firm is in two meetings at once.
    const clash = lines[3]!.split(",").map((c, k) => (k === 8 ? lines[2]!.split(",")[8]! : k === 2 || k === 3 || k === 4 || k >= 11 ? lines[2]!.split(",")[k]! : c));
    const edited = path.join(work, "edited-2.csv");
    writeFileSync(edited, [lines[0], broken, lines[2], clash.join(","), ...lines.slice(4)].join("\n"));
    const r = await runCli("validate", dir, "--agenda", edited);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${edited}:2 [table] error bad-number`);
    expect(r.stdout).toMatch(new RegExp(`${edited.replaceAll(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:3,4 error \\S+`));
    expect(r.stdout).toMatch(/; 1 problem in the file itself|; \d+ problems in the file itself/);
  });
});

describe("command lines", () => {
  const dir = () => writeData(path.join(work, "cli"));

  it.each([
    [["--stop", NIGHT, "--stop", "MI-2026-11"], "--stop is given more than once"],
    [["--stop", NIGHT, "--time-limit", "0x10"], "0x10"],
    [["--stop", NIGHT, "--min-meetings", ""], "whole number"],
    [["--stop", NIGHT, "--time-limit", "1e3"], "1e3"],
  ])("%j is a usage error (exit 2)", async (args, message) => {
    const r = await runCli("schedule", dir(), ...args, "--out", path.join(work, "never"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(existsSync(path.join(work, "never"))).toBe(false);
  });

  it("refuses --out that is empty or would replace an input (exit 2), leaving the input as it was", async () => {
    const data = dir();
    const firms = readFileSync(path.join(data, "firms.csv"));
    expect((await runCli("schedule", data, "--stop", NIGHT, "--out", "")).code).toBe(2);
    const over = await runCli("schedule", data, "--stop", NIGHT, "--out", data, "--force");
    expect(over.code).toBe(2);
    expect(over.stderr).toContain("is an input of this run");
    const parent = await runCli("schedule", data, "--stop", NIGHT, "--out", path.dirname(data), "--force");
    expect(parent.code).toBe(2);
    const score = await runCli("score", data, "--stop", NIGHT, "--out", path.join(data, "firms.csv"), "--force");
    expect(score.code).toBe(2);
    expect(readFileSync(path.join(data, "firms.csv"))).toEqual(firms);
    expect(readdirSync(data).sort()).toEqual(["delegations.csv", "firms.csv", "stops.csv"]);
  });

  it("refuses --previous of another stop and --history holding the planned stop's own agenda (exit 1)", async () => {
    const data = dir();
    const night = path.join(work, "cli-night");
    expect((await runCli("schedule", data, "--stop", NIGHT, "--out", night)).code).toBe(0);
    const agenda = path.join(night, "agenda.csv");
    const previous = await runCli("schedule", data, "--stop", "MI-2026-11", "--out", path.join(work, "cli-mi"), "--previous", agenda);
    expect(previous.code).toBe(1);
    expect(previous.stderr).toContain("other-stop");
    const own = await runCli("schedule", data, "--stop", NIGHT, "--out", path.join(work, "cli-own"), "--history", agenda);
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/:2 \[stop_id\] error own-history: .*--previous/s);
    expect(existsSync(path.join(work, "cli-mi")) || existsSync(path.join(work, "cli-own"))).toBe(false);
  });

  it("refuses FIRMS.CSV beside firms.csv", async () => {
    const data = writeData(path.join(work, "case"));
    writeFileSync(path.join(data, "FIRMS.CSV"), readFileSync(path.join(data, "firms.csv")));
    const r = await runCli("validate", data);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("duplicate-file");
  });
});

describe("the output folder", () => {
  it("exits 4 when it exists without --force, is a file, or is a dangling link (replaced only with --force)", async () => {
    const data = writeData(path.join(work, "env"));
    const out = path.join(work, "env-out");
    expect((await runCli("schedule", data, "--stop", NIGHT, "--out", out)).code).toBe(0);
    const again = await runCli("schedule", data, "--stop", NIGHT, "--out", out);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain("--force");
    const file = path.join(work, "env-file");
    writeFileSync(file, "mine");
    const onFile = await runCli("schedule", data, "--stop", NIGHT, "--out", file, "--force");
    expect(onFile.code).toBe(4);
    expect(onFile.stderr).toContain("is a file, not a folder");
    expect(onFile.stderr).not.toMatch(/EEXIST|EACCES: EACCES/);
    const link = path.join(work, "env-link");
    symlinkSync(path.join(work, "nowhere"), link);
    expect((await runCli("schedule", data, "--stop", NIGHT, "--out", link)).code).toBe(4);
    expect((await runCli("schedule", data, "--stop", NIGHT, "--out", link, "--force")).code).toBe(0);
    expect(existsSync(path.join(link, "agenda.csv"))).toBe(true);
  });

  it("loses the files of a removed firm on a --force re-run (no stale files), and keeps nothing beside it", async () => {
    const data = writeData(path.join(work, "stale"));
    const out = path.join(work, "stale-out");
    expect((await runCli("schedule", data, "--stop", NIGHT, "--out", out)).code).toBe(0);
    expect(existsSync(path.join(out, "firms", "F12.csv"))).toBe(true);
    writeData(data, 11);
    expect((await runCli("schedule", data, "--stop", NIGHT, "--out", out, "--force")).code).toBe(0);
    expect(existsSync(path.join(out, "firms", "F12.csv"))).toBe(false);
    expect(existsSync(path.join(out, "calendar", "firms", "F12.ics"))).toBe(false);
    expect(readdirSync(work).filter((e) => e.startsWith(".stale-out"))).toEqual([]);
  });

  it("writes firms with 240-character ids under short file names", async () => {
    const data = writeData(path.join(work, "long"), 4, (i) => `F${i}${"x".repeat(239)}`);
    const out = path.join(work, "long-out");
    const r = await runCli("schedule", data, "--stop", NIGHT, "--out", out);
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    const names = readdirSync(path.join(out, "calendar", "firms"));
    expect(names).toHaveLength(4);
    expect(Math.max(...names.map((n) => n.length))).toBeLessThan(120);
  });
});

describe("printed text", () => {
  it("escapes terminal control characters from the cells", async () => {
    const data = writeData(path.join(work, "escape"));
    const firms = readFileSync(path.join(data, "firms.csv"), "utf8").replace("US|DE", "\u001b]0;owned\u0007\u001b[2J");
    writeFileSync(path.join(data, "firms.csv"), firms);
    const r = await runCli("validate", data);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f]/);
    expect(r.stderr).toContain("\\x1b]0;owned\\x07");
  });
});
