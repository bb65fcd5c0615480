/** What a re-plan changed, per participant: the rows of changes.csv and changes.html, in the chosen language. */
import { formatTime, type Delegation, type Firm, type MeetingChange, type MeetingChangeKind, type MeetingChangeReason, type Replan, type Slot } from "@roadshow/core";
import { countryName, t, type Lang } from "../text/i18n.js";

/** One participant's side of one change. */
export interface ChangeRow {
  readonly kind: "firm" | "delegation";
  readonly id: string;
  readonly name: string;
  readonly counterpartId: string;
  readonly counterpartName: string;
  /** The delegation's country (ISO code). */
  readonly country: string;
  readonly change: MeetingChangeKind;
  readonly from: Place | null;
  readonly to: Place | null;
  readonly reason: MeetingChangeReason;
  /** The reason as a sentence, in the chosen language. */
  readonly reasonText: string;
  /** The whole change as a sentence for this participant, in the chosen language. */
  readonly message: string;
}

/** A meeting's slot, time and table. */
export interface Place {
  readonly slot: number;
  /** `14:20-14:40`; empty when the slot does not exist any more. */
  readonly time: string;
  readonly table: number;
}

/** The figures of the summary line. */
export interface ChangeSummary {
  readonly previous: number;
  readonly unchanged: number;
  readonly notified: number;
}

/** The texts of changes in `lang`, from the catalogue: reasons, kinds of change, a place, a row's message, the summary. */
function texts(lang: Lang) {
  const place = (p: Place): string => t(lang, "replan.place", { time: p.time || t(lang, "replan.slot", { slot: p.slot }), table: p.table });
  return {
    reason: (r: MeetingChangeReason): string => t(lang, `replan.reason.${r}`),
    change: (k: MeetingChangeKind): string => t(lang, `replan.change.${k}`),
    place,
    message: (r: Pick<ChangeRow, "change" | "counterpartName" | "from" | "to" | "reasonText">): string => {
      const values = { counterpart: r.counterpartName, reason: r.reasonText };
      if (r.change === "cancelled") return t(lang, "replan.message.cancelled", { ...values, from: place(r.from!) });
      if (r.change === "new") return t(lang, "replan.message.new", { ...values, to: place(r.to!) });
      return t(lang, `replan.message.${r.change}`, { ...values, from: place(r.from!), to: place(r.to!) });
    },
    summary: (s: ChangeSummary): string => t(lang, "replan.summary", { unchanged: s.unchanged, previous: s.previous, notified: s.notified }),
  };
}

/** Labels of the page and the summary line, by language. */
export function changeText(lang: Lang) {
  return texts(lang);
}

/** "N of M meetings unchanged; P participants to notify". */
export function summaryLine(summary: ChangeSummary, lang: Lang): string {
  return texts(lang).summary(summary);
}

/** The summary's figures from a re-plan. */
export function changeSummary(replan: Replan): ChangeSummary {
  const { stats } = replan;
  return { previous: stats.previous, unchanged: stats.unchanged, notified: stats.notifiedFirms.length + stats.notifiedDelegations.length };
}

/**
 * Two rows per change, one for the firm and one for the delegation, sorted by
 * kind (firms first), participant id, then time. Names of participants no
 * longer in the data fall back to their ids.
 */
export function changeRows(
  changes: readonly MeetingChange[],
  slots: readonly Slot[],
  people: { readonly firms: readonly Pick<Firm, "id" | "name">[]; readonly delegations: readonly Pick<Delegation, "id" | "name" | "country">[] },
  lang: Lang,
): ChangeRow[] {
  const text = texts(lang);
  const firms = new Map(people.firms.map((f) => [f.id, f]));
  const delegations = new Map(people.delegations.map((d) => [d.id, d]));
  const slotOf = new Map(slots.map((s) => [s.index, s]));
  const place = (p: { slot: number; table: number } | null): Place | null => {
    if (p === null) return null;
    const slot = slotOf.get(p.slot);
    return { slot: p.slot, table: p.table, time: slot ? `${formatTime(slot.start)}-${formatTime(slot.end)}` : "" };
  };
  const rows: ChangeRow[] = [];
  for (const c of changes) {
    const firmName = firms.get(c.firmId)?.name ?? c.firmId;
    const delegation = delegations.get(c.delegationId);
    const delegationName = delegation?.name ?? c.delegationId;
    const country = delegation?.country ?? "";
    const base = { change: c.kind, from: place(c.before), to: place(c.after), reason: c.reason, reasonText: text.reason(c.reason), country };
    const sides = [
      { kind: "firm" as const, id: c.firmId, name: firmName, counterpartId: c.delegationId, counterpartName: country ? `${delegationName} (${countryName(country, lang)})` : delegationName },
      { kind: "delegation" as const, id: c.delegationId, name: delegationName, counterpartId: c.firmId, counterpartName: firmName },
    ];
    for (const side of sides) rows.push({ ...base, ...side, message: text.message({ ...base, counterpartName: side.counterpartName }) });
  }
  const time = (r: ChangeRow) => (r.from ?? r.to)!.slot;
  return rows.sort((a, b) =>
    a.kind !== b.kind ? (a.kind === "firm" ? -1 : 1)
    : a.id !== b.id ? (a.id < b.id ? -1 : 1)
    : time(a) - time(b) || (a.counterpartId < b.counterpartId ? -1 : a.counterpartId > b.counterpartId ? 1 : 0));
}
