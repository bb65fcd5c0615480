// Reading inputs from .xlsx workbooks saved by another program (openpyxl): the same agenda as from the CSVs, and located errors naming sheet, row, column letter and header.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDataDir } from "../../src/read/index.js";
import { csvSheet, writeWorkbook, type SpecCell, type SpecSheet } from "../openpyxl.js";
import { runCli } from "../run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../../examples/lombardia-2026");
const STOP = "BS-2026-02";
const FILES = ["stops", "delegations", "firms", "requests"] as const;
const work = mkdtempSync(path.join(tmpdir(), "roadshow-xlsx-read-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sheetOf = (kind: string): SpecSheet => csvSheet(kind, path.join(EXAMPLE, `${kind}.csv`));

/** A data folder holding `files` (relative name → sheets of a workbook, or a CSV copied from the example). */
function folder(name: string, files: Readonly<Record<string, readonly SpecSheet[] | "csv">>): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  for (const [file, content] of Object.entries(files)) {
    if (content === "csv") copyFileSync(path.join(EXAMPLE, file), path.join(dir, file));
    else writeWorkbook(path.join(dir, file), content);
  }
  return dir;
}

async function agendaOf(dataDir: string, out: string): Promise<string> {
  const r = await runCli("schedule", dataDir, "--stop", STOP, "--out", out);
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(path.join(out, "agenda.csv"), "utf8");
}

/** A sheet as spreadsheet users keep it: a merged title row, the header, the data with blank rows between, trailing blank columns. */
function asKept(sheet: SpecSheet): SpecSheet {
  const [header, ...data] = sheet.rows;
  const width = header!.length;
  const rows: SpecCell[][] = [["Roadshow Lombardia 2026"], [...header!, null, null]];
  data.forEach((row, i) => {
    rows.push([...row]);
    if (i % 7 === 3) rows.push([]);
  });
  rows.push([], [], [null, null]);
  return { ...sheet, rows, merges: [`A1:${String.fromCharCode(64 + width)}1`] };
}

/** The sheet with every date and time written as a bare serial number in a General cell. */
function asSerials(sheet: SpecSheet): SpecSheet {
  const serial = (cell: SpecCell): SpecCell => {
    if (cell !== null && typeof cell === "object" && "date" in cell) {
      return { number: (Date.parse(`${cell.date}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000, format: "General" };
    }
    if (cell !== null && typeof cell === "object" && "time" in cell) {
      const [h, m] = cell.time.split(":").map(Number);
      return { number: (h! * 60 + m!) / 1440, format: "General" };
    }
    return cell;
  };
  return { ...sheet, rows: sheet.rows.map((r) => r.map(serial)) };
}

describe("inputs read from .xlsx", () => {
  let csvAgenda = "";
  it("schedules the CSV example (the reference)", async () => {
    csvAgenda = await agendaOf(EXAMPLE, path.join(work, "out-csv"));
  });

  it("gives the same agenda, byte for byte, from firms.xlsx, stops.xlsx, … (one workbook per file)", async () => {
    const dir = folder("per-file", Object.fromEntries(FILES.map((k) => [`${k}.xlsx`, [sheetOf(k)]])));
    expect(await agendaOf(dir, path.join(work, "out-per-file"))).toBe(csvAgenda);
  });

  it("gives the same agenda from one roadshow.xlsx kept as people keep it: title rows, blank rows, a hidden sheet", async () => {
    const sheets = [{ name: "notes", state: "hidden" as const, rows: [["internal lists"]] }, ...FILES.map((k) => asKept(sheetOf(k)))];
    const dir = folder("book", { "roadshow.xlsx": sheets });
    expect(await agendaOf(dir, path.join(work, "out-book"))).toBe(csvAgenda);
  });

  it("reads dates and times stored as bare serial numbers, and mixes workbooks with CSV files", async () => {
    const dir = folder("serials", { "stops.xlsx": [asSerials(sheetOf("stops"))], "firms.xlsx": [sheetOf("firms")], "delegations.csv": "csv", "requests.csv": "csv" });
    expect(await agendaOf(dir, path.join(work, "out-serials"))).toBe(csvAgenda);
  });

  it("takes the whole data as one workbook path", async () => {
    const dir = folder("book-path", { "roadshow.xlsx": FILES.map(sheetOf) });
    expect(await agendaOf(path.join(dir, "roadshow.xlsx"), path.join(work, "out-book-path"))).toBe(csvAgenda);
  });

  it("refuses firms.csv beside firms.xlsx, naming both", async () => {
    const dir = folder("both", { "stops.csv": "csv", "delegations.csv": "csv", "firms.csv": "csv", "firms.xlsx": [sheetOf("firms")] });
    const { data, issues } = await readDataDir(dir);
    expect(data).toBeNull();
    const issue = issues.find((i) => i.code === "duplicate-file");
    expect(issue?.message).toContain("firms.csv and firms.xlsx");
  });

  it("refuses a firms sheet in roadshow.xlsx beside firms.csv", async () => {
    const dir = folder("both-book", { "stops.csv": "csv", "delegations.csv": "csv", "firms.csv": "csv", "roadshow.xlsx": [sheetOf("firms")] });
    const { issues } = await readDataDir(dir);
    expect(issues.find((i) => i.code === "duplicate-file")?.message).toContain("firms.csv and sheet firms of roadshow.xlsx");
  });

  it("locates a bad cell at sheet, row, column letter and header, with its value and a fix", async () => {
    const stops = sheetOf("stops");
    // Row 3 of the sheet (the second stop): its start written as text the Italian way.
    const rows = stops.rows.map((r, i) => (i === 2 ? r.map((c, j) => (j === 4 ? "14.30" : c)) : r));
    const dir = folder("bad-cell", { "roadshow.xlsx": [{ ...stops, rows }, ...FILES.slice(1).map(sheetOf)] });
    const { issues } = await readDataDir(dir);
    const issue = issues.find((i) => i.code === "bad-time")!;
    expect(issue).toMatchObject({ file: "roadshow.xlsx", sheet: "stops", line: 3, letter: "E", column: "start", value: "14.30", hint: "write 14:30" });
    const r = await runCli("validate", dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("roadshow.xlsx › stops, row 3, column E [start] error bad-time");
  });

  it("suggests the right header for a misspelled one, as for CSV, with the column's letter", async () => {
    const firms = sheetOf("firms");
    const rows = [firms.rows[0]!.map((c) => (c === "firm_id" ? "firm_idd" : c)), ...firms.rows.slice(1)];
    const dir = folder("misspelled", { "firms.xlsx": [{ ...firms, rows }], "stops.csv": "csv", "delegations.csv": "csv" });
    const { issues } = await readDataDir(dir);
    expect(issues.find((i) => i.code === "missing-column")).toMatchObject({ file: "firms.xlsx", sheet: "firms", line: 1, message: "required column firm_id is missing; did you mean firm_idd?" });
    expect(issues.find((i) => i.code === "unknown-column")).toMatchObject({ sheet: "firms", letter: "A", value: "firm_idd" });
  });

  it("reports an error cell (#N/A), a misnamed sheet and a file that is not a workbook", async () => {
    const firms = sheetOf("firms");
    const rows = firms.rows.map((r, i) => (i === 2 ? r.map((c, j) => (j === 7 ? { formula: "=NA()" } : c)) : r));
    const dir = folder("errors", { "roadshow.xlsx": [sheetOf("stops"), { ...sheetOf("delegations"), name: "delegation" }, { ...firms, rows }] });
    const { issues } = await readDataDir(dir);
    expect(issues.find((i) => i.code === "unknown-sheet")).toMatchObject({ sheet: "delegation", message: expect.stringContaining("did you mean delegations?") });
    expect(issues.find((i) => i.code === "missing-file")?.hint).toBe("rename the sheet delegation of roadshow.xlsx to delegations");
    const bad = path.join(work, "not-a-book");
    mkdirSync(bad);
    for (const f of readdirSync(EXAMPLE).filter((f) => f.endsWith(".csv"))) copyFileSync(path.join(EXAMPLE, f), path.join(bad, f.replace(".csv", f === "firms.csv" ? ".xlsx" : ".csv")));
    const notBook = await readDataDir(bad);
    expect(notBook.issues.find((i) => i.code === "not-xlsx")).toMatchObject({ file: "firms.xlsx" });
  });

  it("reads a firm's error cell as a located error (formula results that are errors)", async () => {
    const firms = sheetOf("firms");
    // openpyxl writes formulas without a cached result, as a program that never calculated them would.
    const rows = firms.rows.map((r, i) => (i === 2 ? r.map((c, j) => (j === 7 ? { formula: "=1/0" } : c)) : r));
    const dir = folder("formula", { "firms.xlsx": [{ ...firms, rows }], "stops.csv": "csv", "delegations.csv": "csv" });
    const { issues } = await readDataDir(dir);
    expect(issues.find((i) => i.code === "error-cell")).toMatchObject({ sheet: "firms", line: 3, letter: "H", column: "max_meetings" });
  });

  it("reads a hidden sheet named as a file with a warning, and warns of values in a column without header", async () => {
    const firms = sheetOf("firms");
    const rows = firms.rows.map((r, i) => (i === 4 ? [...r, null, "call back"] : r));
    const dir = folder("hidden", { "roadshow.xlsx": [sheetOf("stops"), sheetOf("delegations"), { ...firms, rows, state: "hidden" }] });
    const { data, issues } = await readDataDir(dir);
    expect(data).not.toBeNull();
    expect(issues.find((i) => i.code === "hidden-sheet")).toMatchObject({ severity: "warning", file: "roadshow.xlsx", sheet: "firms" });
    const width = firms.rows[0]!.length;
    expect(issues.find((i) => i.code === "unlabelled-column")).toMatchObject({ severity: "warning", sheet: "firms", line: 5, letter: String.fromCharCode(65 + width + 1), value: "call back" });
  });

  it("reads a two-row header (a group row merged across columns, a name merged down) and a 1904-dated workbook", async () => {
    const stops = sheetOf("stops");
    const [header, ...data] = stops.rows;
    const group: SpecCell[] = header!.map((c) => (c === "start" ? "Session" : c === "stop_id" ? "stop_id" : null));
    const second: SpecCell[] = header!.map((c) => (c === "stop_id" ? null : c));
    const start = header!.indexOf("start");
    const col = (i: number) => String.fromCharCode(65 + i);
    const twoRows: SpecSheet = { name: "stops", rows: [group, second, ...data], merges: ["A1:A2", `${col(start)}1:${col(start + 1)}1`] };
    const dir = folder("two-rows", { "roadshow.xlsx": [twoRows, ...FILES.slice(1).map(sheetOf)] });
    expect(await agendaOf(dir, path.join(work, "out-two-rows"))).toBe(csvAgenda);
    const mac = path.join(work, "mac");
    mkdirSync(mac);
    writeWorkbook(path.join(mac, "roadshow.xlsx"), FILES.map(sheetOf), { date1904: true });
    expect(await agendaOf(mac, path.join(work, "out-mac"))).toBe(csvAgenda);
  });

  it("gives an Italian date typed as text the CSV's located error and fix", async () => {
    const stops = sheetOf("stops");
    const rows = stops.rows.map((r, i) => (i === 1 ? r.map((c, j) => (j === 2 ? "25/02/2026" : c)) : r));
    const dir = folder("text-date", { "stops.xlsx": [{ ...stops, rows }], "firms.csv": "csv", "delegations.csv": "csv" });
    const { issues } = await readDataDir(dir);
    expect(issues.find((i) => i.code === "bad-date")).toMatchObject({ file: "stops.xlsx", sheet: "stops", line: 2, letter: "C", column: "date", value: "25/02/2026", hint: "write 2026-02-25" });
  });
});
