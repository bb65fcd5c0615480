/**
 * The agenda being edited in the grid: meetings, the waiting list and locks,
 * with undo and redo, and the cells free for both participants of a meeting.
 */
import type { DeskMeeting, StopInfo } from "../../src/studio/api.js";

export const pairKey = (m: { firmId: string; delegationId: string }): string => `${m.firmId}|${m.delegationId}`;

/** One state of the edit: what undo restores. */
export interface Edit {
  readonly meetings: readonly DeskMeeting[];
  readonly waiting: readonly DeskMeeting[];
  readonly locks: readonly string[];
}

/** An edit history: the states before (undo) and after (redo) the current one. */
export interface History {
  readonly past: readonly Edit[];
  readonly present: Edit;
  readonly future: readonly Edit[];
}

export const start = (meetings: readonly DeskMeeting[]): History => ({ past: [], present: { meetings, waiting: [], locks: [] }, future: [] });
export const push = (h: History, next: Edit): History => ({ past: [...h.past, h.present], present: next, future: [] });
export const undo = (h: History): History => (h.past.length === 0 ? h : { past: h.past.slice(0, -1), present: h.past[h.past.length - 1]!, future: [h.present, ...h.future] });
export const redo = (h: History): History => (h.future.length === 0 ? h : { past: [...h.past, h.present], present: h.future[0]!, future: h.future.slice(1) });

/** Moves a meeting (from the grid or the waiting list) to a cell. */
export function moveTo(e: Edit, key: string, slot: number, table: number): Edit {
  const from = e.meetings.find((m) => pairKey(m) === key) ?? e.waiting.find((m) => pairKey(m) === key);
  if (!from) return e;
  const moved = { ...from, slot, table };
  return {
    meetings: [...e.meetings.filter((m) => pairKey(m) !== key), moved],
    waiting: e.waiting.filter((m) => pairKey(m) !== key),
    locks: e.locks,
  };
}

/** Takes a meeting off the grid onto the waiting list (its lock goes with it). */
export function toWaiting(e: Edit, key: string): Edit {
  const m = e.meetings.find((x) => pairKey(x) === key);
  if (!m) return e;
  return { meetings: e.meetings.filter((x) => pairKey(x) !== key), waiting: [...e.waiting, m], locks: e.locks.filter((k) => k !== key) };
}

/** Adds a pair to the waiting list (from the People view). */
export function addWaiting(e: Edit, m: DeskMeeting): Edit {
  if (e.waiting.some((x) => pairKey(x) === pairKey(m)) || e.meetings.some((x) => pairKey(x) === pairKey(m))) return e;
  return { ...e, waiting: [...e.waiting, m] };
}

export function toggleLock(e: Edit, key: string): Edit {
  return { ...e, locks: e.locks.includes(key) ? e.locks.filter((k) => k !== key) : [...e.locks, key] };
}

/**
 * The cells `slot|table` where a meeting could go without breaking a rule of
 * its own participants: one of its delegation's tables, empty, in a slot where
 * both are present and the firm has a representative free (and, from the
 * waiting list, the firm below its max_meetings).
 */
export function freeCells(stop: StopInfo, meetings: readonly DeskMeeting[], m: DeskMeeting, fromWaiting: boolean): Set<string> {
  const out = new Set<string>();
  const firm = stop.firms.find((f) => f.id === m.firmId);
  const delegation = stop.delegations.find((d) => d.id === m.delegationId);
  if (!firm || !delegation) return out;
  const key = pairKey(m);
  const others = meetings.filter((x) => pairKey(x) !== key);
  if (fromWaiting && firm.maxMeetings !== null && others.filter((x) => x.firmId === firm.id).length + 1 > firm.maxMeetings) return out;
  const tables = stop.tables.filter((t) => t.delegationId === delegation.id).map((t) => t.table);
  for (const slot of stop.slots) {
    const s = slot.index;
    if (!firm.present[s - 1] || !delegation.present[s - 1]) continue;
    if (others.filter((x) => x.slot === s && x.firmId === firm.id).length >= firm.capacity) continue;
    for (const table of tables) {
      const own = !fromWaiting && m.slot === s && m.table === table;
      if (!own && !others.some((x) => x.slot === s && x.table === table)) out.add(`${s}|${table}`);
    }
  }
  return out;
}

/**
 * The meetings the edits put where they are, latest edit first: a meeting
 * moved, or brought from the waiting list, since the agenda was loaded.
 */
export function lastMoved(h: History): string[] {
  const states = [...h.past, h.present];
  const seen = new Set<string>();
  const out: string[] = [];
  for (let k = states.length - 1; k > 0; k--) {
    const before = new Map(states[k - 1]!.meetings.map((m) => [pairKey(m), `${m.slot}|${m.table}`]));
    for (const m of states[k]!.meetings) {
      const key = pairKey(m);
      if (before.get(key) !== `${m.slot}|${m.table}` && !seen.has(key)) {
        seen.add(key);
        out.push(key);
      }
    }
  }
  return out;
}

/**
 * The broken rules in the order to show them: those of the meeting moved last
 * first (then of the one before…), each naming its moved meetings first, so a
 * meeting dropped on a wrong cell is named at the top, never in "… and n more".
 */
export function orderViolations<V extends { readonly meetings: readonly number[] }>(violations: readonly V[], checked: readonly DeskMeeting[], moved: readonly string[]): V[] {
  const rank = new Map(moved.map((key, i) => [key, i]));
  const last = Number.MAX_SAFE_INTEGER;
  const of = (i: number) => rank.get(checked[i] ? pairKey(checked[i]) : "") ?? last;
  return violations
    .map((v) => ({ ...v, meetings: [...v.meetings].sort((a, b) => of(a) - of(b)) }))
    .map((v, n) => ({ v, n, first: Math.min(last, ...v.meetings.map(of)) }))
    .sort((a, b) => a.first - b.first || a.n - b.n)
    .map((x) => x.v);
}
