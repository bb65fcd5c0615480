// Calendars (RFC 5545): every participant's meetings in its language, cancellations, and one participant's REQUEST to mail.
// Our own writer on purpose: ical-generator 10.2.0 (the last release for Node 20) was tried and needed workarounds to be
// correct (DTSTAMP and UTC times written as local under a calendar zone, NAME/X-WR-CALNAME unescaped, `\"` in CN which ical.js
// misreads, X- properties after the events, no final CRLF, a DTSTART always) plus a pnpm patch npm users never get, without
// which its folding takes XL calendars from ~1 s to 15-29 s; it saved 34 lines.
import { DateTime } from "luxon";
import { firmSectors } from "@roadshow/core";
import type { Meeting, Slot } from "@roadshow/core";
import { countryName, sectorName, t } from "../text/i18n.js";
import type { Language } from "../text/i18n.js";
import type { ExportContext, Participant } from "./export-context.js";
import { forParticipant, safeFileName } from "./export-context.js";
import { contactText } from "./people.js";
import type { OutputFile } from "./output-file.js";
import { escapeText, localDateTime, paramValue, serialize, utcDateTime } from "./ics-text.js";
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

function dateTime(name: "DTSTART" | "DTEND", zone: string, ms: number, utc: boolean): string {
  if (utc) return `${name}:${utcDateTime(ms)}`;
  return `${name};TZID=${paramValue(zone)}:${memo(`local|${zone}|${ms}`, () => localDateTime(ms, DateTime.fromMillis(ms, { zone }).offset))}`;
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

function eventLines(
  ctx: ExportContext,
  e: CalendarEvent,
  side: "firm" | "delegation",
  opts: CalendarOptions,
  attendee: Attendee | null,
): string[] {
  const { lang, stop } = ctx;
  const other = counterpart(ctx, e, side);
  const time = e.slot ? ctx.slotLabel(e.slot) : "";
  const params = { place: ctx.place, table: e.table };
  const description = [t(lang, "ics.description", { ...params, event: ctx.event, counterpart: other.label, time }), ...other.details].join("\n");
  const lines = [
    "BEGIN:VEVENT",
    `UID:${escapeText(e.uid)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${memo(`stamp|${stop.date}|${stop.timezone}`, () => utcDateTime(DateTime.fromISO(stop.date, { zone: stop.timezone }).toMillis()))}`,
  ];
  if (e.slot) {
    const { startMs, endMs } = e.slot;
    lines.push(
      ...memo(`slot|${stop.timezone}|${startMs}|${endMs}`, () => {
        const utc = isAmbiguous(stop.timezone, startMs) || isAmbiguous(stop.timezone, endMs);
        return [dateTime("DTSTART", stop.timezone, startMs, utc), dateTime("DTEND", stop.timezone, endMs, utc)];
      }),
    );
  }
  if (opts.organizer) {
    lines.push(`ORGANIZER;CN=${paramValue(opts.organizer.name)}:mailto:${opts.organizer.email}`);
  }
  if (attendee) {
    lines.push(`ATTENDEE;CN=${paramValue(attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${attendee.email}`);
  }
  lines.push(
    `SUMMARY:${escapeText(t(lang, e.cancelled ? "ics.cancelled" : "ics.summary", { counterpart: other.label }))}`,
    `LOCATION:${escapeText(t(lang, "ics.location", params))}`,
    `DESCRIPTION:${escapeText(description)}`,
    `STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  );
  return lines;
}

function calendar(
  ctx: ExportContext,
  zone: readonly string[],
  method: "PUBLISH" | "REQUEST" | "CANCEL",
  name: string,
  events: readonly string[][],
): string {
  return serialize([
    "BEGIN:VCALENDAR",
    `PRODID:-//Roadshow//roadshow CLI//${ctx.language.toUpperCase()}`,
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    `METHOD:${method}`,
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${ctx.stop.timezone}`,
    ...zone,
    ...events.flat(),
    "END:VCALENDAR",
  ]);
}

function vtimezoneOf(ctx: ExportContext): readonly string[] {
  const first = ctx.slots[0];
  const last = ctx.slots.at(-1);
  return first && last ? memo(`vtz|${ctx.stop.timezone}|${first.startMs}|${last.endMs}`, () => vtimezone(ctx.stop.timezone, first.startMs, last.endMs)) : [];
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
  const zone = vtimezoneOf(base);
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
      const publish = own.filter((e) => e.slot !== undefined).map((e) => eventLines(ctx, e, side, opts, null));
      if (publish.length > 0) out.push({ path: `calendar/${dir}/${file}.ics`, content: calendar(ctx, zone, "PUBLISH", title, publish) });
      const cancelled = own.filter((e) => e.cancelled).map((e) => eventLines(ctx, e, side, opts, null));
      if (cancelled.length > 0) {
        out.push({ path: `calendar/cancel/${dir}/${file}.ics`, content: calendar(ctx, zone, "CANCEL", title, cancelled) });
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
    const lines = current.map((e) => eventLines(ctx, e, p.kind, opts, attendee));
    return calendar(ctx, vtimezoneOf(ctx), opts.method, t(ctx.lang, "ics.calendar", { name: p.name, event: ctx.event }), lines);
  };
}
