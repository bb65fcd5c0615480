import { describe, expect, it } from "vitest";
import { historyFromAgendas, parseAgenda } from "../../src/input/index.js";
import type { AgendaRow } from "../../src/input/index.js";
import { toCsv } from "../../src/output/csv.js";
import { file } from "./builders.js";

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

  it("flags a meeting that ends before it starts", () => {
    const { issues } = parseAgenda(file("a.csv", toCsv(HEADER, [meeting({ end: "13:00" })], { excel: false })));
    expect(issues).toMatchObject([{ code: "end-before-start", line: 2, column: "end" }]);
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
