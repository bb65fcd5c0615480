// parseAgenda: agenda.csv read back into typed rows, every bad cell located.
import { describe, expect, it } from "vitest";
import { historyFromAgendas, parseAgenda } from "../../src/read/index.js";
import { checkAgendaTimes } from "../../src/read/agenda.js";
import type { Stop } from "@roadshow/core";
import type { AgendaRow } from "../../src/read/index.js";
import { toCsv } from "../../src/write/csv.js";
import { file } from "./builders.js";
import { issueIn } from "../../src/text/issues-text.js";

const HEADER = ["stop_id", "date", "slot", "start", "end", "table", "delegation_id", "country", "firm_id", "firm_name", "score"];
const meeting = (over: Partial<Record<string, string>> = {}): string[] => {
  const cells: Record<string, string> = {
    stop_id: "BG-2026-03",
    date: "2026-03-18",
    slot: "1",
    start: "14:00",
    end: "14:20",
    table: "1",
    delegation_id: "US-CG",
    country: "US",
    firm_id: "F0001",
    firm_name: "Meccanica Orobica S.r.l.",
    score: "70",
    ...over,
  };
  return HEADER.map((h) => cells[h]!);
};

describe("parseAgenda", () => {
  it("reads what the CLI writes (Excel dialect, extra columns, neutralised cells) into typed rows", () => {
    const text = toCsv(
      [...HEADER, "why"],
      [
        [...meeting(), "target US"],
        [...meeting({ slot: "2", start: "14:20", end: "14:40", table: "2", firm_id: "F0002", firm_name: "=Evil", score: "12.5" }), ""],
      ],
      { excel: true },
    );
    const { rows, issues } = parseAgenda(file("out/agenda.csv", text));
    expect(issues).toEqual([]);
    expect(rows).toEqual<AgendaRow[]>([
      {
        line: 2,
        stopId: "BG-2026-03",
        date: "2026-03-18",
        slot: 1,
        start: 840,
        end: 860,
        table: 1,
        delegationId: "US-CG",
        country: "US",
        firmId: "F0001",
        firmName: "Meccanica Orobica S.r.l.",
        score: 70,
        sequence: 0,
      },
      {
        line: 3,
        stopId: "BG-2026-03",
        date: "2026-03-18",
        slot: 2,
        start: 860,
        end: 880,
        table: 2,
        delegationId: "US-CG",
        country: "US",
        firmId: "F0002",
        firmName: "=Evil",
        score: 12.5,
        sequence: 0,
      },
    ]);
  });

  it("reports every bad cell with its line and returns no rows", () => {
    const text = toCsv(HEADER, [meeting(), meeting({ slot: "0", end: "13:00" }), meeting({ table: "x", date: "18/03/2026" })], { excel: false });
    const { rows, issues } = parseAgenda(file("a.csv", text));
    expect(rows).toBeNull();
    expect(issues.map((i) => `${i.line} ${i.column} ${i.code}`)).toEqual([
      "3 slot out-of-range",
      "4 date bad-date",
      "4 table bad-number",
    ]);
  });

  it("flags a meeting whose instants end before they start, but not local times alone (02:40-02:00 on a fall-back night)", () => {
    const header = [...HEADER, "start_iso", "end_iso"];
    const rows = [
      [...(meeting({ start: "02:40", end: "02:00" })), "2026-10-25T02:40+02:00", "2026-10-25T02:00+01:00"],
      [...(meeting({ start: "02:40", end: "02:00" })), "2026-10-25T02:40+02:00", "2026-10-25T02:00+02:00"],
      [...(meeting({ start: "02:40", end: "02:00" })), "25/10/2026 02:40", ""],
    ];
    const { issues, good } = parseAgenda(file("a.csv", toCsv(header, rows, { excel: false })));
    expect(issues.map((i) => `${i.line} ${i.column} ${i.code}`)).toEqual(["3 end_iso end-before-start", "4 start_iso bad-time"]);
    expect(good.map((r) => [r.line, r.startMs, r.endMs])).toEqual([[2, Date.parse("2026-10-25T00:40Z"), Date.parse("2026-10-25T01:00Z")]]);
  });

  it("requires the agenda columns but is quiet about extras", () => {
    const { rows, issues } = parseAgenda(file("a.csv", "stop_id,slot,firm_id,extra\nBG,1,F1,x\n"));
    expect(rows).toBeNull();
    expect(issues.filter((i) => i.code === "missing-column").map((i) => i.column)).toEqual([
      "date",
      "start",
      "end",
      "table",
      "delegation_id",
      "country",
      "firm_name",
      "score",
    ]);
    expect(issues.some((i) => i.code === "unknown-column")).toBe(false);
  });
});

