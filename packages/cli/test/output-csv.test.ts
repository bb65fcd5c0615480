/** The CSV writer: the same bytes csv-stringify writes (every separator of either dialect quoted), read back cell for cell by the CLI's own reader. */
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../src/read/parse-csv.js";
import { Reporter } from "../src/read/report.js";
import { neutralise } from "../src/csv-formula.js";
import { toCsv } from "../src/write/csv.js";

const cells = (...units: string[]) => fc.string({ unit: fc.constantFrom(...units), maxLength: 8 });
const tableOf = (text: fc.Arbitrary<string>, minWidth = 1) => fc.tuple(fc.integer({ min: minWidth, max: 4 }), fc.integer({ min: 0, max: 5 })).chain(([width, height]) =>
  fc.tuple(fc.array(fc.stringMatching(/^[a-z_]{1,6}$/), { minLength: width, maxLength: width }), fc.array(fc.array(text, { minLength: width, maxLength: width }), { minLength: height, maxLength: height })),
);
// Cells without line breaks: csv-stringify left a line break unquoted unless it was the record delimiter
// (a `\n` in the Excel dialect broke the row); toCsv quotes every CR and LF.
const table = tableOf(cells("a", "b", " ", ",", ";", '"', "'", "=", "é", "\t", "x"));
// Read back: line breaks, quotes, delimiters, tabs, formulas and cells that already start with `'`.
// Two columns at least: the reader tells the delimiter from the header line.
const readable = tableOf(cells("a", "b", " ", ",", ";", '"', "\n", "\t", "'", "=", "@", "-", "é", "x"), 2);

describe("toCsv", () => {
  it("writes the bytes csv-stringify writes, in both dialects", () => {
    fc.assert(
      fc.property(table, fc.boolean(), ([header, rows], excel) => {
        const expected = stringify([header, ...rows.map((r) => r.map(neutralise))], { delimiter: excel ? ";" : ",", record_delimiter: excel ? "\r\n" : "\n", quoted_match: /[,;\t"\r\n]/ });
        expect(toCsv(header, rows, { excel })).toBe(excel ? `\uFEFF${expected}` : expected);
      }),
      { seed: 15, numRuns: 150 },
    );
  });

  it("is read back cell for cell (trimmed, as the reader trims)", () => {
    fc.assert(
      fc.property(readable, fc.boolean(), ([header, rows], excel) => {
        const issues: never[] = [];
        const csv = toCsv(header, rows, { excel });
        const back = parseCsv(excel ? csv.slice(1) : csv, new Reporter("t.csv", issues));
        const nonEmpty = rows.filter((r) => r.some((c) => c.trim() !== ""));
        const width = header.length;
        // Ragged rows cannot happen: every written row has the header's width.
        expect(issues.filter((i: { code: string }) => i.code === "ragged-row")).toEqual([]);
        expect([...back!.rows].map((r) => r.cells.slice(0, width))).toEqual(nonEmpty.map((r) => r.map((c) => c.trim())));
      }),
      { seed: 16, numRuns: 400 },
    );
  });
});
