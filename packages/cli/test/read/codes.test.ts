// Every documented input issue code, produced by a located example with its message.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES } from "../../src/issues.js";
import { MAX_FILE_BYTES, MAX_ROWS, parseDataSet } from "../../src/read/index.js";
import { MAX_CELL_CHARS } from "../../src/read/limits.js";
import type { DataFiles, InputIssue } from "../../src/read/index.js";
import { answerRow, changeRow, csv, dataFiles, delegationRow, file, firmRow, outcomeRow, requestRow, scoreRow, stopRow, validRows } from "./builders.js";

interface Case {
  readonly code: string;
  readonly files: () => DataFiles;
  readonly file: string;
  readonly line: number | null;
  readonly column: string | null;
  readonly value?: string;
  readonly severity?: "error" | "warning";
}

const rows = validRows();
const withStops = (...over: Parameters<typeof stopRow>) => dataFiles({ stops: [stopRow(...over), rows.stops[1]!] });
const withFirm = (over: Parameters<typeof firmRow>[0]) => dataFiles({ firms: [firmRow(over), ...rows.firms.slice(1)] });
const withDelegation = (over: Parameters<typeof delegationRow>[0]) => dataFiles({ delegations: [delegationRow(over), rows.delegations[1]!] });
const replace = (name: "stops" | "delegations" | "firms", bytes: string | Uint8Array) => () => ({
  ...dataFiles(),
  [name]: file(`${name}.csv`, bytes),
});

