/** The follow-up after a stop: one message per participant with an email and a held meeting, in its language, asking a rating and an outcome per meeting. */
import type { Schedule } from "@roadshow/core";
import type { DataSet } from "../read/index.js";
import { formatDate, t } from "../text/i18n.js";
import { exportContext, forParticipant, type Organizer } from "../write/exports.js";
import { html, htmlDocument } from "../write/html.js";
import { toCsv, type CsvDialect } from "../write/csv.js";
import { counterpartName, type MailText } from "../mail/body.js";
import { compose, fileDate, type Composed } from "../mail/compose.js";
import type { Mailing } from "../mail/prepare.js";
import { recipients } from "../mail/recipients.js";

const CSS = `body{padding:4mm;max-width:190mm} p{margin:0 0 3mm} li{margin:1mm 0}`;

/**
 * The follow-up mailing of a stop: `held` is the stop's schedule with only the
 * meetings held. Same input, same bytes; no calendar is attached.
 */
export async function prepareFollowUp(held: Schedule, data: DataSet, opts: { readonly lang: string; readonly organizer: Organizer }): Promise<Mailing> {
  const base = exportContext({ schedule: held, firms: data.firms, delegations: data.delegations }, opts.lang);
  const met = new Set(held.meetings.flatMap((m) => [`firm:${m.firmId}`, `delegation:${m.delegationId}`]));
  const { recipients: list, skipped } = recipients(base, { hasNews: (key) => met.has(key) });
  const slotOf = new Map(held.slots.map((s) => [s.index, s]));
  const date = fileDate(held.stop);
  const messages: Composed[] = [];
  for (const r of list) {
    const p = (r.kind === "firm" ? base.firmById : base.delegationById).get(r.id)!;
    const ctx = forParticipant(base, p);
    const { lang, stop } = ctx;
    const day = formatDate(stop.date, stop.timezone, ctx.language);
    const subject = t(lang, "followup.subject", { event: ctx.event, date: day });
    const greeting = p.contactName ? t(lang, "mail.greeting", { name: p.contactName }) : t(lang, "mail.greeting.organisation", { name: p.name });
    const lines = p.meetings.map((m) => {
      const slot = slotOf.get(m.slot);
      return t(lang, "followup.line", { time: slot ? ctx.slotLabel(slot) : "", counterpart: counterpartName(ctx, p, m.firmId, m.delegationId) });
    });
    const intro = t(lang, "followup.intro", { event: ctx.event, date: day });
    const ask = t(lang, "followup.ask");
    const closing = t(lang, "mail.closing");
    const text = [greeting, "", intro, ask, "", `${t(lang, "followup.heading")}:`, ...lines.map((l) => `- ${l}`), "", closing, opts.organizer.name, ""].join("\n");
    const body = html`<p>${greeting}</p><p>${intro}</p><p>${ask}</p><p><strong>${t(lang, "followup.heading")}</strong></p><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul><p>${closing}<br>${opts.organizer.name}</p>`;
    const mail: MailText = { subject, text, html: htmlDocument({ lang: ctx.language, title: subject, css: CSS, body }) };
    messages.push(await compose({ stopId: stop.id, recipient: r, organizer: opts.organizer, text: mail, invitation: { request: null, cancel: null } }, date));
  }
  return { messages, skipped };
}

/** answers.csv to fill in: one row per held meeting and respondent (the firm, then the delegation), rating and outcome empty. */
export function answersTemplate(held: Schedule, dialect: CsvDialect): string {
  const rows = [...held.meetings]
    .sort((a, b) => (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : a.delegationId < b.delegationId ? -1 : 1))
    .flatMap((m) => [m.firmId, m.delegationId].map((who) => [held.stop.id, m.firmId, m.delegationId, who, "", ""]));
  return toCsv(["stop_id", "firm_id", "delegation_id", "respondent_id", "rating", "outcome"], rows, dialect);
}
