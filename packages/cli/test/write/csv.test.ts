// Participant CSVs: one file per participant, safe unique names, a day in time order, the Excel dialect.
import { parse } from "csv-parse/sync";
import { describe, expect, test } from "vitest";
import { PARTICIPANT_COLUMNS, renderExports, safeFileName } from "../../src/write/exports.js";
import { bergamo, dstNight } from "./fixture.js";

const read = (content: string, delimiter = ","): string[][] => parse(content, { bom: true, delimiter, relax_column_count: false });

function csvFiles(excel: boolean) {
  return new Map(
    renderExports(bergamo(), { lang: "it", excel })
      .filter((f) => f.path.endsWith(".csv"))
      .map((f) => [f.path, f.content]),
  );
}

describe("participant CSVs", () => {
  test("one file per firm registered at the stop and per delegation attending it", () => {
    expect([...csvFiles(false).keys()]).toEqual([
      ...["F0001", "F0002", "F0003", "F0004", "F0005", "F0006"].map((id) => `firms/${id}.csv`),
      ...["DE-KONS", "IN-CG", "US-CG"].map((id) => `delegations/${id}.csv`),
    ]);
  });

  test("file names: unsafe characters replaced, never hidden, unique even where case is ignored", () => {
    const taken = new Set<string>();
    expect(["a/b", "A:B", "..", "", "Müller & Co"].map((id) => safeFileName(id, taken))).toEqual(["a_b", "A_B-2", "_..", "_", "M_ller___Co"]);
  });

  test("a firm's day in time order: meetings, free slots, the break", () => {
    const [header, ...rows] = read(csvFiles(false).get("firms/F0001.csv")!);
    expect(header).toEqual([...PARTICIPANT_COLUMNS]);
    expect(rows.map((r) => r.slice(0, 8).join(" ").trimEnd())).toEqual([
      '1 14:00 14:20 incontro 1 DE-KONS Generalkonsulat; Mailand, \\ "Büro" Germania',
      "2 14:20 14:40 incontro 3 US-CG Consolato Generale degli Stati Uniti Stati Uniti",
      "3 14:40 15:00 libero",
      "4 15:00 15:20 libero",
      "5 15:20 15:40 libero",
      " 15:40 16:00 pausa",
      "6 16:00 16:20 incontro 2 IN-CG Consulate General of India India",
      "7 16:20 16:40 libero",
      "8 16:40 17:00 libero",
      "9 17:00 17:20 libero",
      "10 17:20 17:40 libero",
      "11 17:40 18:00 libero",
    ]);
  });

  test("a delegation with two tables lists each meeting and its free tables; absence is marked", () => {
    const us = read(csvFiles(false).get("delegations/US-CG.csv")!).slice(1);
    expect(us.filter((r) => r[0] === "1").map((r) => [r[3], r[4], r[5]])).toEqual([["incontro", "3", "F0002"], ["libero", "4", ""]]);
    expect(us.filter((r) => r[0] === "2").map((r) => r[5])).toEqual(["F0001", "F0004"]);
    expect(us.find((r) => r[0] === "4")!.slice(3, 5)).toEqual(["libero", "3|4"]);
    const india = read(csvFiles(false).get("delegations/IN-CG.csv")!).slice(1);
    expect(india.filter((r) => r[3] === "assente").map((r) => r[0])).toEqual(["1", "2", "3", "4", "5"]);
    const f5 = read(csvFiles(false).get("firms/F0005.csv")!).slice(1);
    expect(f5.filter((r) => r[3] === "libero").map((r) => r[0])).toEqual(["1", "2", "3"]);
  });

  test("no score and no reasons (the organiser's, in agenda.csv); a delegation never sees its own country on a firm; formulas neutralised", () => {
    const content = csvFiles(false).get("delegations/US-CG.csv")!;
    const [header, ...us] = read(content);
    expect(header).not.toContain("score");
    expect(header).not.toContain("why");
    expect(content).not.toMatch(/42\.13|line one|first target/);
    const f2 = us.find((r) => r[5] === "F0002")!;
    expect(f2[7]).toBe("");
    expect(us.find((r) => r[5] === "F0006")![6]).toBe("'=SUM(A1)");
  });

  test("--excel: BOM, ';', CRLF, and read back it equals the plain dialect, file by file", () => {
    const plain = csvFiles(false);
    const excel = csvFiles(true);
    expect([...excel.keys()]).toEqual([...plain.keys()]);
    for (const [path, content] of excel) {
      expect(content.startsWith("\uFEFF")).toBe(true);
      expect(content.replace(/"[^"]*"/g, "").split("\r\n").slice(0, -1).every((l) => !l.includes("\n"))).toBe(true);
      expect(read(content, ";"), path).toEqual(read(plain.get(path)!));
    }
  });

  test("on the DST night the two 02:00 slots stay apart by slot number", () => {
    const files = renderExports(dstNight(), { lang: "en", excel: false });
    const rows = read(files.find((f) => f.path === "delegations/AE-CG.csv")!.content).slice(1);
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 12 }, (_, i) => String(i + 1)));
    expect(rows.filter((r) => r[1] === "02:00").map((r) => r[0])).toEqual(["4", "7"]);
  });
});
