/**
 * Checks an instance before it is planned: every value the pipeline relies on
 * (a real date, a known time zone, a session with slots, positive capacities,
 * unique ids, references that resolve), reported as data with a path such as
 * `stop.timezone` or `firms[3].available[0]`, all at once.
 */
import { buildSlots } from "./slots.js";
import type { Delegation, Firm, MeetingRequest, PastMeeting, ScoreEntry, Stop, StopInstance, TimeWindow } from "./types.js";

import { InvalidInstanceError, type IssuePath } from "./errors.js";
import { at } from "./at.js";

/** Kinds of problem `validateInstance` reports (the CLI's input checks use the same words). */
export type InstanceIssueCode =
  | "missing-id"
  | "duplicate-id"
  | "bad-date"
  | "bad-timezone"
  | "bad-time"
  | "end-before-start"
  | "bad-slot-length"
  | "bad-gap"
  | "no-slots"
  | "bad-window"
  | "overlapping-breaks"
  | "bad-capacity"
  | "bad-max-meetings"
  | "bad-country"
  | "bad-list"
  | "bad-choice"
  | "bad-score"
  | "duplicate-pair"
  | "must-and-avoid"
  | "unknown-stop"
  | "unknown-firm"
  | "unknown-delegation"
  /** A re-plan's locked meeting that breaks a rule now (`replanStop`'s `locked`). */
  | "bad-lock";

/**
 * One problem of an instance. Errors make `planStop`, `replanStop` and
 * `planSeason` throw an `InvalidInstanceError`; warnings do not: a request,
 * score or history entry naming a firm or delegation the instance does not
 * have (withdrawn, or left out on purpose) has no effect.
 * @example { severity: "error", code: "bad-timezone", path: ["stop", "timezone"],
 *   message: "\"Mars/Base\" is not an IANA time zone", value: "Mars/Base" }
 */
export interface InstanceIssue {
  readonly severity: "error" | "warning";
  readonly code: InstanceIssueCode;
  /**
   * Where, as the property names and list indexes into the instance (as zod's
   * issues give it): `["stop", "date"]`, `["firms", 3, "available", 0]`;
   * `formatPath` writes it as `firms[3].available[0]`.
   */
  readonly path: IssuePath;
  readonly message: string;
  /** The offending value, as given. */
  readonly value: unknown;
}

/** Collects issues under a path prefix. */
class Issues {
  readonly list: InstanceIssue[] = [];

  error(code: InstanceIssueCode, path: IssuePath, message: string, value: unknown): void {
    this.list.push({ severity: "error", code, path, message, value });
  }

  warning(code: InstanceIssueCode, path: IssuePath, message: string, value: unknown): void {
    this.list.push({ severity: "warning", code, path, message, value });
  }
}

const DAY_MINUTES = 24 * 60;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COUNTRY = /^[A-Z]{2}$/;

const isInteger = (n: unknown): n is number => typeof n === "number" && Number.isInteger(n);
const isTime = (n: unknown): n is number => isInteger(n) && n >= 0 && n <= DAY_MINUTES;

