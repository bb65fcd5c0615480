/**
 * Seeded day-of changes to a stop, for re-planning tests and benchmarks: firms
 * cancel, delegations arrive a third of the day late, firms can only come in
 * the afternoon, walk-in firms register at the desk (copies of registered
 * firms with new ids and the same scores), delegations lose a table.
 */
import { buildSlots } from "@roadshow/core";
import type { Firm, ScoreEntry, StopInstance, TimeWindow } from "@roadshow/core";
import { mulberry32 } from "./random.js";

export interface Perturbation {
  /** Registered firms that cancel (removed from the data). */
  readonly cancelled?: number;
  /** Delegations present only from a third of the session on. */
  readonly late?: number;
  /** Firms present only from the middle of the session on. */
  readonly afternoon?: number;
  /** New firms registered at the desk. */
  readonly walkIns?: number;
  /** Delegations with more than one table that lose one. */
  readonly fewerTables?: number;
}

/** The bench's re-plan changes: 5 % of firms cancel, 10 % of delegations are late, 3 % walk-ins. */
export function benchPerturbation(instance: StopInstance): Perturbation {
  const firms = instance.firms.filter((f) => f.stops.includes(instance.stop.id)).length;
  const delegations = instance.delegations.filter((d) => d.stops === null || d.stops.includes(instance.stop.id)).length;
  return { cancelled: Math.round(firms * 0.05), late: Math.round(delegations * 0.1), walkIns: Math.round(firms * 0.03) };
}

/** `windows` cut to start no earlier than `from` (`null`: the whole session). */
function from(windows: readonly TimeWindow[] | null, start: number, end: number, at: number): TimeWindow[] {
  const list = windows ?? [{ start, end }];
  return list.filter((w) => w.end > at).map((w) => ({ start: Math.max(w.start, at), end: w.end }));
}

/** The instance after the changes; the same seed gives the same changes. */
export function perturbInstance(instance: StopInstance, seed: number, changes: Perturbation): StopInstance {
  const rng = mulberry32(seed * 2654435761 + 97);
  const { stop } = instance;
  const slots = buildSlots(stop);
  const registered = instance.firms.filter((f) => f.stops.includes(stop.id));
  const present = instance.delegations.filter((d) => d.stops === null || d.stops.includes(stop.id));
  const drawn = <T>(items: readonly T[], count: number): Set<T> => new Set(rng.shuffle(items).slice(0, Math.max(0, count)));

  const cancelled = drawn(registered, changes.cancelled ?? 0);
  const staying = registered.filter((f) => !cancelled.has(f));
  const afternoon = drawn(staying, changes.afternoon ?? 0);
  const late = drawn(present, changes.late ?? 0);
  const fewer = drawn(present.filter((d) => d.tables > 1), changes.fewerTables ?? 0);
  const third = slots[Math.floor(slots.length / 3)]?.start ?? stop.start;
  const middle = slots[Math.floor(slots.length / 2)]?.start ?? stop.start;

  const templates = rng.shuffle(staying).slice(0, changes.walkIns ?? 0);
  const walkIns: Firm[] = templates.map((t, i) => ({ ...t, id: `W${String(i + 1).padStart(3, "0")}`, name: `Walk-in ${i + 1}`, available: null }));
  const extraScores: ScoreEntry[] = [];
  if (instance.scores !== null) {
    const byFirm = new Map<string, ScoreEntry[]>();
    for (const s of instance.scores) (byFirm.get(s.firmId) ?? byFirm.set(s.firmId, []).get(s.firmId)!).push(s);
    templates.forEach((t, i) => {
      for (const s of byFirm.get(t.id) ?? []) extraScores.push({ ...s, firmId: walkIns[i]!.id });
    });
  }
  return {
    ...instance,
    firms: [
      ...instance.firms.filter((f) => !cancelled.has(f)).map((f) => (afternoon.has(f) ? { ...f, available: from(f.available, stop.start, stop.end, middle) } : f)),
      ...walkIns,
    ],
    delegations: instance.delegations.map((d) => {
      let out = d;
      if (late.has(d)) out = { ...out, available: from(d.available, stop.start, stop.end, third) };
      if (fewer.has(d)) out = { ...out, tables: d.tables - 1 };
      return out;
    }),
    scores: instance.scores === null ? null : [...instance.scores, ...extraScores],
  };
}
