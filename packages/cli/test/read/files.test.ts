// readDataDir and readAgendaFile: the folder and named files read as the pure parsers read their bytes, file errors located.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, parseDataSet, readAgendaFile, readDataDir } from "../../src/read/index.js";
import { readWeights } from "../../src/read/weights.js";
import { csv, dataFiles, scoreRow, validRows } from "./builders.js";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "roadshow-input-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeValid(names: Record<string, string> = {}): Promise<void> {
  const rows = validRows();
  for (const kind of ["stops", "delegations", "firms"] as const) {
    await writeFile(path.join(dir, names[kind] ?? `${kind}.csv`), csv(rows[kind]));
  }
}

describe("readDataDir", () => {
  it("reads the folder like parseDataSet reads the same bytes", async () => {
    await writeValid({ firms: "Firms.CSV" });
    const read = await readDataDir(dir);
    expect(read.issues).toEqual([]);
    expect(read.data).toEqual(parseDataSet(dataFiles()).data);
  });

  it("picks up requests.csv and scores.csv in the folder, named by their file name", async () => {
    await writeValid();
    await writeFile(path.join(dir, "requests.csv"), "firm_id,country,kind\nF0001,US,must\nF0001,US,must\n");
    await writeFile(path.join(dir, "scores.csv"), csv([scoreRow()]));
    const read = await readDataDir(dir);
    expect(read.data?.requests).toEqual([{ firmId: "F0001", country: "US", kind: "must" }]);
    expect(read.data?.scores).toEqual([{ firmId: "F0001", delegationId: "US-CG", score: 70 }]);
    expect(read.issues.map((i) => `${i.file}:${i.line} ${i.code}`)).toEqual([
      "requests.csv:3 duplicate-request",
      // Scores replace the built-in affinity: firms without a scored pair have nobody to meet.
      "firms.csv:3 no-eligible-delegation",
      "firms.csv:3 no-eligible-delegation",
      "firms.csv:4 no-eligible-delegation",
    ]);
  });

  it("reads named files, reporting them as typed", async () => {
    await writeValid();
    const scores = path.join(dir, "other", "my-scores.csv");
    await mkdir(path.dirname(scores));
    await writeFile(scores, csv([scoreRow({ score: "-1" })]));
    const read = await readDataDir(dir, { scoresFile: scores });
    expect(read.data).toBeNull();
    expect(read.issues).toMatchObject([{ code: "out-of-range", file: scores, line: 2, column: "score" }]);
  });

  it("reports a named file that does not exist", async () => {
    await writeValid();
    const read = await readDataDir(dir, { requestsFile: "nope/requests.csv" });
    expect(read.data).toBeNull();
    expect(read.issues).toMatchObject([{ code: "missing-file", file: "nope/requests.csv", line: null }]);
  });

  it("reports every missing required file, pointing at a spreadsheet of that name", async () => {
    await writeFile(path.join(dir, "stops.csv"), csv(validRows().stops));
    await writeFile(path.join(dir, "firms.ods"), "PK");
    const read = await readDataDir(dir);
    expect(read.data).toBeNull();
    expect(read.issues.map((i) => [i.code, i.file])).toEqual([
      ["missing-file", "delegations.csv"],
      ["missing-file", "firms.csv"],
    ]);
    expect(read.issues[1]!.hint).toBe("export firms.ods as CSV UTF-8 and name it firms.csv");
  });

  it("reports a missing folder", async () => {
    const missing = path.join(dir, "nope");
    const read = await readDataDir(missing);
    expect(read).toMatchObject({ data: null, issues: [{ code: "missing-folder", file: missing }] });
  });

  it("reports a folder where a file should be as unreadable", async () => {
    await writeValid();
    await rm(path.join(dir, "firms.csv"));
    await mkdir(path.join(dir, "firms.csv"));
    const read = await readDataDir(dir);
    expect(read).toMatchObject({ data: null, issues: [{ code: "unreadable-file", file: "firms.csv" }] });
  });

  it("refuses two spellings of one data file (firms.csv and FIRMS.CSV) instead of picking one", async () => {
    await writeValid();
    await writeFile(path.join(dir, "FIRMS.CSV"), csv(validRows().firms));
    const read = await readDataDir(dir);
    expect(read.data).toBeNull();
    expect(read.issues).toMatchObject([{ code: "duplicate-file", file: "FIRMS.CSV", line: null }]);
    expect(read.issues[0]!.message).toContain("FIRMS.CSV and firms.csv");
  });

  it("refuses a pipe or a device where a file is expected, without reading it (it could block or never end)", async () => {
    await writeValid();
    const pipe = path.join(dir, "pipe.csv");
    execFileSync("mkfifo", [pipe]);
    const read = await readDataDir(dir, { scoresFile: pipe, requestsFile: "/dev/zero" });
    expect(read.data).toBeNull();
    expect(read.issues.map((i) => [i.code, i.file, i.message])).toEqual([
      ["unreadable-file", "/dev/zero", "/dev/zero is a device, not a file"],
      ["unreadable-file", pipe, `${pipe} is a named pipe, not a file`],
    ]);
    await expect(readWeights("/dev/zero")).rejects.toMatchObject({ issues: [{ code: "unreadable-file" }] });
    expect((await readAgendaFile(pipe)).issues).toMatchObject([{ code: "unreadable-file" }]);
  });

  it("rejects a file over the size limit without reading it", async () => {
    await writeValid();
    await truncate(path.join(dir, "firms.csv"), MAX_FILE_BYTES + 1);
    const read = await readDataDir(dir);
    expect(read.data).toBeNull();
    expect(read.issues).toMatchObject([{ code: "file-too-large", file: "firms.csv", line: null }]);
    expect(read.issues[0]!.message).toContain("50 MB");
  });
});

describe("readAgendaFile", () => {
  it("reads an agenda and reports a missing one", async () => {
    const agenda = path.join(dir, "agenda.csv");
    await writeFile(
      agenda,
      "stop_id,date,slot,start,end,table,delegation_id,country,firm_id,firm_name,score\nBG,2026-03-18,1,14:00,14:20,1,US-CG,US,F1,Acme,70\n",
    );
    expect((await readAgendaFile(agenda)).rows).toMatchObject([{ line: 2, stopId: "BG", slot: 1, firmId: "F1" }]);
    const missing = await readAgendaFile(path.join(dir, "old.csv"));
    expect(missing).toMatchObject({ rows: null, issues: [{ code: "missing-file", file: path.join(dir, "old.csv") }] });
  });
});