/** One case per code that file contents can trigger (fs-only codes are in files.test.ts). */
const CASES: readonly Case[] = [
  { code: "file-too-large", files: replace("firms", new Uint8Array(MAX_FILE_BYTES + 1)), file: "firms.csv", line: null, column: null },
  { code: "empty-file", files: replace("firms", ""), file: "firms.csv", line: null, column: null },
  { code: "not-csv", files: replace("stops", new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 1])), file: "stops.csv", line: null, column: null },
  {
    code: "not-utf8",
    severity: "warning",
    files: replace("firms", iconv.encode(csv(rows.firms.map((f) => ({ ...f, name: `${f.name} Società` }))), "win1252")),
    file: "firms.csv",
    line: null,
    column: null,
  },
  {
    code: "too-many-rows",
    files: () => dataFiles({ stops: Array.from({ length: MAX_ROWS.stops + 1 }, (_, i) => stopRow({ stop_id: `S${i}` })) }),
    file: "stops.csv",
    line: null,
    column: null,
  },
  {
    code: "no-rows",
    severity: "warning",
    files: () => ({ ...dataFiles(), delegations: file("delegations.csv", "delegation_id,country,name\n") }),
    file: "delegations.csv",
    line: 1,
    column: null,
  },
  {
    code: "too-many-issues",
    files: () => dataFiles({ firms: Array.from({ length: 1_001 }, (_, i) => firmRow({ firm_id: `F${i}`, targets: "XX" })) }),
    file: "firms.csv",
    line: 1_002,
    column: null,
  },
  {
    code: "long-cell",
    files: replace("firms", `${csv(rows.firms)}F0009,${"x".repeat(MAX_CELL_CHARS + 1)},mechanics,BG-2026-03,,,,,1\n`),
    file: "firms.csv",
    line: 5,
    column: null,
  },
  {
    code: "bad-quote",
    files: replace("firms", `${csv(rows.firms)}F0009,"Bad "quote" srl",mechanics,BG-2026-03,,,,,1\n`),
    file: "firms.csv",
    line: 5,
    column: null,
  },
  { code: "ragged-row", files: replace("firms", `${csv(rows.firms)}F0009,Short,mechanics\n`), file: "firms.csv", line: 5, column: null },
  { code: "no-header", files: replace("stops", "BG,Bergamo,2026-03-18,mechanics,14:00,18:00,20\n"), file: "stops.csv", line: 1, column: null },
  {
    code: "missing-column",
    files: () => dataFiles({ delegations: rows.delegations.map(({ country: _, ...d }) => d) }),
    file: "delegations.csv",
    line: 1,
    column: "country",
  },
  {
    code: "duplicate-column",
    files: replace("firms", csv(rows.firms, { header: ["firm_id", "name", "sectors", "stops", "Name"] })),
    file: "firms.csv",
    line: 1,
    column: "Name",
  },
  {
    code: "unknown-column",
    severity: "warning",
    files: () => dataFiles({ firms: rows.firms.map((f) => ({ ...f, Notes: "x" })) }),
    file: "firms.csv",
    line: 1,
    column: "Notes",
  },
  { code: "empty-cell", files: () => withStops({ city: "" }), file: "stops.csv", line: 2, column: "city" },
  { code: "bad-id", files: () => withFirm({ firm_id: "F1|F2" }), file: "firms.csv", line: 2, column: "firm_id", value: "F1|F2" },
  {
    code: "duplicate-id",
    files: () => dataFiles({ firms: [...rows.firms, firmRow({ name: "Again" })] }),
    file: "firms.csv",
    line: 5,
    column: "firm_id",
    value: "F0001",
  },
  { code: "bad-time", files: () => withStops({ start: "9.30" }), file: "stops.csv", line: 2, column: "start", value: "9.30" },
  { code: "bad-window", files: () => withStops({ breaks: "15:40/16:00" }), file: "stops.csv", line: 2, column: "breaks" },
  { code: "end-before-start", files: () => withStops({ end: "13:00" }), file: "stops.csv", line: 2, column: "end", value: "13:00" },
  { code: "bad-date", files: () => withStops({ date: "2026-02-30" }), file: "stops.csv", line: 2, column: "date" },
  { code: "bad-timezone", files: () => withStops({ timezone: "Europe/Rom" }), file: "stops.csv", line: 2, column: "timezone" },
  { code: "bad-number", files: () => withDelegation({ tables: "two" }), file: "delegations.csv", line: 2, column: "tables" },
  { code: "not-integer", files: () => withStops({ slot_minutes: "20.5" }), file: "stops.csv", line: 2, column: "slot_minutes" },
  { code: "out-of-range", files: () => withFirm({ representatives: "0" }), file: "firms.csv", line: 2, column: "representatives" },
  { code: "zero-max-meetings", severity: "warning", files: () => withFirm({ max_meetings: "0" }), file: "firms.csv", line: 2, column: "max_meetings" },
  {
    code: "decimal-comma",
    severity: "warning",
    files: () => dataFiles({ scores: [scoreRow({ score: "12,5" })] }),
    file: "scores.csv",
    line: 2,
    column: "score",
  },
  { code: "bad-choice", files: () => dataFiles({ requests: [requestRow({ kind: "maybe" })] }), file: "requests.csv", line: 2, column: "kind" },
  { code: "unknown-country", files: () => withFirm({ targets: "US|USX" }), file: "firms.csv", line: 2, column: "targets", value: "USX" },
  { code: "country-alias", severity: "warning", files: () => withDelegation({ country: "USA" }), file: "delegations.csv", line: 2, column: "country" },
  { code: "bad-sector", files: () => withStops({ sector: "???" }), file: "stops.csv", line: 2, column: "sector" },
  { code: "sector-alias", severity: "warning", files: () => withFirm({ sectors: "Meccanica" }), file: "firms.csv", line: 2, column: "sectors" },
  { code: "unknown-sector", severity: "warning", files: () => withFirm({ sectors: "mechanics|robots" }), file: "firms.csv", line: 2, column: "sectors", value: "robots" },
  { code: "bad-ateco", files: () => withFirm({ ateco: "XYZ" }), file: "firms.csv", line: 2, column: "ateco", value: "XYZ" },
  { code: "duplicate-in-list", severity: "warning", files: () => withFirm({ targets: "US|DE|US" }), file: "firms.csv", line: 2, column: "targets" },
  { code: "unknown-stop", files: () => withFirm({ stops: "BG-2026-3" }), file: "firms.csv", line: 2, column: "stops", value: "BG-2026-3" },
  { code: "unknown-firm", severity: "warning", files: () => dataFiles({ requests: [requestRow(), requestRow({ firm_id: "F9999" })] }), file: "requests.csv", line: 3, column: "firm_id" },
  {
    code: "unknown-delegation",
    severity: "warning",
    files: () => dataFiles({ scores: [scoreRow({ delegation_id: "XX-CG" })] }),
    file: "scores.csv",
    line: 2,
    column: "delegation_id",
  },
  { code: "overlapping-breaks", files: () => withStops({ breaks: "15:00-15:30|15:20-15:40" }), file: "stops.csv", line: 2, column: "breaks" },
  {
    code: "window-outside-session",
    severity: "warning",
    files: () => withStops({ breaks: "10:00-10:30" }),
    file: "stops.csv",
    line: 2,
    column: "breaks",
    value: "10:00-10:30",
  },
  { code: "slot-too-long", files: () => withStops({ slot_minutes: "300" }), file: "stops.csv", line: 2, column: "slot_minutes" },
  { code: "no-slots", files: () => withStops({ breaks: "14:10-18:00" }), file: "stops.csv", line: 2, column: "breaks" },
  { code: "no-sector", files: () => withFirm({ sectors: "" }), file: "firms.csv", line: 2, column: "sectors" },
  {
    code: "duplicate-request",
    severity: "warning",
    files: () => dataFiles({ requests: [requestRow(), requestRow()] }),
    file: "requests.csv",
    line: 3,
    column: "kind",
  },
  {
    code: "must-and-avoid",
    files: () => dataFiles({ requests: [requestRow(), requestRow({ kind: "avoid" })] }),
    file: "requests.csv",
    line: 3,
    column: "kind",
  },
  { code: "duplicate-pair", files: () => dataFiles({ scores: [scoreRow(), scoreRow({ score: "3" })] }), file: "scores.csv", line: 3, column: "delegation_id" },
  {
    code: "no-eligible-delegation",
    severity: "warning",
    files: () => dataFiles({ requests: [requestRow({ firm_id: "F0003", kind: "avoid" })] }),
    file: "firms.csv",
    line: 4,
    column: "stops",
    value: "MI-2026-04",
  },
  {
    code: "delegation-at-no-stop",
    severity: "warning",
    files: () => dataFiles({ delegations: [rows.delegations[0]!, delegationRow({ ...rows.delegations[1], available: "09:00-10:00" })] }),
    file: "delegations.csv",
    line: 3,
    column: "available",
  },
  {
    code: "country-without-delegation",
    severity: "warning",
    files: () => dataFiles({ requests: [requestRow({ country: "JP" })] }),
    file: "requests.csv",
    line: 2,
    column: "country",
    value: "JP",
  },
  { code: "bad-lang", files: () => withFirm({ lang: "xx" }), file: "firms.csv", line: 2, column: "lang", value: "xx" },
  { code: "lang-alias", severity: "warning", files: () => withDelegation({ lang: "Inglese" }), file: "delegations.csv", line: 2, column: "lang", value: "Inglese" },
  { code: "lang-texts-in-english", severity: "warning", files: () => withDelegation({ lang: "de" }), file: "delegations.csv", line: 2, column: "lang", value: "de" },
  { code: "bad-email", files: () => withDelegation({ email: "consul@example" }), file: "delegations.csv", line: 2, column: "email", value: "consul@example" },
  { code: "bad-website", files: () => withFirm({ website: "www orobica it" }), file: "firms.csv", line: 2, column: "website", value: "www orobica it" },
  { code: "unknown-participant", files: () => dataFiles({ changes: [changeRow({ participant_id: "US-GC" })] }), file: "changes.csv", line: 2, column: "participant_id", value: "US-GC" },
  {
    code: "ambiguous-participant",
    files: () => dataFiles({ firms: [...rows.firms, firmRow({ firm_id: "US-CG" })], changes: [changeRow({ participant_id: "US-CG" })] }),
    file: "changes.csv",
    line: 2,
    column: "participant_id",
  },
  { code: "wrong-kind", files: () => dataFiles({ changes: [changeRow({ status: "", tables: "2" })] }), file: "changes.csv", line: 2, column: "tables" },
  { code: "duplicate-change", files: () => dataFiles({ changes: [changeRow(), changeRow({ status: "present" })] }), file: "changes.csv", line: 3, column: "participant_id" },
  { code: "empty-change", severity: "warning", files: () => dataFiles({ changes: [changeRow({ status: "" })] }), file: "changes.csv", line: 2, column: "participant_id" },
  {
    code: "absent-with-overrides",
    severity: "warning",
    files: () => dataFiles({ changes: [changeRow({ representatives: "2" })] }),
    file: "changes.csv",
    line: 2,
    column: "status",
  },
  {
    code: "absent-not-registered",
    severity: "warning",
    files: () => dataFiles({ changes: [changeRow({ participant_id: "F0003" })] }),
    file: "changes.csv",
    line: 2,
    column: "status",
  },
  { code: "bad-yes-no", files: () => dataFiles({ outcomes: [outcomeRow({ held: "maybe" })] }), file: "outcomes.csv", line: 2, column: "held" },
  { code: "duplicate-outcome", files: () => dataFiles({ outcomes: [outcomeRow(), outcomeRow()] }), file: "outcomes.csv", line: 3, column: "delegation_id" },
  { code: "wrong-respondent", files: () => dataFiles({ answers: [answerRow({ respondent_id: "F0002" })] }), file: "answers.csv", line: 2, column: "respondent_id" },
  { code: "duplicate-answer", files: () => dataFiles({ answers: [answerRow(), answerRow({ rating: "5" })] }), file: "answers.csv", line: 3, column: "respondent_id" },
];

