/**
 * Builders and three hand-made tiny stops with optima worked out by hand
 * (see each comment), plus a brute-force enumerator that re-derives them from
 * the spec: every agenda the independent checker accepts, best levels first.
 */
import { slotsInside } from "@roadshow/core";
import type { Delegation, Firm, ObjectiveLevels, Slot, Stop, StopInstance } from "@roadshow/core";
import { checkAgenda, type CheckedMeeting, type CheckOptions } from "./verify.js";

export function makeStop(fields: Partial<Stop> = {}): Stop {
  return {
    id: "T-2026-03",
    city: "Testville",
    date: "2026-03-18",
    sector: "mechanics",
    start: 840,
    end: 920,
    slotMinutes: 20,
    gapMinutes: 0,
    breaks: [],
    timezone: "Europe/Rome",
    ...fields,
  };
}

export function makeFirm(id: string, fields: Partial<Firm> = {}): Firm {
  return { id, name: id, sectors: ["mechanics"], stops: ["T-2026-03"], targets: [], markets: [], available: null, maxMeetings: null, representatives: 1, ...fields };
}

export function makeDelegation(id: string, fields: Partial<Delegation> = {}): Delegation {
  return { id, country: id.slice(0, 2), name: id, stops: null, tables: 1, sectors: [], available: null, ...fields };
}

const scores = (entries: Record<string, number>): StopInstance["scores"] =>
  Object.entries(entries).map(([pair, score]) => {
    const [firmId, delegationId] = pair.split(":") as [string, string];
    return { firmId, delegationId, score };
  });

/**
 * A `must` outranks score. Two slots; F1 may meet once and must meet DE.
 * Optimum: F1–DE (10) and F2–US (20): musts 1, served 2, score 30 — the
 * score alone would take F1–US (90) + F2–US (20) = 110.
 */
export const MUST_FIRST: StopInstance = {
  stop: makeStop({ end: 880 }),
  delegations: [makeDelegation("US-1"), makeDelegation("DE-1")],
  firms: [makeFirm("F1", { maxMeetings: 1 }), makeFirm("F2")],
  requests: [{ firmId: "F1", country: "DE", kind: "must" }],
  scores: scores({ "F1:US-1": 90, "F1:DE-1": 10, "F2:US-1": 20 }),
  history: [],
};

/**
 * K decides who gets DE's only seat (slot 2). With K = 1 F2 must be served:
 * F1–US + F2–DE, served 2, score 101. With K = 2, F1 with two meetings counts
 * as much as two firms with one: F1–US + F1–DE, served 2, score 105.
 */
export const SERVED_FIRST: StopInstance = {
  stop: makeStop({ end: 880 }),
  delegations: [makeDelegation("US-1"), makeDelegation("DE-1", { available: [{ start: 860, end: 880 }] })],
  firms: [makeFirm("F1"), makeFirm("F2")],
  requests: [],
  scores: scores({ "F1:US-1": 100, "F1:DE-1": 5, "F2:DE-1": 1 }),
  history: [],
};

/**
 * Every rule at once. Slots 14:00, 14:20, (break 14:40–15:00), 15:00, 15:20.
 * US-1 has 2 tables; DE-1 is there from 15:00 only; FR-1 is at another stop;
 * F1 may meet once; F2 leaves at 14:40; F3 met DE-1 before and must meet DE;
 * F4 is at another stop; F5 avoids DE. Without repeats: F1–DE 20, F2–US 30,
 * F3–US 15, F5–US 12 → musts 0, served 4, score 77. With repeats F3–DE (25)
 * is allowed and meets the must, DE has two slots so F1–DE stays:
 * musts 1, served 4, score 102.
 */
export const EVERY_RULE: StopInstance = {
  stop: makeStop({ end: 940, breaks: [{ start: 880, end: 900 }] }),
  delegations: [
    makeDelegation("US-1", { tables: 2 }),
    makeDelegation("DE-1", { available: [{ start: 900, end: 940 }] }),
    makeDelegation("FR-1", { stops: ["OTHER"] }),
    makeDelegation("IN-1"),
  ],
  firms: [
    makeFirm("F1", { representatives: 2, maxMeetings: 1 }),
    makeFirm("F2", { available: [{ start: 840, end: 880 }] }),
    makeFirm("F3"),
    makeFirm("F4", { stops: ["OTHER"] }),
    makeFirm("F5"),
  ],
  requests: [
    { firmId: "F3", country: "DE", kind: "must" },
    { firmId: "F5", country: "DE", kind: "avoid" },
  ],
  scores: scores({
    "F1:US-1": 10, "F1:DE-1": 20, "F1:FR-1": 50, "F1:IN-1": 0,
    "F2:US-1": 30, "F2:DE-1": 40,
    "F3:US-1": 15, "F3:DE-1": 25,
    "F4:US-1": 99,
    "F5:US-1": 12, "F5:DE-1": 35,
  }),
  history: [{ firmId: "F3", delegationId: "DE-1", stopId: "EARLIER" }],
};

