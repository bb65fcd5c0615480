// The season's record of what happened (pure): meetings held out of those scheduled, per firm and per country, from the outcomes.
import type { SeasonInput, SeasonPlan } from "./season.js";
import type { CountryCode, MeetingOutcome } from "../types.js";
import { meetingKey } from "../tally.js";

/** What the record reads of the season's input. */
export type HeldData = Pick<SeasonInput, "delegations" | "firms" | "outcomes">;

/**
 * Meetings held out of those scheduled, for one firm or one country.
 * @example { kind: "country", id: "US", name: "US", meetings: 12, held: 11, followUps: 3 }
 */
export interface HeldRow {
  readonly kind: "firm" | "country";
  readonly id: string;
  readonly name: string;
  readonly meetings: number;
  readonly held: number;
  readonly followUps: number;
}

/**
 * The held record over the stops the outcomes speak of.
 * @example { stopIds: ["BS-2026-02"], meetings: 80, held: 74, rows, strays: [] }
 */
export interface HeldReport {
  /** Stops with at least one outcome row, in plan order. */
  readonly stopIds: readonly string[];
  readonly meetings: number;
  readonly held: number;
  readonly rows: readonly HeldRow[];
  /** Outcomes of a stop of the plan naming a meeting that is not on its agenda. */
  readonly strays: readonly MeetingOutcome[];
}


/**
 * At every stop the outcomes name, each meeting of the stop's agenda counts as
 * held unless its outcome says `held` no (only no-shows need a row). `null` without outcomes.
 */
export function heldReport(plan: SeasonPlan, data: HeldData): HeldReport | null {
  const outcomes = data.outcomes ?? [];
  if (outcomes.length === 0) return null;
  const recorded = new Set(outcomes.map((o) => o.stopId));
  const outcome = new Map(outcomes.map((o) => [meetingKey(o.stopId, o.firmId, o.delegationId), o]));
  const country = new Map(data.delegations.map((d) => [d.id, d.country]));
  const firmName = new Map(data.firms.map((f) => [f.id, f.name]));
  const firms = new Map<string, { meetings: number; held: number; followUps: number }>();
  const countries = new Map<CountryCode, { meetings: number; held: number; followUps: number }>();
  const seen = new Set<string>();
  const stopIds: string[] = [];
  let meetings = 0;
  let held = 0;
  for (const { schedule } of plan.stops) {
    const stopId = schedule.stop.id;
    if (!recorded.has(stopId)) continue;
    stopIds.push(stopId);
    for (const m of schedule.meetings) {
      const k = meetingKey(stopId, m.firmId, m.delegationId);
      seen.add(k);
      const o = outcome.get(k);
      const wasHeld = o?.held ?? true;
      const followUp = o?.followUp ?? false;
      meetings++;
      if (wasHeld) held++;
      const c = country.get(m.delegationId) ?? "";
      for (const [map, id] of [[firms, m.firmId], [countries, c]] as const) {
        const tally = map.get(id) ?? { meetings: 0, held: 0, followUps: 0 };
        tally.meetings++;
        if (wasHeld) tally.held++;
        if (followUp) tally.followUps++;
        map.set(id, tally);
      }
    }
  }
  const inPlan = new Set(plan.stops.map((s) => s.schedule.stop.id));
  const strays = outcomes.filter((o) => inPlan.has(o.stopId) && !seen.has(meetingKey(o.stopId, o.firmId, o.delegationId)));
  const rows: HeldRow[] = [
    ...[...firms].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, t]) => ({ kind: "firm" as const, id, name: firmName.get(id) ?? id, ...t })),
    ...[...countries].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, t]) => ({ kind: "country" as const, id, name: id, ...t })),
  ];
  return { stopIds, meetings, held, rows, strays };
}
