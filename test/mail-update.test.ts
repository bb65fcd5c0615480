/**
 * Mails after the agenda changed, sent to an SMTP server on 127.0.0.1 and read back with mailparser:
 * an update says "updated" in its subject and first line (Italian and English), a participant whose
 * meetings are all cancelled gets a cancellation (no agenda, no invitation), the others get their first message again.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Meeting, Schedule } from "@roadshow/core";
import type { DataSet } from "../packages/cli/src/read/index.js";
import type { PreviousMeeting } from "../packages/cli/src/write/exports.js";
import { mailKind, prepareMailing, type Mailing } from "../packages/cli/src/mail/prepare.js";
import { sendMailing } from "../packages/cli/src/mail/send.js";
import { parseSmtpUrl, smtpOutbox } from "../packages/cli/src/mail/smtp.js";
import { exampleData, ORGANIZER, planned, smtpSink } from "./mail-fixture.js";

let work: string;
let data: DataSet;
let schedule: Schedule;
let rows: PreviousMeeting[];
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-mail-update-"));
  data = await exampleData();
  ({ schedule, rows } = planned(data));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const key = (m: { firmId: string; delegationId: string }) => `${m.firmId}|${m.delegationId}`;
const who = (m: Mailing["messages"][number]) => `${m.draft.recipient.kind}:${m.draft.recipient.id}`;

/** Sends a mailing through a fresh local server; the messages as the server received them, parsed, by participant. */
async function deliver(mailing: Mailing, journal: string): Promise<Map<string, ParsedMail>> {
  const sink = await smtpSink();
  try {
    await sendMailing(mailing.messages, smtpOutbox(parseSmtpUrl(sink.url, {})), path.join(work, journal), () => new Date("2026-02-20T09:00:00Z"), () => {});
    const parsed = await Promise.all(sink.delivered.map((raw) => simpleParser(raw)));
    const byId = new Map(mailing.messages.map((m) => [m.messageId, who(m)]));
    return new Map(parsed.map((p) => [byId.get(p.messageId!)!, p]));
  } finally {
    await sink.close();
  }
}

/** The agenda after a change: `drop` meetings removed, `move` meetings in another slot (their sequence raised). */
function changed(drop: readonly Meeting[], move: readonly { m: Meeting; slot: number }[]): { now: Schedule; nowRows: PreviousMeeting[] } {
  const dropped = new Set(drop.map(key));
  const moved = new Map(move.map((x) => [key(x.m), x.slot]));
  const meetings = schedule.meetings.filter((m) => !dropped.has(key(m))).map((m) => (moved.has(key(m)) ? { ...m, slot: moved.get(key(m))! } : m));
  const nowRows = rows.filter((r) => !dropped.has(key(r))).map((r) => (moved.has(key(r)) ? { ...r, slot: moved.get(key(r))!, sequence: (r.sequence ?? 0) + 1 } : r));
  return { now: { ...schedule, meetings }, nowRows };
}

const firstLine = (mail: ParsedMail) => mail.text!.split("\n")[0]!;
const meetingsOf = (id: string) => schedule.meetings.filter((m) => m.firmId === id || m.delegationId === id);

