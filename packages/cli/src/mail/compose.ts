/** One participant's message as RFC 5322 bytes: text, HTML and the calendar invitation, with a Message-ID fixed by its content. */
import { createHash } from "node:crypto";
import { domainToASCII } from "node:url";
import { DateTime } from "luxon";
import MailComposer from "nodemailer/lib/mail-composer";
import type { Organizer } from "../write/exports.js";
import type { MailText } from "./body.js";
import { contentLanguage, type Recipient } from "./recipients.js";

/** A participant's calendars to mail: its meetings (METHOD:REQUEST) and those dropped since (METHOD:CANCEL). */
export interface Invitation {
  /** `null` when it has no meeting. */
  readonly request: string | null;
  /** `null` when nothing was dropped. */
  readonly cancel: string | null;
}

/** Everything one message is made of; the same draft always gives the same bytes. */
export interface MailDraft {
  readonly stopId: string;
  readonly recipient: Recipient;
  readonly organizer: Organizer;
  readonly text: MailText;
  readonly invitation: Invitation;
}

/** A composed message: its Message-ID and the `.eml` bytes. */
export interface Composed {
  readonly draft: MailDraft;
  /** With angle brackets: `<BS-2026-02.firm.F0001.3f2a…@example.it>`. */
  readonly messageId: string;
  readonly eml: Buffer;
}

function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9-]/g, "_");
}

/** A hash of everything the recipient reads and of who sends it to whom: a changed agenda is a new message. */
function contentHash(d: MailDraft): string {
  const { recipient: r, organizer: o } = d;
  const parts = [d.stopId, r.kind, r.id, r.email, r.contactName ?? "", contentLanguage(r), o.name, o.email, d.text.subject, d.text.text, d.text.html];
  return createHash("sha256")
    .update(JSON.stringify([...parts, d.invitation.request, d.invitation.cancel]))
    .digest("hex");
}

/**
 * `<stop.kind.id.hash@domain>`: the organiser's domain (RFC 5322 §3.6.4 wants a unique
 * right-hand side; the hash of the content makes the left one unique).
 */
export function messageIdOf(d: MailDraft, hash = contentHash(d)): string {
  const domain = domainToASCII(d.organizer.email.slice(d.organizer.email.lastIndexOf("@") + 1)) || "roadshow.invalid";
  return `<${safe(d.stopId)}.${d.recipient.kind}.${safe(d.recipient.id)}.${hash.slice(0, 24)}@${domain}>`;
}

/**
 * The message's bytes. `date` is its Date header; `draft` adds `X-Unsent: 1`, which makes
 * Outlook open the `.eml` as a message ready to send (other clients ignore it).
 */
export async function build(d: MailDraft, date: Date, opts: { draft: boolean }): Promise<{ messageId: string; bytes: Buffer }> {
  const hash = contentHash(d);
  const messageId = messageIdOf(d, hash);
  const { recipient: r, invitation } = d;
  const request = invitation.request;
  const cancel = invitation.cancel;
  const calendar = request ?? cancel;
  const composer = new MailComposer({
    from: { name: d.organizer.name, address: d.organizer.email },
    to: { name: r.contactName ?? r.name, address: r.email },
    subject: d.text.subject,
    text: d.text.text,
    html: d.text.html,
    ...(calendar !== null && {
      icalEvent: { method: request !== null ? "REQUEST" : "CANCEL", filename: request !== null ? "invite.ics" : "cancel.ics", content: calendar },
    }),
    ...(request !== null && cancel !== null && {
      attachments: [{ filename: "cancel.ics", content: cancel, contentType: "text/calendar; charset=utf-8; method=CANCEL" }],
    }),
    messageId,
    date,
    // Fixed boundaries: the same content gives the same bytes.
    baseBoundary: hash.slice(24, 40),
    headers: { "Content-Language": contentLanguage(r), ...(opts.draft && { "X-Unsent": "1" }) },
  });
  const bytes = await composer.compile().build();
  return { messageId, bytes };
}

/**
 * The instant written as the `.eml` files' Date: midnight at the start of the stop's day in
 * its zone, the DTSTAMP of every calendar event too. A file's bytes then depend on the input
 * only; a message sent with `--smtp` carries the time it is sent instead.
 */
export function fileDate(stop: { readonly date: string; readonly timezone: string }): Date {
  return DateTime.fromISO(stop.date, { zone: stop.timezone }).toJSDate();
}

/** The `.eml` file of a draft. */
export async function compose(d: MailDraft, date: Date): Promise<Composed> {
  const { messageId, bytes } = await build(d, date, { draft: true });
  return { draft: d, messageId, eml: bytes };
}
