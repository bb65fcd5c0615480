// Calendar files: every meeting in both calendars, time zones and DST nights, parsed back by ical.js.
import ICAL from "ical.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildSlots } from "@roadshow/core";
import type { Meeting } from "@roadshow/core";
import { exportContext, meetingSequence, meetingUid, participantCalendar, renderExports } from "../../src/write/exports.js";
import type { ExportInput, OutputFile, PreviousMeeting } from "../../src/write/exports.js";
import { fold } from "../../src/write/ics-text.js";
import { bergamo, dstNight, makeDelegation, makeFirm, makeSchedule, makeStop } from "./fixture.js";

interface ParsedEvent {
  readonly uid: string;
  readonly sequence: number;
  readonly status: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly tzid: string | null;
  readonly summary: string;
  readonly location: string;
  readonly description: string;
}

function parse(content: string): { method: string; zones: string[]; events: ParsedEvent[] } {
  const cal = new ICAL.Component(ICAL.parse(content));
  const events = cal.getAllSubcomponents("vevent").map((ve): ParsedEvent => {
    const ev = new ICAL.Event(ve);
    const tzid = ve.getFirstProperty("dtstart")?.getParameter("tzid");
    return {
      uid: ev.uid,
      sequence: ev.sequence,
      status: String(ve.getFirstPropertyValue("status")),
      startMs: ev.startDate.toUnixTime() * 1000,
      endMs: ev.endDate.toUnixTime() * 1000,
      tzid: typeof tzid === "string" ? tzid : null,
      summary: ev.summary,
      location: ev.location,
      description: ev.description,
    };
  });
  const zones = cal.getAllSubcomponents("vtimezone").map((z) => String(z.getFirstPropertyValue("tzid")));
  return { method: String(cal.getFirstPropertyValue("method")), zones, events };
}

function calendars(files: readonly OutputFile[]): Map<string, string> {
  return new Map(files.filter((f) => f.path.endsWith(".ics")).map((f) => [f.path, f.content]));
}

/** Every meeting is an event in the firm's and in the delegation's calendar, at the slot's real instants. */
function expectCalendarsMatch(input: ExportInput, lang: "it" | "en"): void {
  const { schedule } = input;
  const cals = calendars(renderExports(input, { lang, excel: false }));
  const slot = new Map(schedule.slots.map((s) => [s.index, s]));
  for (const side of ["firms", "delegations"] as const) {
    const byOwner = new Map<string, Meeting[]>();
    for (const m of schedule.meetings) {
      const owner = side === "firms" ? m.firmId : m.delegationId;
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), m]);
    }
    for (const [owner, meetings] of byOwner) {
      const content = cals.get(`calendar/${side}/${owner}.ics`);
      expect(content, `${side}/${owner}`).toBeDefined();
      const cal = parse(content!);
      expect(cal.method).toBe("PUBLISH");
      expect(cal.zones).toEqual([schedule.stop.timezone]);
      expect(cal.events.map((e) => e.uid).sort()).toEqual(
        meetings.map((m) => meetingUid(schedule.stop.id, m.firmId, m.delegationId)).sort(),
      );
      for (const m of meetings) {
        const ev = cal.events.find((e) => e.uid === meetingUid(schedule.stop.id, m.firmId, m.delegationId))!;
        expect(ev.startMs).toBe(slot.get(m.slot)!.startMs);
        expect(ev.endMs).toBe(slot.get(m.slot)!.endMs);
        expect([schedule.stop.timezone, null]).toContain(ev.tzid);
        expect(ev.status).toBe("CONFIRMED");
        expect(ev.sequence).toBe(0);
        expect(ev.location).toBe(`${schedule.stop.city}, ${lang === "it" ? "tavolo" : "table"} ${m.table}`);
        const counterpart = side === "firms" ? input.delegations.find((d) => d.id === m.delegationId)! : input.firms.find((f) => f.id === m.firmId)!;
        expect(ev.summary).toContain(counterpart.name);
      }
    }
  }
}

