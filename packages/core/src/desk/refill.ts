/**
 * Standby refill of one slot on the day: the table-slots freed by absences and
 * no-shows go to participants who are there and free, best under the
 * objective's own levels, without moving anyone.
 *
 * The rule (README, "Standby refill"; formats.md, "The refill rule"):
 * - a meeting of the agenda **happens** unless its firm or delegation is no
 *   longer at the stop or present in its slot (absent, window), is recorded
 *   as a no-show in that slot, or the meeting was cancelled or declined;
 * - a **freed table-slot** of slot n is the table of a meeting of slot n that
 *   does not happen; it can only go to its own delegation (a delegation keeps
 *   its tables), which must itself be eligible;
 * - a participant is **eligible** in slot n when it is at the stop and present
 *   in slot n, has no meeting that happens in slot n, is not recorded as a
 *   no-show in slot n or before (unless checked in after that record) and,
 *   once any check-in is recorded at the stop, is checked in;
 * - a new meeting pairs an eligible firm with an eligible delegation on one of
 *   that delegation's freed tables; the pair may meet (not avoided, score > 0,
 *   not met at an earlier stop) and is not already on the day's agenda; a firm
 *   takes at most `representatives` new meetings and stays within
 *   `max_meetings` counting the meetings that happen;
 * - among the sets of such meetings, the best one is taken lexicographically
 *   on the objective's levels with the happening meetings counted: musts met,
 *   firms served (Σ min(meetings, K)), balance, score.
 *
 * It is the selection's min-cost flow (`select.ts`) restricted to one slot:
 * source → firm (its next meetings' worth on levels 2–3) → (firm, must
 * country) → delegation (score) → sink (its freed tables), exact because the
 * worth per firm is concave and each level outweighs the ones below.
 */
import { FlowNetwork, minCostFlow } from "../flow.js";
import { balanceOf, majorWeights, roundScore } from "../levels.js";
import { delegationAt, firmAt, pairAt, prepare, type Prepared } from "../prepare.js";
import { assertValidInstance } from "../validate.js";
import { addFirmArcs, scoreScale } from "../select.js";
import type { DeskRecord, FreedTable, Meeting, ObjectiveLevels, Refill, ScheduleOptions, StopInstance } from "../types.js";
import type { AgendaMeeting } from "../verify.js";
import { addAt, at } from "../at.js";
import { InternalError } from "../errors.js";

/**
 * Whether each meeting of an agenda happens: its firm and delegation are at
 * the stop and present in its slot (the instance as on the day), neither
 * is recorded as a no-show in that slot, and it was not cancelled or declined.
 * @example happening(instance, agenda, { events: [{ kind: "noshow", participantId: "F0003", slot: 2 }] })
 */
export function happening(instance: StopInstance, agenda: readonly AgendaMeeting[], desk: DeskRecord, options: ScheduleOptions = {}): boolean[] {
  return happeningPrepared(prepare(instance, options), agenda, desk);
}

function happeningPrepared(prep: Prepared, agenda: readonly AgendaMeeting[], desk: DeskRecord): boolean[] {
  const firmIndex = new Map(prep.firms.map((f, i) => [f.id, i]));
  const delegationIndex = new Map(prep.delegations.map((d, i) => [d.id, i]));
  const noShow = new Set(desk.events.filter((e) => e.kind === "noshow").map((e) => `${e.participantId}\u0000${e.slot}`));
  const cancelled = new Set((desk.cancelled ?? []).map((c) => `${c.firmId}\u0000${c.delegationId}`));
  return agenda.map((m) => {
    if (cancelled.has(`${m.firmId}\u0000${m.delegationId}`)) return false;
    const f = firmIndex.get(m.firmId);
    const d = delegationIndex.get(m.delegationId);
    const t = m.slot - 1;
    if (f === undefined || d === undefined || !prep.firmPresent[f]?.[t] || !prep.delegationPresent[d]?.[t]) return false;
    return !noShow.has(`${m.firmId}\u0000${m.slot}`) && !noShow.has(`${m.delegationId}\u0000${m.slot}`);
  });
}

/**
 * Participants the desk rules out in slot `slot`: recorded as a no-show in it
 * or an earlier slot and not checked in since; and, once anyone has checked
 * in, everyone not checked in.
 */
