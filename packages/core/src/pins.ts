/**
 * A prepared stop with meetings fixed in advance (re-planning): `Pinned` is
 * `Prepared` plus its `Pins`, built by `replan/`'s `pinnedPrep`. A plain stop's
 * `Prepared` has no pins; the few steps that also run re-plans (board, select,
 * bounds, timetable, the search's moves, the exact model) read them through `pinsOf`.
 */
import type { Prepared } from "./prepare.js";

/**
 * Meetings fixed before the search (re-planning). Every stage works around
 * them: they hold their firm's and delegation's places in their slot and count
 * towards K, the musts and the score, but no move sees or moves them (their
 * pairs are blocked). `replace` gives each pair's weight on the level above the
 * musts (pairs of the previous agenda to place again); see `replaceUnit`.
 */
export interface Pins {
  /** Pinned meetings per firm and slot, at `firm * slots + slot`. */
  readonly firmLoad: Int32Array;
  /** Pinned meetings per delegation and slot, at `delegation * slots + slot`. */
  readonly delegationLoad: Int32Array;
  readonly firmMeetings: Int32Array;
  readonly delegationMeetings: Int32Array;
  /** Pinned meetings per `must` request (index into `musts`). */
  readonly mustMeetings: Int32Array;
  readonly score: number;
  /** Weight of each pair's meeting on the re-placed level (0: none). */
  readonly replace: Int32Array;
}

/** A stop prepared for re-planning: the plain `Prepared` and the meetings pinned in it. */
export interface Pinned extends Prepared {
  readonly pins: Pins;
}

/** The pins of a re-planned stop, `undefined` for a plain one. */
export function pinsOf(prep: Prepared | Pinned): Pins | undefined {
  return "pins" in prep ? prep.pins : undefined;
}

/** A pair's weight on the re-placed level (see `Pins.replace`): 0 on a plain stop. */
export function replaceWeight(prep: Prepared | Pinned, pair: number): number {
  return "pins" in prep ? (prep.pins.replace[pair] ?? 0) : 0;
}