describe("checkAgendaTimes", () => {
  // The fall-back night: 03:00 CEST becomes 02:00 CET; slot 6 is 02:40 CEST to 02:00 CET.
  const night: Stop = {
    id: "RM-2026-10", city: "Roma", date: "2026-10-25", sector: "mechanics", start: 60, end: 240,
    slotMinutes: 20, gapMinutes: 0, breaks: [], timezone: "Europe/Rome",
  };
  const read = (rows: string[][], extra: string[] = []) =>
    parseAgenda(file("a.csv", toCsv([...HEADER, ...extra], rows, { excel: false }))).good;
  const at = (over: Partial<Record<string, string>>) => meeting({ stop_id: "RM-2026-10", date: "2026-10-25", ...over });

  it("accepts the slots of a fall-back night as the CLI writes them, local times and instants", () => {
    const rows = read(
      [
        [...at({ slot: "6", start: "02:40", end: "02:00" }), "2026-10-25T02:40+02:00", "2026-10-25T02:00+01:00"],
        [...at({ slot: "7", start: "02:00", end: "02:20" }), "2026-10-25T02:00+01:00", "2026-10-25T02:20+01:00"],
        [...at({ slot: "1", start: "01:00", end: "01:20" }), "", ""],
      ],
      ["start_iso", "end_iso"],
    );
    expect(rows).toHaveLength(3);
    expect(checkAgendaTimes(rows, [night], "a.csv", "error")).toEqual([]);
  });

  it("reports a changed date, a slot that does not exist, and times that are not the slot's, each with its line", () => {
    const rows = read([
      at({ date: "2026-10-26", start: "01:00", end: "01:20" }),
      at({ slot: "40", start: "01:00", end: "01:20" }),
      at({ slot: "2", start: "02:00", end: "02:20" }),
      at({ slot: "1", start: "01:00", end: "01:40" }),
      meeting({ stop_id: "XX", slot: "99" }),
    ]);
    const issues = checkAgendaTimes(rows, [night], "a.csv", "error");
    expect(issues.map((i) => `${i.line} ${i.column} ${i.code} ${i.severity}`)).toEqual([
      "2 date date-mismatch error",
      "3 slot unknown-slot error",
      "4 start slot-mismatch error",
      "4 end slot-mismatch error",
      "5 end slot-mismatch error",
    ]);
    expect(issues[2]!.message).toBe("the meeting starts at 02:00, but slot 2 is 01:20-01:40");
    // 02:00 starts slot 4 (CEST) and slot 7 (CET, after the clocks went back): the hint names both.
    expect(issues[2]!.hint).toBe("write the slot's start, 01:20; to move the meeting there, write slot 4 (02:00-02:20) or slot 7 (02:00-02:20)");
    expect(issueIn("it", issues[2]!)).toMatchObject({
      message: "l'incontro inizia alle 02:00, ma la fascia 2 è 01:20-01:40",
      hint: "scrivi l'inizio della fascia, 01:20; per spostare lì l'incontro, scrivi la fascia 4 (02:00-02:20) o la fascia 7 (02:00-02:20)",
    });
    expect(checkAgendaTimes(rows, [night], "a.csv", "warning").every((i) => i.severity === "warning")).toBe(true);
  });

  it("warns about an instant that is not the slot's even when the local time is (the second 02:40 against the first)", () => {
    const rows = read([[...at({ slot: "6", start: "02:40", end: "02:00" }), "2026-10-25T02:40+01:00", "2026-10-25T03:00+01:00"]], ["start_iso", "end_iso"]);
    const issues = checkAgendaTimes(rows, [night], "a.csv", "error");
    expect(issues.map((i) => `${i.column} ${i.code} ${i.severity}`)).toEqual(["start_iso slot-mismatch warning", "end_iso slot-mismatch warning"]);
    expect(issues[0]!.message).toBe("start_iso is 2026-10-25T02:40+01:00, but slot 6 starts at 2026-10-25T02:40+02:00; the slot counts");
  });
});

describe("historyFromAgendas", () => {
  it("gives each firm, delegation and stop once, sorted", () => {
    const text = toCsv(
      HEADER,
      [
        meeting({ stop_id: "MI", firm_id: "F2" }),
        meeting({ stop_id: "BG", firm_id: "F2" }),
        meeting({ stop_id: "BG", firm_id: "F1", delegation_id: "DE-CG", country: "DE" }),
        meeting({ stop_id: "BG", firm_id: "F2", slot: "3", start: "14:40", end: "15:00" }),
      ],
      { excel: false },
    );
    const { rows } = parseAgenda(file("a.csv", text));
    expect(historyFromAgendas(rows!)).toEqual([
      { firmId: "F1", delegationId: "DE-CG", stopId: "BG" },
      { firmId: "F2", delegationId: "US-CG", stopId: "BG" },
      { firmId: "F2", delegationId: "US-CG", stopId: "MI" },
    ]);
  });
});
