// formatIssues: grouping, order, colours, caps and JSON of input issues.
import { describe, expect, it } from "vitest";
import type { InputIssue, Said } from "../../src/issues.js";
import { formatIssues } from "../../src/text/issues-format.js";

/** A sentence outside the catalogues: printed as its English in every language (the layout is under test here, not the words). */
const plain = (en: string): Said => ({ key: "test.plain", args: {}, en });

const issue = (over: Partial<Omit<InputIssue, "said">>): InputIssue => {
  const shown = {
    severity: "error",
    code: "unknown-country",
    file: "firms.csv",
    line: 12,
    column: "targets",
    value: "USX",
    message: '"USX" is not a country code; did you mean US?',
    hint: "write US",
    ...over,
  } as const;
  return { ...shown, said: { message: plain(shown.message), hint: plain(shown.hint) } };
};

const ISSUES: InputIssue[] = [
  issue({ severity: "warning", code: "country-alias", line: 3, column: "country", file: "delegations.csv", message: '"USA" read as US', hint: "write US" }),
  issue({ severity: "warning", code: "unknown-column", line: 1, column: "Notes", message: "column Notes is ignored", hint: "remove it" }),
  issue({}),
  issue({ code: "empty-file", file: "stops.csv", line: null, column: null, value: null, message: "the file is empty", hint: "export it again" }),
  issue({ line: 4, value: "XX", message: '"XX" is not a country code' }),
];

describe("formatIssues", () => {
  it("groups by file, errors before warnings, by line", () => {
    expect(formatIssues(ISSUES, { color: false, format: "text" })).toBe(
      [
        'delegations.csv:3 [country] warning country-alias: "USA" read as US → write US',
        "",
        'firms.csv:4 [targets] error unknown-country: "XX" is not a country code → write US',
        'firms.csv:12 [targets] error unknown-country: "USX" is not a country code; did you mean US? → write US',
        "firms.csv:1 [Notes] warning unknown-column: column Notes is ignored → remove it",
        "",
        "stops.csv error empty-file: the file is empty → export it again",
        "3 errors, 2 warnings",
        "",
      ].join("\n"),
    );
  });

  it("colours by severity only when asked", () => {
    const plain = formatIssues(ISSUES, { color: false, format: "text" });
    const coloured = formatIssues(ISSUES, { color: true, format: "text" });
    expect(plain).not.toContain("\u001b[");
    expect(coloured).toContain("\u001b[31m"); // red errors
    expect(coloured).toContain("\u001b[33m"); // yellow warnings
    expect(coloured.replace(/\u001b\[\d+m/g, "")).toBe(plain);
  });

  it("caps repeated codes per file in text, never in JSON", () => {
    const many = Array.from({ length: 25 }, (_, i) => issue({ line: i + 2 }));
    const text = formatIssues(many, { color: false, format: "text", maxPerCode: 20 });
    expect(text.split("\n").filter((l) => l.startsWith("firms.csv:"))).toHaveLength(20);
    expect(text).toContain("… and 5 more unknown-country errors in firms.csv");
    expect(JSON.parse(formatIssues(many, { color: false, format: "json" }))).toHaveLength(25);
  });

  it("gives JSON as the issue objects in the same order, without their said sentences", () => {
    const json = JSON.parse(formatIssues(ISSUES, { color: true, format: "json" })) as InputIssue[];
    expect(json.map((i) => `${i.file}:${i.line}`)).toEqual(["delegations.csv:3", "firms.csv:4", "firms.csv:12", "firms.csv:1", "stops.csv:null"]);
    const { said: _said, ...shown } = ISSUES[2]!;
    expect(json[2]).toEqual(shown);
  });

  it("prints nothing for no issues", () => {
    expect(formatIssues([], { color: false, format: "text" })).toBe("");
    expect(formatIssues([], { color: false, format: "json" })).toBe("[]\n");
  });
});
