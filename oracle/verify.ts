/**
 * An independent checker of the spec's hard rules (formats.md, "Hard rules
 * every agenda obeys", and the agenda's table rules), written from the spec
 * alone so it can judge the scheduler and the peers alike. Presence is decided
 * on local wall-clock minutes: a slot counts when it lies wholly inside a
 * window and overlaps no break.
 */
import type { Slot, StopInstance, TimeWindow, ViolationCode } from "@roadshow/core";

export interface CheckedMeeting {
  readonly firmId: string;
  readonly delegationId: string;
  readonly slot: number;
  readonly table: number;
  readonly score: number;
}

export interface CheckOptions {
  readonly allowRepeats: boolean;
  /** Pair scores when `instance.scores` is null (the built-in affinity); pairs it scores ≤ 0 are ineligible. */
  readonly scoreOf?: (firmId: string, delegationId: string) => number;
}

/** The core's violation codes, plus a meeting whose score is not its pair's score. */
export type CheckCode = ViolationCode | "score-mismatch";

export interface RuleViolation {
  readonly code: CheckCode;
  readonly message: string;
  /** Indexes into the checked meetings. */
  readonly meetings: readonly number[];
}

const key = (...parts: readonly (string | number)[]): string => parts.join("\u0000");

function groupBy(meetings: readonly CheckedMeeting[], keyOf: (m: CheckedMeeting) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  meetings.forEach((m, i) => {
    const k = keyOf(m);
    const list = groups.get(k);
    if (list) list.push(i);
    else groups.set(k, [i]);
  });
  return groups;
}

const inside = (slot: Slot, windows: readonly TimeWindow[] | null): boolean =>
  windows === null || windows.some((w) => w.start <= slot.start && slot.end <= w.end);

