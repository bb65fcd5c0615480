/** Puts the selected meetings in slots (edge colouring without windows, ejection chains with them) and seats them at their delegations' tables. */
import { Board } from "./board.js";
import { colourSlots } from "./colour.js";
import { firmAt, pairAt, type Prepared } from "./prepare.js";
import { pinsOf } from "./pins.js";
import type { Meeting, TableAssignment } from "./types.js";
import { at, i32 } from "./at.js";

/**
 * Puts selected pairs on a slot board. Without windows the edge colouring
 * places every pair (exact); with windows the most constrained pairs go first
 * and ejection chains make room; pairs that still do not fit, or whose firm
 * is full, are left out. `start` is a board to add to (a new one by default).
 */
export function timetable(prep: Prepared, pairs: readonly number[], start?: Board): Board {
  const board = start ?? new Board(prep);
  if (!prep.windowed && start === undefined) {
    colourSlots(prep, pairs).forEach((t, e) => board.place(at(pairs, e), t));
    return board;
  }
  const pins = pinsOf(prep);
  const order = [...pairs].sort((a, b) => {
    const pa = pairAt(prep, a);
    const pb = pairAt(prep, b);
    const replace = pins ? i32(pins.replace, b) - i32(pins.replace, a) : 0;
    return replace || pa.slots.length - pb.slots.length || Number(pb.must) - Number(pa.must) || pb.affinity.score - pa.affinity.score || a - b;
  });
  for (const pair of order) {
    const { firm } = pairAt(prep, pair);
    if (board.slotOf[pair] === -1 && i32(board.firmMeetings, firm) < at(prep.firmCapacity, firm)) board.insert(pair);
  }
  return board;
}

/** A board with the given meetings, skipping any that repeats a pair or finds its slot full. */
export function boardOf(prep: Prepared, meetings: readonly { readonly pair: number; readonly slot: number }[]): Board {
  const board = new Board(prep);
  for (const { pair, slot } of meetings) {
    const { firm, delegation } = pairAt(prep, pair);
    if (board.slotOf[pair] === -1 && !board.firmFull(firm, slot) && !board.delegationFull(delegation, slot)) board.place(pair, slot);
  }
  return board;
}

/** Each delegation's fixed tables for the whole session: 1..Σ tables, in delegation id order. */
export function tableAssignment(prep: Prepared): TableAssignment[] {
  let next = 1;
  return prep.delegations.map((d) => ({
    delegationId: d.id,
    tables: Array.from({ length: d.tables }, () => next++),
  }));
}

/** The meetings of a board at their delegations' tables, sorted by slot then table. */
export function seat(prep: Prepared, board: Board, tables: readonly TableAssignment[]): Meeting[] {
  const meetings: Meeting[] = [];
  prep.slots.forEach((slot, t) => {
    prep.delegations.forEach((delegation, d) => {
      const here = [...board.delegationMeetings(d, t)].sort((a, b) => a - b);
      here.forEach((pair, k) => {
        const p = pairAt(prep, pair);
        meetings.push({
          slot: slot.index,
          table: at(at(tables, d).tables, k),
          delegationId: delegation.id,
          firmId: firmAt(prep, p.firm).id,
          score: p.affinity.score,
          parts: p.affinity.parts,
        });
      });
    });
  });
  return meetings;
}
