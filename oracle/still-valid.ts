/**
 * Which meetings of a previous agenda are still valid after changes, decided
 * from the spec alone (independent of the core): both participants still at the
 * stop and present in that slot, the pair still allowed, and its table one of
 * the tables the delegation held most meetings at (its lowest-numbered ones
 * when its tables went down).
 * Capacity conflicts among still-valid meetings are not resolved here (the
 * perturbations used with it never reduce representatives or `max_meetings`).
 */
import { buildSlots } from "@roadshow/core";
import type { StopInstance, TimeWindow } from "@roadshow/core";
import type { CheckOptions } from "./verify.js";

export interface PreviousMeeting {
  readonly firmId: string;
  readonly delegationId: string;
  readonly slot: number;
  readonly table: number;
}

const inside = (start: number, end: number, windows: readonly TimeWindow[] | null): boolean =>
  windows === null || windows.some((w) => w.start <= start && end <= w.end);

/** `valid`: still-valid meetings; `lost`: the other meetings whose pair may still meet somewhere. */
export function stillValid(
  instance: StopInstance,
  previous: readonly PreviousMeeting[],
  options: CheckOptions,
): { valid: PreviousMeeting[]; lost: PreviousMeeting[] } {
  const { stop } = instance;
  const slots = buildSlots(stop);
  const firms = new Map(instance.firms.filter((f) => f.stops.includes(stop.id)).map((f) => [f.id, f]));
  const delegations = new Map(instance.delegations.filter((d) => d.stops === null || d.stops.includes(stop.id)).map((d) => [d.id, d]));
  const avoided = new Set(instance.requests.filter((r) => r.kind === "avoid").map((r) => `${r.firmId}|${r.country}`));
  const met = new Set(options.allowRepeats ? [] : instance.history.map((h) => `${h.firmId}|${h.delegationId}`));
  const scores = new Map((instance.scores ?? []).map((s) => [`${s.firmId}|${s.delegationId}`, s.score]));
  const scoreOf = options.scoreOf ?? ((f: string, d: string): number => scores.get(`${f}|${d}`) ?? 0);
  // A table is its majority delegation's (a tie: the larger share of that delegation's meetings, then the lower id).
  const count = (d: string, t?: number) => previous.filter((m) => m.delegationId === d && (t === undefined || m.table === t)).length;
  const ownerOf = (t: number): string => {
    const ids = [...new Set(previous.filter((m) => m.table === t).map((m) => m.delegationId))];
    ids.sort((a, b) => count(b, t) - count(a, t) || count(b, t) / count(b) - count(a, t) / count(a) || (a < b ? -1 : 1));
    return ids[0]!;
  };
  const keptTables = new Map<string, Set<number>>();
  for (const d of delegations.values()) {
    const used = [...new Set(previous.filter((m) => m.delegationId === d.id).map((m) => m.table))].filter((t) => ownerOf(t) === d.id).sort((a, b) => a - b);
    keptTables.set(d.id, new Set(used.slice(0, d.tables)));
  }
  const allowed = (firmId: string, delegationId: string): boolean => {
    const f = firms.get(firmId);
    const d = delegations.get(delegationId);
    if (!f || !d || avoided.has(`${firmId}|${d.country}`) || met.has(`${firmId}|${delegationId}`) || !(scoreOf(firmId, delegationId) > 0)) return false;
    return slots.some((s) => inside(s.start, s.end, f.available) && inside(s.start, s.end, d.available));
  };
  const valid: PreviousMeeting[] = [];
  const lost: PreviousMeeting[] = [];
  for (const m of previous) {
    const f = firms.get(m.firmId);
    const d = delegations.get(m.delegationId);
    const slot = slots.find((s) => s.index === m.slot);
    const ok =
      f !== undefined &&
      d !== undefined &&
      slot !== undefined &&
      allowed(m.firmId, m.delegationId) &&
      inside(slot.start, slot.end, f.available) &&
      inside(slot.start, slot.end, d.available) &&
      keptTables.get(m.delegationId)!.has(m.table);
    if (ok) valid.push(m);
    else if (allowed(m.firmId, m.delegationId)) lost.push(m);
  }
  return { valid, lost };
}
