/** A participant's mail in words: subject, plain text and HTML agenda, in its language, without any score. */
import { formatDate, t } from "../text/i18n.js";
import { agendaText, delegationLabel, firmLabel, type ExportContext, type Organizer, type Participant } from "../write/exports.js";
import { AGENDA_CSS, agendaPage } from "../write/html-agendas.js";
import { html, htmlDocument } from "../write/html.js";

/** A meeting dropped since the previous agenda, as the participant reads it. */
export interface Dropped {
  /** `14:00-14:20`, or empty when its slot no longer exists. */
  readonly time: string;
  readonly counterpart: string;
}

/**
 * What a message is to its reader: the first agenda (`agenda`), an agenda that
 * replaces one sent before because the participant's day changed (`update`),
 * or the cancellation of every meeting it had (`cancellation`).
 */
export type MailKind = "agenda" | "update" | "cancellation";

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

/** The other side of a meeting as the participant reads it: a delegation with its country, a firm with its city. */
export function counterpartName(ctx: ExportContext, p: Participant, firmId: string, delegationId: string): string {
  if (p.kind === "firm") return delegationLabel(ctx, ctx.delegationById.get(delegationId), ctx.allDelegations.get(delegationId)?.name ?? delegationId);
  return firmLabel(ctx.firmById.get(firmId), ctx.allFirms.get(firmId)?.name ?? firmId);
}

/**
 * Subject, text and HTML of one participant's mail; `ctx` is in the participant's language.
 * An update or a cancellation says so in its subject and on its first line, so the reader
 * does not take it for the mail received before.
 */
export function mailText(ctx: ExportContext, p: Participant, organizer: Organizer, dropped: readonly Dropped[], kind: MailKind): MailText {
  const { lang, stop } = ctx;
  const date = formatDate(stop.date, stop.timezone, ctx.language);
  const words = { event: ctx.event, date };
  const subject = t(lang, kind === "update" ? "mail.subject.update" : kind === "cancellation" ? "mail.subject.cancellation" : "mail.subject", words);
  const heading = kind === "update" ? t(lang, "mail.heading.update", words) : kind === "cancellation" ? t(lang, "mail.heading.cancellation", words) : null;
  // A person by name; a firm or office without a contact as Italian letters address companies (Spett.le).
  const greeting = p.contactName ? t(lang, "mail.greeting", { name: p.contactName }) : t(lang, "mail.greeting.organisation", { name: p.name });
  const intro = t(lang, kind === "update" ? "mail.intro.update" : kind === "cancellation" ? "mail.intro.cancellation" : "mail.intro", words);
  const count = p.meetings.length;
  const summary = t(lang, "mail.meetings", { count });
  const cancelled = dropped.map((d) => t(lang, "mail.cancelled", d).trim());
  const cancelledHeading = t(lang, kind === "cancellation" ? "mail.cancelled.all" : "mail.cancelled.heading");
  const closing = t(lang, "mail.closing");
  const text = [
    ...(heading !== null ? [heading, ""] : []),
    greeting,
    "",
    `${intro} ${summary}`.trimEnd(),
    ...(cancelled.length > 0 ? ["", cancelledHeading, ...cancelled] : []),
    // A participant left without meetings gets its cancellations, not a day of free slots.
    ...(count > 0 ? ["", agendaText(ctx, p).trimEnd()] : []),
    "",
    closing,
    organizer.name,
    "",
  ].join("\n");
  const body = html`${heading !== null ? html`<p class="letter"><strong>${heading}</strong></p>\n` : ""}<p class="letter">${greeting}</p>
<p class="letter">${`${intro} ${summary}`.trimEnd()}</p>
${cancelled.length > 0 ? html`<p class="letter"><strong>${cancelledHeading}</strong></p>\n<ul>${cancelled.map((c) => html`<li>${c}</li>`)}</ul>\n` : ""}${count > 0 ? agendaPage(ctx, p) : ""}
<p class="letter">${closing}<br>${organizer.name}</p>`;
  return { subject, text, html: htmlDocument({ lang: ctx.language, title: subject, css: MAIL_CSS, body }) };
}
