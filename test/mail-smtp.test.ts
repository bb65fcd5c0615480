/**
 * Sending a stop's mailing to an SMTP server the test runs on 127.0.0.1 (the shared smtpSink):
 * each message delivered once, sent.csv written as it goes, a server failing half-way
 * resumed by a second run without duplicates, credentials from the environment.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EnvironmentError } from "../packages/cli/src/errors.js";
import { readJournal } from "../packages/cli/src/mail/journal.js";
import { prepareMailing, type Mailing } from "../packages/cli/src/mail/prepare.js";
import { sendMailing } from "../packages/cli/src/mail/send.js";
import { parseSmtpUrl, smtpOutbox } from "../packages/cli/src/mail/smtp.js";
import { UsageError } from "../packages/cli/src/errors.js";
import { exampleData, ORGANIZER, planned, smtpSink } from "./mail-fixture.js";

let work: string;
let mailing: Mailing;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-smtp-"));
  const data = await exampleData();
  const { schedule, rows } = planned(data);
  mailing = await prepareMailing(schedule, data, { lang: "it", organizer: ORGANIZER, rows });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const clock = () => {
  let t = Date.parse("2026-02-18T09:00:00Z");
  return () => new Date((t += 1000));
};

const quiet = () => {};

describe("roadshow mail --smtp", () => {
  it("delivers each message once and records it in sent.csv; a re-run sends nothing again", async () => {
    const journal = path.join(work, "once.csv");
    const s = await smtpSink();
    const first = await sendMailing(mailing.messages, smtpOutbox(parseSmtpUrl(s.url, {})), journal, clock(), quiet);
    expect(first).toEqual({ sent: mailing.messages.length, before: 0, refused: [] });
    expect(s.received.map((d) => d.messageId)).toEqual(mailing.messages.map((m) => m.messageId));
    expect(s.received.map((d) => d.to.join(","))).toEqual(mailing.messages.map((m) => m.draft.recipient.email));
    const again = await sendMailing(mailing.messages, smtpOutbox(parseSmtpUrl(s.url, {})), journal, clock(), quiet);
    expect(again).toEqual({ sent: 0, before: mailing.messages.length, refused: [] });
    expect(s.received.length).toBe(mailing.messages.length);
    const records = [...readJournal(journal).values()];
    expect(records.map((r) => r.messageId)).toEqual(mailing.messages.map((m) => m.messageId));
    expect(records[0]).toMatchObject({ stopId: "BS-2026-02", kind: "firm", address: mailing.messages[0]!.draft.recipient.email, sentAt: "2026-02-18T09:00:01.000Z" });
    expect(readFileSync(journal, "utf8").split("\n")[0]).toBe("stop_id,participant_kind,participant_id,address,message_id,sent_at");
    await s.close();
  });

  it("sends the file's message with the time of sending as its Date and no draft marker", async () => {
    const s = await smtpSink();
    await sendMailing(mailing.messages.slice(0, 1), smtpOutbox(parseSmtpUrl(s.url, {})), path.join(work, "date.csv"), () => new Date("2026-02-18T10:30:00Z"), quiet);
    const sent = await simpleParser(s.received[0]!.bytes);
    const file = await simpleParser(mailing.messages[0]!.eml);
    expect(sent.messageId).toBe(file.messageId);
    expect(sent.date!.toISOString()).toBe("2026-02-18T10:30:00.000Z");
    expect(sent.headers.has("x-unsent")).toBe(false);
    expect(sent.text).toBe(file.text);
    expect(sent.html).toBe(file.html);
    expect(sent.headers.get("content-language")).toBe(file.headers.get("content-language"));
    await s.close();
  });

  it("a server failing half-way: the run stops with what was sent recorded, the next run sends the rest, each exactly once", async () => {
    const journal = path.join(work, "resume.csv");
    const failing = await smtpSink({ acceptUpTo: 30 });
    const error = await sendMailing(mailing.messages, smtpOutbox(parseSmtpUrl(failing.url, {})), journal, clock(), quiet).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toMatch(/Sent 30 messages in this run/);
    expect(readJournal(journal).size).toBe(30);
    await failing.close();

    const healthy = await smtpSink();
    const second = await sendMailing(mailing.messages, smtpOutbox(parseSmtpUrl(healthy.url, {})), journal, clock(), quiet);
    expect(second).toEqual({ sent: mailing.messages.length - 30, before: 30, refused: [] });
    const all = [...failing.received, ...healthy.received].map((d) => d.messageId);
    expect(all.sort()).toEqual(mailing.messages.map((m) => m.messageId).sort());
    expect(new Set(all).size).toBe(all.length);
    expect(readJournal(journal).size).toBe(mailing.messages.length);
    await healthy.close();
  });

  it("a run killed while writing sent.csv: the cut line is dropped and the journal stays readable", async () => {
    const journal = path.join(work, "cut.csv");
    const s = await smtpSink();
    await sendMailing(mailing.messages.slice(0, 3), smtpOutbox(parseSmtpUrl(s.url, {})), journal, clock(), quiet);
    const text = readFileSync(journal, "utf8");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(journal, text.slice(0, text.length - 20));
    expect(readJournal(journal).size).toBe(2);
    await sendMailing(mailing.messages.slice(0, 4), smtpOutbox(parseSmtpUrl(s.url, {})), journal, clock(), quiet);
    expect(readJournal(journal).size).toBe(4);
    expect(s.received.map((d) => d.messageId)).toEqual([...mailing.messages.slice(0, 3), ...mailing.messages.slice(2, 4)].map((m) => m.messageId));
    await s.close();
  });

  it("one address refused (550): the others are sent, the refusal is reported", async () => {
    const bad = mailing.messages[5]!.draft.recipient.email;
    const s = await smtpSink({ rejectTo: bad });
    const report = await sendMailing(mailing.messages, smtpOutbox(parseSmtpUrl(s.url, {})), path.join(work, "refused.csv"), clock(), quiet);
    expect(report.sent).toBe(mailing.messages.length - 1);
    expect(report.refused).toHaveLength(1);
    expect(report.refused[0]).toContain(bad);
    await s.close();
  });

  it("user and password from the environment; a wrong password stops the run", async () => {
    const s = await smtpSink({ auth: { user: "eventi@example.it", pass: "s3cret:pw" } });
    const env = { ROADSHOW_SMTP_USER: "eventi@example.it", ROADSHOW_SMTP_PASSWORD: "s3cret:pw" };
    const ok = await sendMailing(mailing.messages.slice(0, 2), smtpOutbox(parseSmtpUrl(s.url, env)), path.join(work, "auth.csv"), clock(), quiet);
    expect(ok.sent).toBe(2);
    const inUrl = s.url.replace("smtp://", "smtp://eventi%40example.it:s3cret%3Apw@");
    const fromUrl = await sendMailing(mailing.messages.slice(2, 3), smtpOutbox(parseSmtpUrl(inUrl, {})), path.join(work, "auth.csv"), clock(), quiet);
    expect(fromUrl.sent).toBe(1);
    const wrong = await sendMailing(mailing.messages.slice(3, 4), smtpOutbox(parseSmtpUrl(s.url, { ...env, ROADSHOW_SMTP_PASSWORD: "nope" })), path.join(work, "auth.csv"), clock(), quiet).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(EnvironmentError);
    expect((wrong as Error).message).not.toContain("nope");
    expect(s.received).toHaveLength(3);
    await s.close();
  });

  it("smtp:// with a server offering STARTTLS (self-signed certificate): sent over TLS", async () => {
    const s = await smtpSink({ starttls: true, auth: { user: "u", pass: "p" } });
    const report = await sendMailing(mailing.messages.slice(0, 2), smtpOutbox(parseSmtpUrl(s.url.replace("smtp://", "smtp://u:p@"), {})), path.join(work, "tls.csv"), clock(), quiet);
    expect(report.sent).toBe(2);
    expect(s.received).toHaveLength(2);
    expect(s.received.map((m) => m.secure)).toEqual([true, true]);
    await s.close();
  });

  it("an unreachable server: a clear environment error, nothing recorded", async () => {
    const s = await smtpSink();
    await s.close();
    const journal = path.join(work, "unreachable.csv");
    const error = await sendMailing(mailing.messages, smtpOutbox(parseSmtpUrl(s.url, {})), journal, clock(), quiet).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as Error).message).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(readJournal(journal).size).toBe(0);
  });

  it("--smtp URLs: smtp:// or smtps://, credentials decoded, anything else a usage error", () => {
    expect(parseSmtpUrl("smtps://a%40b.it:p%3Aw@mail.example.it", {})).toMatchObject({ host: "mail.example.it", port: 465, secure: true, user: "a@b.it", password: "p:w" });
    expect(parseSmtpUrl("smtp://mail.example.it:2525", { ROADSHOW_SMTP_USER: "u", ROADSHOW_SMTP_PASSWORD: "p" })).toMatchObject({ port: 2525, secure: false, user: "u", password: "p" });
    expect(parseSmtpUrl("smtps://u:secret@mail.example.it", {}).shown).toBe("smtps://u@mail.example.it");
    for (const bad of ["http://mail.example.it", "mail.example.it", "smtp://", "smtp://host/path"]) {
      expect(() => parseSmtpUrl(bad, {}), bad).toThrow(UsageError);
    }
  });
});
