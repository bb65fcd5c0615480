/** Checks every reference of the example and measures each stop's supply and demand. */
import {
  DELEGATIONS, SCARCE_STOPS, STOPS, TARGET_POPULARITY, delegationStops, minutes,
  type DelegationRow, type StopRow, type Window,
} from "./catalogue.js";
import type { FirmRow, RequestRow } from "./firms.js";
import { KNOWN_SECTORS_SLUGS } from "./sectors.js";

/** `HH:MM-HH:MM|…` as windows; empty as `null` (the whole session). */
export function parseWindows(text: string): Window[] | null {
  if (text === "") return null;
  return text.split("|").map((w) => {
    if (!/^\d\d:\d\d-\d\d:\d\d$/.test(w)) throw new Error(`bad window ${w}`);
    const [a, b] = w.split("-");
    return { start: minutes(a!), end: minutes(b!) };
  });
}

/** Slots by the spec's rule, on wall-clock minutes (no session here crosses a DST change). */
export function slotsOf(stop: StopRow): Window[] {
  const breaks = parseWindows(stop.breaks) ?? [];
  const end = minutes(stop.end);
  const slots: Window[] = [];
  let t = minutes(stop.start);
  while (t + stop.slotMinutes <= end) {
    const clash = breaks.find((b) => t < b.end && t + stop.slotMinutes > b.start);
    if (clash) {
      t = clash.end;
      continue;
    }
    slots.push({ start: t, end: t + stop.slotMinutes });
    t += stop.slotMinutes + stop.gapMinutes;
  }
  return slots;
}

function slotsInside(slots: readonly Window[], windows: readonly Window[] | null): number {
  if (windows === null) return slots.length;
  return slots.filter((s) => windows.some((w) => w.start <= s.start && s.end <= w.end)).length;
}

export interface StopStats {
  readonly stop: StopRow;
  readonly firms: number;
  readonly delegations: number;
  readonly tables: number;
  readonly slots: number;
  /** Meetings the delegations can hold: tables × the slots they are present. */
  readonly capacity: number;
  /** Meetings firms want: delegations of their target countries, capped by max_meetings. */
  readonly wanted: number;
  /** Firms with at least one delegation of a target country present. */
  readonly firmsWithTarget: number;
  /** Firms that want a US meeting, and the US meetings available. */
  readonly usWanted: number;
  readonly usCapacity: number;
}

export function stopStats(stop: StopRow, delegations: readonly DelegationRow[], firms: readonly FirmRow[]): StopStats {
  const slots = slotsOf(stop);
  const present = delegations.filter((d) => delegationStops(d).includes(stop.id));
  const registered = firms.filter((f) => f.stops.includes(stop.id));
  const capacityOf = (ds: readonly DelegationRow[]): number =>
    ds.reduce((sum, d) => sum + d.tables * slotsInside(slots, parseWindows(d.available)), 0);
  const targetsPresent = (f: FirmRow): number => present.filter((d) => f.targets.includes(d.country)).length;
  return {
    stop,
    firms: registered.length,
    delegations: present.length,
    tables: present.reduce((sum, d) => sum + d.tables, 0),
    slots: slots.length,
    capacity: capacityOf(present),
    wanted: registered.reduce((sum, f) => sum + Math.min(targetsPresent(f), f.maxMeetings ?? Infinity), 0),
    firmsWithTarget: registered.filter((f) => targetsPresent(f) > 0).length,
    usWanted: registered.filter((f) => f.targets.includes("US")).length,
    usCapacity: capacityOf(present.filter((d) => d.country === "US")),
  };
}

/** Every problem found; empty when the example is consistent. */
export function problems(firms: readonly FirmRow[], requests: readonly RequestRow[]): string[] {
  const out: string[] = [];
  const stopById = new Map(STOPS.map((s) => [s.id, s]));
  const countries = new Set(Object.keys(TARGET_POPULARITY));
  const unique = (what: string, ids: readonly string[]): void => {
    if (new Set(ids).size !== ids.length) out.push(`duplicate ${what}`);
  };
  const windowsFit = (who: string, text: string, stopIds: readonly string[]): void => {
    const windows = parseWindows(text);
    for (const id of stopIds) {
      const stop = stopById.get(id);
      if (!stop) out.push(`${who}: unknown stop ${id}`);
      else if (windows?.some((w) => w.start >= w.end || w.start < minutes(stop.start) || w.end > minutes(stop.end)))
        out.push(`${who}: window ${text} outside the session of ${id}`);
    }
  };
  unique("stop ids", STOPS.map((s) => s.id));
  for (const s of STOPS) {
    const day = new Date(`${s.date}T12:00:00Z`).getUTCDay();
    if ((day === 0 || day === 6) && s.id !== "MN-2026-10") out.push(`${s.id} is on a weekend`);
    if (!KNOWN_SECTORS_SLUGS.includes(s.sector)) out.push(`${s.id}: unknown sector ${s.sector}`);
    windowsFit(s.id, s.breaks, [s.id]);
  }
  unique("delegation ids", DELEGATIONS.map((d) => d.id));
  for (const d of DELEGATIONS) {
    if (!countries.has(d.country)) out.push(`${d.id}: unexpected country ${d.country}`);
    windowsFit(d.id, d.available, delegationStops(d));
  }
  unique("firm ids", firms.map((f) => f.id));
  unique("firm names", firms.map((f) => f.name));
  for (const f of firms) {
    if (f.stops.length < 1 || f.stops.length > 4) out.push(`${f.id}: ${f.stops.length} stops`);
    if (f.targets.some((c) => !countries.has(c))) out.push(`${f.id}: target outside the delegation countries`);
    if (f.markets.some((c) => !/^[A-Z]{2}$/.test(c) || f.targets.includes(c))) out.push(`${f.id}: bad market`);
    if (f.sectors.some((s) => !KNOWN_SECTORS_SLUGS.includes(s))) out.push(`${f.id}: unknown sector`);
    windowsFit(f.id, f.available, f.stops);
  }
  const firmById = new Map(firms.map((f) => [f.id, f]));
  unique("request pairs", requests.map((r) => `${r.firmId}|${r.country}`));
  for (const r of requests) {
    const firm = firmById.get(r.firmId);
    const met = firm?.stops.some((s) => DELEGATIONS.some((d) => d.country === r.country && delegationStops(d).includes(s)));
    if (!met) out.push(`request ${r.firmId} ${r.country}: no delegation of that country at the firm's stops`);
  }
  return out;
}

/** The scarce stops have more firms than meetings and every other stop has room for all its firms. */
export function capacityProblems(stats: readonly StopStats[]): string[] {
  return stats.flatMap(({ stop, firms, capacity }) => {
    const scarce = SCARCE_STOPS.includes(stop.id);
    if (scarce === firms > capacity) return [];
    return [`${stop.id}: ${firms} firms for ${capacity} meetings, ${scarce ? "not oversubscribed" : "oversubscribed"}`];
  });
}
