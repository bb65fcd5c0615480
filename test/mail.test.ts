/**
 * `roadshow mail` messages parsed back with real parsers: mailparser for the message,
 * ical.js for the invitation. One message per participant with an email, in its language,
 * with a METHOD:REQUEST calendar, no score anywhere, the same bytes on every run.
 */
import ICAL from "ical.js";
import { simpleParser, type ParsedMail } from "mailparser";
import { beforeAll, describe, expect, it } from "vitest";
import type { Schedule } from "@roadshow/core";
import { meetingUid, type PreviousMeeting } from "../packages/cli/src/write/exports.js";
import type { DataSet } from "../packages/cli/src/read/index.js";
import { prepareMailing, type Mailing } from "../packages/cli/src/mail/prepare.js";
import { exampleData, ORGANIZER, planned, STOP } from "./mail-fixture.js";

let data: DataSet;
let schedule: Schedule;
let rows: PreviousMeeting[];
let mailing: Mailing;
const parsed = new Map<string, ParsedMail>();

beforeAll(async () => {
  data = await exampleData(["F0002", "CA-TCS"]);
  ({ schedule, rows } = planned(data));
  mailing = await prepareMailing(schedule, data, { lang: "it", organizer: ORGANIZER, rows });
  for (const m of mailing.messages) parsed.set(`${m.draft.recipient.kind}:${m.draft.recipient.id}`, await simpleParser(m.eml));
});

function calendarPart(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType === "text/calendar");
  expect(part, "a text/calendar part").toBeDefined();
  return { part: part!, calendar: new ICAL.Component(ICAL.parse(part!.content.toString("utf8"))) };
}

