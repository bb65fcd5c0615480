// parseCsv: delimiters, quotes, trimmed cells, ragged rows and stray quotes, each at its physical line.
import { describe, expect, it } from "vitest";
import type { InputIssue } from "../../src/issues.js";
import { detectDelimiter, parseCsv } from "../../src/read/parse-csv.js";
import { Reporter } from "../../src/read/report.js";
import { parseDataSet } from "../../src/read/index.js";
import { dataFiles, validRows } from "./builders.js";

function run(text: string) {
  const issues: InputIssue[] = [];
  const table = parseCsv(text, new Reporter("t.csv", issues));
  return { table, issues, rows: table === null ? undefined : [...table.rows].map((r) => [r.line, ...r.cells]) };
}

describe("delimiter", () => {
  it.each([
    ["a,b,c", ","],
    ["a;b;c", ";"],
    ["a\tb\tc", "\t"],
    ['"x;y",b,c', ","],
    ["\n\na;b", ";"],
    ["single", ","],
  ])("%j → %j", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it("reads the same data with ; tab and CRLF", () => {
    const base = parseDataSet(dataFiles());
    expect(base.data).not.toBeNull();
    for (const options of [{ delimiter: ";" }, { delimiter: "\t" }, { eol: "\r\n" }, { delimiter: ";", eol: "\r\n" }, { eol: "\r" }]) {
      const other = parseDataSet(dataFiles({}, options));
      expect(other.issues, JSON.stringify(options)).toEqual([]);
      expect(other.data).toEqual(base.data);
    }
  });
});

describe("records", () => {
  it("keeps the physical start line of each record, across quoted line breaks and blank lines", () => {
    const { rows, issues } = run('id,text\n\n1,"two\nlines"\r\n\n2,plain\n3,"a ""quoted"" word, with comma"\n');
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      [3, "1", "two\nlines"],
      [6, "2", "plain"],
      [7, "3", 'a "quoted" word, with comma'],
    ]);
  });

  it("trims cells, takes back formula neutralisation, skips rows of empty cells", () => {
    const { table, rows } = run(" id , name \n 1 , '=SUM(A1) \n,\n ,  \n2,'+39 035\n");
    expect(table?.header).toEqual(["id", "name"]);
    expect(rows).toEqual([
      [2, "1", "=SUM(A1)"],
      [5, "2", "+39 035"],
    ]);
  });

  it("accepts trailing empty cells but reports other ragged rows with the counts", () => {
    const { table, issues } = run("a,b,c\n1,2,3,,\n1,2\n1,2,3,4\n");
    expect([...table!.rows].map((r) => r.ragged)).toEqual([false, true, true]);
    expect(issues.map((i) => [i.code, i.line, i.message])).toEqual([
      ["ragged-row", 3, "line 3 has 2 cells but the header has 3 (comma-separated)"],
      ["ragged-row", 4, "line 4 has 4 cells but the header has 3 (comma-separated)"],
    ]);
  });

  it("reports each stray quote on its line and reads the rows after it", () => {
    const { rows, issues } = run('id,name\n1,"Bad "quote" srl"\n2,Acme "best" srl\n3,fine\n4,"never closed\n5,lost?\n');
    expect(issues.map((i) => [i.code, i.line])).toEqual([
      ["bad-quote", 2],
      ["bad-quote", 3],
      ["bad-quote", 5],
    ]);
    expect(rows).toEqual([
      [4, "3", "fine"],
      [6, "5", "lost?"],
    ]);
  });

  it("reports a file of blank lines as empty", () => {
    expect(run("\n \n\n").issues.map((i) => i.code)).toEqual(["empty-file"]);
  });
});

describe("line numbers reach the domain issues", () => {
  it("points at the physical line after a multi-line quoted name", () => {
    const rows = validRows();
    const firms = [{ ...rows.firms[0]!, name: "Two\nlines" }, { ...rows.firms[1]!, targets: "XX" }, rows.firms[2]!];
    const { issues } = parseDataSet(dataFiles({ firms }, { eol: "\r\n" }));
    expect(issues.map((i) => [i.code, i.line])).toEqual([["unknown-country", 4]]);
  });
});
