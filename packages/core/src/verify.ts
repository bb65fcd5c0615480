/** The hard-rule check of an agenda (capacities, presence, breaks, blocked pairs, caps, history, tables): every violation, with the meetings involved. */
import { delegationAt, firmAt, pairAt, prepare, type Prepared } from "./prepare.js";
import { tableAssignment } from "./timetable.js";
import type { Meeting, ScheduleOptions, StopInstance, Violation, ViolationCode, ViolationParams } from "./types.js";
import { assertValidInstance } from "./validate.js";
import { at } from "./at.js";

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
  assertValidInstance(instance);
  return verifyPrepared(prepare(instance, options), meetings);
}

/** `verifyAgenda` on an instance already indexed. */
export function verifyPrepared(prep: Prepared, meetings: readonly AgendaMeeting[]): Violation[] {
  const out: Violation[] = [];
  const flag = (code: ViolationCode, params: ViolationParams, indexes: readonly number[]): void => {
    out.push({ code, params, meetings: indexes });
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
    const stop = prep.instance.stop.id;
    if (f === undefined) return flag("unknown-firm", { firm: m.firmId, stop }, [i]);
    if (d === undefined) return flag("unknown-delegation", { delegation: m.delegationId, stop }, [i]);
    if (!Number.isInteger(m.slot) || m.slot < 1 || m.slot > n) return flag("unknown-slot", { slot: m.slot, slots: n }, [i]);
    const where: ViolationParams = { firm: m.firmId, delegation: m.delegationId, slot: m.slot };
    const t = m.slot - 1;
    const pair = pairAt(prep, f * D + d);
    if (!at(prep.firmPresent, f)[t]) flag("firm-absent", where, [i]);
    if (!at(prep.delegationPresent, d)[t]) flag("delegation-absent", where, [i]);
    if (pair.block === "avoided") flag("avoided-pair", where, [i]);
    if (pair.block === "zero-score") flag("zero-score", where, [i]);
    if (pair.block === "met-before") flag("met-before", where, [i]);
    group(`firm|${f}|${t}`, i);
    group(`delegation|${d}|${t}`, i);
    group(`pair|${f}|${d}`, i);
    group(`total|${f}`, i);
    group(`table|${t}|${m.table}`, i);
  });

  for (const [key, list] of groups) {
    const [kind, a, b] = key.split("|") as [string, string, string];
    const slot = Number(b) + 1;
    if (kind === "firm") {
      const firm = firmAt(prep, Number(a));
      if (list.length > firm.representatives)
        flag("firm-capacity", { firm: firm.id, count: list.length, slot, limit: firm.representatives }, list);
    } else if (kind === "delegation") {
      const delegation = delegationAt(prep, Number(a));
      if (list.length > delegation.tables)
        flag("delegation-capacity", { delegation: delegation.id, count: list.length, slot, limit: delegation.tables }, list);
    } else if (kind === "pair" && list.length > 1) {
      const firm = firmAt(prep, Number(a)).id;
      const delegation = delegationAt(prep, Number(b)).id;
      flag("repeated-pair", { firm, delegation, count: list.length }, list);
    } else if (kind === "total") {
      const firm = firmAt(prep, Number(a));
      if (firm.maxMeetings !== null && list.length > firm.maxMeetings)
        flag("max-meetings", { firm: firm.id, count: list.length, limit: firm.maxMeetings }, list);
    } else if (kind === "table" && list.length > 1) {
      flag("table-clash", { table: Number(b), count: list.length, slot: Number(a) + 1 }, list);
    }
  }
  for (const stray of strayTables(prep, meetings, delegationIndex)) {
    const delegation = delegationAt(prep, stray.delegation);
    const params: ViolationParams = {
      delegation: delegation.id, table: stray.table, count: stray.meetings.length, limit: delegation.tables, tables: stray.own.join(", "),
      ...(stray.owner !== undefined && { owner: delegationAt(prep, stray.owner).id }),
    };
    flag("wrong-table", params, stray.meetings);
  }
  return out;
}

/** Meetings of one delegation at a table that is not its own. */
interface StrayTable {
  readonly delegation: number;
  readonly table: number;
  /** Indexes of the meetings there. */
  readonly meetings: readonly number[];
  /** The delegation's own tables. */
  readonly own: readonly number[];
  /** The delegation that owns the table, if any. */
  readonly owner: number | undefined;
}

/**
 * Tables: each delegation keeps at most `tables` table numbers all session and
 * a number belongs to one delegation. Its own are the ones it uses most (a
 * tie goes to the delegation the plain numbering gives the table), so a
 * meeting dragged onto another delegation's table is the one reported, not
 * every meeting of both delegations.
 */
function strayTables(prep: Prepared, meetings: readonly AgendaMeeting[], delegationIndex: ReadonlyMap<string, number>): StrayTable[] {
  const uses = new Map<string, { delegation: number; table: number; meetings: number[] }>();
  meetings.forEach((m, i) => {
    const d = delegationIndex.get(m.delegationId);
    if (d === undefined || !Number.isInteger(m.slot) || m.slot < 1 || m.slot > prep.slots.length) return;
    const key = `${d}|${m.table}`;
    const use = uses.get(key);
    if (use) use.meetings.push(i);
    else uses.set(key, { delegation: d, table: m.table, meetings: [i] });
  });
  const plain = new Map(tableAssignment(prep).flatMap((a, d) => a.tables.map((table) => [table, d] as const)));
  const ordered = [...uses.values()].sort((x, y) =>
    y.meetings.length - x.meetings.length
    || Number(plain.get(y.table) === y.delegation) - Number(plain.get(x.table) === x.delegation)
    || x.delegation - y.delegation || x.table - y.table);
  const owner = new Map<number, number>();
  const own = prep.delegations.map((): number[] => []);
  for (const use of ordered) {
    const list = at(own, use.delegation);
    if (!Number.isInteger(use.table) || use.table < 1 || owner.has(use.table) || list.length >= delegationAt(prep, use.delegation).tables) continue;
    owner.set(use.table, use.delegation);
    list.push(use.table);
  }
  return ordered
    .filter((use) => owner.get(use.table) !== use.delegation)
    .sort((x, y) => at(x.meetings, 0) - at(y.meetings, 0))
    .map((use) => ({ ...use, own: [...at(own, use.delegation)].sort((a, b) => a - b), owner: owner.get(use.table) }));
}
