// agenda.xlsx and season.xlsx read back by an independent reader (openpyxl): every cell's value and type matches the CSV twin, participant sheets carry no score or reason, and the layout (frozen header, filter, A4, widths) is there.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { planSeason, planStop, seasonReport } from "@roadshow/core";
import { loadStopData, stopInstance } from "@roadshow/cli/io";
import { afterAll, describe, expect, it } from "vitest";
import { AGENDA_COLUMNS } from "../../src/write/agenda-csv.js";
import { stopFiles } from "../../src/write/stop-files.js";
import { seasonTables, heldTable } from "../../src/write/season-csv.js";
import { seasonWorkbook, stopWorkbook } from "../../src/write/stop-xlsx.js";
import { PARTICIPANT_COLUMNS } from "../../src/write/participant-csv.js";
import { csvRows, readWorkbookIndependently, type ReadCell, type ReadSheet } from "../openpyxl.js";
import { parseAgenda, readAgendaFile, type DataSet } from "../../src/read/index.js";
import type { Lang } from "../../src/text/i18n.js";
import { xlsxBytes } from "../../src/write/xlsx.js";
import { readWorkbook } from "../../src/read/workbook.js";
import { Reporter } from "../../src/read/report.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../../examples/lombardia-2026");
const STOP = "BS-2026-02";
const work = mkdtempSync(path.join(tmpdir(), "roadshow-xlsx-write-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TIMES = new Set(["start", "end"]);
const INTEGERS = new Set(["slot", "table", "sequence", "meetings", "season_meetings", "stops_with_meetings", "countries_met", "targets_met", "targets_wanted", "held", "not_held", "follow_ups"]);
const NUMBERS = new Set(["score", "held_percent", "season", "independent"]);

/**
 * One CSV cell against the workbook cell openpyxl read: a date is a date cell of
 * that day, a time a time cell, a number a number of that value, text the same text.
 */
function expectCell(column: string, csv: string, cell: ReadCell | undefined, where: string, numeric = false): void {
  if (csv === "") {
    expect(cell?.value ?? null, where).toBeNull();
    return;
  }
  expect(cell, where).toBeDefined();
  if (column === "date") {
    expect([cell!.is_date, cell!.value], where).toEqual([true, `${csv}T00:00:00`]);
  } else if (TIMES.has(column)) {
    expect([cell!.is_date, cell!.value], where).toEqual([true, `${csv}:00`]);
  } else if ((numeric || INTEGERS.has(column) || NUMBERS.has(column)) && /^-?\d+(\.\d+)?$/.test(csv)) {
    expect([cell!.type, cell!.value], where).toEqual(["n", Number(csv)]);
  } else {
    expect([cell!.type, cell!.value], where).toEqual(["s", csv]);
  }
}

/** Every row of a CSV against a sheet's rows below the header, `prefix` cells first. */
function expectRows(sheet: ReadSheet, columns: readonly string[], rows: readonly (readonly string[])[], numeric: ReadonlySet<string> = new Set()): void {
  expect(sheet.rows.length - 1, sheet.name).toBe(rows.length);
  rows.forEach((row, r) => {
    columns.forEach((column, c) => expectCell(column, row[c] ?? "", sheet.rows[r + 1]![c], `${sheet.name} row ${r + 2} ${column}`, numeric.has(column)));
  });
}

function expectLayout(sheet: ReadSheet, width: number): void {
  const last = String.fromCharCode(64 + width);
  expect(sheet.freeze, sheet.name).toBe("A2");
  expect(sheet.autofilter, sheet.name).toBe(`A1:${last}${sheet.rows.length}`);
  expect(sheet.paper, sheet.name).toBe(9);
  expect(sheet.orientation, sheet.name).toBe(width > 6 ? "landscape" : "portrait");
  expect(sheet.fit_width, sheet.name).toBe(1);
  expect(sheet.print_titles, sheet.name).toBe("$1:$1");
  expect(sheet.bold_header, sheet.name).toBe(true);
  // Widths fitted to the content, within bounds (openpyxl merges equal neighbours, so not every letter is listed).
  const fitted = Object.values(sheet.widths);
  expect(fitted.length, sheet.name).toBeGreaterThan(0);
  for (const w of fitted) expect(w >= 6 && w <= 60, `${sheet.name} width ${w}`).toBe(true);
}

async function planned(): Promise<{ data: DataSet; files: Map<string, string>; schedule: ReturnType<typeof planStop> }> {
  const read = await loadStopData(EXAMPLE);
  if (!read.ok) throw new Error("example unreadable");
  const instance = stopInstance(read, STOP);
  const schedule = planStop(instance, { minMeetings: 1 });
  const data = { ...read.data, firms: instance.firms, delegations: instance.delegations };
  const files = new Map(stopFiles(schedule, data, { lang: "en", excel: false }).map((f) => [f.path, f.content as string]));
  return { data, files, schedule };
}

async function readBack(name: string, content: Uint8Array): Promise<readonly ReadSheet[]> {
  const file = path.join(work, name);
  writeFileSync(file, content);
  return readWorkbookIndependently(file);
}

describe("agenda.xlsx", () => {
  it("holds agenda.csv, every participant's file, unmatched.csv and a summary, cell for cell with types", async () => {
    const { data, files, schedule } = await planned();
    const book = await stopWorkbook(schedule, data, { lang: "en" });
    expect(book.path).toBe("agenda.xlsx");
    const sheets = await readBack("agenda-en.xlsx", book.content);
    expect(sheets.map((s) => s.name)).toEqual(["Agenda", "Firms", "Delegations", "Unmatched", "Summary"]);
    const [agenda, firms, delegations, unmatched, summary] = sheets as [ReadSheet, ReadSheet, ReadSheet, ReadSheet, ReadSheet];

    const [agendaHeader, ...agendaRows] = csvRows(files.get("agenda.csv")!);
    expect(agendaHeader!.slice(0, AGENDA_COLUMNS.length)).toEqual([...AGENDA_COLUMNS]);
    expect(agenda.rows[0]!.map((c) => c.value)).toEqual(["Stop", "Date", "Slot", "Start", "End", "Table", "Delegation id", "Country", "Firm id", "Firm", "Score", "Start (ISO)", "End (ISO)", "Why", "Sequence"]);
    expectRows(agenda, agendaHeader!, agendaRows);
    expectLayout(agenda, agendaHeader!.length);

    // The participant sheets: the meeting rows of each firm's (delegation's) file, one after the other, the participant first.
    const status = PARTICIPANT_COLUMNS.indexOf("status");
    const columns = PARTICIPANT_COLUMNS.filter((c) => c !== "status");
    for (const [sheet, dir] of [[firms, "firms"], [delegations, "delegations"]] as const) {
      const expected: string[][] = [];
      const ids = dir === "firms" ? data.firms : data.delegations;
      for (const p of ids as readonly { id: string; name: string }[]) {
        const csv = files.get(`${dir}/${p.id}.csv`);
        if (csv === undefined) continue;
        const [, ...rows] = csvRows(csv);
        for (const row of rows) if (row[status] === "meeting") expected.push([p.id, p.name, ...row.filter((_, i) => i !== status)]);
      }
      expect(expected.length).toBe(schedule.meetings.length);
      expectRows(sheet, ["participant_id", "participant", ...columns], expected);
      expectLayout(sheet, columns.length + 2);
      // What participants must not see: no score, no reason.
      const headers = sheet.rows[0]!.map((c) => String(c.value));
      expect(headers).not.toContain("Score");
      expect(headers).not.toContain("Why");
      expect(headers).not.toContain("Reason");
    }

    const [unmatchedHeader, ...unmatchedRows] = csvRows(files.get("unmatched.csv")!);
    expectRows(unmatched, unmatchedHeader!, unmatchedRows);
    expect(summary.rows.slice(1).map((r) => r[0]!.value)).toContain("Meetings");
    const meetings = summary.rows.find((r) => r[0]!.value === "Meetings")!;
    expect([meetings[1]!.type, meetings[1]!.value]).toEqual(["n", agendaRows.length]);
  });

  it("speaks --lang in headers and sheet names, shows dates the Italian way, and gives the same bytes twice", async () => {
    const { data, schedule } = await planned();
    const lang: Lang = "it";
    const a = await stopWorkbook(schedule, data, { lang });
    const b = await stopWorkbook(schedule, data, { lang });
    expect(Buffer.from(a.content).equals(Buffer.from(b.content))).toBe(true);
    const sheets = await readBack("agenda-it.xlsx", a.content);
    expect(sheets.map((s) => s.name)).toEqual(["Agenda", "Imprese", "Delegazioni", "Non abbinate", "Riepilogo"]);
    expect(sheets[0]!.rows[0]!.slice(0, 6).map((c) => c.value)).toEqual(["Tappa", "Data", "Turno", "Inizio", "Fine", "Tavolo"]);
    expect(sheets[0]!.rows[1]![1]!.format).toBe("dd/mm/yyyy");
    expect(sheets[0]!.rows[1]![3]!.format).toBe("hh:mm");
  });
});

describe("the workbook writer", () => {
  it("keeps any text as text, byte for byte, through openpyxl and exceljs (markup, escapes, spaces, formulas, control characters)", async () => {
    const texts = [
      'Rossi & Figli <S.p.A.> "la ditta"',
      "_x000D_ is how SpreadsheetML escapes a CR",
      "  leading and trailing spaces  ",
      "=SUM(A1:A3)",
      "two\nlines",
      "Zürich — 東京 — 🚀",
      "tab\there",
      "x".repeat(5000),
    ];
    const sheet = {
      name: "Quote's & <sheet>",
      columns: [{ header: "text", type: "text" as const }, { header: "n", type: "number" as const }, { header: "when", type: "date" as const }, { header: "at", type: "time" as const }],
      rows: [...texts.map((t, i) => [t, i === 0 ? "1|2" : -i / 4, i === 1 ? "soon" : "2026-02-28", i === 2 ? "9.30" : "23:59"]), ["bell\u0007char", "", "", ""]],
    };
    const bytes = await xlsxBytes([sheet], "en");
    const [read] = await readBack("texts.xlsx", bytes);
    expect(read!.name).toBe(sheet.name);
    texts.forEach((t, i) => expect([read!.rows[i + 1]![0]!.type, read!.rows[i + 1]![0]!.value]).toEqual(["s", t]));
    expect(read!.rows[1]![1]!.value).toBe("1|2");
    expect(read!.rows[3]![1]!).toMatchObject({ type: "n", value: -0.5 });
    expect(read!.rows[2]![2]!.value).toBe("soon");
    expect(read!.rows[3]![3]!.value).toBe("9.30");
    expect(read!.rows[4]!.slice(2).map((c) => c.value)).toEqual(["2026-02-28T00:00:00", "23:59:00"]);
    // XML cannot hold a bell: it is dropped, the rest of the cell kept.
    expect(read!.rows[texts.length + 1]![0]!.value).toBe("bellchar");
    const file = path.join(work, "texts.xlsx");
    const sheets = await readWorkbook(new Uint8Array(readFileSync(file)), new Reporter(file, []));
    expect(sheets![0]!.rows.slice(1, texts.length + 1).map((r) => r.cells[0])).toEqual(texts);
  });
});

describe("agenda.xlsx read back", () => {
  it("reads as the same agenda rows as agenda.csv (for --previous, --history, validate, export), in either language", async () => {
    const { data, files, schedule } = await planned();
    const csv = parseAgenda({ name: "agenda.csv", bytes: new TextEncoder().encode(files.get("agenda.csv")!) });
    expect(csv.issues).toEqual([]);
    for (const lang of ["en", "it"] as const) {
      const file = path.join(work, `read-back-${lang}.xlsx`);
      writeFileSync(file, (await stopWorkbook(schedule, data, { lang })).content);
      const back = await readAgendaFile(file);
      expect(back.issues).toEqual([]);
      expect(back.rows).toEqual(csv.rows);
    }
  });
});

describe("season.xlsx", () => {
  it("holds the season report's CSVs, a sheet each, cell for cell with types", async () => {
    const read = await loadStopData(EXAMPLE);
    if (!read.ok) throw new Error("example unreadable");
    const data = read.data;
    const plan = planSeason({ stops: data.stops, delegations: data.delegations, firms: data.firms, requests: data.requests, scores: data.scores, history: [] }, { minMeetings: 1 });
    const report = seasonReport(plan, data, []);
    const tables = seasonTables(report, { season: report, independent: null }, "en");
    const book = await seasonWorkbook(tables, "en");
    const sheets = await readBack("season.xlsx", book.content);
    expect(sheets.map((s) => s.name)).toEqual(["Firm × stop", "Firms", "Countries", "Unmet requests", "Season summary"]);
    tables.forEach((table, i) => {
      const numeric = new Set(table.types === undefined ? [] : Object.keys(table.types));
      expectRows(sheets[i]!, table.header, table.rows.map((r) => r.map(String)), numeric);
      expectLayout(sheets[i]!, table.header.length);
    });
    expect(heldTable).toBeTypeOf("function");
  });
});
