// Core issues, data without sentences, are worded by the CLI from its catalogues: every code in every language, the English as the core wrote it before, the Italian with no English left (printed and as JSON).
import { explainFirm, formatPath, InvalidInstanceError, planSeason, planStop, replanStop, validateInstance, validateSeason, type InstanceIssue, type StopInstance } from "@roadshow/core";
import { describe, expect, it } from "vitest";
import type { InputIssue } from "../../src/issues.js";
import { reportError } from "../../src/main.js";
import { parseDataSet } from "../../src/read/index.js";
import { CORE_ISSUE_SENTENCES, coreIssueSentence, toInputIssue } from "../../src/read/instance-issues.js";
import { sayIn } from "../../src/text/cli-text.js";
import { isMessageKey, ownTemplate, TEXT_LANGS } from "../../src/text/i18n.js";
import { formatIssues } from "../../src/text/issues-format.js";
import { dataFiles } from "../read/builders.js";

const { data } = parseDataSet(dataFiles());
const base: StopInstance = { stop: data!.stops[0]!, ...data!, history: [] };
const [f0, f1] = [base.firms[0]!.id, base.firms[1]!.id];
const d0 = base.delegations[0]!.id;
const hhmm = (t: number) => `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`;

/** The first issue of `code` the core finds (or throws) on an instance. */
function found(code: string, instance: Partial<StopInstance>, path?: string): InstanceIssue {
  const issues = validateInstance({ ...base, ...instance }).filter((i) => i.code === code && (path === undefined || formatPath(i.path) === path));
  expect(issues, code).not.toEqual([]);
  return issues[0]!;
}

function thrown(call: () => unknown): InstanceIssue {
  try {
    call();
  } catch (error) {
    if (error instanceof InvalidInstanceError) return error.issues[0]!;
    throw error;
  }
  throw new Error("the core did not refuse");
}

const schedule = planStop(base);
const meeting = schedule.meetings[0]!;
const lock = { slot: meeting.slot, table: meeting.table, firmId: meeting.firmId, delegationId: meeting.delegationId };
const rival = schedule.meetings.find((m) => m.delegationId === lock.delegationId && m.firmId !== lock.firmId)!;
const stop = base.stop;
const firmWith = (over: object) => ({ firms: [{ ...base.firms[0]!, ...over }, ...base.firms.slice(1)] });
const delegationWith = (over: object) => ({ delegations: [{ ...base.delegations[0]!, ...over }, ...base.delegations.slice(1)] });

