/**
 * Which booked meetings took place, as the outcomes record it: the key of one
 * meeting of one stop, the set of meetings not held, and tallies of meetings
 * booked and held per group. The day and season reports (`desk/report.ts`),
 * the season's fairness (`season/season.ts`), its held record
 * (`season/held.ts`) and the met history (`changes.ts`) all count through these.
 */
import type { MeetingOutcome } from "./types.js";

/** The key of a firm's meeting with a delegation at a stop. */
export function meetingKey(stopId: string, firmId: string, delegationId: string): string {
  return `${stopId}\u0000${firmId}\u0000${delegationId}`;
}

/** The meetings the outcomes say did not take place (`held` no), by `meetingKey`; with `stopId`, that stop's only. */
export function notHeldKeys(outcomes: readonly MeetingOutcome[], stopId?: string): Set<string> {
  const notHeld = outcomes.filter((o) => !o.held && (stopId === undefined || o.stopId === stopId));
  return new Set(notHeld.map((o) => meetingKey(o.stopId, o.firmId, o.delegationId)));
}

/**
 * Meetings booked, held and not held in one group.
 * @example { key: "US", booked: 12, held: 10, notHeld: 2 }
 */
export interface Tally {
  readonly key: string;
  readonly booked: number;
  readonly held: number;
  readonly notHeld: number;
}

/** Meetings booked and held per group (a country, a sector, a firm, a time of day). */
export class HeldTally {
  private readonly groups = new Map<string, { booked: number; held: number }>();

  /** One meeting booked in group `key`, and held or not. */
  count(key: string, held: boolean): void {
    const t = this.groups.get(key) ?? { booked: 0, held: 0 };
    t.booked++;
    if (held) t.held++;
    this.groups.set(key, t);
  }

  /** Adds group `key` with no meetings yet, when it is not there. */
  open(key: string): void {
    if (!this.groups.has(key)) this.groups.set(key, { booked: 0, held: 0 });
  }

  /** Every group, by key. */
  tallies(): Tally[] {
    return [...this.groups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, t]) => ({ key, booked: t.booked, held: t.held, notHeld: t.booked - t.held }));
  }
}
