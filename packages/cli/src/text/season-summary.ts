// The season summary printed after `roadshow season`: each measure for the season plan and for independent planning, and the held line.
import { Chalk } from "chalk";
import { SEASON_MEASURES, seasonMeasure, type HeldReport, type SeasonReport } from "@roadshow/core";
import { formatNumber, t, type Lang } from "./i18n.js";

/**
 * The printed season summary: each measure for the season plan and, when
 * computed, for independent planning side by side; `*` marks the one written.
 */
export function formatSeasonSummary(
  compare: { readonly season: SeasonReport | null; readonly independent: SeasonReport | null },
  written: "season" | "independent",
  outDir: string,
  lang: Lang,
  color: boolean,
): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const shown = (["season", "independent"] as const).filter((k) => compare[k] !== null);
  const main = compare[written]!;
  const heads = shown.map((k) => `${t(lang, `season.${k}`)}${k === written && shown.length > 1 ? " *" : ""}`);
  const rows: [string, ...string[]][] = [
    ...SEASON_MEASURES.map((m): [string, ...string[]] => [t(lang, `season.measure.${m}`), ...shown.map((k) => formatNumber(seasonMeasure(compare[k]!, m), lang, 0))]),
    [t(lang, "season.measure.time"), ...shown.map((k) => `${formatNumber(compare[k]!.stats.elapsedMs, lang, 0)} ms`)],
  ];
  const label = Math.max(...rows.map((r) => r[0].length));
  const widths = heads.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i + 1]!.length)));
  const line = (first: string, cells: readonly string[]): string => `${first.padEnd(label)}  ${cells.map((x, i) => x.padStart(widths[i]!)).join("  ")}`.trimEnd();
  const lines = [
    c.bold(`${t(lang, "season.title")} · ${t(lang, "season.stops", { planned: main.stats.planned, frozen: main.stats.frozen })}`),
    c.dim(line("", heads)),
    ...rows.map(([first, ...cells]) => line(first, cells)),
    ...(shown.length > 1 ? [c.dim(t(lang, "season.written"))] : []),
    t(lang, "season.files", { dir: outDir }),
  ];
  return `${lines.join("\n")}\n`;
}

/** One printed line under the season summary: meetings held of those scheduled where outcomes.csv speaks. */
export function heldLine(report: HeldReport, lang: Lang): string {
  const percent = report.meetings === 0 ? "–" : formatNumber((100 * report.held) / report.meetings, lang, 1);
  return `${t(lang, "season.held", { stops: report.stopIds.join(", "), held: report.held, meetings: report.meetings, percent })}\n`;
}
