/** The season's record of what happened: share of meetings held per firm and per country (from outcomes.csv). */
import type { CountryCode, MeetingOutcome, SeasonPlan } from "@roadshow/core";
import { formatNumber, type Lang } from "../text/i18n.js";
import type { DataSet } from "../read/index.js";
import { toCsv } from "./csv.js";
import type { OutputFile } from "./output-file.js";

/** Meetings held out of those scheduled, for one firm or one country. */
export interface HeldRow {
  readonly kind: "firm" | "country";
  readonly id: string;
  readonly name: string;
  readonly meetings: number;
  readonly held: number;
  readonly followUps: number;
}

/** The held record over the stops outcomes.csv speaks of. */
export interface HeldReport {
  /** Stops with at least one outcome row, in plan order. */
  readonly stopIds: readonly string[];
  readonly meetings: number;
  readonly held: number;
  readonly rows: readonly HeldRow[];
  /** Outcomes of a stop of the plan naming a meeting that is not on its agenda. */
  readonly strays: readonly MeetingOutcome[];
}

const key = (stopId: string, firmId: string, delegationId: string) => `${stopId}\u0000${firmId}\u0000${delegationId}`;

/**
 * At every stop outcomes.csv names, each meeting of the stop's agenda counts as
 * held unless its outcome says `held` no (only no-shows need a row). Pure.
 */
export function heldReport(plan: SeasonPlan, data: DataSet): HeldReport | null {
  if (data.outcomes.length === 0) return null;
  const recorded = new Set(data.outcomes.map((o) => o.stopId));
  const outcome = new Map(data.outcomes.map((o) => [key(o.stopId, o.firmId, o.delegationId), o]));
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
      const k = key(stopId, m.firmId, m.delegationId);
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
  const strays = data.outcomes.filter((o) => inPlan.has(o.stopId) && !seen.has(key(o.stopId, o.firmId, o.delegationId)));
  const rows: HeldRow[] = [
    ...[...firms].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, t]) => ({ kind: "firm" as const, id, name: firmName.get(id) ?? id, ...t })),
    ...[...countries].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, t]) => ({ kind: "country" as const, id, name: id, ...t })),
  ];
  return { stopIds, meetings, held, rows, strays };
}

const share = (held: number, meetings: number): string => (meetings === 0 ? "" : String(Math.round((1000 * held) / meetings) / 10));

/** `season-held.csv`: one row per firm, then per country: meetings, held, share held (%), follow-ups. */
export function heldFile(report: HeldReport, excel: boolean): OutputFile {
  const rows = report.rows.map((r) => [r.kind, r.id, r.name, String(r.meetings), String(r.held), String(r.meetings - r.held), share(r.held, r.meetings), String(r.followUps)]);
  return { path: "season-held.csv", content: toCsv(["kind", "id", "name", "meetings", "held", "not_held", "held_percent", "follow_ups"], rows, { excel }) };
}

const TEXT = {
  en: (r: HeldReport, pct: string) => `Meetings held (outcomes.csv, ${r.stopIds.join(", ")}): ${r.held} of ${r.meetings} (${pct} %); per firm and country in season-held.csv\n`,
  it: (r: HeldReport, pct: string) => `Incontri avvenuti (outcomes.csv, ${r.stopIds.join(", ")}): ${r.held} su ${r.meetings} (${pct} %); per impresa e paese in season-held.csv\n`,
} as const;

/** One printed line under the season summary. */
export function heldLine(report: HeldReport, lang: Lang): string {
  return TEXT[lang](report, report.meetings === 0 ? "–" : formatNumber((100 * report.held) / report.meetings, lang, 1));
}
