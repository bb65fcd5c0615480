// What a re-plan changed, per participant: changes.csv rows and messages, in English and Italian.
import { describe, expect, it } from "vitest";
import { buildSlots, type MeetingChange } from "@roadshow/core";
import { changesCsv, CHANGE_COLUMNS } from "../src/replan/csv.js";
import { changeRows, summaryLine } from "../src/replan/report.js";

const stop = { id: "BG-2026-03", city: "Bergamo", date: "2026-03-18", sector: "mechanics", start: 840, end: 960, slotMinutes: 20, gapMinutes: 0, breaks: [], timezone: "Europe/Rome" };
const slots = buildSlots(stop);
const people = {
  firms: [{ id: "F2", name: "Due S.r.l." }, { id: "F1", name: "Uno S.r.l." }],
  delegations: [{ id: "US-CG", name: "Consolato USA", country: "US" }],
};
const change = (over: Partial<MeetingChange> & Pick<MeetingChange, "kind" | "reason">): MeetingChange => ({
  firmId: "F1", delegationId: "US-CG", before: { slot: 1, table: 2 }, after: { slot: 3, table: 2 }, ...over,
});

describe("what a re-plan changed, per participant", () => {
  const changes: MeetingChange[] = [
    change({ kind: "moved", reason: "delegation-window" }),
    change({ kind: "table-changed", reason: "capacity", firmId: "F2", before: { slot: 2, table: 3 }, after: { slot: 2, table: 2 } }),
    change({ kind: "new", reason: "walk-in", firmId: "W1", before: null, after: { slot: 6, table: 1 } }),
    change({ kind: "cancelled", reason: "firm-absent", firmId: "F0", before: { slot: 9, table: 1 }, after: null }),
  ];

  it("writes two rows per change, firms first, by id then time; unknown names fall back to ids; a vanished slot keeps its number", () => {
    const rows = changeRows(changes, slots, people, "en");
    expect(rows.map((r) => `${r.kind}:${r.id}:${r.change}`)).toEqual([
      "firm:F0:cancelled", "firm:F1:moved", "firm:F2:table-changed", "firm:W1:new",
      "delegation:US-CG:moved", "delegation:US-CG:table-changed", "delegation:US-CG:new", "delegation:US-CG:cancelled",
    ]);
    expect(rows[1]!.message).toBe("Moved: meeting with Consolato USA (United States) from 14:00-14:20, table 2 to 14:40-15:00, table 2: the delegation is not there at that time");
    expect(rows[0]!.message).toBe("Cancelled: meeting with Consolato USA (United States) (slot 9, table 1): the firm is not coming");
    expect(rows[7]!.counterpartName).toBe("F0");
    const csv = changesCsv(stop.id, rows, { excel: false }).split("\n");
    expect(csv[0]).toBe(CHANGE_COLUMNS.join(","));
    expect(csv[3]).toBe("BG-2026-03,firm,F2,Due S.r.l.,US-CG,Consolato USA (United States),US,table-changed,2,14:20-14:40,3,2,14:20-14:40,2,capacity,\"Table changed: meeting with Consolato USA (United States) from 14:20-14:40, table 3 to 14:20-14:40, table 2: fewer tables or representatives\"");
  });

  it("speaks Italian", () => {
    const rows = changeRows(changes, slots, people, "it");
    expect(rows.find((r) => r.kind === "firm" && r.id === "W1")!.message).toBe("Nuovo: incontro con Consolato USA (Stati Uniti) alle 15:40-16:00, tavolo 1: iscritta il giorno stesso");
    expect(summaryLine({ previous: 150, unchanged: 135, notified: 21 }, "it")).toBe("135 incontri su 150 invariati; 21 partecipanti da avvisare");
  });
});
