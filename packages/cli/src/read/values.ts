// Parsers of single cells: text, ids, lists, times, windows, numbers, yes/no, time zones.
import { DateTime, IANAZone } from "luxon";
import { formatTime } from "@roadshow/core";
import type { TimeOfDay, TimeWindow } from "@roadshow/core";
import { fail, ok } from "./report.js";
import type { Note, Parsed, Parser } from "./report.js";
import { nearAs, nearest } from "./suggest.js";
import { said } from "../text/cli-text.js";
import type { Said } from "../issues.js";

/** Any text (cells arrive trimmed). */
export const parseText: Parser<string> = (raw) => ok(raw);

/** An id: any text without the list separator `|`. */
export const parseId: Parser<string> = (raw) =>
  raw.includes("|")
    ? fail("bad-id", said("input.bad-id", { value: raw }), said("input.bad-id.fix", {}))
    : ok(raw);

/** `|`-separated items; empty items are dropped; every item's problems are reported. */
export function listOf<T>(item: Parser<T>): Parser<T[]> {
  return (raw) => {
    const values: T[] = [];
    const errors: Note[] = [];
    const warnings: Note[] = [];
    for (const part of raw.split("|").map((p) => p.trim())) {
      if (part === "") continue;
      const r = item(part);
      warnings.push(...r.warnings.map((w) => ({ ...w, value: w.value ?? part })));
      if (r.ok) values.push(r.value);
      else errors.push(...r.errors.map((e) => ({ ...e, value: e.value ?? part })));
    }
    return errors.length > 0 ? { ok: false, errors, warnings } : ok(values, warnings);
  };
}

const TIME = /^(\d{1,2}):(\d{2})(?::(00))?$/;
// Common near-misses: 9.30, 9,30, 9h30.
const LOOSE_TIME = /^(\d{1,2})[.,hH](\d{2})$/;

function clock(hours: string, minutes: string): TimeOfDay | null {
  const h = Number(hours);
  const m = Number(minutes);
  return h < 24 && m < 60 ? h * 60 + m : null;
}

/** A loosely written time (`9.30`, `9:30`), for hints only. */
function looseTime(raw: string): TimeOfDay | null {
  const m = TIME.exec(raw) ?? LOOSE_TIME.exec(raw);
  return m === null ? null : clock(m[1]!, m[2]!);
}

/**
 * `HH:MM` 24 h (`9:30` and `14:00:00` accepted). `9.30` is an error whose hint
 * gives `09:30`: a dot may also be an Excel decimal, so it is not guessed.
 */
export const parseTime: Parser<TimeOfDay> = (raw) => {
  const m = TIME.exec(raw);
  const time = m === null ? null : clock(m[1]!, m[2]!);
  if (time !== null) return ok(time);
  const loose = looseTime(raw);
  return fail(
    "bad-time",
    said("input.bad-time", { value: raw }),
    loose === null ? said("input.bad-time.fix", {}) : said("input.bad-time.near.fix", { time: formatTime(loose) }),
  );
};

const DASH = /\s*[-–—]\s*/;

/** `HH:MM-HH:MM`, start before end. */
export const parseWindow: Parser<TimeWindow> = (raw) => {
  const parts = raw.split(DASH);
  const [a, b] = parts.map((p) => (TIME.exec(p) === null ? null : looseTime(p)));
  if (parts.length !== 2 || a == null || b == null) {
    const loose = parts.map(looseTime);
    const fix =
      loose.length === 2 && loose.every((t) => t !== null)
        ? said("input.bad-window.near.fix", { window: loose.map((t) => formatTime(t!)).join("-") })
        : said("input.bad-window.fix", {});
    return fail("bad-window", said("input.bad-window", { value: raw }), fix);
  }
  if (b <= a) {
    return fail(
      "end-before-start",
      said("input.end-before-start", { value: raw, end: formatTime(b), start: formatTime(a) }),
      b < a ? said("input.end-before-start.swap.fix", { window: `${formatTime(b)}-${formatTime(a)}` }) : said("input.end-before-start.fix", {}),
    );
  }
  return ok({ start: a, end: b });
};

export const parseWindows: Parser<TimeWindow[]> = listOf(parseWindow);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function isoDate(y: number, m: number, d: number): string | null {
  const date = DateTime.fromObject({ year: y, month: m, day: d });
  return date.isValid ? date.toISODate() : null;
}

// Dates repeat on every row of an agenda: each distinct cell is checked once (the answers are immutable).
const dates = new Map<string, Parsed<string>>();

