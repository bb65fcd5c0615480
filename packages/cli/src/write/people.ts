/** How participants are named to each other: a delegation with its country, a firm with its city, sectors and contact. */
import { countryName, sectorName } from "../text/i18n.js";
import type { ExportContext, Participant } from "./export-context.js";

/** `Mario Rossi, mario@orobica.it`, either part alone, or `""`. */
export function contactText(p: Pick<Participant, "contactName" | "email">): string {
  return [p.contactName, p.email].filter((x): x is string => x !== null && x !== "").join(", ");
}

/** Sector labels in the context's language, `, `-separated. */
export function sectorsText(ctx: ExportContext, p: Pick<Participant, "sectors">): string {
  return p.sectors.map((s) => sectorName(s, ctx.lang)).join(", ");
}

/** A delegation as a firm reads it: `Consolato Generale degli Stati Uniti (Stati Uniti)`. */
export function delegationLabel(ctx: ExportContext, d: Participant | undefined, id: string): string {
  if (d === undefined) return id;
  return d.country ? `${d.name} (${countryName(d.country, ctx.language)})` : d.name;
}

/** A firm as a delegation reads it: `Stampi del Po S.r.l.s. (Brescia)`; never a country. */
export function firmLabel(f: Participant | undefined, id: string): string {
  if (f === undefined) return id;
  return f.city ? `${f.name} (${f.city})` : f.name;
}

/** What a delegation needs to prepare a meeting with a firm: `city · sectors`, website, contact (those known). */
export function firmDetails(ctx: ExportContext, f: Participant | undefined): string[] {
  if (f === undefined) return [];
  const where = [f.city ?? "", sectorsText(ctx, f)].filter((x) => x !== "").join(" · ");
  return [where, f.website ?? "", contactText(f)].filter((x) => x !== "");
}
