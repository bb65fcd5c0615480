/** A participant's mail in words: subject, plain text and HTML agenda, in its language, without any score. */
import { countryName, formatDate, t } from "../i18n.js";
import type { ExportContext, Organizer, Participant } from "../export/index.js";
import { AGENDA_CSS, agendaPage } from "../export/html-agendas.js";
import { html, htmlDocument } from "../export/html.js";
import type { Recipient } from "./recipients.js";

/** A meeting dropped since the previous agenda, as the participant reads it. */
export interface Dropped {
  /** `14:00-14:20`, or empty when its slot no longer exists. */
  readonly time: string;
  readonly counterpart: string;
}

/** What a mail says. */
export interface MailText {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

// In a mail the agenda is one page on a white background, as wide as the reader's window.
const MAIL_CSS = `${AGENDA_CSS}
body{padding:4mm;max-width:190mm}
@media screen{body{background:#fff}.page{width:auto;min-height:0;margin:0;padding:0}}
p.letter{margin:0 0 3mm}
`;

/** The other side of a meeting as named in the participant's mail: a delegation with its country, or a firm. */
export function counterpartName(ctx: ExportContext, p: Participant, firmId: string, delegationId: string): string {
  if (p.kind === "delegation") return ctx.allFirms.get(firmId)?.name ?? firmId;
  const d = ctx.allDelegations.get(delegationId);
  return d ? `${d.name} (${countryName(d.country, ctx.lang)})` : delegationId;
}

/** Subject, text and HTML of one participant's mail; `ctx` is in the recipient's language. */
export function mailText(ctx: ExportContext, p: Participant, r: Recipient, organizer: Organizer, dropped: readonly Dropped[]): MailText {
  const { lang, stop } = ctx;
  const date = formatDate(stop.date, stop.timezone, lang);
  const subject = t(lang, "mail.subject", { event: ctx.event, date });
  // A person by name; a firm or office without a contact as Italian letters address companies (Spett.le).
  const greeting = r.contactName ? t(lang, "mail.greeting", { name: r.contactName }) : t(lang, "mail.greeting.organisation", { name: r.name });
  const intro = t(lang, "mail.intro", { event: ctx.event, date });
  const count = p.meetings.length;
  const summary = count === 0 ? t(lang, "agenda.none") : count === 1 ? t(lang, "mail.meetings.one") : t(lang, "mail.meetings.many", { count });
  const slotOf = new Map(ctx.slots.map((s) => [s.index, s]));
  const meetings = p.meetings.map((m) =>
    t(lang, "mail.meeting", {
      time: ctx.slotLabel(slotOf.get(m.slot)!),
      table: m.table,
      counterpart: counterpartName(ctx, p, m.firmId, m.delegationId),
    }),
  );
  const cancelled = dropped.map((d) => t(lang, "mail.cancelled", d).trim());
  const times = t(lang, "mail.times", { zone: stop.timezone });
  const closing = t(lang, "mail.closing");
  const text = [
    greeting,
    "",
    intro,
    "",
    summary,
    ...(meetings.length > 0 ? ["", ...meetings] : []),
    ...(cancelled.length > 0 ? ["", t(lang, "mail.cancelled.heading"), ...cancelled] : []),
    "",
    times,
    "",
    closing,
    organizer.name,
    "",
  ].join("\n");
  const when = `${stop.city} · ${date}`;
  const body = html`<p class="letter">${greeting}</p>
<p class="letter">${intro} ${count > 0 ? summary : ""}</p>
${agendaPage(ctx, p, when)}
${cancelled.length > 0 ? html`<p class="letter"><strong>${t(lang, "mail.cancelled.heading")}</strong></p>\n<ul>${cancelled.map((c) => html`<li>${c}</li>`)}</ul>\n` : ""}<p class="letter">${closing}<br>${organizer.name}</p>`;
  return { subject, text, html: htmlDocument({ lang, title: subject, css: MAIL_CSS, body }) };
}
