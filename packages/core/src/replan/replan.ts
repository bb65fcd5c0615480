/** Re-plans a stop around the agenda sent before: what still holds stays, lost pairs meet again elsewhere, the rest is planned as `planStop` does. */
import { Board } from "../board.js";
import { lexBetter } from "../levels.js";
import { Budget } from "../budget.js";
import { scheduleOf } from "../schedule.js";
import { agendaGaps } from "../compact.js";
import { delegationAt, firmAt, pairAt, prepare, type Prepared } from "../prepare.js";
import type { Pinned } from "../pins.js";
import { assertValidInstance } from "../validate.js";
import { InternalError } from "../errors.js";
import { diffAgendas } from "./changes.js";
import { moveKept, type Solved } from "./moves.js";
import { solvePinned } from "./pinned.js";
import { keptTables, readPrevious, type PlacedMeeting, type PreviousReading } from "./previous.js";
import type { Meeting, Replan, ReplanOptions, StopInstance, TableAssignment } from "../types.js";
import { verifyPrepared, type AgendaMeeting } from "../verify.js";
import { at, i32 } from "../at.js";

/**
 * Re-plans a stop around `previous`, the agenda sent before. Lexicographic:
 * (0) every previous meeting still valid stays as it was (with `allowMoves`, it
 * may change slot or table where that gains a level below, fewer moves first
 * after firms served); (1) previous pairs that lost their slot or table meet
 * again elsewhere, as many as possible; (2) musts, (3) firms served (K),
 * (4) balance, (5) score, as in `planStop`, except that a meeting worth only balance or score is added
 * only for a participant whose day changes anyway (a walk-in, someone who lost
 * a meeting), so that nothing changes when nothing did. Deterministic.
 */
export function replanStop(instance: StopInstance, previous: readonly AgendaMeeting[], options: ReplanOptions = {}): Replan {
  assertValidInstance(instance);
  const budget = new Budget(options);

  budget.report("score", { step: "scoring" });
  const prep = prepare(instance, options);
  const tables = keptTables(prep, previous);
  const reading = readPrevious(prep, previous, options.locked ?? [], tables);
  budget.report("select", { step: "kept", kept: reading.kept.length + reading.locked.length, lost: reading.lostPairs.length });

  const replace = new Int32Array(prep.pairs.length);
  for (const pair of reading.lostPairs) replace[pair] = 1;
  const fixed = [...reading.locked, ...reading.kept];
  const pinned = solvePinned(prep, fixed, replace, budget);
  keepToChanged(pinned.prep, pinned.board, touched(prep, previous, reading));
  towardsOldSlots(pinned.prep, pinned.board, reading);
  let solved: Solved = { ...pinned, levels: pinned.board.levels(), fixed, moves: 0 };
  if (options.allowMoves && reading.kept.length > 0 && !budget.expired()) solved = moveKept(prep, reading, replace, solved, budget) ?? solved;

  const { meetings } = seatAll(prep, tables, solved, reading.lostAt);
  budget.report("verify", { step: "checking", meetings: meetings.length });
  const violations = verifyPrepared(prep, meetings);
  const [broken] = violations;
  if (broken !== undefined) throw new InternalError(`the re-plan broke a rule (${broken.code} ${JSON.stringify(broken.params)}); please report this`);
  // The solved board counts pins too: it gives the firms served and the unmatched on the stop itself.
  const planned = scheduleOf(prep, solved.board, meetings, solved.levels, solved.bounds, { timedOut: solved.timedOut, elapsedMs: budget.elapsedMs() });
  const schedule = {
    ...planned,
    // The board holds the meetings placed around the pins: the gaps are those of the whole agenda.
    stats: { ...planned.stats, gaps: agendaGaps(prep, meetings) },
    tables,
  };
  const { changes, stats } = diffAgendas(previous, reading, meetings);
  return {
    schedule,
    changes,
    stats: { ...stats, replaced: solved.levels.replaced ?? 0, replacedBound: solved.bounds.replaced ?? 0, moves: solved.moves },
  };
}

/** Firms and delegations whose day changes anyway: no meeting before, or a previous meeting lost. */
function touched(prep: Prepared, previous: readonly AgendaMeeting[], reading: PreviousReading): { firms: Set<number>; delegations: Set<number> } {
  const firmsBefore = new Set(previous.map((m) => m.firmId));
  const delegationsBefore = new Set(previous.map((m) => m.delegationId));
  const lostFirms = new Set(previous.filter((_, k) => reading.reasons[k] !== null).map((m) => m.firmId));
  const lostDelegations = new Set(previous.filter((_, k) => reading.reasons[k] !== null).map((m) => m.delegationId));
  const firms = new Set<number>();
  const delegations = new Set<number>();
  prep.firms.forEach((f, i) => (!firmsBefore.has(f.id) || lostFirms.has(f.id)) && firms.add(i));
  prep.delegations.forEach((d, i) => (!delegationsBefore.has(d.id) || lostDelegations.has(d.id)) && delegations.add(i));
  return { firms, delegations };
}

