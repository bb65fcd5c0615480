/** A stop's mailing, composed: one message per participant with an email, in its language, and who is left out. */
import type { Schedule } from "@roadshow/core";
import { exportContext, forParticipant, participantCalendars, type Organizer, type PreviousMeeting } from "../write/exports.js";
import type { Language } from "../text/i18n.js";
import type { DataSet } from "../read/index.js";
import { counterpartName, mailText, type Dropped, type MailKind } from "./body.js";
import { compose, fileDate, type Composed } from "./compose.js";
import { recipients, type Recipient, type Skipped } from "./recipients.js";

/** What to mail. */
export interface MailOptions {
  /** `--lang`: for participants without a `lang` of their own. */
  readonly lang: Language;
  readonly organizer: Organizer;
  /** The agenda's rows of this stop: their `sequence` becomes each event's SEQUENCE. */
  readonly rows: readonly PreviousMeeting[];
  /** An agenda sent before (`--previous`): meetings dropped since are cancelled in the mail. */
  readonly previous?: readonly PreviousMeeting[] | undefined;
  /** Only these participants (`firm:<id>`, `delegation:<id>`), from `--changes`. */
  readonly only?: ReadonlySet<string> | undefined;
  /**
   * Participants who got a message before (the workspace's sends know): one whose meetings were
   * all cancelled and who has meetings again is sent an update, not a first agenda.
   */
  readonly told?: ReadonlySet<string> | undefined;
}

/** The composed messages (firms then delegations, by id) and the participants left out. */
export interface Mailing {
  readonly messages: readonly Composed[];
  readonly skipped: readonly Skipped[];
}

const pair = (m: { firmId: string; delegationId: string }) => `${m.firmId}|${m.delegationId}`;
const place = (m: { firmId: string; delegationId: string; slot: number; table: number }) => `${pair(m)}|${m.slot}|${m.table}`;

/**
 * What one participant's message is: a cancellation when every meeting it had is
 * dropped, an update when it had meetings in the agenda sent before and its day
 * changed since (a meeting dropped, moved or added) or, `told` before with no meeting then, it has
 * meetings again; else its agenda as sent first
 * (the same message again, so a participant whose day did not change is not mailed twice).
 * `now` and `before` are the participant's meetings in the agenda and in the one sent before.
 */
export function mailKind(now: readonly { firmId: string; delegationId: string; slot: number; table: number }[], before: readonly { firmId: string; delegationId: string; slot: number; table: number }[], told = false): MailKind {
  if (before.length === 0) return told && now.length > 0 ? "update" : "agenda";
  if (now.length === 0) return "cancellation";
  const was = new Set(before.map(place));
  return now.length === before.length && now.every((m) => was.has(place(m))) ? "agenda" : "update";
}

/** The message's path in the output folder: `firms/<file>.eml` or `delegations/<file>.eml`. */
export function emlPath(r: Pick<Recipient, "kind" | "file">): string {
  return `${r.kind === "firm" ? "firms" : "delegations"}/${r.file}.eml`;
}

/** Composes the mailing of one stop's schedule: same input, same bytes (no clock, no randomness). */
export async function prepareMailing(schedule: Schedule, data: DataSet, opts: MailOptions): Promise<Mailing> {
  const stopId = schedule.stop.id;
  // No `why`: a participant's mail carries no score and no score parts.
  const base = exportContext({ schedule, firms: data.firms, delegations: data.delegations }, opts.lang);
  const current = new Set(schedule.meetings.map(pair));
  const dropped = (opts.previous ?? []).filter((p) => p.stopId === stopId && !current.has(pair(p)));
  const news = new Set([...schedule.meetings, ...dropped].flatMap((m) => [`firm:${m.firmId}`, `delegation:${m.delegationId}`]));
  const { recipients: list, skipped } = recipients(base, { only: opts.only, hasNews: (key) => news.has(key) });
  // The agenda's own rows carry each meeting's SEQUENCE; the dropped ones are cancelled.
  const previous: PreviousMeeting[] = [...opts.rows.filter((r) => r.stopId === stopId), ...dropped];
  const requestOf = participantCalendars(base, { previous, organizer: opts.organizer, method: "REQUEST" });
  const cancelOf = participantCalendars(base, { previous, organizer: opts.organizer, method: "CANCEL" });

  const byParticipant = <M extends { firmId: string; delegationId: string }>(list: readonly M[]): Map<string, M[]> => {
    const of = new Map<string, M[]>();
    for (const m of list) for (const key of [`firm:${m.firmId}`, `delegation:${m.delegationId}`]) of.set(key, [...(of.get(key) ?? []), m]);
    return of;
  };
  const droppedOf = byParticipant(dropped);
  const sentBefore = byParticipant((opts.previous ?? []).filter((p) => p.stopId === stopId));
  const slotOf = new Map(schedule.slots.map((s) => [s.index, s]));
  const date = fileDate(schedule.stop);
  const messages: Composed[] = [];
  for (const r of list) {
    const p = (r.kind === "firm" ? base.firmById : base.delegationById).get(r.id)!;
    const ctx = forParticipant(base, p);
    const lost = (droppedOf.get(`${r.kind}:${r.id}`) ?? []).map((d): Dropped => {
      const slot = slotOf.get(d.slot);
      return { time: slot ? ctx.slotLabel(slot) : "", counterpart: counterpartName(ctx, p, d.firmId, d.delegationId) };
    });
    const invitation = {
      request: requestOf(p),
      cancel: lost.length > 0 ? cancelOf(p) : null,
    };
    const key = `${r.kind}:${r.id}`;
    const kind = mailKind(p.meetings, sentBefore.get(key) ?? [], opts.told?.has(key) === true);
    const text = mailText(ctx, p, opts.organizer, lost, kind);
    messages.push(await compose({ stopId, recipient: r, organizer: opts.organizer, text, invitation }, date));
  }
  return { messages, skipped };
}