/** A real core issue of every kind, and its English as the core itself wrote it before it gave data only. */
const CASES: [InstanceIssue, string][] = [
  [found("missing-id", { stop: { ...stop, id: "" } }), "the stop has no id"],
  [found("missing-id", firmWith({ id: "" })), "an id is a non-empty text"],
  [found("duplicate-id", { firms: [base.firms[0]!, { ...base.firms[1]!, id: f0 }] }), `id ${f0} is already used by firms[0]`],
  [found("bad-date", { stop: { ...stop, date: "2026-13-01" } }), '"2026-13-01" is not a YYYY-MM-DD calendar date'],
  [found("bad-timezone", { stop: { ...stop, timezone: "Mars/Base" } }), '"Mars/Base" is not an IANA time zone (e.g. Europe/Rome)'],
  [found("bad-time", { stop: { ...stop, start: -10 } }), "expected whole minutes after midnight, 0 to 1440"],
  [found("end-before-start", { stop: { ...stop, start: 900, end: 840 } }), "the session ends at 14:00, not after it starts at 15:00"],
  [found("end-before-start", firmWith({ available: [{ start: 960, end: 930 }] })), "the window ends at 15:30, not after it starts at 16:00"],
  [found("bad-slot-length", { stop: { ...stop, slotMinutes: 0 } }), "a slot lasts a whole number of minutes, at least 1"],
  [found("bad-gap", { stop: { ...stop, gapMinutes: -5 } }), "the gap between slots is a whole number of minutes, 0 or more"],
  [found("no-slots", { stop: { ...stop, slotMinutes: 1000 } }), `no 1000-minute slot fits in the session ${hhmm(stop.start)}-${hhmm(stop.end)} outside its breaks`],
  [found("bad-window", firmWith({ available: [{ start: -1, end: 30 }] })), "a window's start and end must be whole minutes after midnight, 0 to 1440"],
  [found("overlapping-breaks", { stop: { ...stop, breaks: [{ start: 850, end: 900 }, { start: 860, end: 870 }] } }), "breaks 0 and 1 overlap"],
  [found("bad-capacity", delegationWith({ tables: 0 })), "tables is a whole number, at least 1"],
  [found("bad-capacity", firmWith({ representatives: 0 })), "representatives is a whole number, at least 1"],
  [found("bad-max-meetings", firmWith({ maxMeetings: -1 })), "maxMeetings is a whole number, 0 or more, or null for no cap"],
  [found("bad-country", delegationWith({ country: "usa" })), "expected an upper-case ISO 3166-1 alpha-2 code, e.g. US"],
  [found("bad-list", { stop: { ...stop, breaks: null as never } }), "expected a list of windows (empty for none)"],
  [found("bad-list", firmWith({ available: "x" })), "expected a list of windows, or null for the whole session"],
  [found("bad-list", firmWith({ sectors: "x" })), "expected a list of texts"],
  [found("bad-list", delegationWith({ stops: "x" })), "expected a list of texts, or null"],
  [found("bad-choice", { requests: [{ firmId: f0, country: "US", kind: "maybe" as "must" }] }), 'expected "must" or "avoid"'],
  [found("bad-score", { scores: [{ firmId: f0, delegationId: d0, score: -1 }] }), "a score is a finite number, 0 or more"],
  [found("duplicate-pair", { scores: [{ firmId: f0, delegationId: d0, score: 1 }, { firmId: f0, delegationId: d0, score: 2 }] }), `${f0} and ${d0} already have a score (scores[0])`],
  [found("must-and-avoid", { requests: [{ firmId: f1, country: "US", kind: "must" }, { firmId: f1, country: "US", kind: "avoid" }] }), `${f1} and US are both must and avoid (requests[0])`],
  [validateSeason({ ...data!, history: [], firms: [{ ...base.firms[0]!, stops: ["ZZ"] }] }).find((i) => i.code === "unknown-stop")!, "no stop has id ZZ"],
  [thrown(() => planSeason({ ...data!, history: [] }, { from: "NOPE" })), "from NOPE is not one of the season's stops"],
  [found("unknown-firm", { requests: [{ firmId: "GONE", country: "US", kind: "must" }] }), "no firm has id GONE; the request has no effect"],
  [found("unknown-firm", { scores: [{ firmId: "GONE", delegationId: d0, score: 1 }] }), "no firm has id GONE; the score has no effect"],
  [found("unknown-firm", { history: [{ firmId: "GONE", delegationId: d0, stopId: stop.id }] }), "no firm has id GONE; the entry has no effect"],
  [thrown(() => explainFirm(base, schedule, "NOPE")), `NOPE is not a firm registered for ${stop.id}`],
  [found("unknown-delegation", { scores: [{ firmId: f0, delegationId: "GONE", score: 1 }] }), "no delegation has id GONE; the score has no effect"],
  [found("unknown-delegation", { history: [{ firmId: f0, delegationId: "GONE", stopId: stop.id }] }), "no delegation has id GONE; the entry has no effect"],
  [
    thrown(() => replanStop(base, schedule.meetings, { locked: [{ ...lock, slot: 999 }] })),
    `locked meeting ${lock.firmId} × ${lock.delegationId} in slot 999 at table ${lock.table} is not valid now: the firm is not present in that slot; unlock it or move it`,
  ],
  [
    thrown(() => replanStop(base, schedule.meetings, { locked: [lock, { ...lock, firmId: rival.firmId }] })),
    `locked meeting ${rival.firmId} × ${lock.delegationId} in slot ${lock.slot} at table ${lock.table} is not valid now: it clashes with another lock; unlock it or move it`,
  ],
];

