/** TEMPORARY development shim of h1's replanStop (plans afresh and diffs); replaced by h1's at merge, never landed. */
import { planStop } from "./plan.js";
import type { AgendaMeeting } from "./verify.js";
import type { MeetingChange, Replan, ScheduleOptions, StopInstance } from "./types.js";

export interface ReplanOptions extends ScheduleOptions {
  readonly allowMoves?: boolean;
  readonly locked?: readonly AgendaMeeting[];
}

export function replanStop(instance: StopInstance, previous: readonly AgendaMeeting[], options: ReplanOptions = {}): Replan {
  const schedule = planStop(instance, options);
  const key = (m: AgendaMeeting) => `${m.firmId}|${m.delegationId}`;
  const now = new Map(schedule.meetings.map((m) => [key(m), m]));
  const before = new Map(previous.map((m) => [key(m), m]));
  const firmsHere = new Set(instance.firms.filter((f) => f.stops.includes(instance.stop.id)).map((f) => f.id));
  const delHere = new Set(instance.delegations.filter((d) => d.stops === null || d.stops.includes(instance.stop.id)).map((d) => d.id));
  const changes: MeetingChange[] = [];
  for (const p of previous) {
    const n = now.get(key(p));
    if (n === undefined) {
      changes.push({ kind: "cancelled", firmId: p.firmId, delegationId: p.delegationId, before: { slot: p.slot, table: p.table }, after: null, reason: !firmsHere.has(p.firmId) ? "firm-absent" : !delHere.has(p.delegationId) ? "delegation-absent" : "capacity" });
    } else if (n.slot !== p.slot || n.table !== p.table) {
      changes.push({ kind: n.slot !== p.slot ? "moved" : "table-changed", firmId: p.firmId, delegationId: p.delegationId, before: { slot: p.slot, table: p.table }, after: { slot: n.slot, table: n.table }, reason: "delegation-window" });
    }
  }
  const prevFirms = new Set(previous.map((m) => m.firmId));
  for (const n of schedule.meetings) {
    if (!before.has(key(n))) changes.push({ kind: "new", firmId: n.firmId, delegationId: n.delegationId, before: null, after: { slot: n.slot, table: n.table }, reason: prevFirms.has(n.firmId) ? "freed-capacity" : "walk-in" });
  }
  changes.sort((a, b) => (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : a.delegationId < b.delegationId ? -1 : a.delegationId > b.delegationId ? 1 : 0));
  return {
    schedule,
    changes,
    stats: {
      previous: previous.length,
      unchanged: previous.length - changes.filter((c) => c.before !== null).length,
      lostPairs: 0, replaced: 0, replacedBound: 0, moves: 0,
      notifiedFirms: [...new Set(changes.map((c) => c.firmId))].sort(),
      notifiedDelegations: [...new Set(changes.map((c) => c.delegationId))].sort(),
    },
  };
}