/** Each delegation owns consecutive table numbers in list order; a slot's meetings take them in turn. */
export function withTables(instance: StopInstance, meetings: readonly Omit<CheckedMeeting, "table">[]): CheckedMeeting[] {
  const first = new Map<string, number>();
  let next = 1;
  for (const d of instance.delegations) {
    first.set(d.id, next);
    next += d.tables;
  }
  const used = new Map<string, number>();
  return meetings.map((m) => {
    const k = `${m.delegationId}|${m.slot}`;
    const n = used.get(k) ?? 0;
    used.set(k, n + 1);
    return { ...m, table: (first.get(m.delegationId) ?? 0) + n };
  });
}

/**
 * The objective's levels, straight from the spec's wording; balance gives a
 * firm's j-th meeting `top + 1 − j`, `top` the most meetings any firm could hold.
 */
export function specLevels(instance: StopInstance, minMeetings: number, meetings: readonly Omit<CheckedMeeting, "table">[], top: number): ObjectiveLevels {
  const country = new Map(instance.delegations.map((d) => [d.id, d.country]));
  const musts = instance.requests.filter(
    (r) => r.kind === "must" && meetings.some((m) => m.firmId === r.firmId && country.get(m.delegationId) === r.country),
  ).length;
  const counts = instance.firms.map((f) => meetings.filter((m) => m.firmId === f.id).length);
  const served = counts.reduce((s, m) => s + Math.min(minMeetings, m), 0);
  const balance = counts.reduce((s, m) => s + m * (top + 1) - (m * (m + 1)) / 2, 0);
  return { musts, served, balance, score: meetings.reduce((s, m) => s + m.score, 0) };
}

/**
 * The lexicographic optimum by exhaustive search: candidates are the single
 * meetings the checker accepts, and a branch is cut as soon as the checker
 * rejects it (a broken rule stays broken when meetings are added).
 */
export function bruteForceOptimum(instance: StopInstance, slots: readonly Slot[], options: CheckOptions & { minMeetings: number }): ObjectiveLevels {
  const pairScore = new Map((instance.scores ?? []).map((s) => [`${s.firmId}:${s.delegationId}`, s.score]));
  const candidates: Omit<CheckedMeeting, "table">[] = [];
  for (const f of instance.firms) {
    for (const d of instance.delegations) {
      for (const s of slots) {
        const m = { firmId: f.id, delegationId: d.id, slot: s.index, score: pairScore.get(`${f.id}:${d.id}`) ?? 0 };
        if (checkAgenda(instance, slots, options, withTables(instance, [m])).length === 0) candidates.push(m);
      }
    }
  }
  const top = balanceTopTiny(instance, slots, candidates);
  let best: ObjectiveLevels = { musts: -1, served: -1, balance: -1, score: -1 };
  const chosen: Omit<CheckedMeeting, "table">[] = [];
  const visit = (i: number): void => {
    if (i === candidates.length) {
      const levels = specLevels(instance, options.minMeetings, chosen, top);
      const better = levels.musts - best.musts || levels.served - best.served || levels.balance - best.balance || levels.score - best.score;
      if (better > 0) best = levels;
      return;
    }
    chosen.push(candidates[i]!);
    if (checkAgenda(instance, slots, options, withTables(instance, chosen)).length === 0) visit(i + 1);
    chosen.pop();
    visit(i + 1);
  };
  visit(0);
  return best;
}

/** The balance's `top`: per firm the fewest of max_meetings, representatives × slots present and delegations it may meet; the most over firms. */
export function balanceTopTiny(instance: StopInstance, slots: readonly Slot[], candidates: readonly Omit<CheckedMeeting, "table">[]): number {
  let top = 0;
  for (const f of instance.firms) {
    if (!f.stops.includes(instance.stop.id)) continue;
    const present = slotsInside(instance.stop, slots, f.available).filter(Boolean).length;
    const delegations = new Set(candidates.filter((m) => m.firmId === f.id).map((m) => m.delegationId)).size;
    top = Math.max(top, Math.min(f.maxMeetings ?? Infinity, f.representatives * present, delegations));
  }
  return top;
}
