// Checks across files once each is read: stops, delegations and firms that can never meet, requests and scores that name no one.
import { buildSlots, slotsInside } from "@roadshow/core";
import type { Delegation, Firm, MeetingRequest, ScoreEntry, Stop, TimeWindow } from "@roadshow/core";
import type { InputIssue } from "../issues.js";
import { said } from "../text/cli-text.js";
import { Reporter } from "./report.js";
import { windowText } from "./stops.js";
import type { FileRead, Located } from "./table.js";

/** The clean rows of every data file, with their files. */
export interface ReadFiles {
  readonly stops: FileRead<Stop>;
  readonly delegations: FileRead<Delegation>;
  readonly firms: FileRead<Firm>;
  readonly requests: FileRead<MeetingRequest> | null;
  readonly scores: FileRead<ScoreEntry> | null;
}

interface StopPlan {
  readonly stop: Stop;
  /** Per window set: in which slots that party is present (memoised: firms share windows). */
  present(windows: readonly TimeWindow[] | null): readonly boolean[];
}

function stopPlan(stop: Stop): StopPlan {
  const slots = buildSlots(stop);
  const memo = new Map<string, readonly boolean[]>();
  return {
    stop,
    present(windows) {
      const key = windows === null ? "" : windows.map(windowText).join("|");
      let found = memo.get(key);
      if (found === undefined) {
        found = slotsInside(stop, slots, windows);
        memo.set(key, found);
      }
      return found;
    },
  };
}

const meets = (a: readonly boolean[], b: readonly boolean[]) => a.some((p, i) => p && b[i]);

function outsideWindows(report: Reporter, line: number, column: string, windows: readonly TimeWindow[] | null, stops: readonly Stop[]): void {
  if (windows === null || stops.length === 0) return;
  for (const w of windows) {
    if (stops.some((s) => w.start < s.end && s.start < w.end)) continue;
    const sessions = stops.map((s) => `${s.id} ${windowText(s)}`).join(", ");
    report.warning(
      "window-outside-session",
      { line, column, value: windowText(w) },
      said("input.window-outside-session.window", { window: windowText(w), sessions }),
      said("input.window-outside-session.window.fix", {}),
    );
  }
}

/**
 * Checks that need several files: availability windows against the sessions,
 * firms with no delegation they could meet at a stop, delegations at no stop,
 * `must` requests for a country no delegation comes from. All are warnings:
 * the data is consistent, but probably not what the organiser meant.
 */
export function checkReferences(files: ReadFiles, out: InputIssue[]): void {
  const plans = new Map(files.stops.items.map((s) => [s.value.id, stopPlan(s.value)]));
  const attended = (d: Delegation) => (d.stops === null ? [...plans.values()] : d.stops.flatMap((id) => plans.get(id) ?? []));
  checkDelegations(files.delegations, attended, out);
  checkFirms(files, plans, attended, out);
  checkRequests(files, out);
}

function checkDelegations(read: FileRead<Delegation>, attended: (d: Delegation) => StopPlan[], out: InputIssue[]): void {
  const report = new Reporter(read.file, out);
  for (const { value: d, line } of read.items) {
    const plans = attended(d);
    outsideWindows(report, line, read.column("available"), d.available, plans.map((p) => p.stop));
    if (plans.length > 0 && !plans.some((p) => p.present(d.available).some(Boolean))) {
      report.warning(
        "delegation-at-no-stop",
        { line, column: read.column(d.available === null ? "stops" : "available"), value: d.id },
        said("input.delegation-at-no-stop", { delegation: d.id }),
        said("input.delegation-at-no-stop.fix", {}),
      );
    }
  }
}

function checkFirms(files: ReadFiles, plans: ReadonlyMap<string, StopPlan>, attended: (d: Delegation) => StopPlan[], out: InputIssue[]): void {
  const report = new Reporter(files.firms.file, out);
  const byStop = new Map<string, Delegation[]>();
  for (const { value: d } of files.delegations.items) {
    for (const p of attended(d)) {
      const list = byStop.get(p.stop.id);
      if (list === undefined) byStop.set(p.stop.id, [d]);
      else list.push(d);
    }
  }
  const avoided = new Set((files.requests?.items ?? []).filter((r) => r.value.kind === "avoid").map((r) => `${r.value.firmId}\u0000${r.value.country}`));
  const scored = files.scores === null ? null : positiveScores(files.scores);
  // Without readable delegations every firm would be flagged: one error already says why.
  if (files.delegations.known === null) return;
  for (const { value: f, line } of files.firms.items) {
    const mine = f.stops.flatMap((id) => plans.get(id) ?? []);
    outsideWindows(report, line, files.firms.column("available"), f.available, mine.map((p) => p.stop));
    for (const plan of mine) {
      const present = plan.present(f.available);
      const eligible = (byStop.get(plan.stop.id) ?? []).some(
        (d) =>
          !avoided.has(`${f.id}\u0000${d.country}`) &&
          (scored === null || scored.get(f.id)?.has(d.id) === true) &&
          meets(present, plan.present(d.available)),
      );
      if (!eligible) {
        report.warning(
          "no-eligible-delegation",
          { line, column: files.firms.column("stops"), value: plan.stop.id },
          said("input.no-eligible-delegation", { firm: f.id, stop: plan.stop.id, scored: scored === null ? "no" : "yes" }),
          said("input.no-eligible-delegation.fix", {}),
        );
      }
    }
  }
}

/** Firm → delegations it has a score > 0 with. */
function positiveScores(scores: FileRead<ScoreEntry>): Map<string, Set<string>> {
  const byFirm = new Map<string, Set<string>>();
  for (const { value: s } of scores.items) {
    if (s.score <= 0) continue;
    const set = byFirm.get(s.firmId);
    if (set === undefined) byFirm.set(s.firmId, new Set([s.delegationId]));
    else set.add(s.delegationId);
  }
  return byFirm;
}

function checkRequests(files: ReadFiles, out: InputIssue[]): void {
  if (files.requests === null || files.delegations.known === null) return;
  const report = new Reporter(files.requests.file, out);
  const countries = new Set(files.delegations.items.map((d) => d.value.country));
  const musts: Located<MeetingRequest>[] = files.requests.items.filter((r) => r.value.kind === "must");
  for (const { value: r, line } of musts) {
    if (countries.has(r.country)) continue;
    report.warning(
      "country-without-delegation",
      { line, column: files.requests.column("country"), value: r.country },
      said("input.country-without-delegation", { country: r.country, file: files.delegations.file }),
      said("input.country-without-delegation.fix", { country: r.country }),
    );
  }
}
