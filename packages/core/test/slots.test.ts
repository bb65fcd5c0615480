/** Checks buildSlots: consecutive slots, changeover gaps, breaks, numbering and daylight-saving nights. */
import { describe, expect, it } from "vitest";
import { buildSlots, formatTime, slotsInside } from "../src/slots.js";
import { makeStop } from "./builders.js";

const clock = (stop: ReturnType<typeof makeStop>) => buildSlots(stop).map((s) => `${formatTime(s.start)}-${formatTime(s.end)}`);

describe("buildSlots", () => {
  it("fills the session with consecutive slots, the last ending no later than the end", () => {
    expect(clock(makeStop({ start: 14 * 60, end: 15 * 60 + 10, slotMinutes: 20 }))).toEqual(["14:00-14:20", "14:20-14:40", "14:40-15:00"]);
  });

  it("separates slots by the changeover gap", () => {
    expect(clock(makeStop({ start: 9 * 60, end: 10 * 60, slotMinutes: 25, gapMinutes: 5 }))).toEqual(["09:00-09:25", "09:30-09:55"]);
  });

  it("starts a slot that would overlap a break at the break's end", () => {
    const stop = makeStop({ start: 14 * 60, end: 16 * 60, slotMinutes: 30, breaks: [{ start: 14 * 60 + 45, end: 15 * 60 }] });
    expect(clock(stop)).toEqual(["14:00-14:30", "15:00-15:30", "15:30-16:00"]);
  });

  it("numbers slots 1..n", () => {
    expect(buildSlots(makeStop()).map((s) => s.index)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("has no slot when the slot is longer than the session", () => {
    expect(buildSlots(makeStop({ start: 14 * 60, end: 14 * 60 + 15, slotMinutes: 20 }))).toEqual([]);
  });

  it("keeps real durations across the spring-forward night (Europe/Rome, 2027-03-28)", () => {
    const slots = buildSlots(makeStop({ date: "2027-03-28", start: 60, end: 4 * 60, slotMinutes: 30 }));
    // 01:00-04:00 local is two real hours: 02:00-03:00 does not exist that night.
    expect(slots).toHaveLength(4);
    for (const s of slots) expect(s.endMs - s.startMs).toBe(30 * 60_000);
    expect(slots.map((s) => formatTime(s.start))).toEqual(["01:00", "01:30", "03:00", "03:30"]);
    expect(slots[0]!.startIso).toBe("2027-03-28T01:00:00.000+01:00");
    expect(slots[2]!.startIso).toBe("2027-03-28T03:00:00.000+02:00");
  });

  it("keeps real durations across the fall-back night (Europe/Rome, 2026-10-25)", () => {
    const slots = buildSlots(makeStop({ date: "2026-10-25", start: 60, end: 4 * 60, slotMinutes: 60 }));
    // 01:00-04:00 local is four real hours: 02:00-03:00 happens twice.
    expect(slots).toHaveLength(4);
    expect(slots.map((s) => s.startIso)).toEqual([
      "2026-10-25T01:00:00.000+02:00",
      "2026-10-25T02:00:00.000+02:00",
      "2026-10-25T02:00:00.000+01:00",
      "2026-10-25T03:00:00.000+01:00",
    ]);
  });

  it("uses the stop's time zone", () => {
    const [first] = buildSlots(makeStop({ timezone: "America/New_York", date: "2026-07-01" }));
    expect(first!.startIso).toBe("2026-07-01T14:00:00.000-04:00");
  });
});

describe("slotsInside", () => {
  const stop = makeStop({ start: 14 * 60, end: 16 * 60, slotMinutes: 30 });
  const slots = buildSlots(stop);

  it("counts a slot only when wholly inside a window", () => {
    expect(slotsInside(stop, slots, [{ start: 14 * 60 + 15, end: 15 * 60 + 30 }])).toEqual([false, true, true, false]);
  });

  it("takes several windows and null as the whole session", () => {
    expect(slotsInside(stop, slots, [{ start: 14 * 60, end: 14 * 60 + 30 }, { start: 15 * 60 + 30, end: 16 * 60 }])).toEqual([true, false, false, true]);
    expect(slotsInside(stop, slots, null)).toEqual([true, true, true, true]);
  });
});