function ruledOut(desk: DeskRecord, slot: number): (id: string) => boolean {
  const checkedIn = new Set<string>();
  const missing = new Set<string>();
  for (const e of desk.events) {
    if (e.kind === "checkin") {
      checkedIn.add(e.participantId);
      missing.delete(e.participantId);
    } else if (e.slot <= slot) {
      missing.add(e.participantId);
    }
  }
  const anyCheckIn = checkedIn.size > 0;
  return (id) => missing.has(id) || (anyCheckIn && !checkedIn.has(id));
}

/**
 * The standby refill of slot `slot` (1-based) of an agenda on the day: the
 * best new meetings on the freed table-slots under the rule above. `instance`
 * is the stop as it is now (stop changes applied), `agenda` every meeting of
 * the day (earlier refills included), `desk` what the reception recorded.
 * Pure; nothing in the agenda changes.
 * @example refillSlot(instance, agenda, 5, { events: [{ kind: "noshow", participantId: "F0007", slot: 5 }] })
 */
export function refillSlot(
  instance: StopInstance,
  agenda: readonly AgendaMeeting[],
  slot: number,
  desk: DeskRecord,
  options: ScheduleOptions = {},
): Refill {
  assertValidInstance(instance);
  const prep = prepare(instance, options);
  const F = prep.firms.length;
  const D = prep.delegations.length;
  const t = slot - 1;
  const none: Refill = { slot, freed: [], meetings: [], gain: { musts: 0, served: 0, balance: 0, score: 0 }, candidates: { firms: 0, delegations: 0 } };
  if (!Number.isInteger(slot) || t < 0 || t >= prep.slots.length) return none;

  const firmIndex = new Map(prep.firms.map((f, i) => [f.id, i]));
  const delegationIndex = new Map(prep.delegations.map((d, i) => [d.id, i]));
  const happens = happeningPrepared(prep, agenda, desk);
  const held = new Array<number>(F).fill(0);
  const busyFirm = new Uint8Array(F);
  const busyTables = new Array<number>(D).fill(0);
  const onAgenda = new Set<number>();
  const metMust = new Set<string>();
  const freedOf = new Map<number, Set<number>>();
  agenda.forEach((m, k) => {
    const f = firmIndex.get(m.firmId);
    const d = delegationIndex.get(m.delegationId);
    if (f !== undefined && d !== undefined) onAgenda.add(f * D + d);
    if (!happens[k]) {
      if (m.slot === slot && d !== undefined) freedOf.set(d, (freedOf.get(d) ?? new Set()).add(m.table));
      return;
    }
    // A meeting happens only between a firm and a delegation of the stop.
    if (f === undefined || d === undefined) throw new InternalError(`meeting ${k + 1} happens without its firm or delegation`);
    addAt(held, f, 1);
    if (pairAt(prep, f * D + d).must) metMust.add(`${f}|${delegationAt(prep, d).country}`);
    if (m.slot === slot) {
      busyFirm[f] = 1;
      addAt(busyTables, d, 1);
    }
  });
  // A table of a meeting that happens is not free, whoever it was planned for.
  agenda.forEach((m, k) => {
    if (happens[k] && m.slot === slot) for (const tables of freedOf.values()) tables.delete(m.table);
  });

  const out = ruledOut(desk, slot);
  const firmOk = prep.firms.map((f, i) => at(at(prep.firmPresent, i), t) && busyFirm[i] === 0 && !out(f.id));
  const room = prep.firms.map((f, i) => (firmOk[i] ? Math.max(0, Math.min(f.representatives, (f.maxMeetings ?? Infinity) - at(held, i))) : 0));
  const tablesOf = prep.delegations.map((d, i): number[] => {
    const freed = [...(freedOf.get(i) ?? [])].sort((a, b) => a - b);
    if (!at(prep.delegationPresent, i)[t] || out(d.id)) return [];
    return freed.slice(0, Math.max(0, d.tables - at(busyTables, i)));
  });
  const freed: FreedTable[] = [];
  freedOf.forEach((tables, d) => {
    for (const table of tables) freed.push({ delegationId: delegationAt(prep, d).id, table, slot });
  });
  freed.sort((a, b) => a.table - b.table);
  const candidates = { firms: firmOk.filter(Boolean).length, delegations: prep.delegations.filter((d, i) => at(prep.delegationPresent, i)[t] && !out(d.id) && at(busyTables, i) < d.tables).length };

  const chosen = bestMeetings(prep, t, room, tablesOf, held, metMust, onAgenda);
  const meetings: Meeting[] = [];
  const byDelegation = new Map<number, number[]>();
  for (const i of chosen) {
    const d = pairAt(prep, i).delegation;
    byDelegation.set(d, [...(byDelegation.get(d) ?? []), i]);
  }
  for (const [d, pairs] of byDelegation) {
    pairs.sort((a, b) => a - b); // firm-major: by firm id
    pairs.forEach((i, k) => {
      const pair = pairAt(prep, i);
      meetings.push({ slot, table: at(at(tablesOf, d), k), delegationId: delegationAt(prep, d).id, firmId: firmAt(prep, pair.firm).id, score: pair.affinity.score, parts: pair.affinity.parts });
    });
  }
  meetings.sort((a, b) => a.table - b.table);
  return { slot, freed, meetings, gain: gainOf(prep, chosen, held, metMust), candidates };
}

