import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { writeOutputs } from "../../src/output/write.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "roadshow-write-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = (name: string) => readFile(path.join(dir, name), "utf8");

/** Every file under dir, relative, sorted (temp files included). */
async function tree(): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe("writeOutputs", () => {
  it("writes every file, creating subfolders, strings and bytes alike", async () => {
    await writeOutputs(dir, [
      { path: "agenda.csv", content: "a,b\n" },
      { path: "firms/F0001.ics", content: new Uint8Array([0x42, 0x45]) },
    ], { force: false });
    expect(await tree()).toEqual(["agenda.csv", path.join("firms", "F0001.ics")]);
    expect(await read("agenda.csv")).toBe("a,b\n");
    expect(await read("firms/F0001.ics")).toBe("BE");
  });

  it("writes nothing when a target exists without --force, naming it", async () => {
    await writeFile(path.join(dir, "agenda.csv"), "old");
    const attempt = writeOutputs(dir, [
      { path: "summary.txt", content: "new" },
      { path: "agenda.csv", content: "new" },
    ], { force: false });
    await expect(attempt).rejects.toBeInstanceOf(InputError);
    await expect(attempt).rejects.toThrow(/agenda\.csv already exists.*--force/);
    expect(await tree()).toEqual(["agenda.csv"]);
    expect(await read("agenda.csv")).toBe("old");
  });

  it("overwrites with --force", async () => {
    await writeFile(path.join(dir, "agenda.csv"), "old");
    await writeOutputs(dir, [{ path: "agenda.csv", content: "new" }], { force: true });
    expect(await read("agenda.csv")).toBe("new");
  });

  it("with --force, leaves a file that already holds the same content as it is (same inode, same time)", async () => {
    await writeOutputs(dir, [
      { path: "same.csv", content: "a,b\n" },
      { path: "bytes.ics", content: new Uint8Array([0x42]) },
      { path: "changed.csv", content: "old" },
    ], { force: false });
    const before = await Promise.all(["same.csv", "bytes.ics", "changed.csv"].map((f) => stat(path.join(dir, f))));
    await writeOutputs(dir, [
      { path: "same.csv", content: "a,b\n" },
      { path: "bytes.ics", content: new Uint8Array([0x42]) },
      { path: "changed.csv", content: "new" },
    ], { force: true });
    const after = await Promise.all(["same.csv", "bytes.ics", "changed.csv"].map((f) => stat(path.join(dir, f))));
    expect(after[0]!.ino).toBe(before[0]!.ino);
    expect(after[0]!.mtimeMs).toBe(before[0]!.mtimeMs);
    expect(after[1]!.ino).toBe(before[1]!.ino);
    expect(after[2]!.ino).not.toBe(before[2]!.ino);
    expect(await read("changed.csv")).toBe("new");
    expect(await tree()).toEqual(["bytes.ics", "changed.csv", "same.csv"]);
  });

  it("leaves the earlier files untouched and no temp file when a later write fails", async () => {
    await writeFile(path.join(dir, "agenda.csv"), "old");
    // A regular file where a folder is needed makes the second write fail.
    await writeFile(path.join(dir, "firms"), "not a folder");
    const attempt = writeOutputs(dir, [
      { path: "agenda.csv", content: "new" },
      { path: "firms/F0001.ics", content: "x" },
    ], { force: true });
    await expect(attempt).rejects.toThrow(/cannot write .*F0001\.ics.*nothing was written/);
    expect(await tree()).toEqual(["agenda.csv", "firms"]);
    expect(await read("agenda.csv")).toBe("old");
  });

  it("creates the output folder itself", async () => {
    const out = path.join(dir, "out", "deep");
    await mkdir(path.join(dir, "out"));
    await writeOutputs(out, [{ path: "x.csv", content: "1" }], { force: false });
    expect(await readFile(path.join(out, "x.csv"), "utf8")).toBe("1");
  });
});
