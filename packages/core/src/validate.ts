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

/** Nothing besides the path and the value: the code says it all. */
type NoParams = Readonly<Record<string, never>>;

/**
 * Why a `replanStop` lock does not hold: one of the reasons a meeting cannot
 * be kept (`MeetingChangeReason`), or `clash`: it takes what another lock took.
 */
export type LockProblem = "firm-absent" | "delegation-absent" | "firm-window" | "delegation-window" | "capacity" | "other-table" | "rule" | "clash";

/**
 * What each kind of issue carries besides its path and value, as data for a
 * program to word in its own language (the CLI does, from its catalogues).
 * Times are minutes after midnight; indexes are into the list the path names.
 * @example { "no-slots": { slotMinutes: 90, start: 840, end: 900 } }
 */
export interface InstanceIssueParams {
  readonly "missing-id": NoParams;
  /** `first`: the index in the same list of the record that has the id first. */
  readonly "duplicate-id": { readonly first: number };
  readonly "bad-date": NoParams;
  readonly "bad-timezone": NoParams;
  /** `stop.start` or `stop.end` is not a whole minute in 0–1440. */
  readonly "bad-time": NoParams;
  /** The session (path `…end`) or a window (path `…[i]`) that does not end after it starts. */
  readonly "end-before-start": { readonly of: "session" | "window"; readonly start: number; readonly end: number };
  readonly "bad-slot-length": NoParams;
  readonly "bad-gap": NoParams;
  /** The slot length and the session's times, no slot of which fits outside the breaks. */
  readonly "no-slots": { readonly slotMinutes: number; readonly start: number; readonly end: number };
  /** A window's start or end is not a whole minute in 0–1440. */
  readonly "bad-window": NoParams;
  /** `other`: the index of the break (in `breaks`) that the one at the path overlaps. */
  readonly "overlapping-breaks": { readonly other: number };
  /** `tables` or `representatives` (the path's last name) below 1 or not whole. */
  readonly "bad-capacity": NoParams;
  readonly "bad-max-meetings": NoParams;
  readonly "bad-country": NoParams;
  /**
   * A list field that is not a list of the items expected: `windows` (breaks,
   * `available`) or `texts` (ids); `nullable` when `null` would do too
   * (`available`: the whole session; a delegation's `stops`: every stop).
   */
  readonly "bad-list": { readonly items: "windows" | "texts"; readonly nullable: boolean };
  /** The values allowed (a request's `kind`: `must`, `avoid`). */
  readonly "bad-choice": { readonly choices: readonly string[] };
  readonly "bad-score": NoParams;
  /** The pair, and the index of its first score. */
  readonly "duplicate-pair": { readonly firmId: string; readonly delegationId: string; readonly first: number };
  /** The firm and country, and the index of the first request of the other kind. */
  readonly "must-and-avoid": { readonly firmId: string; readonly country: string; readonly first: number };
  /** A stop id named by a firm or delegation (`…stops[k]`), or `planSeason`'s `from` (path `["options", "from"]`). */
  readonly "unknown-stop": NoParams;
  /**
   * A request, score or history entry naming a firm the instance lacks (a
   * warning), or `explainFirm`'s firm (path `["firmId"]`, an error): `stop` is
   * then the stop the firm is not registered for.
   */
  readonly "unknown-firm": { readonly stop?: string };
  readonly "unknown-delegation": NoParams;
  /** A re-plan's locked meeting that breaks a rule now (`replanStop`'s `locked`), and why. */
  readonly "bad-lock": { readonly firmId: string; readonly delegationId: string; readonly slot: number; readonly table: number; readonly problem: LockProblem };
}

/** Kinds of problem `validateInstance` reports (the CLI's input checks use the same words). */
export type InstanceIssueCode = keyof InstanceIssueParams;

/**
 * One problem of an instance, as data: no sentence, for the caller to word it
 * in its own language from `code`, `params`, `path` and `value` (the CLI
 * words it from its catalogues). Errors make `planStop`, `replanStop` and
 * `planSeason` throw an `InvalidInstanceError`; warnings do not: a request,
 * score or history entry naming a firm or delegation the instance does not
 * have (withdrawn, or left out on purpose) has no effect.
 * @example { severity: "error", code: "bad-timezone", path: ["stop", "timezone"], value: "Mars/Base", params: {} }
 */
export type InstanceIssue = { readonly [C in InstanceIssueCode]: InstanceIssueOf<C> }[InstanceIssueCode];

/**
 * An issue of one code, its `params` typed by the code.
 * @example InstanceIssueOf<"duplicate-id"> // { …, code: "duplicate-id", params: { first: number } }
 */