describe("calendar files", () => {
  test("an ordinary afternoon: every meeting in both calendars, TZID Europe/Rome, names with , ; \\ \" survive", () => {
    expectCalendarsMatch(bergamo(), "it");
    expectCalendarsMatch(bergamo(), "en");
    const cal = parse(calendars(renderExports(bergamo(), { lang: "en", excel: false })).get("calendar/firms/F0001.ics")!);
    expect(cal.events.every((e) => e.tzid === "Europe/Rome")).toBe(true);
    expect(cal.events.map((e) => e.summary)).toContain('Meeting: Generalkonsulat; Mailand, \\ "Büro" (Germany)');
  });

  test("the night clocks go back: the repeated hour is written in UTC, the rest with TZID, all at the true instants", () => {
    const input = dstNight();
    expect(input.schedule.slots).toHaveLength(12);
    expectCalendarsMatch(input, "it");
    const cal = parse(calendars(renderExports(input, { lang: "it", excel: false })).get("calendar/delegations/AE-CG.ics")!);
    const bySlot = cal.events.sort((a, b) => a.startMs - b.startMs).map((e) => e.tzid);
    // Slots 1-2 before 02:00, 3-9 touch 02:00-03:00 (which happens twice), 10-12 after.
    expect(bySlot).toEqual([...Array(2).fill("Europe/Rome"), ...Array(7).fill(null), ...Array(3).fill("Europe/Rome")]);
  });

  test("any zone and day: times parsed back by ical.js equal the slots (VTIMEZONE computed from luxon)", () => {
    const zones = ["Europe/Rome", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "Asia/Dubai", "America/Sao_Paulo", "Europe/London"];
    const day = fc.integer({ min: 0, max: 729 }).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.constantFrom(...zones), day, fc.integer({ min: 0, max: 20 }), (timezone, date, hour) => {
        const stop = makeStop({ id: "S", date, timezone, start: hour * 60, end: hour * 60 + 180, slotMinutes: 30, breaks: [] });
        const delegations = [makeDelegation("D1", "US", { tables: 1 })];
        const n = buildSlots(stop).length;
        const firms = Array.from({ length: n }, (_, i) => makeFirm(`F${i + 1}`, { stops: ["S"] }));
        const meetings = Array.from({ length: n }, (_, i) => [i + 1, 1, "D1", `F${i + 1}`] as const);
        expectCalendarsMatch({ schedule: makeSchedule(stop, delegations, meetings), firms, delegations }, "en");
      }),
      { seed: 42, numRuns: 40 },
    );
  });

  test("UIDs depend only on stop, firm and delegation; the same input gives the same bytes", () => {
    const a = renderExports(bergamo(), { lang: "it", excel: false });
    const b = renderExports(bergamo(), { lang: "it", excel: false });
    expect(b).toEqual(a);
    const moved = bergamo();
    const shuffled = { ...moved, schedule: { ...moved.schedule, meetings: [...moved.schedule.meetings].reverse() } };
    const uids = (files: OutputFile[]) => [...calendars(files).values()].flatMap((c) => parse(c).events.map((e) => e.uid)).sort();
    expect(uids(renderExports(shuffled, { lang: "en", excel: false }))).toEqual(uids(a));
    expect(meetingUid("BG/1", "F;1", "D@x")).toBe("BG%2F1/F%3B1/D%40x@roadshow.invalid");
  });

  test("a re-run with the previous agenda: dropped meetings cancelled, moved ones updated, SEQUENCE raised", () => {
    const first = bergamo();
    const previous: PreviousMeeting[] = first.schedule.meetings.map((m) => ({ stopId: first.schedule.stop.id, ...m }));
    previous.push({ stopId: "OTHER", firmId: "F0003", delegationId: "DE-KONS", slot: 1, table: 1 });
    // Drop F0002-US and F0003-US; move F0001-IN from slot 6 to slot 8.
    const meetings = first.schedule.meetings
      .filter((m) => !(m.delegationId === "US-CG" && ["F0002", "F0003"].includes(m.firmId)))
      .map((m) => (m.firmId === "F0001" && m.delegationId === "IN-CG" ? { ...m, slot: 8 } : m));
    const second = { ...first, schedule: { ...first.schedule, meetings } };
    const cals = calendars(renderExports(second, { lang: "en", excel: false, previous }));
    const stop = first.schedule.stop.id;

    // F0002 had one meeting, now none: its calendar still goes out, with the cancellation.
    const f2 = parse(cals.get("calendar/firms/F0002.ics")!);
    expect(f2.events).toMatchObject([{ uid: meetingUid(stop, "F0002", "US-CG"), status: "CANCELLED", sequence: 1 }]);
    expect(f2.events[0]!.summary).toMatch(/^Cancelled: /);
    const cancel = parse(cals.get("calendar/cancel/firms/F0003.ics")!);
    expect(cancel.method).toBe("CANCEL");
    expect(cancel.events).toMatchObject([{ uid: meetingUid(stop, "F0003", "US-CG"), status: "CANCELLED", sequence: 1 }]);
    const f3 = parse(cals.get("calendar/firms/F0003.ics")!);
    expect(f3.method).toBe("PUBLISH");
    expect(f3.events.map((e) => [e.uid, e.status, e.sequence])).toEqual([
      [meetingUid(stop, "F0003", "US-CG"), "CANCELLED", 1],
      [meetingUid(stop, "F0003", "DE-KONS"), "CONFIRMED", 0],
    ]);

    const us = parse(cals.get("calendar/delegations/US-CG.ics")!);
    expect(us.events.filter((e) => e.status === "CANCELLED").map((e) => e.uid).sort()).toEqual(
      [meetingUid(stop, "F0002", "US-CG"), meetingUid(stop, "F0003", "US-CG")].sort(),
    );
    expect(parse(cals.get("calendar/cancel/delegations/US-CG.ics")!).events).toHaveLength(2);

    const f1 = parse(cals.get("calendar/firms/F0001.ics")!);
    const byUid = new Map(f1.events.map((e) => [e.uid, e]));
    expect(byUid.get(meetingUid(stop, "F0001", "IN-CG"))).toMatchObject({ sequence: 1, status: "CONFIRMED", startMs: first.schedule.slots[7]!.startMs });
    expect(byUid.get(meetingUid(stop, "F0001", "DE-KONS"))).toMatchObject({ sequence: 0, status: "CONFIRMED" });
    expect(cals.has("calendar/cancel/firms/F0001.ics")).toBe(false);
    expect([...cals.keys()].filter((p) => p.startsWith("calendar/cancel/")).sort()).toEqual([
      "calendar/cancel/delegations/US-CG.ics",
      "calendar/cancel/firms/F0002.ics",
      "calendar/cancel/firms/F0003.ics",
    ]);
  });

  test("a given sequence is carried on: unchanged keeps it, cancelled goes one up", () => {
    const input = bergamo();
    const [kept, dropped] = input.schedule.meetings;
    const previous: PreviousMeeting[] = [
      { stopId: input.schedule.stop.id, ...kept!, sequence: 3 },
      { stopId: input.schedule.stop.id, ...dropped!, sequence: 3 },
    ];
    const second = { ...input, schedule: { ...input.schedule, meetings: input.schedule.meetings.filter((m) => m !== dropped) } };
    const cals = calendars(renderExports(second, { lang: "en", excel: false, previous }));
    const events = [...cals.values()].flatMap((c) => parse(c).events);
    expect(events.find((e) => e.uid === meetingUid(input.schedule.stop.id, kept!.firmId, kept!.delegationId))!.sequence).toBe(3);
    expect(events.find((e) => e.uid === meetingUid(input.schedule.stop.id, dropped!.firmId, dropped!.delegationId))!.sequence).toBe(4);
    const p = { stopId: "S", firmId: "F", delegationId: "D", slot: 2, table: 1 };
    expect(meetingSequence({ slot: 2, table: 1 }, undefined)).toBe(0);
    expect(meetingSequence({ slot: 2, table: 1 }, { ...p, sequence: 2 })).toBe(2);
    expect(meetingSequence({ slot: 3, table: 1 }, { ...p, sequence: 2 })).toBe(3);
    expect(meetingSequence({ slot: 2, table: 5 }, p)).toBe(1);
  });

  test("content lines: CRLF, at most 75 octets, folding never splits a character, escapes unfold to the text", () => {
    for (const content of calendars(renderExports(bergamo(), { lang: "it", excel: false })).values()) {
      expect(content.endsWith("\r\n")).toBe(true);
      for (const line of content.split("\r\n").slice(0, -1)) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(content.replace(/\r\n/g, "")).not.toMatch(/\n|\r/);
    }
    const longLine = `DESCRIPTION:${"àè€😀x".repeat(40)}`;
    const folded = fold(longLine);
    expect(folded.split("\r\n ").join("")).toBe(longLine);
    for (const line of folded.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(folded).not.toMatch(/\uFFFD/);
    // Long lines of 2-, 3- and 4-byte characters (and a control character, which is dropped):
    // folded at 75 octets between characters, unfolded back to the very text by ical.js.
    const long = "àè€😀x".repeat(40);
    const wide = bergamo();
    const firms = wide.firms.map((f) => (f.id === "F0001" ? { ...f, name: `${long}\u0007` } : f));
    const content = calendars(renderExports({ ...wide, firms }, { lang: "en", excel: false })).get("calendar/delegations/US-CG.ics")!;
    const lines = content.split("\r\n").slice(0, -1);
    expect(lines.length).toBeGreaterThan(content.split("\r\n ").length);
    for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    expect(content).not.toMatch(/\uFFFD|\u0007/);
    expect(parse(content).events.map((e) => e.summary)).toContain(`Meeting: ${long}`);
    const f1 = parse(calendars(renderExports(bergamo(), { lang: "en", excel: false })).get("calendar/firms/F0001.ics")!);
    expect(f1.events[0]!.description).toContain('Meeting with Generalkonsulat; Mailand, \\ "Büro" (Germany).\nBergamo, table 1, 14:00-14:20.');
    // The organiser's reasons stay out of what participants receive.
    const f2 = calendars(renderExports(bergamo(), { lang: "en", excel: false })).get("calendar/firms/F0002.ics")!;
    expect(f2).not.toMatch(/line one|\(\+\d/);
  });

  test("DTSTAMP in UTC and fixed by the stop, calendar name escaped, calendar properties first", () => {
    const content = calendars(renderExports(bergamo(), { lang: "en", excel: false })).get("calendar/delegations/DE-KONS.ics")!;
    const stamps = content.match(/^DTSTAMP:.*$/gm)!;
    expect(new Set(stamps)).toEqual(new Set(["DTSTAMP:20260317T230000Z"])); // midnight of 2026-03-18 in Rome
    expect(content).toMatch(/^X-WR-CALNAME:Generalkonsulat\\; Mailand\\, \\\\ "Büro"/m);
    const cal = new ICAL.Component(ICAL.parse(content));
    // X-WR-CALNAME is TEXT: unescaped by RFC 5545 §3.3.11 it gives the name back (ical.js hands it back raw).
    const text = (raw: unknown) => String(raw).replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === "n" ? "\n" : c));
    expect(text(cal.getFirstPropertyValue("x-wr-calname"))).toMatch(/^Generalkonsulat; Mailand, \\ "Büro": Roadshow /);
    expect(cal.getFirstPropertyValue("x-wr-timezone")).toBe("Europe/Rome");
    // Calendar properties before the first component (RFC 5545 §3.4: calprops, then components).
    const lines = content.split("\r\n");
    expect(lines.findIndex((l) => l.startsWith("X-WR-TIMEZONE:"))).toBeLessThan(lines.indexOf("BEGIN:VTIMEZONE"));
    expect(lines.slice(lines.lastIndexOf("END:VEVENT") + 1)).toEqual(["END:VCALENDAR", ""]);
  });

  test("a mailed REQUEST: ORGANIZER and the participant as ATTENDEE, names a quoted parameter can carry", () => {
    const input = bergamo();
    const firms = input.firms.map((f) => (f.id === "F0001" ? { ...f, email: "info@rossi.example", contactName: 'Anna "Nina" Rossi\u0007' } : f));
    const ctx = exportContext({ ...input, firms }, "it");
    const organizer = { name: 'Camera "Lombarda"', email: "eventi@example.it" };
    const content = participantCalendar(ctx, ctx.firmById.get("F0001")!, { previous: [], organizer, method: "REQUEST" })!;
    const cal = new ICAL.Component(ICAL.parse(content));
    expect(cal.getFirstPropertyValue("method")).toBe("REQUEST");
    const events = cal.getAllSubcomponents("vevent");
    expect(events).toHaveLength(3);
    for (const ve of events) {
      const org = ve.getFirstProperty("organizer")!;
      expect([org.getParameter("cn"), String(org.getFirstValue()).toLowerCase()]).toEqual(["Camera Lombarda", "mailto:eventi@example.it"]);
      const att = ve.getFirstProperty("attendee")!;
      expect(att.getParameter("cn")).toBe("Anna Nina Rossi");
      expect(String(att.getFirstValue()).toLowerCase()).toBe("mailto:info@rossi.example");
      expect([att.getParameter("role"), att.getParameter("partstat"), att.getParameter("rsvp")]).toEqual(["REQ-PARTICIPANT", "NEEDS-ACTION", "FALSE"]);
    }
    expect(content).not.toMatch(/\(\+\d|\u0007/);
  });

  test("a dropped meeting whose slot no longer exists is still cancelled by its UID, with no time and a fixed DTSTAMP", () => {
    const input = bergamo();
    const stop = input.schedule.stop.id;
    const previous: PreviousMeeting[] = [
      ...input.schedule.meetings.map((m) => ({ stopId: stop, ...m })),
      { stopId: stop, firmId: "F0003", delegationId: "IN-CG", slot: 99, table: 2, sequence: 2 },
    ];
    const render = () => calendars(renderExports(input, { lang: "en", excel: false, previous }));
    const cals = render();
    const cancel = cals.get("calendar/cancel/firms/F0003.ics")!;
    const ve = new ICAL.Component(ICAL.parse(cancel)).getFirstSubcomponent("vevent")!;
    expect(ve.getFirstPropertyValue("uid")).toBe(meetingUid(stop, "F0003", "IN-CG"));
    expect(ve.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(ve.getFirstPropertyValue("sequence")).toBe(3);
    // Its time is gone: no DTSTART, which a METHOD:CANCEL event may omit (RFC 5546 §3.2.5); the UID is what matches it.
    expect(ve.getFirstProperty("dtstart")).toBeNull();
    expect(ve.getFirstProperty("dtend")).toBeNull();
    expect(String(ve.getFirstPropertyValue("dtstamp"))).toBe("2026-03-17T23:00:00Z");
    // Not in the published calendar, which lists only events with a time.
    expect(parse(cals.get("calendar/firms/F0003.ics")!).events.map((e) => e.uid)).not.toContain(meetingUid(stop, "F0003", "IN-CG"));
    expect(render()).toEqual(cals);
  });
});
