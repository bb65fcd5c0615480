/** What changed between the agenda sent before and the re-plan, pair by pair, and who must be told. */
import type { PreviousReading } from "./previous.js";
import type { Meeting, MeetingChange, MeetingChangeReason, ReplanStats } from "../types.js";
import type { AgendaMeeting } from "../verify.js";

const keyOf = (m: { readonly firmId: string; readonly delegationId: string }): string => `${m.firmId}\u0000${m.delegationId}`;
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compares the two agendas by firm–delegation pair: a pair only before is
 * cancelled, only after is new, in both at another slot moved, at the same
 * slot and another table table-changed. Reasons come from reading the previous
 * agenda; a still-valid meeting that moved did so to gain a level ("improvement").
 */
export function diffAgendas(
  previous: readonly AgendaMeeting[],
  reading: PreviousReading,
  meetings: readonly Meeting[],
): { changes: MeetingChange[]; stats: Omit<ReplanStats, "replaced" | "replacedBound" | "moves"> } {
  const after = new Map(meetings.map((m) => [keyOf(m), m]));
  const firmsBefore = new Set(previous.map((m) => m.firmId));
  const delegationsBefore = new Set(previous.map((m) => m.delegationId));
  const seen = new Set<string>();
  const changes: MeetingChange[] = [];
  let unchanged = 0;
  previous.forEach((m, k) => {
    const key = keyOf(m);
    const first = !seen.has(key);
    seen.add(key);
    const now = first ? after.get(key) : undefined;
    const before = { slot: m.slot, table: m.table };
    const reason: MeetingChangeReason = reading.reasons[k] ?? "improvement";
    const base = { firmId: m.firmId, delegationId: m.delegationId, before };
    if (now === undefined) changes.push({ ...base, kind: "cancelled", after: null, reason: reading.reasons[k] ?? "capacity" });
    else if (now.slot === m.slot && now.table === m.table) unchanged++;
    else changes.push({ ...base, kind: now.slot === m.slot ? "table-changed" : "moved", after: { slot: now.slot, table: now.table }, reason });
  });
  for (const m of meetings) {
    if (seen.has(keyOf(m))) continue;
    const walkIn = !firmsBefore.has(m.firmId) || !delegationsBefore.has(m.delegationId);
    changes.push({
      kind: "new",
      firmId: m.firmId,
      delegationId: m.delegationId,
      before: null,
      after: { slot: m.slot, table: m.table },
      reason: walkIn ? "walk-in" : "freed-capacity",
    });
  }
  changes.sort((a, b) => cmp(a.firmId, b.firmId) || cmp(a.delegationId, b.delegationId) || (a.before?.slot ?? 0) - (b.before?.slot ?? 0));
  return {
    changes,
    stats: {
      previous: previous.length,
      unchanged,
      lostPairs: reading.lostPairs.length,
      notifiedFirms: [...new Set(changes.map((c) => c.firmId))].sort(cmp),
      notifiedDelegations: [...new Set(changes.map((c) => c.delegationId))].sort(cmp),
    },
  };
}
