// parseDataSet: valid data to domain values, defaults and order independence; invalid data to located issues.
import { describe, expect, it } from "vitest";
import { parseDataSet } from "../../src/read/index.js";
import { dataFiles, delegationRow, errors, file, firmRow, requestRow, scoreRow, stopRow, validRows, withCode } from "./builders.js";

describe("parseDataSet on valid data", () => {
  it("returns the domain values with defaults and no issues", () => {
    const { data, issues } = parseDataSet(dataFiles());
    expect(issues).toEqual([]);
    expect(data?.stops[0]).toEqual({
      id: "BG-2026-03",
      city: "Bergamo",
      date: "2026-03-18",
      sector: "mechanics",
      start: 840,
      end: 1080,
      slotMinutes: 20,
      gapMinutes: 0,
      breaks: [{ start: 940, end: 960 }],
      timezone: "Europe/Rome",
    });
    expect(data?.delegations.find((d) => d.id === "US-CG")).toEqual({
      id: "US-CG",
      country: "US",
      name: "Consolato Generale degli Stati Uniti",
      stops: null,
      tables: 2,
      sectors: ["aerospace"],
      available: null,
    });
    expect(data?.firms.find((f) => f.id === "F0002")).toEqual({
      id: "F0002",
      name: "Aero Lombarda",
      sectors: ["aerospace", "mechanics"],
      stops: ["BG-2026-03", "MI-2026-04"],
      targets: ["US"],
      markets: ["FR"],
      available: null,
      maxMeetings: null,
      representatives: 1,
    });
    expect(data?.requests).toEqual([]);
    expect(data?.scores).toBeNull();
  });

  it("sorts by id, so row order does not matter", () => {
    const rows = validRows();
    const shuffled = parseDataSet(dataFiles({ firms: [...rows.firms].reverse(), stops: [...rows.stops].reverse() }));
    expect(shuffled.data).toEqual(parseDataSet(dataFiles()).data);
    expect(shuffled.data?.firms.map((f) => f.id)).toEqual(["F0001", "F0002", "F0003"]);
  });

  it("reads optional cells, requests, scores and ateco", () => {
    const rows = validRows();
    const { data, issues } = parseDataSet(
      dataFiles({
        firms: [
          ...rows.firms.slice(1),
          firmRow({ sectors: "", ateco: "28.41|C28", available: "14:00-16:00|16:30-18:00", max_meetings: "3", representatives: "2", targets: "us|de" }),
        ],
        delegations: [delegationRow({ available: "14:00-17:00" }), rows.delegations[1]!],
        requests: [requestRow(), requestRow({ firm_id: "F0002", country: "DE", kind: "AVOID" })],
        scores: [scoreRow({ score: "12.5" }), scoreRow({ delegation_id: "DE-CG", score: "0" })],
      }),
    );
    expect(errors(issues)).toEqual([]);
    const f = data!.firms.find((x) => x.id === "F0001")!;
    expect(f).toMatchObject({ sectors: [], ateco: ["28.41", "C28"], maxMeetings: 3, representatives: 2, targets: ["US", "DE"] });
    expect(f.available).toEqual([
      { start: 840, end: 960 },
      { start: 990, end: 1080 },
    ]);
    expect(data!.firms.find((x) => x.id === "F0002")!.ateco).toBeUndefined();
    expect(data!.requests).toEqual([
      { firmId: "F0001", country: "US", kind: "must" },
      { firmId: "F0002", country: "DE", kind: "avoid" },
    ]);
    expect(data!.scores).toEqual([
      { firmId: "F0001", delegationId: "DE-CG", score: 0 },
      { firmId: "F0001", delegationId: "US-CG", score: 12.5 },
    ]);
  });

  it("maps country names and aliases to ISO codes with a warning, once per value and column", () => {
    const rows = validRows();
    const { data, issues } = parseDataSet(
      dataFiles({
        delegations: [delegationRow({ country: "Stati Uniti" }), delegationRow({ delegation_id: "AE-CG", country: "EAU" })],
        firms: [firmRow({ targets: "USA|Germania", markets: "United States" }), firmRow({ firm_id: "F0002", targets: "USA" }), rows.firms[2]!],
      }),
    );
    expect(errors(issues)).toEqual([]);
    expect(data!.delegations.map((d) => d.country)).toEqual(["AE", "US"]);
    expect(data!.firms[0]).toMatchObject({ targets: ["US", "DE"], markets: ["US"] });
    const aliases = withCode(issues, "country-alias");
    expect(aliases.map((i) => `${i.file}:${i.line} ${i.column} ${i.value}`)).toEqual([
      "delegations.csv:2 country Stati Uniti",
      "delegations.csv:3 country EAU",
      "firms.csv:2 targets USA",
      "firms.csv:2 targets Germania",
      "firms.csv:2 markets United States",
    ]);
  });

  it("accepts 9:30, seconds, sector labels and any header case", () => {
    const text = "STOP_ID , City,date,Sector,start,end,slot_minutes\nBG,Bergamo,2026-03-18,Meccanica,9:30,12:00:00,30\n";
    const files = dataFiles({ delegations: [delegationRow()], firms: [firmRow({ stops: "BG" })] });
    const { data, issues } = parseDataSet({ ...files, stops: file("stops.csv", text) });
    expect(errors(issues)).toEqual([]);
    expect(data!.stops[0]).toMatchObject({ id: "BG", sector: "mechanics", start: 570, end: 720, gapMinutes: 0, breaks: [] });
    expect(withCode(issues, "sector-alias")).toHaveLength(1);
  });

  it("strips the quote that neutralised a formula", () => {
    const { data } = parseDataSet(dataFiles({ firms: [firmRow({ name: "'=Acme" }), ...validRows().firms.slice(1)] }));
    expect(data!.firms[0]!.name).toBe("=Acme");
  });

  it("keeps new sectors with a warning", () => {
    const { data, issues } = parseDataSet(dataFiles({ stops: [stopRow({ sector: "green-tech" }), validRows().stops[1]!] }));
    expect(data!.stops[0]!.sector).toBe("green-tech");
    expect(withCode(issues, "unknown-sector")).toMatchObject([{ severity: "warning", file: "stops.csv", line: 2, column: "sector" }]);
  });
});
