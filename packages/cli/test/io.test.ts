// `@roadshow/cli/io` used as an embedder would: the same files in and out as the binary, without it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { planStop } from "@roadshow/core";
import { EnvironmentError, InputError, loadStopData, stopInstance, writeAgenda, writeStopFiles, formatIssues } from "@roadshow/cli/io";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");
const STOP = "BS-2026-02";
const work = mkdtempSync(path.join(tmpdir(), "roadshow-io-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under a folder, relative path → bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, full), readFileSync(full));
    }
  }
  return files;
}

describe("@roadshow/cli/io", () => {
  it("reads the data folder, and writes byte for byte what `roadshow schedule` writes", async () => {
    const read = await loadStopData(EXAMPLE);
    if (!read.ok) throw new Error(formatIssues(read.issues, { color: false, format: "text" }));
    expect(read.data.firms.length).toBe(270);
    const instance = stopInstance(read, STOP);
    const options = { minMeetings: 1, timeLimitMs: 60_000 };
    const schedule = planStop(instance, options);
    const ours = path.join(work, "library");
    const written = await writeStopFiles(ours, schedule, instance, { lang: "en" });
    expect(written).toContain("agenda.csv");

    const cli = path.join(work, "cli");
    const run = await runCli("--lang", "en", "schedule", EXAMPLE, "--stop", STOP, "--out", cli);
    expect(run.code).toBe(0);
    const [a, b] = [tree(ours), tree(cli)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
  });

  it("reads the example workbook as the folder, and writes agenda.xlsx as `schedule --xlsx` does", async () => {
    const read = await loadStopData(`${EXAMPLE}.xlsx`);
    if (!read.ok) throw new Error(formatIssues(read.issues, { color: false, format: "text" }));
    const instance = stopInstance(read, STOP);
    const schedule = planStop(instance, { minMeetings: 1, timeLimitMs: 60_000 });
    const ours = path.join(work, "library-xlsx");
    expect(await writeStopFiles(ours, schedule, instance, { lang: "it", xlsx: true })).toContain("agenda.xlsx");
    const cli = path.join(work, "cli-xlsx");
    const run = await runCli("--lang", "it", "schedule", `${EXAMPLE}.xlsx`, "--stop", STOP, "--out", cli, "--xlsx");
    expect(run.code, run.stderr).toBe(0);
    const [a, b] = [tree(ours), tree(cli)];
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [file, bytes] of a) expect(bytes.equals(b.get(file)!), file).toBe(true);
  });

  it("writeAgenda writes agenda.csv and unmatched.csv only, and overwrites nothing without force", async () => {
    const read = await loadStopData(EXAMPLE);
    if (!read.ok) throw new Error("example unreadable");
    const instance = stopInstance(read, STOP);
    const schedule = planStop(instance);
    const out = path.join(work, "agenda-only");
    expect(await writeAgenda(out, schedule, instance, { lang: "en" })).toEqual(["agenda.csv", "unmatched.csv"]);
    expect(readdirSync(out).filter((f) => !f.startsWith(".")).sort()).toEqual(["agenda.csv", "unmatched.csv"]);
    expect(readFileSync(path.join(out, "agenda.csv"), "utf8")).toEqual(readFileSync(path.join(work, "cli", "agenda.csv"), "utf8"));
    await expect(writeAgenda(out, schedule, instance)).rejects.toThrow(EnvironmentError);
  });

  it("returns the same located issues as the CLI for a broken folder", async () => {
    const dir = path.join(work, "broken");
    cpSync(EXAMPLE, dir, { recursive: true });
    const stops = readFileSync(path.join(dir, "stops.csv"), "utf8").split("\n");
    stops[1] = stops[1]!.replace(/,14:00,/, ",9.30,");
    writeFileSync(path.join(dir, "stops.csv"), stops.join("\n"));
    const read = await loadStopData(dir);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([
      expect.objectContaining({ code: "bad-time", file: "stops.csv", line: 2, column: "start", value: "9.30", hint: "write 09:30" }),
    ]);
    const cli = await runCli("--format", "json", "validate", dir);
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stderr)).toEqual(JSON.parse(formatIssues(read.issues, { color: false, format: "json" })));
  });

  it("names an unknown stop with suggestions", async () => {
    const read = await loadStopData(EXAMPLE);
    if (!read.ok) throw new Error("example unreadable");
    expect(() => stopInstance(read, "BS-2026-2")).toThrow(InputError);
    try {
      stopInstance(read, "BS-2026-2");
    } catch (error) {
      expect((error as InputError).issues[0]).toMatchObject({ code: "unknown-stop", value: "BS-2026-2", message: expect.stringContaining("BS-2026-02") });
    }
  });
});