describe("mails after a change", () => {
  it("update: 'updated' in subject and first line, in Italian and English; unchanged participants get their first message, not sent again", async () => {
    // A firm loses one of its meetings (it keeps the others); another firm's meeting moves to a slot both have free.
    const counts = new Map<string, number>();
    for (const m of schedule.meetings) counts.set(m.firmId, (counts.get(m.firmId) ?? 0) + 1);
    const loser = schedule.meetings.find((m) => counts.get(m.firmId)! >= 2)!;
    const busy = (id: string, slot: number) => schedule.meetings.some((m) => (m.firmId === id || m.delegationId === id) && m.slot === slot);
    const mover = schedule.meetings.find((m) => m.firmId !== loser.firmId && m.delegationId !== loser.delegationId
      && schedule.slots.some((s) => !busy(m.firmId, s.index) && !busy(m.delegationId, s.index)));
    const moves = mover ? [{ m: mover, slot: schedule.slots.find((s) => !busy(mover.firmId, s.index) && !busy(mover.delegationId, s.index))!.index }] : [];
    const { now, nowRows } = changed([loser], moves);

    const journal = "update.csv";
    const first = await prepareMailing(schedule, data, { lang: "it", organizer: ORGANIZER, rows });
    const before = await deliver(first, journal);
    expect(before.size).toBe(first.messages.length);
    for (const mail of before.values()) expect(`${mail.subject}\n${firstLine(mail)}`).not.toMatch(/updated|aggiornat|cancelled|annullat/i);

    const again = await prepareMailing(now, data, { lang: "it", organizer: ORGANIZER, rows: nowRows, previous: rows });
    const after = await deliver(again, journal);
    const touched = new Set([loser.firmId, loser.delegationId, ...moves.flatMap((x) => [x.m.firmId, x.m.delegationId])]);
    // Only the participants whose day changed get a new message; it says so at once.
    expect([...after.keys()].map((k) => k.split(":")[1]).sort()).toEqual([...touched].sort());
    for (const [participant, mail] of after) {
      const italian = participant.startsWith("firm:");
      expect(mail.headers.get("content-language"), participant).toBe(italian ? "it" : "en");
      const word = italian ? /aggiornata/ : /updated/i;
      expect(mail.subject, participant).toMatch(word);
      expect(firstLine(mail), participant).toMatch(word);
      expect(mail.html, participant).toMatch(word);
      expect(mail.attachments.some((a) => a.content.toString("utf8").includes("METHOD:REQUEST")), participant).toBe(true);
    }
    const lost = after.get(`firm:${loser.firmId}`)!;
    expect(lost.text).toMatch(/Annullati rispetto all'agenda precedente:/);
    expect(lost.attachments.some((a) => a.content.toString("utf8").includes("METHOD:CANCEL"))).toBe(true);
    expect(after.get(`delegation:${loser.delegationId}`)!.text).toMatch(/Cancelled since the previous agenda:/);
  });

  it("a participant whose meetings are all cancelled gets a cancellation: subject and first line say so, no agenda, no invitation", async () => {
    // A firm and a delegation lose all their meetings (firms read Italian, delegations English).
    const firm = schedule.meetings[0]!.firmId;
    const delegation = schedule.meetings.find((m) => m.firmId !== firm)!.delegationId;
    const gone = [...meetingsOf(firm), ...meetingsOf(delegation)];
    const { now, nowRows } = changed(gone, []);
    const mailing = await prepareMailing(now, data, { lang: "en", organizer: ORGANIZER, rows: nowRows, previous: rows });
    const got = await deliver(mailing, "cancel.csv");
    for (const [id, italian] of [[`firm:${firm}`, true], [`delegation:${delegation}`, false]] as const) {
      const mail = got.get(id)!;
      expect(mail, id).toBeDefined();
      const word = italian ? /annullati/i : /cancelled/i;
      expect(mail.subject, id).toMatch(word);
      expect(firstLine(mail), id).toMatch(word);
      expect(mail.subject, id).not.toMatch(/agenda/i);
      expect(mail.text, id).not.toMatch(italian ? /ecco la sua agenda|Tavolo|Libero/ : /here is your agenda|Table|Free/);
      // Every meeting it had is listed as cancelled.
      const listed = mail.text!.split("\n").filter((l) => /^\d\d:\d\d-\d\d:\d\d {2}/.test(l));
      expect(listed, id).toHaveLength(meetingsOf(id.split(":")[1]!).length);
      const calendars = mail.attachments.filter((a) => a.contentType === "text/calendar");
      expect(calendars.length, id).toBeGreaterThan(0);
      for (const c of calendars) expect(c.content.toString("utf8"), id).not.toContain("METHOD:REQUEST");
      expect(mail.html, id).not.toContain('class="page"');
    }
  });

  it("mailKind: first agenda, update, cancellation, and the same day again", () => {
    const m = (firmId: string, slot: number, table = 1) => ({ firmId, delegationId: "US-CG", slot, table });
    expect(mailKind([m("F1", 1)], [])).toBe("agenda");
    expect(mailKind([m("F1", 1)], [m("F1", 1)])).toBe("agenda");
    expect(mailKind([m("F1", 2)], [m("F1", 1)])).toBe("update");
    expect(mailKind([m("F1", 1, 2)], [m("F1", 1)])).toBe("update");
    expect(mailKind([m("F1", 1), m("F2", 2)], [m("F1", 1)])).toBe("update");
    expect(mailKind([m("F1", 1)], [m("F1", 1), m("F2", 2)])).toBe("update");
    expect(mailKind([], [m("F1", 1)])).toBe("cancellation");
    // Told before (all cancelled then), meetings again: an update.
    expect(mailKind([m("F1", 1)], [], true)).toBe("update");
  });
});
