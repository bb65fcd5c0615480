// A participant's session in time order: slots with its meetings, and the breaks.
import type { Meeting, Slot } from "@roadshow/core";
import type { BreakSpan, ExportContext, Participant } from "./export-context.js";

/** One line of a participant's day: a slot (with its meetings, maybe none) or a break. */
export type TimelineEntry =
  | {
      readonly kind: "slot";
      readonly slot: Slot;
      /** Whether the participant is there (registered and inside its windows). */
      readonly present: boolean;
      /** Its meetings in this slot, by table. */
      readonly meetings: readonly Meeting[];
    }
  | { readonly kind: "break"; readonly span: BreakSpan };

/** The participant's session in time order: every slot, and the stop's breaks where they fall. */
export function timeline(ctx: ExportContext, participant: Participant): TimelineEntry[] {
  const bySlot = new Map<number, Meeting[]>();
  for (const m of participant.meetings) bySlot.set(m.slot, [...(bySlot.get(m.slot) ?? []), m]);
  const entries: TimelineEntry[] = [];
  let next = 0;
  ctx.slots.forEach((slot, i) => {
    while (next < ctx.breaks.length && ctx.breaks[next]!.startMs < slot.startMs) {
      entries.push({ kind: "break", span: ctx.breaks[next++]! });
    }
    entries.push({ kind: "slot", slot, present: participant.present[i] ?? false, meetings: bySlot.get(slot.index) ?? [] });
  });
  for (; next < ctx.breaks.length; next++) entries.push({ kind: "break", span: ctx.breaks[next]! });
  return entries;
}

/** A delegation's tables not in use in a slot (it is free there); empty for a firm. */
export function freeTables(participant: Participant, meetings: readonly Meeting[]): number[] {
  const used = new Set(meetings.map((m) => m.table));
  return participant.tables.filter((t) => !used.has(t));
}