export interface InstanceIssueOf<C extends InstanceIssueCode> {
  readonly severity: "error" | "warning";
  readonly code: C;
  /**
   * Where, as the property names and list indexes into the instance (as zod's
   * issues give it): `["stop", "date"]`, `["firms", 3, "available", 0]`;
   * `formatPath` writes it as `firms[3].available[0]`.
   */
  readonly path: IssuePath;
  /** The offending value, as given. */
  readonly value: unknown;
  readonly params: InstanceIssueParams[C];
}

/** An issue's params as arguments: none for a code that carries nothing. */
type ParamsArg<C extends InstanceIssueCode> = InstanceIssueParams[C] extends NoParams ? [] : [params: InstanceIssueParams[C]];

/** One issue of `code`, built where it is found. */
export function instanceIssue<C extends InstanceIssueCode>(severity: "error" | "warning", code: C, path: IssuePath, value: unknown, ...params: ParamsArg<C>): InstanceIssue {
  // The union cannot follow the generic code: the record built is the one of `C`.
  return { severity, code, path, value, params: params[0] ?? {} } as InstanceIssueOf<C> as InstanceIssue;
}

/** Collects issues under a path prefix. */
class Issues {
  readonly list: InstanceIssue[] = [];

  error<C extends InstanceIssueCode>(code: C, path: IssuePath, value: unknown, ...params: ParamsArg<C>): void {
    this.list.push(instanceIssue("error", code, path, value, ...params));
  }

  warning<C extends InstanceIssueCode>(code: C, path: IssuePath, value: unknown, ...params: ParamsArg<C>): void {
    this.list.push(instanceIssue("warning", code, path, value, ...params));
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

function checkWindow(out: Issues, path: IssuePath, w: TimeWindow): boolean {
  if (!isTime(w?.start) || !isTime(w?.end)) {
    out.error("bad-window", path, w);
    return false;
  }
  if (w.end <= w.start) {
    out.error("end-before-start", path, w, { of: "window", start: w.start, end: w.end });
    return false;
  }
  return true;
}

function checkWindows(out: Issues, path: IssuePath, windows: readonly TimeWindow[] | null): void {
  if (windows === null) return;
  if (!Array.isArray(windows)) {
    out.error("bad-list", path, windows, { items: "windows", nullable: true });
    return;
  }
  windows.forEach((w, i) => checkWindow(out, [...path, i], w));
}

function checkIdList(out: Issues, path: IssuePath, list: readonly string[] | null, allowNull: boolean): void {
  if (list === null && allowNull) return;
  if (!Array.isArray(list) || list.some((s) => typeof s !== "string")) {
    out.error("bad-list", path, list, { items: "texts", nullable: allowNull });
  }
}

/** The stop's own fields; `path` is `stop` or `stops[i]`. */
function checkStop(out: Issues, path: IssuePath, stop: Stop): void {
  // A season's stop ids are checked with the other lists' ids.
  if (path.length === 1 && path[0] === "stop" && (typeof stop.id !== "string" || stop.id === "")) out.error("missing-id", [...path, "id"], stop.id);
  if (!isCalendarDate(stop.date)) out.error("bad-date", [...path, "date"], stop.date);
  if (!isTimeZone(stop.timezone)) out.error("bad-timezone", [...path, "timezone"], stop.timezone);
  const times = [
    ["start", stop.start],
    ["end", stop.end],
  ] as const;
  for (const [key, t] of times) {
    if (!isTime(t)) out.error("bad-time", [...path, key], t);
  }
  if (isTime(stop.start) && isTime(stop.end) && stop.end <= stop.start) {
    out.error("end-before-start", [...path, "end"], stop.end, { of: "session", start: stop.start, end: stop.end });
  }
  if (!isInteger(stop.slotMinutes) || stop.slotMinutes <= 0) {
    out.error("bad-slot-length", [...path, "slotMinutes"], stop.slotMinutes);
  }
  if (!isInteger(stop.gapMinutes) || stop.gapMinutes < 0) {
    out.error("bad-gap", [...path, "gapMinutes"], stop.gapMinutes);
  }
  let breaksOk = Array.isArray(stop.breaks);
  if (!breaksOk) out.error("bad-list", [...path, "breaks"], stop.breaks, { items: "windows", nullable: false });
  else stop.breaks.forEach((b, i) => (breaksOk = checkWindow(out, [...path, "breaks", i], b) && breaksOk));
  if (breaksOk) {
    const order = stop.breaks.map((b, i) => ({ b, i })).sort((x, y) => x.b.start - y.b.start);
    for (let k = 1; k < order.length; k++) {
      const [a, b] = [at(order, k - 1), at(order, k)];
      if (b.b.start < a.b.end) out.error("overlapping-breaks", [...path, "breaks", b.i], b.b, { other: a.i });
    }
  }
  // Slots are only worth building on a stop whose fields are all sound.
  if (out.list.some((i) => i.severity === "error" && i.path.length > path.length && path.every((part, k) => i.path[k] === part))) return;
  if (buildSlots(stop).length === 0) {
    out.error("no-slots", [...path, "slotMinutes"], stop.slotMinutes, { slotMinutes: stop.slotMinutes, start: stop.start, end: stop.end });
  }
}

/** Ids of one list: missing and duplicate ids are errors; returns the ids seen. */
function checkIds(out: Issues, list: string, items: readonly { readonly id: string }[]): Set<string> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    if (typeof item.id !== "string" || item.id === "") {
      out.error("missing-id", [list, i, "id"], item.id);
      return;
    }
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else out.error("duplicate-id", [list, i, "id"], item.id, { first: seen });
  });
  return new Set(first.keys());
}