// Codes met only with real files or command lines: files.test.ts and faults.test.ts.
// no-agenda is met by `roadshow report` (report.test.ts).
const FS_ONLY = ["no-agenda", "missing-folder", "missing-file", "unreadable-file", "duplicate-file", "own-history", "other-stop"];
// Codes of agenda files read back: agenda.test.ts.
const AGENDA_ONLY = ["date-mismatch", "unknown-slot", "slot-mismatch"];
// Codes of the workspace (log.csv, versions): workspace-log.test.ts and test/workspace-e2e.test.ts.
const WORKSPACE_ONLY = ["bad-entry", "unexpected-value", "no-time-left", "not-at-stop", "already-undone", "no-such-meeting", "bad-version"];
// Codes of workbook inputs only: xlsx.test.ts.
const WORKBOOK_ONLY = ["not-xlsx", "hidden-sheet", "unknown-sheet", "error-cell", "unlabelled-column"];
// Codes of the --weights file (weights.test.ts) and of a firm's ATECO codes no sector maps (explain-ateco.test.ts).
const OTHER_ONLY = ["unknown-weight", "duplicate-weight", "unknown-ateco"];

describe("every issue code, located", () => {
  it.each(CASES)("$code", (c) => {
    const { data, issues } = parseDataSet(c.files());
    const found = issues.filter((i) => i.code === c.code);
    expect(found.length, JSON.stringify(issues, null, 1)).toBeGreaterThan(0);
    const severity = c.severity ?? "error";
    expect(found[0]).toMatchObject({ severity, file: c.file, line: c.line, column: c.column, ...(c.value !== undefined && { value: c.value }) });
    expect(found[0]!.message.length).toBeGreaterThan(10);
    expect(found[0]!.hint.length).toBeGreaterThan(5);
    expect(data === null).toBe(issues.some((i) => i.severity === "error"));
    if (severity === "error") expect(data).toBeNull();
  });

  it("covers every documented code (fs-only ones in files.test.ts, agenda ones in agenda.test.ts, workbook ones in xlsx.test.ts, workspace ones in workspace-log.test.ts, weights and ATECO ones in weights.test.ts and explain-ateco.test.ts)", () => {
    const tested = new Set([...CASES.map((c) => c.code), ...FS_ONLY, ...AGENDA_ONLY, ...WORKBOOK_ONLY, ...WORKSPACE_ONLY, ...OTHER_ONLY]);
    expect(Object.keys(ISSUE_CODES).filter((c) => !tested.has(c))).toEqual([]);
  });
});

