import { Chalk, type ChalkInstance } from "chalk";
import type { Schedule } from "@roadshow/core";
import { formatNumber, t, type Lang } from "./i18n.js";

/** The summary printed after `schedule`: meetings, firms served, musts, score, bound, gap, time. */
export function formatSummary(schedule: Schedule, lang: Lang, color: boolean): string {
  const c: ChalkInstance = new Chalk({ level: color ? 1 : 0 });
  const { stats, stop } = schedule;
  const statusColour = schedule.status === "optimal" ? c.green : schedule.status === "feasible" ? c.yellow : c.red;
  const lines = [
    c.bold(`${stop.id} · ${stop.city} · ${stop.date}`),
    t(lang, "summary.meetings", { count: schedule.meetings.length }),
    t(lang, "summary.served", { served: stats.servedFirms, registered: stats.registeredFirms }),
    t(lang, "summary.musts", { met: stats.levels.musts, requested: stats.requestedMusts }),
    t(lang, "summary.score", { score: formatNumber(stats.levels.score, lang, 2) }),
    t(lang, "summary.bound", { bound: formatNumber(stats.bounds.score, lang, 2) }),
    t(lang, "summary.gap", { gap: formatNumber(stats.gapPercent, lang, 2) }),
    t(lang, "summary.time", { ms: formatNumber(stats.elapsedMs, lang, 0) }),
    statusColour(t(lang, "summary.status", { status: t(lang, `status.${schedule.status}`) })),
  ];
  return `${lines.join("\n")}\n`;
}