/** Whether the text is a real `YYYY-MM-DD` calendar date. */
function isCalendarDate(text: unknown): boolean {
  const m = typeof text === "string" ? ISO_DATE.exec(text) : null;
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: that one reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Whether `Intl` knows the IANA zone (the same zones luxon computes slots in). */
function isTimeZone(zone: unknown): boolean {
  if (typeof zone !== "string" || zone === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const hhmm = (t: number): string => `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`;

function checkWindow(out: Issues, path: IssuePath, w: TimeWindow): boolean {
  if (!isTime(w?.start) || !isTime(w?.end)) {
    out.error("bad-window", path, "a window's start and end must be whole minutes after midnight, 0 to 1440", w);
    return false;
  }
  if (w.end <= w.start) {
    out.error("end-before-start", path, `the window ends at ${hhmm(w.end)}, not after it starts at ${hhmm(w.start)}`, w);
    return false;
  }
  return true;
}

function checkWindows(out: Issues, path: IssuePath, windows: readonly TimeWindow[] | null): void {
  if (windows === null) return;
  if (!Array.isArray(windows)) {
    out.error("bad-list", path, "expected a list of windows, or null for the whole session", windows);
    return;
  }
  windows.forEach((w, i) => checkWindow(out, [...path, i], w));
}

function checkIdList(out: Issues, path: IssuePath, list: readonly string[] | null, allowNull: boolean): void {
  if (list === null && allowNull) return;
  if (!Array.isArray(list) || list.some((s) => typeof s !== "string")) {
    out.error("bad-list", path, `expected a list of texts${allowNull ? ", or null" : ""}`, list);
  }
}

/** The stop's own fields; `path` is `stop` or `stops[i]`. */
function checkStop(out: Issues, path: IssuePath, stop: Stop): void {
  // A season's stop ids are checked with the other lists' ids.
  if (path.length === 1 && path[0] === "stop" && (typeof stop.id !== "string" || stop.id === "")) out.error("missing-id", [...path, "id"], "the stop has no id", stop.id);
  if (!isCalendarDate(stop.date)) out.error("bad-date", [...path, "date"], `"${String(stop.date)}" is not a YYYY-MM-DD calendar date`, stop.date);
  if (!isTimeZone(stop.timezone)) out.error("bad-timezone", [...path, "timezone"], `"${String(stop.timezone)}" is not an IANA time zone (e.g. Europe/Rome)`, stop.timezone);
  const times = [
    ["start", stop.start],
    ["end", stop.end],
  ] as const;
  for (const [key, t] of times) {
    if (!isTime(t)) out.error("bad-time", [...path, key], "expected whole minutes after midnight, 0 to 1440", t);
  }
  if (isTime(stop.start) && isTime(stop.end) && stop.end <= stop.start) {
    out.error("end-before-start", [...path, "end"], `the session ends at ${hhmm(stop.end)}, not after it starts at ${hhmm(stop.start)}`, stop.end);
  }
  if (!isInteger(stop.slotMinutes) || stop.slotMinutes <= 0) {
    out.error("bad-slot-length", [...path, "slotMinutes"], "a slot lasts a whole number of minutes, at least 1", stop.slotMinutes);
  }
  if (!isInteger(stop.gapMinutes) || stop.gapMinutes < 0) {
    out.error("bad-gap", [...path, "gapMinutes"], "the gap between slots is a whole number of minutes, 0 or more", stop.gapMinutes);
  }
  let breaksOk = Array.isArray(stop.breaks);
  if (!breaksOk) out.error("bad-list", [...path, "breaks"], "expected a list of windows (empty for none)", stop.breaks);
  else stop.breaks.forEach((b, i) => (breaksOk = checkWindow(out, [...path, "breaks", i], b) && breaksOk));
  if (breaksOk) {
    const order = stop.breaks.map((b, i) => ({ b, i })).sort((x, y) => x.b.start - y.b.start);
    for (let k = 1; k < order.length; k++) {
      const [a, b] = [at(order, k - 1), at(order, k)];
      if (b.b.start < a.b.end) out.error("overlapping-breaks", [...path, "breaks", b.i], `breaks ${a.i} and ${b.i} overlap`, b.b);
    }
  }
  // Slots are only worth building on a stop whose fields are all sound.
  if (out.list.some((i) => i.severity === "error" && i.path.length > path.length && path.every((part, k) => i.path[k] === part))) return;
  if (buildSlots(stop).length === 0) {
    out.error("no-slots", [...path, "slotMinutes"], `no ${stop.slotMinutes}-minute slot fits in the session ${hhmm(stop.start)}-${hhmm(stop.end)} outside its breaks`, stop.slotMinutes);
  }
}

/** Ids of one list: missing and duplicate ids are errors; returns the ids seen. */
function checkIds(out: Issues, list: string, items: readonly { readonly id: string }[]): Set<string> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    if (typeof item.id !== "string" || item.id === "") {
      out.error("missing-id", [list, i, "id"], "an id is a non-empty text", item.id);
      return;
    }
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else out.error("duplicate-id", [list, i, "id"], `id ${item.id} is already used by ${list}[${seen}]`, item.id);
  });
  return new Set(first.keys());
}

