/** Stop-specific changes (`changes.csv`): a stop's instance as it is on the day, master data untouched. */
import type { Delegation, Firm, MeetingOutcome, PastMeeting, StopChange, StopInstance } from "./types.js";
import { meetingKey } from "./tally.js";

const withStop = (stops: readonly string[], stopId: string): readonly string[] => (stops.includes(stopId) ? stops : [...stops, stopId]);

function changeFirm(firm: Firm, change: StopChange, stopId: string): Firm {
  const stops =
    change.status === "absent" ? firm.stops.filter((s) => s !== stopId)
    : change.status === "present" ? withStop(firm.stops, stopId)
    : firm.stops;
  return {
    ...firm,
    stops,
    ...(change.available !== null && { available: change.available }),
    ...(change.representatives !== null && { representatives: change.representatives }),
  };
}

function changeDelegation(delegation: Delegation, change: StopChange, stopId: string): Delegation {
  // `stops: null` means every stop; absent from this one leaves none that matter to this instance.
  const stops =
    change.status === "absent" ? (delegation.stops ?? []).filter((s) => s !== stopId)
    : change.status === "present" && delegation.stops !== null ? withStop(delegation.stops, stopId)
    : delegation.stops;
  return {
    ...delegation,
    stops,
    ...(change.available !== null && { available: change.available }),
    ...(change.tables !== null && { tables: change.tables }),
  };
}

/**
 * The instance as it is at its stop after the changes of that stop: an
 * `absent` participant does not attend it, a `present` one does (a firm
 * registered at the desk), and `available`, `tables` (delegations) and
 * `representatives` (firms) replace the master values for this stop only.
 * Changes of other stops, of unknown ids, and fields that do not apply to
 * the participant's kind are ignored (the CLI reports them). Several changes
 * of one participant apply in order. Pure; the input is not modified.
 * @example applyChanges(instance, [{ stopId: "BS-2026-02", participantId: "F0012", status: "absent",
 *   available: null, tables: null, representatives: null, note: "cancelled" }])
 */
export function applyChanges(instance: StopInstance, changes: readonly StopChange[]): StopInstance {
  const stopId = instance.stop.id;
  const byId = new Map<string, StopChange[]>();
  for (const c of changes) {
    if (c.stopId !== stopId) continue;
    const list = byId.get(c.participantId);
    if (list) list.push(c);
    else byId.set(c.participantId, [c]);
  }
  if (byId.size === 0) return instance;
  const firms = instance.firms.map((f) => (byId.get(f.id) ?? []).reduce((x, c) => changeFirm(x, c, stopId), f));
  const delegations = instance.delegations.map((d) => (byId.get(d.id) ?? []).reduce((x, c) => changeDelegation(x, c, stopId), d));
  return { ...instance, firms, delegations };
}

/**
 * The stop's participants a change marks absent (firm and delegation ids,
 * sorted): their meetings there were cancelled, not held.
 */
export function absentAt(stopId: string, changes: readonly StopChange[]): string[] {
  const last = new Map<string, StopChange["status"]>();
  for (const c of changes) if (c.stopId === stopId && c.status !== null) last.set(c.participantId, c.status);
  return [...last].filter(([, s]) => s === "absent").map(([id]) => id).sort();
}

/**
 * Meetings that count as met for the no-repeat rule: a meeting of a
 * participant marked `absent` at its stop was cancelled, a meeting recorded
 * as not held did not happen, and a pair recorded for a follow-up may meet
 * again; each of those leaves the history. Order is kept.
 * @example metHistory(history, changes, [{ stopId: "BS-2026-02", firmId: "F0001", delegationId: "US-CG", held: false, followUp: false }])
 */
export function metHistory(
  history: readonly PastMeeting[],
  changes: readonly StopChange[],
  outcomes: readonly MeetingOutcome[] = [],
): PastMeeting[] {
  if (changes.length === 0 && outcomes.length === 0) return [...history];
  const absent = new Set<string>();
  for (const stopId of new Set(changes.map((c) => c.stopId))) for (const id of absentAt(stopId, changes)) absent.add(`${stopId}\u0000${id}`);
  const released = new Set(outcomes.filter((o) => !o.held || o.followUp).map((o) => meetingKey(o.stopId, o.firmId, o.delegationId)));
  return history.filter(
    (h) =>
      !absent.has(`${h.stopId}\u0000${h.firmId}`) &&
      !absent.has(`${h.stopId}\u0000${h.delegationId}`) &&
      !released.has(meetingKey(h.stopId, h.firmId, h.delegationId)),
  );
}
