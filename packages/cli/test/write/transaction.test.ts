// writeOutputs: whole-folder transactions, refusals without --force, locks and interrupted runs.
import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EnvironmentError, UsageError } from "../../src/errors.js";
import { lockPath } from "../../src/write/lock.js";
import { MARKER, writeOutputFile, writeOutputs } from "../../src/write/transaction.js";

let dir: string;
let out: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "roadshow-write-"));
  out = path.join(dir, "out");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = (name: string) => readFile(path.join(out, name), "utf8");

/** Every file under a folder, relative, sorted (hidden files included). */
async function tree(root = out): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

describe("writeOutputs: whole-folder transactions", () => {
  it("writes every file, creating subfolders, strings and bytes alike, and the marker naming the top-level entries", async () => {
    await writeOutputs(out, [
      { path: "agenda.csv", content: "a,b\n" },
      { path: "firms/F0001.ics", content: new Uint8Array([0x42, 0x45]) },
    ], { force: false });
    expect(await tree()).toEqual([MARKER, "agenda.csv", path.join("firms", "F0001.ics")]);
    expect(await read("agenda.csv")).toBe("a,b\n");
    expect(await read("firms/F0001.ics")).toBe("BE");
    expect((await read(MARKER)).split("\n").slice(1)).toEqual(["agenda.csv", "firms", ""]);
    // Nothing but the output beside it: no staging folder, no lock.
    expect(await readdir(dir)).toEqual(["out"]);
  });

  it("writes into an existing empty folder, and creates missing parents", async () => {
    await mkdir(out);
    await writeOutputs(out, [{ path: "x.csv", content: "1" }], { force: false });
    expect(await read("x.csv")).toBe("1");
    const deep = path.join(dir, "a", "b", "c");
    await writeOutputs(deep, [{ path: "x.csv", content: "2" }], { force: false });
    expect(await readFile(path.join(deep, "x.csv"), "utf8")).toBe("2");
  });

  it("writes nothing into a folder that holds files without --force: an environment error (exit 4) naming them", async () => {
    await writeOutputs(out, [{ path: "agenda.csv", content: "old" }], { force: false });
    const attempt = writeOutputs(out, [{ path: "summary.txt", content: "new" }, { path: "agenda.csv", content: "new" }], { force: false });
    await expect(attempt).rejects.toBeInstanceOf(EnvironmentError);
    await expect(attempt).rejects.toThrow(/already holds files \(.*agenda\.csv\).*--force/);
    expect(await tree()).toEqual([MARKER, "agenda.csv"]);
    expect(await read("agenda.csv")).toBe("old");
  });

  it("with --force replaces the folder as a whole: files the run no longer writes disappear", async () => {
    await writeOutputs(out, [
      { path: "agenda.csv", content: "old" },
      { path: "firms/F0001.csv", content: "gone firm" },
      { path: "calendar/firms/F0001.ics", content: "gone calendar" },
    ], { force: false });
    await writeOutputs(out, [{ path: "agenda.csv", content: "new" }, { path: "firms/F0002.csv", content: "b" }], { force: true });
    expect(await tree()).toEqual([MARKER, "agenda.csv", path.join("firms", "F0002.csv")]);
    expect(await read("agenda.csv")).toBe("new");
    expect(await readdir(dir)).toEqual(["out"]);
  });

  it("with --force keeps a file that already holds the same content as it is (same inode, same time)", async () => {
    const files = (changed: string) => [
      { path: "same.csv", content: "a,b\n" },
      { path: "sub/bytes.ics", content: new Uint8Array([0x42]) },
      { path: "changed.csv", content: changed },
    ];
    await writeOutputs(out, files("old"), { force: false });
    const names = ["same.csv", "sub/bytes.ics", "changed.csv"];
    const before = await Promise.all(names.map((f) => stat(path.join(out, f))));
    await writeOutputs(out, files("new"), { force: true });
    const after = await Promise.all(names.map((f) => stat(path.join(out, f))));
    expect(after[0]!.ino).toBe(before[0]!.ino);
    expect(after[0]!.mtimeMs).toBe(before[0]!.mtimeMs);
    expect(after[1]!.ino).toBe(before[1]!.ino);
    expect(after[2]!.ino).not.toBe(before[2]!.ino);
    expect(await read("changed.csv")).toBe("new");
  });

  it("with --force refuses a folder holding files roadshow did not write, naming them", async () => {
    await writeOutputs(out, [{ path: "agenda.csv", content: "old" }], { force: false });
    await writeFile(path.join(out, "notes.txt"), "mine");
    await expect(writeOutputs(out, [{ path: "agenda.csv", content: "new" }], { force: true })).rejects.toThrow(/did not write \(notes\.txt\)/);
    expect(await read("notes.txt")).toBe("mine");
    // A folder without the marker (written by an older version) is replaced only when it holds only names this run writes.
    const legacy = path.join(dir, "legacy");
    await mkdir(path.join(legacy, "firms"), { recursive: true });
    await writeFile(path.join(legacy, "agenda.csv"), "old");
    await writeFile(path.join(legacy, ".agenda.csv.123-0a1b2c3d.tmp"), "temp left by an old version");
    await writeOutputs(legacy, [{ path: "agenda.csv", content: "new" }, { path: "firms/F1.csv", content: "f" }], { force: true });
    expect(await tree(legacy)).toEqual([MARKER, "agenda.csv", path.join("firms", "F1.csv")]);
    await writeFile(path.join(dir, "home.txt"), "x");
    await expect(writeOutputs(dir, [{ path: "agenda.csv", content: "new" }], { force: true })).rejects.toThrow(/did not write/);
  });

  it("leaves the old folder as it was, and nothing beside it, when a write fails", async () => {
    await writeOutputs(out, [{ path: "agenda.csv", content: "old" }], { force: false });
    const attempt = writeOutputs(out, [
      { path: "agenda.csv", content: "new" },
      { path: `firms/${"x".repeat(300)}.csv`, content: "a name too long for the file system" },
    ], { force: true });
    await expect(attempt).rejects.toBeInstanceOf(EnvironmentError);
    await expect(attempt).rejects.toThrow(/file name is too long.*nothing was changed/);
    expect(await tree()).toEqual([MARKER, "agenda.csv"]);
    expect(await read("agenda.csv")).toBe("old");
    expect(await readdir(dir)).toEqual(["out"]);
  });

  it("refuses --out that is empty, a file, or holds an input of the run", async () => {
    await expect(writeOutputs("", [{ path: "a.csv", content: "" }], { force: true })).rejects.toBeInstanceOf(UsageError);
    await writeFile(path.join(dir, "file"), "x");
    await expect(writeOutputs(path.join(dir, "file"), [{ path: "a.csv", content: "" }], { force: true })).rejects.toThrow(/is a file, not a folder/);
    const data = path.join(dir, "data");
    await mkdir(data);
    await writeFile(path.join(data, "firms.csv"), "firm_id\n");
    for (const target of [data, dir]) {
      await expect(writeOutputs(target, [{ path: "a.csv", content: "" }], { force: true, inputs: [data] })).rejects.toBeInstanceOf(UsageError);
    }
    await expect(writeOutputs(path.join(data, "out"), [{ path: "a.csv", content: "" }], { force: false, inputs: [data] })).resolves.toBeUndefined();
    expect(await readFile(path.join(data, "firms.csv"), "utf8")).toBe("firm_id\n");
  });

  it("does not replace a dangling symbolic link without --force; with it, replaces the link by the folder", async () => {
    await symlink(path.join(dir, "nowhere"), out);
    await expect(writeOutputs(out, [{ path: "a.csv", content: "1" }], { force: false })).rejects.toThrow(/symbolic link to a missing folder/);
    await writeOutputs(out, [{ path: "a.csv", content: "1" }], { force: true });
    expect((await stat(out)).isDirectory()).toBe(true);
    expect(await read("a.csv")).toBe("1");
  });

  it("writes through a symbolic link to a folder, leaving the link in place", async () => {
    const real = path.join(dir, "real");
    await writeOutputs(real, [{ path: "a.csv", content: "1" }], { force: false });
    await symlink(real, out);
    await writeOutputs(out, [{ path: "a.csv", content: "2" }], { force: true });
    expect(await readFile(path.join(real, "a.csv"), "utf8")).toBe("2");
    expect(await read("a.csv")).toBe("2");
  });
});