/** Every broken rule of an agenda; empty when it obeys them all. */
export function checkAgenda(
  instance: StopInstance,
  slots: readonly Slot[],
  options: CheckOptions,
  meetings: readonly CheckedMeeting[],
): RuleViolation[] {
  const { stop } = instance;
  const out: RuleViolation[] = [];
  const flag = (code: CheckCode, message: string, indexes: readonly number[]): void => {
    out.push({ code, message, meetings: [...indexes] });
  };
  const firms = new Map(instance.firms.map((f) => [f.id, f]));
  const delegations = new Map(instance.delegations.map((d) => [d.id, d]));
  const slotOf = new Map(slots.map((s) => [s.index, s]));
  const scores = new Map<string, number>();
  for (const s of instance.scores ?? []) scores.set(key(s.firmId, s.delegationId), s.score);
  const scoreOf =
    options.scoreOf ??
    ((firmId: string, delegationId: string): number => {
      if (instance.scores === null) throw new Error("checkAgenda: instance.scores is null; pass options.scoreOf");
      return scores.get(key(firmId, delegationId)) ?? 0;
    });
  const avoided = new Set(instance.requests.filter((r) => r.kind === "avoid").map((r) => key(r.firmId, r.country)));
  const metBefore = new Set(instance.history.map((h) => key(h.firmId, h.delegationId)));

  meetings.forEach((m, i) => {
    const firm = firms.get(m.firmId);
    const delegation = delegations.get(m.delegationId);
    const slot = slotOf.get(m.slot);
    const where = `${m.firmId} × ${m.delegationId} in slot ${m.slot}`;
    if (!firm) flag("unknown-firm", `${where}: no firm ${m.firmId}`, [i]);
    if (!delegation) flag("unknown-delegation", `${where}: no delegation ${m.delegationId}`, [i]);
    if (!slot) flag("unknown-slot", `${where}: the stop has slots 1..${slots.length}`, [i]);
    if (slot && stop.breaks.some((b) => slot.start < b.end && b.start < slot.end)) flag("in-break", `${where}: slot overlaps a break`, [i]);
    if (firm && (!firm.stops.includes(stop.id) || (slot && !inside(slot, firm.available)))) {
      flag("firm-absent", `${where}: the firm is not present`, [i]);
    }
    if (delegation && ((delegation.stops !== null && !delegation.stops.includes(stop.id)) || (slot && !inside(slot, delegation.available)))) {
      flag("delegation-absent", `${where}: the delegation is not present`, [i]);
    }
    if (!firm || !delegation) return;
    if (avoided.has(key(m.firmId, delegation.country))) flag("avoided-pair", `${where}: ${m.firmId} avoids ${delegation.country}`, [i]);
    const score = scoreOf(m.firmId, m.delegationId);
    if (!(score > 0)) flag("zero-score", `${where}: the pair's score is ${score}`, [i]);
    else if (Math.abs(score - m.score) > 1e-6) flag("score-mismatch", `${where}: score ${m.score}, the pair's is ${score}`, [i]);
    if (!options.allowRepeats && metBefore.has(key(m.firmId, m.delegationId))) flag("met-before", `${where}: they met at an earlier stop`, [i]);
  });

  for (const [, group] of groupBy(meetings, (m) => key(m.firmId, m.slot))) {
    const m = meetings[group[0]!]!;
    const limit = firms.get(m.firmId)?.representatives ?? 1;
    if (group.length > limit) flag("firm-capacity", `${m.firmId} has ${group.length} meetings in slot ${m.slot} (representatives ${limit})`, group);
  }
  for (const [, group] of groupBy(meetings, (m) => key(m.delegationId, m.slot))) {
    const m = meetings[group[0]!]!;
    const limit = delegations.get(m.delegationId)?.tables ?? 1;
    if (group.length > limit) flag("delegation-capacity", `${m.delegationId} has ${group.length} meetings in slot ${m.slot} (tables ${limit})`, group);
  }
  for (const [, group] of groupBy(meetings, (m) => key(m.firmId, m.delegationId))) {
    const m = meetings[group[0]!]!;
    if (group.length > 1) flag("repeated-pair", `${m.firmId} meets ${m.delegationId} ${group.length} times`, group);
  }
  for (const [firmId, group] of groupBy(meetings, (m) => m.firmId)) {
    const cap = firms.get(firmId)?.maxMeetings ?? null;
    if (cap !== null && group.length > cap) flag("max-meetings", `${firmId} has ${group.length} meetings (max_meetings ${cap})`, group);
  }
  checkTables(meetings, instance, flag);
  return out;
}

/** Tables: positive integers, unique per slot, each delegation at its own fixed tables. */
function checkTables(
  meetings: readonly CheckedMeeting[],
  instance: StopInstance,
  flag: (code: CheckCode, message: string, indexes: readonly number[]) => void,
): void {
  meetings.forEach((m, i) => {
    if (!Number.isInteger(m.table) || m.table < 1) flag("wrong-table", `${m.delegationId} in slot ${m.slot}: table ${m.table} is not a positive integer`, [i]);
  });
  for (const [, group] of groupBy(meetings, (m) => key(m.slot, m.table))) {
    const m = meetings[group[0]!]!;
    if (group.length > 1) flag("table-clash", `table ${m.table} holds ${group.length} meetings in slot ${m.slot}`, group);
  }
  const tablesOf = new Map(instance.delegations.map((d) => [d.id, d.tables]));
  for (const [delegationId, group] of groupBy(meetings, (m) => m.delegationId)) {
    const used = new Set(group.map((i) => meetings[i]!.table));
    const limit = tablesOf.get(delegationId) ?? 1;
    if (used.size > limit) flag("wrong-table", `${delegationId} uses ${used.size} tables (it has ${limit})`, group);
  }
  for (const [, group] of groupBy(meetings, (m) => String(m.table))) {
    const owners = [...new Set(group.map((i) => meetings[i]!.delegationId))];
    if (owners.length > 1) {
      const strays = group.filter((i) => meetings[i]!.delegationId !== owners[0]);
      flag("wrong-table", `table ${meetings[group[0]!]!.table} is shared by ${owners.join(", ")}`, strays);
    }
  }
}