function checkDelegation(out: Issues, path: IssuePath, d: Delegation): void {
  if (typeof d.country !== "string" || !COUNTRY.test(d.country)) out.error("bad-country", [...path, "country"], "expected an upper-case ISO 3166-1 alpha-2 code, e.g. US", d.country);
  if (!isInteger(d.tables) || d.tables < 1) out.error("bad-capacity", [...path, "tables"], "tables is a whole number, at least 1", d.tables);
  checkIdList(out, [...path, "stops"], d.stops, true);
  checkIdList(out, [...path, "sectors"], d.sectors, false);
  checkWindows(out, [...path, "available"], d.available);
}

function checkFirm(out: Issues, path: IssuePath, f: Firm): void {
  if (!isInteger(f.representatives) || f.representatives < 1) out.error("bad-capacity", [...path, "representatives"], "representatives is a whole number, at least 1", f.representatives);
  if (f.maxMeetings !== null && (!isInteger(f.maxMeetings) || f.maxMeetings < 0)) {
    out.error("bad-max-meetings", [...path, "maxMeetings"], "maxMeetings is a whole number, 0 or more, or null for no cap", f.maxMeetings);
  }
  for (const key of ["sectors", "stops", "targets", "markets"] as const) checkIdList(out, [...path, key], f[key], false);
  if (f.ateco !== undefined) checkIdList(out, [...path, "ateco"], f.ateco, false);
  checkWindows(out, [...path, "available"], f.available);
}

function checkRequests(out: Issues, requests: readonly MeetingRequest[], firms: ReadonlySet<string>): void {
  const kinds = new Map<string, { kind: string; index: number }>();
  requests.forEach((r, i) => {
    const path: IssuePath = ["requests", i];
    if (!firms.has(r.firmId)) out.warning("unknown-firm", [...path, "firmId"], `no firm has id ${String(r.firmId)}; the request has no effect`, r.firmId);
    if (typeof r.country !== "string" || !COUNTRY.test(r.country)) out.error("bad-country", [...path, "country"], "expected an upper-case ISO 3166-1 alpha-2 code, e.g. US", r.country);
    if (r.kind !== "must" && r.kind !== "avoid") {
      out.error("bad-choice", [...path, "kind"], `expected "must" or "avoid"`, r.kind);
      return;
    }
    const key = `${r.firmId}\u0000${r.country}`;
    const earlier = kinds.get(key);
    if (earlier === undefined) kinds.set(key, { kind: r.kind, index: i });
    else if (earlier.kind !== r.kind) out.error("must-and-avoid", [...path, "kind"], `${r.firmId} and ${r.country} are both must and avoid (requests[${earlier.index}])`, r.kind);
  });
}

function checkScores(out: Issues, scores: readonly ScoreEntry[], firms: ReadonlySet<string>, delegations: ReadonlySet<string>): void {
  const seen = new Map<string, number>();
  scores.forEach((s, i) => {
    const path: IssuePath = ["scores", i];
    if (!firms.has(s.firmId)) out.warning("unknown-firm", [...path, "firmId"], `no firm has id ${String(s.firmId)}; the score has no effect`, s.firmId);
    if (!delegations.has(s.delegationId)) out.warning("unknown-delegation", [...path, "delegationId"], `no delegation has id ${String(s.delegationId)}; the score has no effect`, s.delegationId);
    if (typeof s.score !== "number" || !Number.isFinite(s.score) || s.score < 0) out.error("bad-score", [...path, "score"], "a score is a finite number, 0 or more", s.score);
    const key = `${s.firmId}\u0000${s.delegationId}`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, i);
    else out.error("duplicate-pair", path, `${s.firmId} and ${s.delegationId} already have a score (scores[${earlier}])`, s.score);
  });
}

