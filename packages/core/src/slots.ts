/** A stop's time slots: real instants on the stop's date in its time zone (DST-correct), breaks, and who is present in each. */
import { DateTime } from "luxon";
import { InternalError } from "./errors.js";
import type { Slot, Stop, TimeOfDay, TimeWindow } from "./types.js";

const MINUTE = 60_000;

const instants = new Map<string, number>();

/** The real instant of a local time of day on the stop's date (luxon moves a time skipped by DST forward). */
export function instantOf(stop: Stop, time: TimeOfDay): number {
  // Every window of every participant asks again: zone arithmetic once per (date, zone, time).
  const key = `${stop.date}|${stop.timezone}|${time}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    const day = DateTime.fromISO(stop.date, { zone: stop.timezone });
    instant = day.set({ hour: Math.floor(time / 60), minute: time % 60, second: 0, millisecond: 0 }).toMillis();
    instants.set(key, instant);
  }
  return instant;
}

interface Interval {
  readonly start: number;
  readonly end: number;
}

function toInterval(stop: Stop, window: TimeWindow): Interval {
  return { start: instantOf(stop, window.start), end: instantOf(stop, window.end) };
}

/**
 * The stop's slots: from `start`, consecutive slots of `slotMinutes` separated by
 * `gapMinutes`; a slot that would overlap a break starts at the break's end
 * instead; the last ends no later than `end`. Arithmetic is on real instants,
 * so a session across a DST change has slots of true length.
 */
export function buildSlots(stop: Stop): Slot[] {
  const end = instantOf(stop, stop.end);
  const breaks = stop.breaks.map((b) => toInterval(stop, b)).sort((a, b) => a.start - b.start);
  const length = stop.slotMinutes * MINUTE;
  const slots: Slot[] = [];
  if (length <= 0) return slots;
  let t = instantOf(stop, stop.start);
  while (t + length <= end) {
    const clash = breaks.find((b) => t < b.end && t + length > b.start);
    if (clash) {
      t = clash.end;
      continue;
    }
    slots.push(makeSlot(stop, slots.length + 1, t, t + length));
    t += length + stop.gapMinutes * MINUTE;
  }
  return slots;
}

/** An instant's ISO text: the date and zone were validated, so luxon never answers null here. */
function iso(time: DateTime): string {
  const text = time.toISO();
  if (text === null) throw new InternalError(`no ISO time for an instant in ${time.zoneName ?? "no zone"}`);
  return text;
}

function makeSlot(stop: Stop, index: number, startMs: number, endMs: number): Slot {
  const start = DateTime.fromMillis(startMs, { zone: stop.timezone });
  const end = DateTime.fromMillis(endMs, { zone: stop.timezone });
  return {
    index,
    start: start.hour * 60 + start.minute,
    end: end.hour * 60 + end.minute,
    startIso: iso(start),
    endIso: iso(end),
    startMs,
    endMs,
  };
}

/**
 * Which slots lie wholly inside one of the windows (`null`: the whole session).
 * @returns one boolean per slot, in slot order.
 */
export function slotsInside(stop: Stop, slots: readonly Slot[], windows: readonly TimeWindow[] | null): boolean[] {
  if (windows === null) return slots.map(() => true);
  const intervals = windows.map((w) => toInterval(stop, w));
  return slots.map((s) => intervals.some((w) => w.start <= s.startMs && s.endMs <= w.end));
}

/** `HH:MM` of a time of day. */
export function formatTime(time: TimeOfDay): string {
  const h = Math.floor(time / 60);
  const m = time % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}
