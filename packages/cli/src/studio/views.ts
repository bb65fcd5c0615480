/** Turns the core's stop instance and schedules into what the studio's views draw, in the chosen language. */
import { buildSlots, formatTime, slotsInside } from "@roadshow/core";
import type { Delegation, Firm, Schedule, Stop, StopInstance, TimeWindow, Violation } from "@roadshow/core";
import { sectorName, t, type Lang } from "../text/i18n.js";
import type { DataSet } from "../read/index.js";
import { formatSummary } from "../text/summary.js";
import { whyText } from "../text/why.js";
import type { Desk, DeskMeeting, Participant, Review, RosterEntry, StopInfo, StopRoster } from "./api.js";

const windowsText = (w: readonly TimeWindow[] | null): string | null =>
  w === null ? null : w.map((x) => `${formatTime(x.start)}-${formatTime(x.end)}`).join(", ");

export const firmsAt = (firms: readonly Firm[], stop: Stop): Firm[] => firms.filter((f) => f.stops.includes(stop.id));
export const delegationsAt = (delegations: readonly Delegation[], stop: Stop): Delegation[] =>
  delegations.filter((d) => d.stops === null || d.stops.includes(stop.id));

/** `BS-2026-02 · Brescia · 2026-02-25 · advanced manufacturing`. */
export function stopLabel(stop: Stop, lang: Lang): string {
  return `${stop.id} · ${stop.city} · ${stop.date} · ${sectorName(stop.sector, lang)}`;
}

/** Who takes part in each stop, for the Data view. */
export function rosters(data: DataSet, lang: Lang): StopRoster[] {
  const byDate = [...data.stops].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  return byDate.map((stop) => ({
    id: stop.id,
    label: stopLabel(stop, lang),
    firms: firmsAt(data.firms, stop).map((f): RosterEntry => ({
      id: f.id, name: f.name, country: "", windows: windowsText(f.available), capacity: f.representatives, maxMeetings: f.maxMeetings,
    })),
    delegations: delegationsAt(data.delegations, stop).map((d): RosterEntry => ({
      id: d.id, name: d.name, country: d.country, windows: windowsText(d.available), capacity: d.tables, maxMeetings: null,
    })),
  }));
}

/** The stop as the grid draws it: slots, breaks, tables and who is present when. */
export function stopInfo(instance: StopInstance, schedule: Schedule, lang: Lang): StopInfo {
  const { stop } = instance;
  const slots = buildSlots(stop);
  const present = (w: readonly TimeWindow[] | null) => slotsInside(stop, slots, w);
  return {
    id: stop.id,
    label: stopLabel(stop, lang),
    slots: slots.map((s) => ({ index: s.index, start: formatTime(s.start), end: formatTime(s.end) })),
    breaks: stop.breaks.map((b) => ({ start: formatTime(b.start), end: formatTime(b.end), after: slots.filter((s) => s.end <= b.start).length })),
    tables: schedule.tables.flatMap((a) => a.tables.map((table) => ({ table, delegationId: a.delegationId }))).sort((a, b) => a.table - b.table),
    firms: firmsAt(instance.firms, stop).map((f): Participant => ({
      id: f.id, name: f.name, country: "", capacity: f.representatives, maxMeetings: f.maxMeetings, present: present(f.available),
    })),
    delegations: delegationsAt(instance.delegations, stop).map((d): Participant => ({
      id: d.id, name: d.name, country: d.country, capacity: d.tables, maxMeetings: null, present: present(d.available),
    })),
  };
}

/** The judgement of a schedule for the page: levels, bound, summary, unmatched, rules broken, why of each pair. */
export function reviewOf(instance: StopInstance, schedule: Schedule, violations: readonly Violation[], lang: Lang): Review {
  const names = new Map(instance.firms.map((f) => [f.id, f.name]));
  return {
    status: schedule.status,
    levels: schedule.stats.levels,
    bounds: schedule.stats.bounds,
    gapPercent: schedule.stats.gapPercent,
    summary: formatSummary(schedule, lang, false).trimEnd().split("\n"),
    unmatched: schedule.unmatched.map((u) => ({
      firmId: u.firmId, name: names.get(u.firmId) ?? u.firmId, country: u.country, meetings: u.meetings, text: t(lang, `reason.${u.reason}`),
    })),
    violations,
    why: Object.fromEntries(schedule.meetings.map((m) => [`${m.firmId}|${m.delegationId}`, whyText(m.parts, lang)])),
    scores: Object.fromEntries(schedule.meetings.map((m) => [`${m.firmId}|${m.delegationId}`, m.score])),
  };
}

/** A desk from a planned schedule (already verified by the core). */
export function deskOfPlan(instance: StopInstance, schedule: Schedule, lang: Lang): Desk {
  return { stop: stopInfo(instance, schedule, lang), meetings: schedule.meetings.map(deskMeeting), review: reviewOf(instance, schedule, [], lang), source: "plan" };
}

/** A desk from an agenda edited or read from a file, with the core's review of it (levels, bounds, every rule). */
export function deskOfAgenda(
  instance: StopInstance,
  agenda: readonly Omit<DeskMeeting, "score">[],
  reviewed: { readonly schedule: Schedule; readonly violations: readonly Violation[] },
  lang: Lang,
  source: string,
): Desk {
  const meetings = agenda.map((m) => ({ slot: m.slot, table: m.table, firmId: m.firmId, delegationId: m.delegationId }));
  const { schedule, violations } = reviewed;
  const review = reviewOf(instance, schedule, violations, lang);
  return {
    stop: stopInfo(instance, schedule, lang),
    meetings: meetings.map((m) => ({ ...m, score: review.scores[`${m.firmId}|${m.delegationId}`] ?? 0 })),
    review,
    source,
  };
}

const deskMeeting = (m: DeskMeeting): DeskMeeting => ({ slot: m.slot, table: m.table, firmId: m.firmId, delegationId: m.delegationId, score: m.score });