describe("writeOutputs: lock and recovery", () => {
  it("fails with exit-4 error while another live run holds the lock, and takes over a stale one", async () => {
    await mkdir(dir, { recursive: true });
    const lock = lockPath(path.resolve(out));
    // This process is alive: a lock naming it is held.
    await writeFile(lock, JSON.stringify({ pid: process.pid, start: "ms:0", host: hostname(), since: "2026-01-01T00:00:00Z" }));
    const attempt = writeOutputs(out, [{ path: "a.csv", content: "1" }], { force: false });
    await expect(attempt).rejects.toBeInstanceOf(EnvironmentError);
    await expect(attempt).rejects.toThrow(/being written by another roadshow run \(pid \d+/);
    // A pid that does not run (beyond the kernel's pid range) is a stale lock, and so is a lock cut short long ago.
    await writeFile(lock, JSON.stringify({ pid: 2 ** 22 + 1, start: "proc:1", host: hostname(), since: "2026-01-01T00:00:00Z" }));
    await writeOutputs(out, [{ path: "a.csv", content: "1" }], { force: false });
    expect(await read("a.csv")).toBe("1");
    expect(await readdir(dir)).toEqual(["out"]);
  });

  it("cleans what a killed run left: staging folders removed, a swap cut halfway undone", async () => {
    await writeOutputs(out, [{ path: "a.csv", content: "old" }], { force: false });
    // Killed between the two renames of the swap: the old folder aside, no target, a staging folder.
    const { rename } = await import("node:fs/promises");
    await rename(out, path.join(dir, ".out.old-999-deadbeef"));
    await mkdir(path.join(dir, ".out.staging-999-cafe0000", "firms"), { recursive: true });
    await writeFile(path.join(dir, ".out.staging-999-cafe0000", "firms", "x.csv"), "half");
    await expect(writeOutputs(out, [{ path: "a.csv", content: "new" }], { force: false })).rejects.toThrow(/already holds files/);
    expect(await read("a.csv")).toBe("old");
    expect(await readdir(dir)).toEqual(["out"]);
  });
});

describe("writeOutputFile", () => {
  it("writes a new file, and replaces an existing one only with --force", async () => {
    const file = path.join(dir, "scores.csv");
    await writeOutputFile(file, "1", { force: false });
    await expect(writeOutputFile(file, "2", { force: false })).rejects.toThrow(/already exists.*--force/);
    await writeOutputFile(file, "2", { force: true });
    expect(await readFile(file, "utf8")).toBe("2");
    expect(await readdir(dir)).toEqual(["scores.csv"]);
  });

  it("refuses a folder, a device and an input file, even with --force", async () => {
    await expect(writeOutputFile(dir, "x", { force: true })).rejects.toThrow(/is a folder/);
    await expect(writeOutputFile("/dev/null", "x", { force: true })).rejects.toThrow(/not a regular file/);
    const firms = path.join(dir, "firms.csv");
    await writeFile(firms, "firm_id\n");
    await expect(writeOutputFile(firms, "x", { force: true, inputs: [dir] })).rejects.toBeInstanceOf(UsageError);
    await expect(writeOutputFile(firms, "x", { force: true, inputs: [firms] })).rejects.toBeInstanceOf(UsageError);
    expect(await readFile(firms, "utf8")).toBe("firm_id\n");
  });
});
