/** One participant's agenda as plain text in its language: the body of a mail, readable in any client. */
import { countryName, formatDate, t } from "../text/i18n.js";
import type { ExportContext, Participant } from "./export-context.js";
import { forParticipant } from "./export-context.js";
import { contactText, delegationLabel, firmDetails, firmLabel } from "./people.js";
import { timeline } from "./timeline.js";

/**
 * The participant's day, one line per slot or break, meetings with table and counterpart;
 * a delegation's meetings carry the firm's city, sectors, website and contact.
 * @example agendaText(ctx, firm) // "Roadshow Brescia: …\nBrescia · mercoledì 25 febbraio 2026\n…\n14:00-14:20  Tavolo 3  US-CG …"
 */
export function agendaText(base: ExportContext, p: Participant): string {
  const ctx = forParticipant(base, p);
  const { lang, stop } = ctx;
  const lines = [ctx.event, `${stop.city} · ${formatDate(stop.date, stop.timezone, ctx.language)}`];
  if (ctx.place !== stop.city) lines.push(t(lang, "agenda.place", { place: ctx.place }));
  const role = p.kind === "firm" ? t(lang, "participant.firm") : `${t(lang, "participant.delegation")} · ${countryName(p.country ?? "", ctx.language)}`;
  lines.push("", `${p.name} (${role} · ${p.id})`, "");
  for (const entry of timeline(ctx, p)) {
    if (entry.kind === "break") {
      lines.push(`${entry.span.label}  ${t(lang, "row.break")}`);
      continue;
    }
    const time = ctx.slotLabel(entry.slot);
    if (entry.meetings.length === 0) {
      lines.push(`${time}  ${t(lang, entry.present ? "row.free" : "row.absent")}`);
      continue;
    }
    for (const m of entry.meetings) {
      const table = t(lang, "table.n", { n: m.table });
      if (p.kind === "firm") {
        const d = ctx.delegationById.get(m.delegationId);
        const reach = d ? contactText(d) : "";
        lines.push(`${time}  ${table}  ${delegationLabel(ctx, d, m.delegationId)}`);
        if (reach !== "") lines.push(`    ${t(lang, "agenda.contact", { contact: reach })}`);
      } else {
        const f = ctx.firmById.get(m.firmId);
        lines.push(`${time}  ${table}  ${firmLabel(f, m.firmId)}`, ...firmDetails(ctx, f).map((d) => `    ${d}`));
      }
    }
  }
  const count = p.meetings.length;
  lines.push("", count > 0 ? t(lang, "agenda.count", { count }) : t(lang, "agenda.none"), t(lang, "agenda.times", { zone: stop.timezone }));
  return `${lines.join("\n")}\n`;
}