describe("roadshow mail: the messages", () => {
  it("writes one message per participant with an email and lists the others as skipped", () => {
    const participants = [...new Set(schedule.meetings.map((m) => `firm:${m.firmId}`)), ...new Set(schedule.meetings.map((m) => `delegation:${m.delegationId}`))];
    expect(participants).toContain("firm:F0002");
    expect(participants).toContain("delegation:CA-TCS");
    const withEmail = participants.filter((p) => p !== "firm:F0002" && p !== "delegation:CA-TCS");
    expect(mailing.messages.map((m) => `${m.draft.recipient.kind}:${m.draft.recipient.id}`).sort()).toEqual(withEmail.sort());
    expect(mailing.skipped.filter((s) => s.reason === "no-email").map((s) => s.id).sort()).toEqual(["CA-TCS", "F0002"]);
  });

  it("has text, HTML and a text/calendar REQUEST part, in the participant's language", () => {
    for (const m of mailing.messages) {
      const r = m.draft.recipient;
      const mail = parsed.get(`${r.kind}:${r.id}`)!;
      const lang = r.kind === "firm" ? "it" : "en";
      expect(mail.headers.get("content-language")).toBe(lang);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]!.address : "").toBe(r.email);
      expect(mail.from!.value[0]!.address).toBe(ORGANIZER.email);
      expect(mail.messageId).toBe(m.messageId);
      expect(mail.text).toContain(r.kind === "firm" ? "la sua agenda" : "your agenda");
      expect(mail.html).toContain(`<html lang="${lang}">`);
      const { part } = calendarPart(mail);
      expect(String(part.headers.get("content-type") && (part.headers.get("content-type") as { params: Record<string, string> }).params.method)).toBe("REQUEST");
    }
  });

  it("the invitation holds the participant's meetings with ORGANIZER and the participant as ATTENDEE", () => {
    for (const m of mailing.messages) {
      const r = m.draft.recipient;
      const { calendar } = calendarPart(parsed.get(`${r.kind}:${r.id}`)!);
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      const own = schedule.meetings.filter((x) => (r.kind === "firm" ? x.firmId : x.delegationId) === r.id);
      const events = calendar.getAllSubcomponents("vevent");
      expect(events.map((e) => e.getFirstPropertyValue("uid")).sort()).toEqual(own.map((x) => meetingUid(STOP, x.firmId, x.delegationId)).sort());
      for (const e of events) {
        expect(e.getFirstPropertyValue("organizer")).toBe(`mailto:${ORGANIZER.email}`);
        const attendees = e.getAllProperties("attendee");
        // A URI scheme is case-insensitive (RFC 3986 §3.1): `MAILTO:` would be as right.
        expect(attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, "mailto:"))).toEqual([`mailto:${r.email}`]);
        expect(attendees[0]!.getParameter("partstat")).toBe("NEEDS-ACTION");
        expect(e.getFirstPropertyValue("dtstart")).toBeTruthy();
      }
    }
  });

  it("carries no score, no score part and no fairness bonus", () => {
    for (const m of mailing.messages) {
      const mail = parsed.get(`${m.draft.recipient.kind}:${m.draft.recipient.id}`)!;
      const calendar = calendarPart(mail).part.content.toString("utf8");
      for (const body of [mail.text ?? "", mail.html || "", calendar, mail.subject ?? ""]) {
        expect(body).not.toMatch(/\(\+\d/);
        expect(body).not.toMatch(/score|punteggio|bonus|target #|obiettivo n\./i);
      }
    }
  });

  it("is the same bytes on every run, and the Message-ID changes with the content", async () => {
    const again = await prepareMailing(schedule, data, { lang: "it", organizer: ORGANIZER, rows });
    expect(again.messages.map((m) => m.eml.toString("base64"))).toEqual(mailing.messages.map((m) => m.eml.toString("base64")));
    const other = await prepareMailing(schedule, data, { lang: "it", organizer: { ...ORGANIZER, name: "Ufficio Eventi" }, rows });
    for (const [i, m] of other.messages.entries()) {
      expect(m.messageId).not.toBe(mailing.messages[i]!.messageId);
      expect(m.messageId).toMatch(/^<BS-2026-02\.(firm|delegation)\.[A-Za-z0-9_-]+\.[0-9a-f]{24}@example\.it>$/);
    }
    const ids = new Set(mailing.messages.map((m) => m.messageId));
    expect(ids.size).toBe(mailing.messages.length);
  });

  it("dates the files at the start of the stop's day and marks them as drafts ready to send", () => {
    const mail = parsed.values().next().value!;
    expect(mail.date!.toISOString()).toBe("2026-02-24T23:00:00.000Z");
    expect(mail.headers.get("x-unsent")).toBe("1");
  });

  it("--changes: only the participants named", async () => {
    const only = new Set(["firm:F0006", "delegation:US-CG", "firm:F0002"]);
    const some = await prepareMailing(schedule, data, { lang: "it", organizer: ORGANIZER, rows, only });
    expect(some.messages.map((m) => m.draft.recipient.id)).toEqual(["F0006", "US-CG"]);
    expect(some.skipped.map((s) => s.id)).toEqual(["F0002"]);
  });

  it("--previous: a dropped meeting is cancelled (METHOD:CANCEL) in both participants' mails", async () => {
    const dropped = schedule.meetings[0]!;
    const kept = schedule.meetings.slice(1);
    const now = { ...schedule, meetings: kept };
    const keptRows = rows.filter((r) => r.firmId !== dropped.firmId || r.delegationId !== dropped.delegationId);
    const again = await prepareMailing(now, data, { lang: "it", organizer: ORGANIZER, rows: keptRows, previous: rows });
    for (const key of [`firm:${dropped.firmId}`, `delegation:${dropped.delegationId}`]) {
      const m = again.messages.find((x) => `${x.draft.recipient.kind}:${x.draft.recipient.id}` === key);
      expect(m, key).toBeDefined();
      const mail = await simpleParser(m!.eml);
      const cancels = mail.attachments.filter((a) => a.content.toString("utf8").includes("METHOD:CANCEL"));
      expect(cancels.length).toBeGreaterThan(0);
      const calendar = new ICAL.Component(ICAL.parse(cancels[0]!.content.toString("utf8")));
      const event = calendar.getFirstSubcomponent("vevent")!;
      expect(event.getFirstPropertyValue("uid")).toBe(meetingUid(STOP, dropped.firmId, dropped.delegationId));
      expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(event.getFirstPropertyValue("sequence")).toBe(1);
      expect(mail.text).toMatch(key.startsWith("firm") ? /Annullati/ : /Cancelled/);
    }
  });
});
