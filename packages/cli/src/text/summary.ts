// The summary printed after planning a stop: meetings, firms served, musts, score, bound, gap, balance and time.
import { Chalk, type ChalkInstance } from "chalk";
import type { Meeting, Schedule } from "@roadshow/core";
import { formatNumber, t, type Lang } from "./i18n.js";

/** "0 × 2, 1 × 3, 2 × 40": how many firms have each number of meetings (registered firms without any meeting first). */
export function firmsByMeetings(schedule: Schedule): string {
  const perFirm = new Map<string, number>();
  for (const m of schedule.meetings) perFirm.set(m.firmId, (perFirm.get(m.firmId) ?? 0) + 1);
  const counts = new Array<number>(Math.max(0, ...perFirm.values()) + 1).fill(0);
  counts[0] = Math.max(0, schedule.stats.registeredFirms - perFirm.size);
  for (const n of perFirm.values()) counts[n]!++;
  return counts.flatMap((firms, meetings) => (firms > 0 ? [`${meetings} × ${firms}`] : [])).join(", ");
}

/**
 * What balance costs in score, as a percentage of the unbalanced score (null
 * when unknown). Measured on the score's bound, the balanced selection's
 * against the unbalanced one's: it is the agenda's score when the agenda is
 * optimal, and under windows it does not count the search's own gap to its
 * bound as a cost of balance.
 */
export function balanceCostPercent(schedule: Schedule): number | null {
  const unbalanced = schedule.stats.unbalancedScore;
  if (unbalanced === undefined || !(unbalanced > 0)) return null;
  return Math.max(0, (100 * (unbalanced - schedule.stats.bounds.score)) / unbalanced);
}

/** A score as the summaries print it: two decimals, as agenda.csv adds them up (`11,068.24`). */
export function scoreFigure(score: number, lang: Lang): string {
  return formatNumber(score, lang, 2);
}

/** The summary printed after `schedule`: meetings, firms served and by meetings, musts, score, bound, gap, balance, time. */
export function formatSummary(schedule: Schedule, lang: Lang, color: boolean): string {
  const c: ChalkInstance = new Chalk({ level: color ? 1 : 0 });
  const { stats, stop } = schedule;
  const statusColour = schedule.status === "optimal" ? c.green : schedule.status === "feasible" ? c.yellow : c.red;
  const lines = [
    c.bold(`${stop.id} · ${stop.city} · ${stop.date}`),
    t(lang, "summary.meetings", { count: schedule.meetings.length }),
    t(lang, "summary.served", { served: stats.servedFirms, registered: stats.registeredFirms }),
    t(lang, "summary.perFirm", { list: firmsByMeetings(schedule) }),
    t(lang, "summary.musts", { met: stats.levels.musts, requested: stats.requestedMusts }),
    t(lang, "summary.score", { score: scoreFigure(stats.levels.score, lang) }),
    t(lang, "summary.bound", { bound: scoreFigure(stats.bounds.score, lang) }),
    t(lang, "summary.gap", { gap: formatNumber(stats.gapPercent, lang, 2) }),
    ...balanceLine(schedule, lang),
    ...gapsLine(schedule, lang),
    t(lang, "summary.time", { ms: formatNumber(stats.elapsedMs, lang, 0) }),
    statusColour(t(lang, "summary.status", { status: t(lang, `status.${schedule.status}`) })),
  ];
  return `${lines.join("\n")}\n`;
}

/** The idle gaps line, when the planner counted them. */
export function gapsLine(schedule: Schedule, lang: Lang): string[] {
  const gaps = schedule.stats.gaps;
  if (gaps === undefined) return [];
  const fairness = firmGapSpread(schedule.meetings);
  return [
    t(lang, "summary.gaps", { firms: gaps.firms, firmSlots: gaps.firmIdleSlots, delegations: gaps.delegations, delegationSlots: gaps.delegationIdleSlots }),
    ...(fairness === null ? [] : [t(lang, "summary.fairness", { ...fairness, spread: fairness.most - fairness.fewest })]),
  ];
}

/**
 * B2BSP's fairness, on the meetings as written: the most and the fewest idle
 * gaps (runs of busy slots less one) of any firm with a meeting; null without meetings.
 */
export function firmGapSpread(meetings: readonly Meeting[]): { most: number; fewest: number } | null {
  const slots = new Map<string, Set<number>>();
  for (const m of meetings) (slots.get(m.firmId) ?? slots.set(m.firmId, new Set()).get(m.firmId)!).add(m.slot);
  let most = -1;
  let fewest = Infinity;
  for (const busy of slots.values()) {
    const sorted = [...busy].sort((a, b) => a - b);
    const gaps = sorted.filter((slot, i) => i > 0 && slot !== sorted[i - 1]! + 1).length;
    most = Math.max(most, gaps);
    fewest = Math.min(fewest, gaps);
  }
  return most < 0 ? null : { most, fewest };
}

/** What balance cost in score, when the planner measured it (the terminal's summary and summary.html). */
export function balanceLine(schedule: Schedule, lang: Lang): string[] {
  const cost = balanceCostPercent(schedule);
  if (cost === null) return [];
  return [t(lang, "summary.balanceCost", { percent: formatNumber(cost, lang, 2), score: scoreFigure(schedule.stats.unbalancedScore!, lang) })];
}
