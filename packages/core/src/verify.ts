/** The hard-rule check of an agenda (capacities, presence, breaks, blocked pairs, caps, history, tables): every violation, with the meetings involved. */
import { delegationAt, firmAt, pairAt, prepare, type Prepared } from "./prepare.js";
import type { Meeting, ScheduleOptions, StopInstance, Violation, ViolationCode, ViolationParams } from "./types.js";

/** A meeting to check: as in an agenda, the score is not trusted. */
export type AgendaMeeting = Pick<Meeting, "slot" | "table" | "delegationId" | "firmId">;

/**
 * Checks an agenda of one stop against every hard rule of the spec (1–5), the
 * history rule and table consistency. Returns every violation; empty means valid.
 */
export function verifyAgenda(
  instance: StopInstance,
  meetings: readonly AgendaMeeting[],
  options: ScheduleOptions = {},
): Violation[] {
  return verifyPrepared(prepare(instance, options), meetings);
}

/** `verifyAgenda` on an instance already indexed. */
export function verifyPrepared(prep: Prepared, meetings: readonly AgendaMeeting[]): Violation[] {
  const out: Violation[] = [];
  const flag = (code: ViolationCode, message: string, params: ViolationParams, indexes: readonly number[]): void => {
    out.push({ code, message, params, meetings: indexes });
  };
  const firmIndex = new Map(prep.firms.map((f, i) => [f.id, i]));
  const delegationIndex = new Map(prep.delegations.map((d, i) => [d.id, i]));
  const D = prep.delegations.length;
  const n = prep.slots.length;

  const groups = new Map<string, number[]>();
  const group = (key: string, i: number): void => {
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  };
  meetings.forEach((m, i) => {
    const f = firmIndex.get(m.firmId);
    const d = delegationIndex.get(m.delegationId);
    const where = `${m.firmId} × ${m.delegationId} in slot ${m.slot}`;
    const stop = prep.instance.stop.id;
    if (f === undefined) return flag("unknown-firm", `${m.firmId} is not a firm registered for ${stop}`, { firm: m.firmId, stop }, [i]);
    if (d === undefined) return flag("unknown-delegation", `${m.delegationId} is not a delegation at ${stop}`, { delegation: m.delegationId, stop }, [i]);
    if (!Number.isInteger(m.slot) || m.slot < 1 || m.slot > n) return flag("unknown-slot", `slot ${m.slot} is not one of 1..${n}`, { slot: m.slot, slots: n }, [i]);
    const at: ViolationParams = { firm: m.firmId, delegation: m.delegationId, slot: m.slot };
    const t = m.slot - 1;
    const pair = pairAt(prep, f * D + d);
    if (!prep.firmPresent[f]![t]) flag("firm-absent", `${where}: the firm is not present then`, at, [i]);
    if (!prep.delegationPresent[d]![t]) flag("delegation-absent", `${where}: the delegation is not present then`, at, [i]);
    if (pair.block === "avoided") flag("avoided-pair", `${where}: the pair is marked avoid`, at, [i]);
    if (pair.block === "zero-score") flag("zero-score", `${where}: the pair's score is 0`, at, [i]);
    if (pair.block === "met-before") flag("met-before", `${where}: they already met at an earlier stop`, at, [i]);
    group(`firm|${f}|${t}`, i);
    group(`delegation|${d}|${t}`, i);
    group(`pair|${f}|${d}`, i);
    group(`total|${f}`, i);
    group(`table|${t}|${m.table}`, i);
    group(`tables|${d}`, i);
  });

  const tableOwner = new Map<number, number>();
  for (const [key, list] of groups) {
    const [kind, a, b] = key.split("|") as [string, string, string];
    const slot = Number(b) + 1;
    if (kind === "firm") {
      const firm = firmAt(prep, Number(a));
      if (list.length > firm.representatives)
        flag("firm-capacity", `${firm.id} has ${list.length} meetings in slot ${slot} (representatives ${firm.representatives})`, { firm: firm.id, count: list.length, slot, limit: firm.representatives }, list);
    } else if (kind === "delegation") {
      const delegation = delegationAt(prep, Number(a));
      if (list.length > delegation.tables)
        flag("delegation-capacity", `${delegation.id} has ${list.length} meetings in slot ${slot} (tables ${delegation.tables})`, { delegation: delegation.id, count: list.length, slot, limit: delegation.tables }, list);
    } else if (kind === "pair" && list.length > 1) {
      const firm = firmAt(prep, Number(a)).id;
      const delegation = delegationAt(prep, Number(b)).id;
      flag("repeated-pair", `${firm} meets ${delegation} ${list.length} times`, { firm, delegation, count: list.length }, list);
    } else if (kind === "total") {
      const firm = firmAt(prep, Number(a));
      if (firm.maxMeetings !== null && list.length > firm.maxMeetings)
        flag("max-meetings", `${firm.id} has ${list.length} meetings (max_meetings ${firm.maxMeetings})`, { firm: firm.id, count: list.length, limit: firm.maxMeetings }, list);
    } else if (kind === "table" && list.length > 1) {
      flag("table-clash", `table ${b} holds ${list.length} meetings in slot ${Number(a) + 1}`, { table: Number(b), count: list.length, slot: Number(a) + 1 }, list);
    } else if (kind === "tables") {
      const delegation = delegationAt(prep, Number(a));
      const used = [...new Set(list.map((i) => meetings[i]!.table))];
      const bad = used.filter((table) => !Number.isInteger(table) || table < 1 || (tableOwner.get(table) ?? Number(a)) !== Number(a));
      for (const table of used) tableOwner.set(table, Number(a));
      if (used.length > delegation.tables || bad.length > 0)
        flag("wrong-table", `${delegation.id} uses tables ${used.join(", ")} but keeps ${delegation.tables} table(s) of its own all session`, { delegation: delegation.id, tables: used.join(", "), limit: delegation.tables }, list);
    }
  }
  return out;
}
