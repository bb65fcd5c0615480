// Calendars (RFC 5545): every participant's meetings in its language, cancellations, and one participant's REQUEST to mail,
// written by ical-generator with our VTIMEZONE (vtimezone.ts).
import ical, { escape, ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from "ical-generator";
import type { ICalEventData } from "ical-generator";
import { DateTime } from "luxon";
import { firmSectors } from "@roadshow/core";
import type { Meeting, Slot } from "@roadshow/core";
import { countryName, sectorName, t } from "../text/i18n.js";
import type { Language } from "../text/i18n.js";
import type { ExportContext, Participant } from "./export-context.js";
import { forParticipant, safeFileName } from "./export-context.js";
import { contactText } from "./people.js";
import type { OutputFile } from "./output-file.js";
import { isAmbiguous, vtimezone } from "./vtimezone.js";

/**
 * A meeting of an earlier agenda of the same stop, to cancel or update calendar events.
 * @example { stopId: "BG-2026-03", firmId: "F0001", delegationId: "US-CG", slot: 3, table: 2 }
 */
export interface PreviousMeeting {
  readonly stopId: string;
  readonly firmId: string;
  readonly delegationId: string;
  readonly slot: number;
  readonly table: number;
  /** SEQUENCE it was sent with; default 0 (an agenda.csv does not carry it). */
  readonly sequence?: number;
}

/** Who sends the invitations; RFC 5546 wants an ORGANIZER for mailed PUBLISH/CANCEL. */
export interface Organizer {
  readonly name: string;
  readonly email: string;
}

export interface CalendarOptions {
  readonly previous: readonly PreviousMeeting[];
  readonly organizer?: Organizer;
}

/**
 * One participant's calendar to mail: `REQUEST` (RFC 5546: ORGANIZER required, the
 * participant as ATTENDEE when it has an email) or `PUBLISH`, as in the calendar files.
 */
export interface ParticipantCalendarOptions extends CalendarOptions {
  /** `CANCEL`: only the meetings dropped since `previous` (RFC 5546 §3.2.5), to mail beside a `REQUEST`. */
  readonly method: "PUBLISH" | "REQUEST" | "CANCEL";
}

/** Domain of every UID: reserved (RFC 2606), so it can never clash with a real one. */
export const UID_DOMAIN = "roadshow.invalid";

/** A UID that depends only on stop, firm and delegation, so a re-sent file updates instead of duplicating. */
export function meetingUid(stopId: string, firmId: string, delegationId: string): string {
  return `${[stopId, firmId, delegationId].map(encodeURIComponent).join("/")}@${UID_DOMAIN}`;
}

/**
 * SEQUENCE of a meeting's calendar event: the previous one's, raised by one when the meeting
 * moved. Write it as an extra `sequence` column of agenda.csv and feed it back as
 * `PreviousMeeting.sequence`, so that updates keep superseding after several re-runs.
 */
export function meetingSequence(meeting: Pick<Meeting, "slot" | "table">, previous: PreviousMeeting | undefined): number {
  if (previous === undefined) return 0;
  const seq = previous.sequence ?? 0;
  return previous.slot !== meeting.slot || previous.table !== meeting.table ? seq + 1 : seq;
}

interface CalendarEvent {
  readonly uid: string;
  readonly firmId: string;
  readonly delegationId: string;
  readonly table: number;
  /** Undefined when a dropped meeting's slot no longer exists. */
  readonly slot: Slot | undefined;
  readonly sequence: number;
  readonly cancelled: boolean;
}

/** Current meetings (SEQUENCE raised when moved) and meetings dropped since `previous` (cancelled). */
function calendarEvents(ctx: ExportContext, previous: readonly PreviousMeeting[]): CalendarEvent[] {
  const stopId = ctx.stop.id;
  const pair = (m: { firmId: string; delegationId: string }) => `${m.firmId}|${m.delegationId}`;
  const before = new Map(previous.filter((p) => p.stopId === stopId).map((p) => [pair(p), p]));
  const slotOf = new Map(ctx.slots.map((s) => [s.index, s]));
  const now = new Set(ctx.schedule.meetings.map(pair));
  const current = ctx.schedule.meetings.map((m): CalendarEvent => {
    const uid = meetingUid(stopId, m.firmId, m.delegationId);
    return { ...m, uid, slot: slotOf.get(m.slot), sequence: meetingSequence(m, before.get(pair(m))), cancelled: false };
  });
  const dropped = [...before.values()]
    .filter((p) => !now.has(pair(p)))
    .map((p): CalendarEvent => ({
      uid: meetingUid(stopId, p.firmId, p.delegationId),
      firmId: p.firmId,
      delegationId: p.delegationId,
      table: p.table,
      slot: slotOf.get(p.slot),
      sequence: (p.sequence ?? 0) + 1,
      cancelled: true,
    }));
  const order = (e: CalendarEvent) => e.slot?.startMs ?? Number.MAX_SAFE_INTEGER;
  return [...current, ...dropped].sort((a, b) => order(a) - order(b) || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

const memos = new Map<string, unknown>();

/** Time-zone arithmetic is the same for every meeting of a slot: computed once per key. */
function memo<T>(key: string, make: () => T): T {
  if (!memos.has(key)) memos.set(key, make());
  return memos.get(key) as T;
}

/** Control characters have no place in a TEXT value (RFC 5545 §3.3.11); ical-generator passes them on, so they are dropped here. */
function plain(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}

/**
 * A CN parameter value: a quoted string cannot hold `"` or a line break at all (RFC 5545
 * §3.1), and ical-generator's backslash before a `"` is not an escape RFC 5545 knows (ical.js
 * then cuts the name there). The library also doubles a `\`, which ical.js reads back as one.
 */
function commonName(name: string, email: string): string {
  const clean = name.replace(/["\u0000-\u001F\u007F]/g, "").trim();
  return clean === "" ? email : clean;
}

/**
 * An event's time, as the library is handed it: with TZID in the stop's zone, or in UTC for the
 * hour repeated when clocks go back (RFC 5545 reads such a TZID time as its first occurrence and
 * parsers disagree). Luxon values, so the library formats them in their own zone.
 */
function eventTimes(zone: string, slot: Slot): { start: DateTime; end: DateTime; timezone: string | null } {
  return memo(`slot|${zone}|${slot.startMs}|${slot.endMs}`, () => {
    const utc = isAmbiguous(zone, slot.startMs) || isAmbiguous(zone, slot.endMs);
    const at = (ms: number) => DateTime.fromMillis(ms, { zone: utc ? "utc" : zone });
    return { start: at(slot.startMs), end: at(slot.endMs), timezone: utc ? null : zone };
  });
}

/** The other side of an event as its reader sees it: a delegation with its country, a firm with its city and what it does. */
function counterpart(ctx: ExportContext, e: CalendarEvent, side: "firm" | "delegation"): { label: string; details: string[] } {
  const { lang, language } = ctx;
  if (side === "firm") {
    const d = ctx.allDelegations.get(e.delegationId);
    if (!d) return { label: e.delegationId, details: [] };
    const reach = contactText({ contactName: d.contactName ?? null, email: d.email ?? null });
    return { label: `${d.name} (${countryName(d.country, language)})`, details: reach ? [t(lang, "ics.contact", { contact: reach })] : [] };
  }
  const f = ctx.allFirms.get(e.firmId);
  if (!f) return { label: e.firmId, details: [] };
  const sectors = firmSectors(f).map((s) => sectorName(s, lang)).join(", ");
  const reach = contactText({ contactName: f.contactName ?? null, email: f.email ?? null });
  return {
    label: f.city ? `${f.name} (${f.city})` : f.name,
    details: [
      sectors && t(lang, "ics.sectors", { sectors }),
      f.website ? t(lang, "ics.website", { website: f.website }) : "",
      reach && t(lang, "ics.contact", { contact: reach }),
    ].filter((x) => x !== ""),
  };
}

interface Attendee {
  readonly name: string;
  readonly email: string;
}

/** One VEVENT as ical-generator takes it; the same event always gives the same data (DTSTAMP included). */
function eventData(
  ctx: ExportContext,
  e: CalendarEvent,
  side: "firm" | "delegation",
  opts: CalendarOptions,
  attendee: Attendee | null,
): ICalEventData {
  const { lang, stop } = ctx;
  const other = counterpart(ctx, e, side);
  const time = e.slot ? ctx.slotLabel(e.slot) : "";
  const params = { place: ctx.place, table: e.table };
  const description = [t(lang, "ics.description", { ...params, event: ctx.event, counterpart: other.label, time }), ...other.details].join("\n");
  // DTSTAMP is fixed by the content: midnight of the stop's day (the .eml Date too), never the clock.
  const stamp = memo(`stamp|${stop.date}|${stop.timezone}`, () => DateTime.fromISO(stop.date, { zone: stop.timezone }).setZone("utc"));
  // A dropped meeting whose slot no longer exists has no time; the library always writes a DTSTART
  // (now, by default), so such a cancellation names the stop's day instead. UID alone identifies it.
  const when = e.slot ? eventTimes(stop.timezone, e.slot) : { start: DateTime.fromISO(stop.date, { zone: "utc" }), allDay: true };
  return {
    id: e.uid,
    sequence: e.sequence,
    stamp,
    ...when,
    ...(opts.organizer && { organizer: { name: commonName(opts.organizer.name, opts.organizer.email), email: opts.organizer.email } }),
    ...(attendee && {
      attendees: [
        {
          name: commonName(attendee.name, attendee.email),
          email: attendee.email,
          role: ICalAttendeeRole.REQ,
          status: ICalAttendeeStatus.NEEDSACTION,
          rsvp: false,
        },
      ],
    }),
    summary: plain(t(lang, e.cancelled ? "ics.cancelled" : "ics.summary", { counterpart: other.label })),
    location: plain(t(lang, "ics.location", params)),
    description: plain(description),
    status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    transparency: ICalEventTransparency.OPAQUE,
  };
}

/** The stop's zone for the events that carry its TZID: the X-WR-TIMEZONE hint and a VTIMEZONE valid over the session. */
function zoneBlock(ctx: ExportContext): string {
  const zone = ctx.stop.timezone;
  const first = ctx.slots[0];
  const last = ctx.slots.at(-1);
  const from = first?.startMs ?? DateTime.fromISO(ctx.stop.date, { zone }).toMillis();
  const to = last?.endMs ?? from;
  // X-WR-TIMEZONE goes with the VTIMEZONE: ical-generator writes a calendar's X- properties
  // after its events, where RFC 5545's grammar has no place for them.
  return memo(`vtz|${zone}|${from}|${to}`, () => [`X-WR-TIMEZONE:${zone}`, ...vtimezone(zone, from, to)].join("\r\n"));
}

function calendar(ctx: ExportContext, method: "PUBLISH" | "REQUEST" | "CANCEL", name: string, events: readonly ICalEventData[]): string {
  const block = zoneBlock(ctx);
  const cal = ical({
    prodId: { company: "Roadshow", product: "roadshow CLI", language: ctx.language.toUpperCase() },
    scale: "GREGORIAN",
    method: ICalCalendarMethod[method],
    // ical-generator writes NAME and X-WR-CALNAME unescaped: escaped here, as every TEXT value.
    name: escape(plain(name), false),
    // No calendar-wide zone: with one, the library writes DTSTAMP and the UTC times as local times.
    timezone: { name: null, generator: () => block },
    events: [...events],
  });
  // The library ends the last line without its CRLF (RFC 5545 §3.1 ends every content line with one).
  return `${cal.toString()}\r\n`;
}

function byParticipant(events: readonly CalendarEvent[], side: "firm" | "delegation"): Map<string, CalendarEvent[]> {
  const byId = new Map<string, CalendarEvent[]>();
  for (const e of events) {
    const id = side === "firm" ? e.firmId : e.delegationId;
    const list = byId.get(id);
    if (list) list.push(e);
    else byId.set(id, [e]);
  }
  return byId;
}

/** The language a participant's calendar is written in, also for one no longer at the stop. */
function languageOf(ctx: ExportContext, side: "firm" | "delegation", id: string): Language {
  const known = (side === "firm" ? ctx.firmById : ctx.delegationById).get(id);
  if (known) return known.language;
  return (side === "firm" ? ctx.allFirms.get(id)?.lang : ctx.allDelegations.get(id)?.lang) ?? ctx.language;
}

/**
 * `calendar/firms/<id>.ics` and `calendar/delegations/<id>.ics` (METHOD:PUBLISH: every meeting,
 * plus meetings dropped since `previous` as STATUS:CANCELLED), and for participants with dropped
 * meetings `calendar/cancel/<firms|delegations>/<id>.ics` (METHOD:CANCEL, for mailing).
 * Each participant's calendar is in its own language.
 */
export function renderCalendars(base: ExportContext, opts: CalendarOptions): OutputFile[] {
  const events = calendarEvents(base, opts.previous);
  const out: OutputFile[] = [];
  for (const side of ["firm", "delegation"] as const) {
    const dir = side === "firm" ? "firms" : "delegations";
    const known = side === "firm" ? base.firmById : base.delegationById;
    const taken = new Set([...known.values()].map((p) => p.file.toLowerCase()));
    const byId = byParticipant(events, side);
    const ids = [...byId.keys()].sort();
    const extra = new Map(ids.filter((id) => !known.has(id)).map((id) => [id, safeFileName(id, taken)]));
    for (const id of ids) {
      const ctx = base.forLanguage(languageOf(base, side, id));
      const file = known.get(id)?.file ?? extra.get(id)!;
      const own = byId.get(id)!;
      const name = (side === "firm" ? ctx.allFirms.get(id)?.name : ctx.allDelegations.get(id)?.name) ?? id;
      const title = t(ctx.lang, "ics.calendar", { name, event: ctx.event });
      const publish = own.filter((e) => e.slot !== undefined).map((e) => eventData(ctx, e, side, opts, null));
      if (publish.length > 0) out.push({ path: `calendar/${dir}/${file}.ics`, content: calendar(ctx, "PUBLISH", title, publish) });
      const cancelled = own.filter((e) => e.cancelled).map((e) => eventData(ctx, e, side, opts, null));
      if (cancelled.length > 0) {
        out.push({ path: `calendar/cancel/${dir}/${file}.ics`, content: calendar(ctx, "CANCEL", title, cancelled) });
      }
    }
  }
  return out;
}

/**
 * One participant's calendar in its language, to attach to a mail: with `REQUEST`, its current
 * meetings with ORGANIZER and the participant as ATTENDEE (RFC 5546 §3.2.2); with `CANCEL`, its
 * meetings dropped since `previous`; `null` when there is none.
 */
export function participantCalendar(base: ExportContext, p: Participant, opts: ParticipantCalendarOptions): string | null {
  return participantCalendars(base, opts)(p);
}

/**
 * `participantCalendar` for many participants: the stop's events are listed once, then each
 * participant's calendar is written from its own (a mailing of thousands stays linear).
 */
export function participantCalendars(base: ExportContext, opts: ParticipantCalendarOptions): (p: Participant) => string | null {
  const events = calendarEvents(base, opts.previous);
  const bySide = { firm: byParticipant(events, "firm"), delegation: byParticipant(events, "delegation") };
  return (p) => {
    const ctx = forParticipant(base, p);
    const own = bySide[p.kind].get(p.id) ?? [];
    const current =
      opts.method === "CANCEL"
        ? own.filter((e) => e.cancelled)
        : own.filter((e) => e.slot !== undefined && (opts.method === "PUBLISH" || !e.cancelled));
    if (current.length === 0) return null;
    const attendee = opts.method !== "PUBLISH" && p.email ? { name: p.contactName ?? p.name, email: p.email } : null;
    const events = current.map((e) => eventData(ctx, e, p.kind, opts, attendee));
    return calendar(ctx, opts.method, t(ctx.lang, "ics.calendar", { name: p.name, event: ctx.event }), events);
  };
}