/** The pairs (indexes into `prep.pairs`) of the best refill: the min-cost flow described at the top of this file. */
function bestMeetings(
  prep: Prepared,
  t: number,
  room: readonly number[],
  tablesOf: readonly (readonly number[])[],
  held: readonly number[],
  metMust: ReadonlySet<string>,
  onAgenda: ReadonlySet<number>,
): number[] {
  const F = prep.firms.length;
  const D = prep.delegations.length;
  const candidates = prep.eligible.filter((i) => {
    const p = pairAt(prep, i);
    return at(room, p.firm) > 0 && at(tablesOf, p.delegation).length > 0 && !onAgenda.has(i) && p.slots.includes(t);
  });
  if (candidates.length === 0) return [];
  const mustNode = new Map<string, number>();
  for (const m of prep.musts) {
    const key = `${m.firm}|${m.country}`;
    if (at(room, m.firm) > 0 && !metMust.has(key)) mustNode.set(key, 2 + F + D + mustNode.size);
  }
  const net = new FlowNetwork(2 + F + D + mustNode.size);
  const firmNode = (f: number): number => 2 + f;
  const delegationNode = (d: number): number => 2 + F + d;
  for (let f = 0; f < F; f++) if (at(room, f) > 0) addFirmArcs(prep, net, 0, firmNode(f), at(held, f), at(room, f));
  for (const [key, node] of mustNode) {
    const f = Number(key.slice(0, key.indexOf("|")));
    net.addArc(firmNode(f), node, 1, -majorWeights(prep).must, 0);
    net.addArc(firmNode(f), node, at(room, f), 0, 0);
  }
  for (let d = 0; d < D; d++) if (at(tablesOf, d).length > 0) net.addArc(delegationNode(d), 1, at(tablesOf, d).length, 0, 0);
  const scale = scoreScale(prep);
  const arcs = candidates.map((i) => {
    const p = pairAt(prep, i);
    const from = mustNode.get(`${p.firm}|${delegationAt(prep, p.delegation).country}`) ?? firmNode(p.firm);
    return net.addArc(from, delegationNode(p.delegation), 1, 0, -Math.round(p.affinity.score * scale));
  });
  minCostFlow(net, 0, 1);
  return candidates.filter((_, k) => net.flow(at(arcs, k)) > 0);
}

/** What the chosen pairs add to each level, over the meetings that happen. */
function gainOf(prep: Prepared, chosen: readonly number[], held: readonly number[], metMust: ReadonlySet<string>): ObjectiveLevels {
  const extra = new Map<number, number>();
  const musts = new Set<string>();
  let score = 0;
  for (const i of chosen) {
    const p = pairAt(prep, i);
    extra.set(p.firm, (extra.get(p.firm) ?? 0) + 1);
    score += p.affinity.score;
    const key = `${p.firm}|${delegationAt(prep, p.delegation).country}`;
    if (p.must && !metMust.has(key)) musts.add(key);
  }
  const K = prep.minMeetings;
  let served = 0;
  let balance = 0;
  for (const [f, n] of extra) {
    const before = at(held, f);
    served += Math.min(before + n, K) - Math.min(before, K);
    balance += balanceOf(prep, before + n) - balanceOf(prep, before);
  }
  return { musts: musts.size, served, balance, score: roundScore(score) };
}