/** `YYYY-MM-DD`, a real calendar date. A day-first date gets its ISO form as hint. */
export const parseDate: Parser<string> = (raw) => {
  let parsed = dates.get(raw);
  if (parsed === undefined) {
    parsed = checkDate(raw);
    if (dates.size < 10_000) dates.set(raw, parsed);
  }
  return parsed;
};

function checkDate(raw: string): Parsed<string> {
  const m = ISO_DATE.exec(raw);
  if (m !== null) {
    const date = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return date !== null ? ok(date) : fail("bad-date", said("input.bad-date.calendar", { value: raw }), said("input.bad-date.calendar.fix", {}));
  }
  const d = DAY_FIRST.exec(raw);
  const iso = d === null ? null : isoDate(Number(d[3]), Number(d[2]), Number(d[1]));
  return fail("bad-date", said("input.bad-date", { value: raw }), iso === null ? said("input.bad-date.fix", {}) : said("input.bad-date.near.fix", { date: iso }));
}

let zones: readonly string[] | null = null;
function allZones(): readonly string[] {
  zones ??= Intl.supportedValuesOf("timeZone");
  return zones;
}

/** An IANA time zone such as `Europe/Rome`, in its canonical spelling. */
export const parseTimezone: Parser<string> = (raw) => {
  if (IANAZone.isValidZone(raw)) {
    return ok(allZones().find((z) => z.toLowerCase() === raw.toLowerCase()) ?? raw);
  }
  const near = nearest(raw, allZones(), 3);
  return fail(
    "bad-timezone",
    said("input.bad-timezone", { value: raw, near: nearAs(near) }),
    near.length > 0 ? said("input.bad-timezone.near.fix", { zone: near[0]! }) : said("input.bad-timezone.fix", {}),
  );
};

const INTEGER = /^[+-]?\d+(?:[.,]0+)?$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function outOfRange(raw: string, min: number, max: number): Parsed<never> {
  return fail("out-of-range", said("input.out-of-range.integer", { value: raw, min, max }), said("input.out-of-range.integer.fix", { min, max }));
}

/** A whole number in `[min, max]` (`20.0` is read as 20). */
export function parseInteger(min: number, max: number): Parser<number> {
  return (raw) => {
    if (INTEGER.test(raw)) {
      const n = Number.parseInt(raw, 10);
      return n < min || n > max ? outOfRange(raw, min, max) : ok(n);
    }
    if (DECIMAL.test(raw.replace(",", "."))) {
      return fail("not-integer", said("input.not-integer", { value: raw }), said("input.not-integer.fix", { min, max }));
    }
    return fail("bad-number", said("input.bad-number.integer", { value: raw }), said("input.bad-number.integer.fix", { min, max }));
  };
}

/** A number ≥ 0; a decimal comma (`1,5`) is read with a warning. */
export const parseScore: Parser<number> = (raw) => {
  const comma = /^[+-]?\d+,\d+$/.test(raw);
  const text = comma ? raw.replace(",", ".") : raw;
  if (!DECIMAL.test(text)) {
    return fail("bad-number", said("input.bad-number.score", { value: raw }), said("input.bad-number.score.fix", {}));
  }
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) {
    return fail("out-of-range", said("input.out-of-range.score", { value: raw }), said("input.out-of-range.score.fix", {}));
  }
  const warnings: Note[] = comma
    ? [{ code: "decimal-comma", message: said("input.decimal-comma", { value: raw, read: String(n) }), hint: said("input.decimal-comma.fix", { written: text }) }]
    : [];
  return ok(n, warnings);
};

/** One of a few fixed words, case-insensitive. */
export function parseChoice<T extends string>(choices: readonly T[]): Parser<T> {
  return (raw) => {
    const word = raw.toLowerCase();
    const found = choices.find((c) => c === word);
    if (found !== undefined) return ok(found);
    const near = nearest(word, choices, 3, 1);
    return fail(
      "bad-choice",
      said("input.bad-choice", { value: raw, choices: choices.join(", "), near: nearAs(near) }),
      near.length > 0 ? said("input.bad-choice.near.fix", { choice: near[0]! }) : said("input.bad-choice.fix", { choices: eachOr(choices) }),
    );
  };
}

/** Words each joined by "or" (`must or maybe or avoid`; "o" in Italian). */
function eachOr(words: readonly string[]): Said {
  return words.length < 2 ? said("text.list.one", { item: words[0] ?? "" }) : said("text.list.or", { first: words[0]!, last: eachOr(words.slice(1)) });
}