function checkHistory(out: Issues, history: readonly PastMeeting[], firms: ReadonlySet<string>, delegations: ReadonlySet<string>): void {
  history.forEach((m, i) => {
    const path: IssuePath = ["history", i];
    // Past meetings of firms or delegations no longer registered are harmless: they cannot meet again anyway.
    if (!firms.has(m.firmId)) out.warning("unknown-firm", [...path, "firmId"], `no firm has id ${String(m.firmId)}; the entry has no effect`, m.firmId);
    if (!delegations.has(m.delegationId)) out.warning("unknown-delegation", [...path, "delegationId"], `no delegation has id ${String(m.delegationId)}; the entry has no effect`, m.delegationId);
  });
}

/** Everything but the stops: participants, requests, scores, history. */
function checkParticipants(out: Issues, input: Omit<StopInstance, "stop">, stops: ReadonlySet<string> | null): void {
  const delegationIds = checkIds(out, "delegations", input.delegations);
  const firmIds = checkIds(out, "firms", input.firms);
  input.delegations.forEach((d, i) => checkDelegation(out, ["delegations", i], d));
  input.firms.forEach((f, i) => checkFirm(out, ["firms", i], f));
  if (stops !== null) {
    const refer = (path: IssuePath, ids: readonly string[] | null) =>
      ids?.forEach((id, k) => {
        if (!stops.has(id)) out.error("unknown-stop", [...path, k], `no stop has id ${id}`, id);
      });
    input.delegations.forEach((d, i) => Array.isArray(d.stops) && refer(["delegations", i, "stops"], d.stops));
    input.firms.forEach((f, i) => Array.isArray(f.stops) && refer(["firms", i, "stops"], f.stops));
  }
  checkRequests(out, input.requests, firmIds);
  if (input.scores !== null) checkScores(out, input.scores, firmIds, delegationIds);
  checkHistory(out, input.history, firmIds, delegationIds);
}

/**
 * Every problem of a stop instance, errors and warnings, in instance order;
 * `[]` when it can be planned as given. `planStop` runs it first and throws
 * an `InvalidInstanceError` with the errors.
 * @example validateInstance({ ...instance, stop: { ...stop, timezone: "Mars/Base" } })
 * // [{ severity: "error", code: "bad-timezone", path: ["stop", "timezone"], message: "…", value: "Mars/Base" }]
 */
export function validateInstance(instance: StopInstance): InstanceIssue[] {
  const out = new Issues();
  checkStop(out, ["stop"], instance.stop);
  checkParticipants(out, instance, null);
  return out.list;
}

/**
 * `validateInstance` for a season: every stop (paths `stops[i]…`), unique stop
 * ids, and the stops each firm and delegation names must exist.
 */
export function validateSeason(input: { readonly stops: readonly Stop[] } & Omit<StopInstance, "stop">): InstanceIssue[] {
  const out = new Issues();
  const stopIds = checkIds(out, "stops", input.stops);
  input.stops.forEach((s, i) => checkStop(out, ["stops", i], s));
  checkParticipants(out, input, stopIds);
  return out.list;
}

/** Throws an `InvalidInstanceError` with the instance's errors, if it has any. */
export function assertValidInstance(instance: StopInstance): void {
  const errors = validateInstance(instance).filter((i) => i.severity === "error");
  if (errors.length > 0) throw new InvalidInstanceError(errors);
}

/** Throws an `InvalidInstanceError` with the season's errors, if it has any. */
export function assertValidSeason(input: Parameters<typeof validateSeason>[0]): void {
  const errors = validateSeason(input).filter((i) => i.severity === "error");
  if (errors.length > 0) throw new InvalidInstanceError(errors);
}