function checkDelegation(out: Issues, path: IssuePath, d: Delegation): void {
  if (typeof d.country !== "string" || !COUNTRY.test(d.country)) out.error("bad-country", [...path, "country"], d.country);
  if (!isInteger(d.tables) || d.tables < 1) out.error("bad-capacity", [...path, "tables"], d.tables);
  checkIdList(out, [...path, "stops"], d.stops, true);
  checkIdList(out, [...path, "sectors"], d.sectors, false);
  checkWindows(out, [...path, "available"], d.available);
}

function checkFirm(out: Issues, path: IssuePath, f: Firm): void {
  if (!isInteger(f.representatives) || f.representatives < 1) out.error("bad-capacity", [...path, "representatives"], f.representatives);
  if (f.maxMeetings !== null && (!isInteger(f.maxMeetings) || f.maxMeetings < 0)) {
    out.error("bad-max-meetings", [...path, "maxMeetings"], f.maxMeetings);
  }
  for (const key of ["sectors", "stops", "targets", "markets"] as const) checkIdList(out, [...path, key], f[key], false);
  if (f.ateco !== undefined) checkIdList(out, [...path, "ateco"], f.ateco, false);
  checkWindows(out, [...path, "available"], f.available);
}

function checkRequests(out: Issues, requests: readonly MeetingRequest[], firms: ReadonlySet<string>): void {
  const kinds = new Map<string, { kind: string; index: number }>();
  requests.forEach((r, i) => {
    const path: IssuePath = ["requests", i];
    if (!firms.has(r.firmId)) out.warning("unknown-firm", [...path, "firmId"], r.firmId, {});
    if (typeof r.country !== "string" || !COUNTRY.test(r.country)) out.error("bad-country", [...path, "country"], r.country);
    if (r.kind !== "must" && r.kind !== "avoid") {
      out.error("bad-choice", [...path, "kind"], r.kind, { choices: ["must", "avoid"] });
      return;
    }
    const key = `${r.firmId}\u0000${r.country}`;
    const earlier = kinds.get(key);
    if (earlier === undefined) kinds.set(key, { kind: r.kind, index: i });
    else if (earlier.kind !== r.kind) out.error("must-and-avoid", [...path, "kind"], r.kind, { firmId: r.firmId, country: r.country, first: earlier.index });
  });
}

function checkScores(out: Issues, scores: readonly ScoreEntry[], firms: ReadonlySet<string>, delegations: ReadonlySet<string>): void {
  const seen = new Map<string, number>();
  scores.forEach((s, i) => {
    const path: IssuePath = ["scores", i];
    if (!firms.has(s.firmId)) out.warning("unknown-firm", [...path, "firmId"], s.firmId, {});
    if (!delegations.has(s.delegationId)) out.warning("unknown-delegation", [...path, "delegationId"], s.delegationId);
    if (typeof s.score !== "number" || !Number.isFinite(s.score) || s.score < 0) out.error("bad-score", [...path, "score"], s.score);
    const key = `${s.firmId}\u0000${s.delegationId}`;
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, i);
    else out.error("duplicate-pair", path, s.score, { firmId: s.firmId, delegationId: s.delegationId, first: earlier });
  });
}

function checkHistory(out: Issues, history: readonly PastMeeting[], firms: ReadonlySet<string>, delegations: ReadonlySet<string>): void {
  history.forEach((m, i) => {
    const path: IssuePath = ["history", i];
    // Past meetings of firms or delegations no longer registered are harmless: they cannot meet again anyway.
    if (!firms.has(m.firmId)) out.warning("unknown-firm", [...path, "firmId"], m.firmId, {});
    if (!delegations.has(m.delegationId)) out.warning("unknown-delegation", [...path, "delegationId"], m.delegationId);
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
        if (!stops.has(id)) out.error("unknown-stop", [...path, k], id);
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
 * // [{ severity: "error", code: "bad-timezone", path: ["stop", "timezone"], value: "Mars/Base", params: {} }]
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