describe("messages", () => {
  const first = (files: DataFiles, code: string): InputIssue => parseDataSet(files).issues.find((i) => i.code === code)!;

  it("name both lines of a duplicate id", () => {
    const issue = first(dataFiles({ firms: [...rows.firms, firmRow()] }), "duplicate-id");
    expect(issue.message).toContain("line 5");
    expect(issue.message).toContain("line 2");
  });

  it("suggest the near value", () => {
    expect(first(withFirm({ targets: "USX" }), "unknown-country").message).toBe('"USX" is not a country code; did you mean US?');
    expect(first(withFirm({ stops: "BG-2026-3" }), "unknown-stop").message).toContain("did you mean BG-2026-03?");
    expect(first(withStops({ start: "9.30" }), "bad-time").hint).toBe("write 09:30");
    expect(first(withStops({ date: "18/03/2026" }), "bad-date").hint).toBe("write 2026-03-18");
    expect(first(withFirm({ max_meetings: "0" }), "zero-max-meetings").hint).toBe("leave max_meetings empty for no cap");
    const missing = first(dataFiles({ delegations: rows.delegations.map(({ country, ...d }) => ({ ...d, Countri: country! })) }), "missing-column");
    expect(missing.message).toContain("did you mean Countri?");
  });

  it("never suggest another firm for a firm's request, score, change or outcome", () => {
    const near = "F0020"; // one edit from F0002
    const issues = parseDataSet(
      dataFiles({
        requests: [requestRow({ firm_id: near })],
        scores: [scoreRow({ firm_id: near })],
        changes: [changeRow({ participant_id: near })],
        outcomes: [outcomeRow({ firm_id: near })],
      }),
    ).issues.filter((i) => i.value === near);
    expect(issues.map((i) => i.file).sort()).toEqual(["changes.csv", "outcomes.csv", "requests.csv", "scores.csv"]);
    for (const issue of issues) expect(`${issue.message} ${issue.hint}`).not.toMatch(/F000\d/);
    // A delegation id is still suggested: the change stays with the same participant.
    expect(first(dataFiles({ changes: [changeRow({ participant_id: "US-GC" })] }), "unknown-participant").message).toContain("did you mean US-CG?");
  });

  it("read Italian status words and yes/no variants", () => {
    const { data } = parseDataSet(dataFiles({ changes: [changeRow({ status: "Assente" })], outcomes: [outcomeRow({ held: "sì", follow_up: "1" })] }));
    expect(data!.changes.map((c) => c.status)).toEqual(["absent"]);
    expect(data!.outcomes).toEqual([{ stopId: "BG-2026-03", firmId: "F0001", delegationId: "US-CG", held: true, followUp: true }]);
  });

  it("name the counts of a ragged row and the size limit of a too-large file", () => {
    expect(first({ ...dataFiles(), firms: file("firms.csv", `${csv(rows.firms)}F9,X\n`) }, "ragged-row").message).toContain("2 cells but the header has 9");
    const tooMany = first(dataFiles({ stops: Array.from({ length: 1_500 }, (_, i) => stopRow({ stop_id: `S${i}` })) }), "too-many-rows");
    expect(tooMany.message).toBe("the file has 1,500 stops; at most 1,000 are supported");
  });

  it("report 100,000 firms as too many, saying what is too big", () => {
    const line = "F,Acme,mechanics,BG-2026-03\n";
    const big = `firm_id,name,sectors,stops\n${line.repeat(100_000)}`;
    const issue = first({ ...dataFiles(), firms: file("firms.csv", big) }, "too-many-rows");
    expect(issue).toMatchObject({ file: "firms.csv", severity: "error" });
    expect(issue.message).toBe("the file has 100,000 firms; at most 50,000 are supported");
  });
});

