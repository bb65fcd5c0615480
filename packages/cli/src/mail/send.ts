/** Sends a stop's messages once each: skips those sent.csv already holds, records each one the server accepts. */
import { EnvironmentError, type Said } from "../errors.js";
import { t, type Lang } from "../text/i18n.js";
import { build, type Composed } from "./compose.js";
import { Journal, readJournal, type SentRecord } from "./journal.js";
import { describeFailure, refusedOnlyThis, SEND_GRACE_MS, type Outbox } from "./smtp.js";
import { underLock } from "../write/transaction.js";

/** What a sending run did. */
export interface SendReport {
  /** Sent by this run. */
  readonly sent: number;
  /** Already in sent.csv: not sent again. */
  readonly before: number;
  /** Refused one by one by the server (a bad address): `participant: reason`. */
  readonly refused: readonly string[];
}

/**
 * Sends every message not yet in `journalFile`, in order, appending each accepted one to it
 * before the next is sent. The message sent is the `.eml` with the time of sending as its Date
 * and without the draft marker; its Message-ID is the file's, so a re-run recognises it.
 * Stops at the first failure that is not about one message alone (server unreachable, login
 * refused, connection lost), with an `EnvironmentError` saying what was sent; and, once `stop`
 * is aborted (Ctrl-C), after the message in flight is accepted and journaled.
 */
export async function sendMailing(
  messages: readonly Composed[],
  outbox: Outbox,
  journalFile: string,
  now: () => Date,
  progress: (line: string) => void,
  lang: Lang = "en",
  stop?: AbortSignal,
): Promise<SendReport> {
  const already = readJournal(journalFile);
  const pending = messages.filter((m) => !already.has(m.messageId));
  const before = messages.length - pending.length;
  const refused: string[] = [];
  let sent = 0;
  if (pending.length === 0) {
    outbox.close();
    return { sent, before, refused };
  }
  const journal = Journal.open(journalFile);
  try {
    for (const m of pending) {
      // Interrupted: the message in flight was sent and journaled; no new one is started.
      if (stop?.aborted === true) {
        const left = pending.length - sent - refused.length;
        throw new EnvironmentError(t(lang, "mail.cli.interrupted", { sent, before, journal: journalFile, left }));
      }
      const r = m.draft.recipient;
      const who = `${r.kind} ${r.id} <${r.email}>`;
      const date = now();
      const { bytes } = await build(m.draft, date, { draft: false });
      try {
        await outbox.send({ from: m.draft.organizer.email, to: r.email }, bytes);
      } catch (error) {
        if (refusedOnlyThis(error)) {
          refused.push(`${who}: ${describeFailure(error)}`);
          progress(`${t(lang, "mail.cli.refusedOne", { who, reason: describeFailure(error) })}\n`);
          continue;
        }
        const left = pending.length - sent - refused.length;
        throw new EnvironmentError(t(lang, "mail.cli.failed", { who, reason: describeFailure(error), sent, before, journal: journalFile, left }));
      }
      const record: SentRecord = {
        stopId: m.draft.stopId, kind: r.kind, participantId: r.id, address: r.email, messageId: m.messageId, sentAt: date.toISOString(),
      };
      journal.append(record);
      sent++;
      progress(`${t(lang, "mail.cli.progress", { n: sent, total: pending.length, who })}\n`);
    }
  } finally {
    journal.close();
    outbox.close();
  }
  return { sent, before, refused };
}

/**
 * `sendMailing` with the lock of `target` held, stopped by a signal as every writer is: Ctrl-C
 * (or SIGTERM, SIGHUP) lets the message in flight finish and be journaled, starts no new one,
 * says what was sent, removes the lock and exits 130 (a second signal leaves at once). Every
 * command that sends (mail, and whatever else mails participants) sends through here.
 */
export function sendLocked(
  target: { readonly target: string; readonly shown: string | Said },
  /** The messages, or a function choosing them once the lock is held (from what was sent before). */
  messages: readonly Composed[] | (() => readonly Composed[]),
  outbox: Outbox,
  journalFile: string,
  now: () => Date,
  progress: (line: string) => void,
  lang: Lang = "en",
): Promise<SendReport> {
  return underLock(
    target,
    async (stop) => {
      try {
        return await sendMailing(typeof messages === "function" ? messages() : messages, outbox, journalFile, now, progress, lang, stop);
      } catch (error) {
        // Interrupted: the run exits 130 as it leaves the lock, so what was sent is said here.
        if (stop.aborted && error instanceof EnvironmentError) progress(`${error.message}\n`);
        throw error;
      }
    },
    { graceMs: SEND_GRACE_MS, onStop: () => progress(`${t(lang, "mail.cli.stopping", { seconds: SEND_GRACE_MS / 1000 })}\n`) },
  );
}