/**
 * Removes the new meetings worth only balance or score between two participants whose
 * day does not change otherwise (lowest score first), so that a re-plan
 * without changes gives back the previous agenda.
 */
function keepToChanged(rp: Pinned, board: Board, changed: { firms: Set<number>; delegations: Set<number> }): void {
  const idle = board
    .placed()
    .filter((i) => (rp.pins.replace[i] ?? 0) === 0 && !changed.firms.has(pairAt(rp, i).firm) && !changed.delegations.has(pairAt(rp, i).delegation))
    .sort((a, b) => pairAt(rp, a).affinity.score - pairAt(rp, b).affinity.score || a - b);
  for (const pair of idle) {
    const before = board.levels();
    const slot = i32(board.slotOf, pair);
    board.remove(pair);
    if (lexBetter({ ...before, balance: 0, score: 0 }, { ...board.levels(), balance: 0, score: 0 })) board.place(pair, slot);
  }
}

/**
 * Lost pairs placed again go back to their old slot where they can: the
 * meetings in the way (not pinned) are moved elsewhere by ejection chains, and
 * the change is kept when every meeting still has a slot and more lost pairs
 * sit in their old slot. A table change is a smaller change than a move; no
 * level changes (the same meetings, at other times).
 */
function towardsOldSlots(rp: Prepared, board: Board, reading: PreviousReading): void {
  const home = (): number => {
    let count = 0;
    for (const [pair, at] of reading.lostAt) if (board.slotOf[pair] === at.slot) count++;
    return count;
  };
  for (const [pair, at] of reading.lostAt) {
    const { firm, delegation, slots } = pairAt(rp, pair);
    const t = i32(board.slotOf, pair);
    if (t === -1 || t === at.slot || !slots.includes(at.slot)) continue;
    const before = home();
    board.beginJournal();
    board.remove(pair);
    const inTheWay = [...new Set([...board.delegationMeetings(delegation, at.slot), ...board.firmMeetingsAt(firm, at.slot)])];
    for (const other of inTheWay) board.remove(other);
    let ok = board.firmRoom(firm, at.slot) > 0 && board.delegationRoom(delegation, at.slot) > 0;
    if (ok) {
      board.place(pair, at.slot);
      const stay = [pair, ...[...reading.lostAt].filter(([p, a]) => board.slotOf[p] === a.slot).map(([p]) => p)];
      ok = inTheWay.every((other) => board.insert(other, 2, 400, stay)) && home() > before;
    }
    if (ok) board.commit();
    else board.rollback();
  }
}

/**
 * The agenda's meetings at tables: fixed ones at their own tables, the board's
 * others at their delegation's tables left free in that slot (a lost pair back
 * in its old slot at its old table when free); sorted by slot, table.
 */
function seatAll(
  prep: Prepared,
  tables: readonly TableAssignment[],
  solved: Solved,
  before: ReadonlyMap<number, { readonly slot: number; readonly table: number }>,
): { meetings: Meeting[]; pairs: PlacedMeeting[] } {
  const used = new Set<number>();
  const pairs: PlacedMeeting[] = [];
  const seatedFixed = new Set(solved.fixed.map((m) => m.pair));
  const push = (pair: number, slot: number, table: number): void => {
    used.add(slot * 1e6 + table);
    pairs.push({ pair, slot, table });
  };
  for (const m of solved.fixed) push(m.pair, m.slot, m.table);
  prep.slots.forEach((_, t) => {
    prep.delegations.forEach((_, d) => {
      const here = solved.board.delegationMeetings(d, t).filter((pair) => !seatedFixed.has(pair)).sort((a, b) => a - b);
      const own = (pair: number): number | undefined => {
        const old = before.get(pair);
        return old !== undefined && old.slot === t && at(tables, d).tables.includes(old.table) && !used.has(t * 1e6 + old.table) ? old.table : undefined;
      };
      const rest: number[] = [];
      for (const pair of here) {
        const table = own(pair);
        if (table === undefined) rest.push(pair);
        else push(pair, t, table);
      }
      const free = at(tables, d).tables.filter((table) => !used.has(t * 1e6 + table));
      rest.forEach((pair, k) => push(pair, t, at(free, k)));
    });
  });
  pairs.sort((a, b) => a.slot - b.slot || a.table - b.table);
  const meetings = pairs.map(({ pair, slot, table }): Meeting => {
    const p = pairAt(prep, pair);
    return { slot: slot + 1, table, delegationId: delegationAt(prep, p.delegation).id, firmId: firmAt(prep, p.firm).id, score: p.affinity.score, parts: p.affinity.parts };
  });
  return { meetings, pairs };
}
