// Issues said as catalogue sentences: the reporter keeps the key and arguments, formatIssues words them in the user's language, and JSON carries no `said`.
import { describe, expect, it } from "vitest";
import type { InputIssue } from "../../src/issues.js";
import { MAX_ISSUES_PER_FILE } from "../../src/read/limits.js";
import { Reporter } from "../../src/read/report.js";
import { readTable } from "../../src/read/table.js";
import { nearAs, nearIds, orList, said, sayIn } from "../../src/text/cli-text.js";
import { formatIssues } from "../../src/text/issues-format.js";

describe("an issue said as catalogue sentences", () => {
  const issues: InputIssue[] = [];
  const report = new Reporter("firms.csv", issues);
  report.error("empty-cell", { line: 4, column: "name", value: "" }, said("input.empty-cell", { column: "name" }), said("input.empty-cell.fix", { column: "name" }));

  it("keeps its English as message and hint, for programs", () => {
    expect(issues[0]).toMatchObject({ message: "name is required but the cell is empty", hint: "fill in name" });
  });

  it("is worded in the user's language, and its JSON has no said", () => {
    const json = JSON.parse(formatIssues(issues, { color: false, format: "json", lang: "it" })) as InputIssue[];
    expect(json[0]).toEqual({ severity: "error", code: "empty-cell", file: "firms.csv", line: 4, column: "name", value: "", message: "name è obbligatoria ma la cella è vuota", hint: "compila name" });
    expect(JSON.parse(formatIssues(issues, { color: false, format: "json" }))[0]).not.toHaveProperty("said");
  });
});

describe("the cap on issues per file", () => {
  const issues: InputIssue[] = [];
  const report = new Reporter("firms.csv", issues);
  for (let line = 2; line <= MAX_ISSUES_PER_FILE + 3; line++) report.warning("country-alias", { line }, said("input.country-alias", { value: "USA", code: "US", name: "United States" }), said("input.country-alias.fix", { code: "US" }));
  const cap = issues.at(-1)!;

  it("says once, in each language, that further warnings are not listed", () => {
    expect(issues.filter((i) => i.code === "too-many-issues")).toHaveLength(1);
    expect(cap.message).toBe(`more than 1,000 problems in this file: from line ${MAX_ISSUES_PER_FILE + 2} on, further warnings are not listed`);
    const it_ = JSON.parse(formatIssues([cap], { color: false, format: "json", lang: "it" })) as InputIssue[];
    expect(it_[0]!.message).toBe(`più di 1000 problemi in questo file: dalla riga ${MAX_ISSUES_PER_FILE + 2} in poi, gli altri avvisi non sono elencati`);
  });
});

describe("phrases inside a said sentence", () => {
  it("words a suggestion and its list in the sentence's language", () => {
    const sentence = said("text.near", { near: orList(["UK", "US", "UY"]) });
    expect(sentence.en).toBe("; did you mean UK, US or UY?");
    expect(sayIn("it", sentence)).toBe("; forse intendevi UK, US o UY?");
    expect(sayIn("it", nearAs(["US"]))).toBe("; forse intendevi US?");
    expect(nearAs([]).en).toBe("");
  });

  it("lists the ids near an option's value with commas, in every language", () => {
    expect(nearIds(["BS-2026-02", "BS-2026-03"]).en).toBe("; did you mean BS-2026-02, BS-2026-03?");
    expect(sayIn("it", nearIds(["BS-2026-02", "BS-2026-03"]))).toBe("; forse intendevi BS-2026-02, BS-2026-03?");
    expect(sayIn("it", nearIds([]))).toBe("");
  });
});

describe("a table's rows named by the catalogue", () => {
  const spec = { what: "input.table.logEntries", maxRows: 10, columns: [{ name: "entry", required: true }] } as const;

  it("names them in each language, one and many (no English noun made by cutting an s)", () => {
    const issues: InputIssue[] = [];
    readTable({ name: "log.csv", bytes: new TextEncoder().encode("entry\n") }, spec, issues);
    expect(issues.map((i) => [i.code, i.message, i.hint])).toEqual([
      ["no-rows", "the file has a header but no log entries", "add one row per log entry, or check that the right file was exported"],
    ]);
    const [shown] = JSON.parse(formatIssues(issues, { color: false, format: "json", lang: "it" })) as InputIssue[];
    expect(`${shown!.message} ${shown!.hint}`).toMatch(/voci del registro .*voce del registro/);
  });
});
