// VTIMEZONE components computed from luxon for the span of a session.
import { DateTime } from "luxon";
import { localDateTime, paramValue, utcOffset } from "./ics-text.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** How far back a zone's last offset change is looked for; older ones become a fixed observance from 1970. */
const LOOK_BACK = 2 * 366 * DAY;
const LOOK_AHEAD = 366 * DAY;
/** Offset changes are months apart; two within a week would cancel out and leave the offset right anyway. */
const WEEK = 7 * DAY;

function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

/** One onset of a UTC offset: a STANDARD or DAYLIGHT sub-component. */
export interface Observance {
  /** The instant the offset starts to apply. */
  readonly atMs: number;
  readonly from: number;
  readonly to: number;
  readonly daylight: boolean;
  readonly name: string;
}

/** The exact instant (ms) in `(a, b]` where the offset changes, given `offsetAt(a) !== offsetAt(b)`. */
function bisect(zone: string, a: number, b: number): number {
  const before = offsetAt(zone, a);
  while (b - a > 1) {
    const mid = a + Math.floor((b - a) / 2);
    if (offsetAt(zone, mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

/** An abbreviation such as `CEST`; ICU gives `GMT+4` for zones without one, written then as tzdata does (`+04`). */
function zoneName(zone: string, ms: number, offset: number): string {
  for (const locale of ["en-US", "en-GB"]) {
    const name = DateTime.fromMillis(ms, { zone }).setLocale(locale).offsetNameShort;
    if (name && !/^(GMT|UTC)([+-]|$)/.test(name)) return name;
  }
  const text = utcOffset(offset);
  return text.endsWith("00") ? text.slice(0, 3) : text;
}

function observance(zone: string, atMs: number, from: number): Observance {
  const to = offsetAt(zone, atMs);
  const at = DateTime.fromMillis(atMs, { zone });
  return { atMs, from, to, daylight: at.isInDST, name: zoneName(zone, atMs, to) };
}

/** Offset changes in `(from, to]`, scanning in `step` increments. */
function changes(zone: string, from: number, to: number, step: number): number[] {
  const found: number[] = [];
  for (let a = from; a < to; a += step) {
    const b = Math.min(a + step, to);
    if (offsetAt(zone, a) !== offsetAt(zone, b)) found.push(bisect(zone, a, b));
  }
  return found;
}

/**
 * The observances a VTIMEZONE needs so that every instant in `[fromMs, toMs]` resolves:
 * the last offset change before it, any inside, and the next one after. Computed from
 * the runtime's zone data through luxon, so there is no hand-kept zone table.
 */
export function observances(zone: string, fromMs: number, toMs: number): Observance[] {
  let last: number | undefined;
  for (let b = fromMs; b > fromMs - LOOK_BACK && last === undefined; b -= WEEK) {
    if (offsetAt(zone, b - WEEK) !== offsetAt(zone, b)) last = bisect(zone, b - WEEK, b);
  }
  const inside = changes(zone, fromMs, toMs, HOUR);
  const after = changes(zone, toMs, toMs + LOOK_AHEAD, WEEK).slice(0, 1);
  const onsets = [...(last === undefined ? [] : [last]), ...inside, ...after];
  const list = onsets.map((at) => observance(zone, at, offsetAt(zone, at - 1)));
  if (last === undefined) {
    const offset = offsetAt(zone, fromMs);
    const epoch = Date.UTC(1970, 0, 1) - offset * 60_000;
    list.unshift({ ...observance(zone, fromMs, offset), atMs: epoch });
  }
  return list;
}

/** A VTIMEZONE component (content lines) for `zone`, valid over `[fromMs, toMs]`. */
export function vtimezone(zone: string, fromMs: number, toMs: number): string[] {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${paramValue(zone)}`];
  for (const o of observances(zone, fromMs, toMs)) {
    const kind = o.daylight ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      // DTSTART of an observance is the local time just before the change, i.e. in the old offset.
      `DTSTART:${localDateTime(o.atMs, o.from)}`,
      `TZOFFSETFROM:${utcOffset(o.from)}`,
      `TZOFFSETTO:${utcOffset(o.to)}`,
      `TZNAME:${o.name}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

/**
 * Whether the wall-clock time of `ms` in `zone` also names another instant (the repeated
 * hour when clocks go back). RFC 5545 reads such a TZID time as the first occurrence and
 * parsers disagree, so these instants are written in UTC instead.
 */
export function isAmbiguous(zone: string, ms: number): boolean {
  const own = offsetAt(zone, ms);
  const wall = ms + own * 60_000;
  const nearby = new Set([offsetAt(zone, ms - DAY), offsetAt(zone, ms + DAY)]);
  nearby.delete(own);
  return [...nearby].some((o) => offsetAt(zone, wall - o * 60_000) === o);
}
