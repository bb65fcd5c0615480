// VTIMEZONE from luxon: observances around the covered range equal luxon's offsets everywhere.
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { isAmbiguous, observances, vtimezone } from "../../src/write/vtimezone.js";

const ms = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

describe("VTIMEZONE from luxon offsets", () => {
  test("Europe/Rome in March 2026: last change before (Oct 2025), next after (Mar 29), observance times in the old offset", () => {
    const lines = vtimezone("Europe/Rome", ms("2026-03-18T14:00:00+01:00"), ms("2026-03-18T18:00:00+01:00"));
    expect(lines).toEqual([
      "BEGIN:VTIMEZONE",
      "TZID:Europe/Rome",
      ...["BEGIN:STANDARD", "DTSTART:20251026T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "END:STANDARD"],
      ...["BEGIN:DAYLIGHT", "DTSTART:20260329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "END:DAYLIGHT"],
      "END:VTIMEZONE",
    ]);
  });

  test("a zone without changes gets one fixed observance from 1970; without an abbreviation it is named as tzdata does", () => {
    const dubai = vtimezone("Asia/Dubai", ms("2026-05-01T09:00:00+04:00"), ms("2026-05-01T12:00:00+04:00"));
    expect(dubai.slice(2, 8)).toEqual(["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0400", "TZOFFSETTO:+0400", "TZNAME:GST", "END:STANDARD"]);
    expect(dubai.filter((l) => l.startsWith("BEGIN:"))).toHaveLength(2);
    const plain = vtimezone("Etc/GMT-4", ms("2026-05-01T09:00:00+04:00"), ms("2026-05-01T12:00:00+04:00"));
    expect(plain).toContain("TZNAME:+04");
  });

  test("property: the offset the observances give equals luxon's, everywhere in the covered range", () => {
    const zones = ["Europe/Rome", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago", "Africa/Casablanca"];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 2 * 365 * 24 }), fc.integer({ min: 1, max: 72 }), (zone, hour, span) => {
        const from = Date.UTC(2025, 0, 1) + hour * 3_600_000;
        const to = from + span * 3_600_000;
        const list = observances(zone, from, to);
        for (let t = from; t <= to; t += 15 * 60_000) {
          const current = list.filter((o) => o.atMs <= t).at(-1);
          expect(current?.to).toBe(DateTime.fromMillis(t, { zone }).offset);
        }
      }),
      { seed: 42, numRuns: 60 },
    );
  });

  test("ambiguous wall times are exactly those of the hour repeated when clocks go back", () => {
    expect(isAmbiguous("Europe/Rome", ms("2026-10-25T02:20:00+02:00"))).toBe(true);
    expect(isAmbiguous("Europe/Rome", ms("2026-10-25T02:20:00+01:00"))).toBe(true);
    expect(isAmbiguous("Europe/Rome", ms("2026-10-25T01:59:00+02:00"))).toBe(false);
    expect(isAmbiguous("Europe/Rome", ms("2026-10-25T03:00:00+01:00"))).toBe(false);
    expect(isAmbiguous("Europe/Rome", ms("2026-03-29T03:00:00+02:00"))).toBe(false);
    expect(isAmbiguous("Asia/Dubai", ms("2026-10-25T02:20:00+04:00"))).toBe(false);
  });
});
