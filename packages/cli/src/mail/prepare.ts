/** A stop's mailing, composed: one message per participant with an email, in its language, and who is left out. */
import type { Schedule } from "@roadshow/core";
import { exportContext, renderInvitations, type Attendee, type ExportContext, type Invitation, type Organizer, type PreviousMeeting } from "../export/index.js";
import type { Lang } from "../i18n.js";
import type { DataSet } from "../input/index.js";
import { counterpartName, mailText, type Dropped } from "./body.js";
import { compose, fileDate, type Composed } from "./compose.js";
import { recipients, type Recipient, type Skipped } from "./recipients.js";

/** What to mail. */
export interface MailOptions {
  /** `--lang`: for participants without a `lang` of their own. */
  readonly lang: Lang;
  readonly organizer: Organizer;
  /** The agenda's rows of this stop: their `sequence` becomes each event's SEQUENCE. */
  readonly rows: readonly PreviousMeeting[];
  /** An agenda sent before (`--previous`): meetings dropped since are cancelled in the mail. */
  readonly previous?: readonly PreviousMeeting[] | undefined;
  /** Only these participants (`firm:<id>`, `delegation:<id>`), from `--changes`. */
  readonly only?: ReadonlySet<string> | undefined;
}

/** The composed messages (firms then delegations, by id) and the participants left out. */
export interface Mailing {
  readonly messages: readonly Composed[];
  readonly skipped: readonly Skipped[];
}

const pair = (m: { firmId: string; delegationId: string }) => `${m.firmId}|${m.delegationId}`;

/** The message's path in the output folder: `firms/<file>.eml` or `delegations/<file>.eml`. */
export function emlPath(r: Recipient): string {
  return `${r.kind === "firm" ? "firms" : "delegations"}/${r.file}.eml`;
}

/** Composes the mailing of one stop's schedule. Pure apart from the clock-free composer: same input, same bytes. */
export async function prepareMailing(schedule: Schedule, data: DataSet, opts: MailOptions): Promise<Mailing> {
  const stopId = schedule.stop.id;
  const input = { schedule, firms: data.firms, delegations: data.delegations };
  const contexts = new Map<Lang, ExportContext>();
  // No `why`: a participant's mail carries no score and no score parts.
  const contextIn = (lang: Lang): ExportContext => {
    let ctx = contexts.get(lang);
    if (!ctx) contexts.set(lang, (ctx = exportContext(input, lang)));
    return ctx;
  };
  const base = contextIn(opts.lang);
  const current = new Set(schedule.meetings.map(pair));
  const dropped = (opts.previous ?? []).filter((p) => p.stopId === stopId && !current.has(pair(p)));
  const news = new Set([...schedule.meetings, ...dropped].flatMap((m) => [`firm:${m.firmId}`, `delegation:${m.delegationId}`]));
  const { recipients: list, skipped } = recipients(base, { lang: opts.lang, only: opts.only, hasNews: (key) => news.has(key) });

  // The agenda's own rows carry each meeting's SEQUENCE; the dropped ones are cancelled.
  const calendarPrevious: PreviousMeeting[] = [...opts.rows.filter((r) => r.stopId === stopId), ...dropped];
  const invitations = new Map<string, Invitation>();
  for (const lang of new Set(list.map((r) => r.textLang))) {
    const attendees = new Map<string, Attendee>(
      list.filter((r) => r.textLang === lang).map((r) => [`${r.kind}:${r.id}`, { name: r.contactName ?? r.name, email: r.email }]),
    );
    for (const [key, inv] of renderInvitations(contextIn(lang), { previous: calendarPrevious, organizer: opts.organizer }, attendees)) {
      invitations.set(key, inv);
    }
  }

  const date = fileDate(schedule.stop);
  const messages: Composed[] = [];
  for (const r of list) {
    const ctx = contextIn(r.textLang);
    const p = (r.kind === "firm" ? ctx.firmById : ctx.delegationById).get(r.id)!;
    const slotOf = new Map(ctx.slots.map((s) => [s.index, s]));
    const own = dropped.filter((d) => (r.kind === "firm" ? d.firmId : d.delegationId) === r.id);
    const lost = own.map((d): Dropped => {
      const slot = slotOf.get(d.slot);
      return { time: slot ? ctx.slotLabel(slot) : "", counterpart: counterpartName(ctx, p, d.firmId, d.delegationId) };
    });
    const text = mailText(ctx, p, r, opts.organizer, lost);
    const invitation = invitations.get(`${r.kind}:${r.id}`) ?? { request: null, cancel: null };
    messages.push(await compose({ stopId, recipient: r, organizer: opts.organizer, text, invitation }, date));
  }
  return { messages, skipped };
}