describe("all issues in one run", () => {
  it("collects problems of every file and row, not just the first", () => {
    const { data, issues } = parseDataSet(
      dataFiles({
        stops: [stopRow({ start: "9.30", date: "2026-13-01" }), rows.stops[1]!],
        delegations: [delegationRow({ country: "XX" }), delegationRow({ delegation_id: "DE-CG", tables: "-1" })],
        firms: [firmRow({ stops: "NOPE" }), firmRow({ firm_id: "F0002", max_meetings: "-1" }), rows.firms[2]!],
        requests: [requestRow({ firm_id: "F404" })],
        changes: [changeRow({ stop_id: "BG-2026-3" }), changeRow({ participant_id: "F0002", status: "gone" })],
        outcomes: [outcomeRow({ delegation_id: "XX-CG", follow_up: "perhaps" })],
      }),
    );
    expect(data).toBeNull();
    const where = issues.filter((i) => i.severity === "error").map((i) => `${i.file}:${i.line}:${i.code}`);
    expect(where).toEqual([
      "stops.csv:2:bad-date",
      "stops.csv:2:bad-time",
      "delegations.csv:2:unknown-country",
      "delegations.csv:3:out-of-range",
      "firms.csv:2:unknown-stop",
      "firms.csv:3:out-of-range",
      "changes.csv:2:unknown-stop",
      "changes.csv:3:bad-choice",
      "outcomes.csv:2:unknown-delegation",
      "outcomes.csv:2:bad-yes-no",
    ]);
    // A request of a firm no longer in firms.csv is only a warning: the firm withdrew.
    expect(issues.filter((i) => i.code === "unknown-firm").map((i) => i.severity)).toEqual(["warning"]);
  });

  it("does not bury the other files under follow-on errors when one file is unreadable", () => {
    const { issues } = parseDataSet({ ...dataFiles(), stops: file("stops.csv", "") });
    expect(issues.map((i) => i.code)).toEqual(["empty-file"]);
  });
});