/** Words only English has: an Italian sentence with one of them kept some English. */
const ENGLISH = /\b(is|are|the|not|has|have|no|expected|already|whole|number|minutes|window|breaks|slot|meeting|locked|score|entry|request|lock|and|or|fix|please|value|report|registered)\b/;

describe("a core issue worded by the CLI", () => {
  it("covers every code the core reports", () => {
    const codes = new Set(CASES.map(([issue]) => issue.code));
    expect([...codes].sort()).toEqual(Object.keys(CORE_ISSUE_SENTENCES).sort());
  });

  it("has a sentence for every code in every language", () => {
    for (const code of Object.keys(CORE_ISSUE_SENTENCES)) {
      const key = `core.issue.${code}`;
      expect(isMessageKey(key), key).toBe(true);
      for (const lang of TEXT_LANGS) expect(ownTemplate(lang, key), `${lang} ${key}`).toBeTruthy();
    }
  });

  it.each(CASES.map(([issue, english]) => [formatPath(issue.path), issue, english] as const))("%s: English as before, Italian with no English left", (_path, issue, english) => {
    const sentence = coreIssueSentence(issue);
    expect(sentence.en).toBe(english);
    const italian = sayIn("it", sentence);
    expect(italian).not.toBe(english);
    expect(italian).not.toMatch(ENGLISH);
  });

  it("reads, in the files' terms, the record, the sentence and the path, in each language", () => {
    const issue = toInputIssue(found("bad-capacity", delegationWith({ tables: 0 })), base);
    expect(issue).toMatchObject({ file: "delegations.csv", column: "tables", value: "0" });
    expect(issue.message).toBe(`delegation ${d0}: tables is a whole number, at least 1 (delegations[0].tables)`);
    const [json] = JSON.parse(formatIssues([issue], { color: false, format: "json", lang: "it" })) as InputIssue[];
    expect(json).not.toHaveProperty("said");
    expect(json!.message).toBe(`delegazione ${d0}: tables è un numero intero, almeno 1 (delegations[0].tables)`);
    expect(json!.hint).toBe("correggi il valore nel file; i controlli dei dati lo hanno lasciato passare, quindi segnalalo anche ai manutentori di roadshow");
    const history = toInputIssue(found("unknown-firm", { history: [{ firmId: "GONE", delegationId: d0, stopId: stop.id }] }), { history: [{ firmId: "GONE" }] });
    expect(history.message).toBe("past meeting of firm GONE: no firm has id GONE; the entry has no effect (history[0].firmId)");
    expect(sayIn("it", history.said!.message)).toBe("incontro passato dell'impresa GONE: nessuna impresa ha id GONE; la voce non ha effetto (history[0].firmId)");
  });

  it("is printed in Italian under --lang it when the core refuses an instance, with no English left", () => {
    let error: unknown;
    try {
      planStop({ ...base, stop: { ...stop, timezone: "Mars/Base", slotMinutes: 0 } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInstanceError);
    const printed = (lang: string, format: "text" | "json") => {
      const err: string[] = [];
      expect(reportError(error, { stdout: () => undefined, stderr: (t: string) => void err.push(t), env: {}, color: false }, format, lang)).toBe(1);
      return err.join("");
    };
    const english = printed("en", "text");
    expect(english).toContain('"Mars/Base" is not an IANA time zone (e.g. Europe/Rome) (stop.timezone)');
    expect(english).toContain("a slot lasts a whole number of minutes, at least 1 (stop.slotMinutes)");
    const italian = printed("it", "text");
    expect(italian).toContain('"Mars/Base" non è un fuso orario IANA (ad es. Europe/Rome) (stop.timezone)');
    expect(italian).toContain("una fascia dura un numero intero di minuti, almeno 1 (stop.slotMinutes)");
    for (const issue of JSON.parse(printed("it", "json")) as InputIssue[]) {
      expect(`${issue.message} ${issue.hint}`).not.toMatch(ENGLISH);
    }
  });
});
