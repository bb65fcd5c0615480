// Progress lines of a long solve in the user's language: the core's typed progress events told from the catalogue.
import type { ExactLevel, ObjectiveLevels, Progress, ProgressEvent, SearchStage } from "@roadshow/core";
import { t, type Lang } from "./i18n.js";

/** A number with `digits` decimals, with a decimal comma in Italian. */
const fixed = (x: number, digits: number, lang: Lang): string => {
  const text = x.toFixed(digits);
  return lang === "it" ? text.replace(".", ",") : text;
};

/** Objective levels as the progress line names them; an unbounded level is a dash in Italian. */
function levelsText(levels: ObjectiveLevels, lang: Lang): string {
  const count = (x: number): string => (Number.isFinite(x) || lang === "en" ? String(x) : "—");
  return t(lang, "progress.levels", {
    musts: count(levels.musts),
    served: count(levels.served),
    balance: count(levels.balance),
    score: Number.isFinite(levels.score) ? fixed(levels.score, 1, lang) : "—",
  });
}

/** The search's stage in words. */
const stageText = (stage: SearchStage, round: number | undefined, lang: Lang): string => t(lang, `progress.stage.${stage}`, { round: round ?? 0 });

/** `a, b` in English; `a e b` in Italian. */
const listText = (items: readonly string[], lang: Lang): string =>
  lang === "it" && items.length > 1 ? `${items.slice(0, -1).join(", ")} e ${items.at(-1)}` : items.join(", ");

const LEVELS = ["musts", "served", "balance"] as const;

/** The closing report: optimal, or which levels are proven and how far the score is from its bound. */
function doneText(p: Extract<ProgressEvent, { step: "done" }>, lang: Lang): string {
  if (p.status === "optimal") return t(lang, "progress.done.optimal", { levels: levelsText(p.levels, lang) });
  const at = LEVELS.filter((k) => p.levels[k] >= p.bounds[k]);
  const proven = at.length === 3 ? t(lang, "progress.done.all")
    : at.length > 0 ? t(lang, "progress.done.some", { levels: listText(at.map((k) => t(lang, `progress.level.${k}`)), lang) })
    : t(lang, "progress.done.none");
  const text = t(lang, "progress.done", { proven, score: fixed(p.levels.score, 1, lang), gap: fixed(p.gap, 3, lang), bound: fixed(p.bounds.score, 1, lang) });
  return p.status === "timedout" ? t(lang, "progress.done.timedout", { text }) : text;
}

/** A level's value: whole numbers as they are, a score with one decimal. */
const amount = (x: number, lang: Lang): string => (Number.isInteger(x) ? String(x) : fixed(x, 1, lang));
const levelName = (level: ExactLevel, lang: Lang): string => t(lang, `progress.level.${level}`);

/** What the exact solver did to one level: its status, the level before and after, its bound and nodes. */
function exactSolvedText(p: Extract<ProgressEvent, { step: "exact-solved" }>, lang: Lang): string {
  return (
    t(lang, "progress.exact.solved", {
      solver: p.solver,
      level: levelName(p.level, lang),
      status: t(lang, `progress.exact.status.${p.status}`),
      note: p.note !== undefined ? ` (${p.note})` : "",
      from: amount(p.from, lang),
      to: amount(p.to, lang),
    }) +
    (p.bound !== undefined ? t(lang, "progress.exact.bound", { bound: amount(p.bound, lang) }) : "") +
    (p.nodes !== undefined ? t(lang, "progress.exact.nodes", { nodes: p.nodes }) : "") +
    (p.dropped ? t(lang, "progress.exact.dropped") : "")
  );
}

/** What a progress event says, in `lang`. */
export function progressText(p: ProgressEvent, lang: Lang): string {
  switch (p.step) {
    case "scoring": return t(lang, "progress.scoring");
    case "selecting": return t(lang, "progress.selecting", { pairs: p.pairs });
    case "kept": return t(lang, "progress.kept", { kept: p.kept, lost: p.lost });
    case "placing": return t(lang, "progress.placing", { meetings: p.meetings, slots: p.slots });
    case "placing-around": return t(lang, "progress.placing-around", { meetings: p.meetings, kept: p.kept });
    case "moving": return t(lang, "progress.moving", { kept: p.kept });
    case "searching": return t(lang, "progress.searching", { stage: stageText(p.stage, p.round, lang), levels: levelsText(p.levels, lang) });
    case "searching-toward":
      return t(lang, "progress.searching-toward", { stage: stageText(p.stage, p.round, lang), levels: levelsText(p.levels, lang), target: levelsText(p.target, lang) });
    case "bounding": return t(lang, "progress.bounding", { candidates: p.candidates });
    case "bounding-reached": return t(lang, "progress.bounding-reached", { levels: levelsText(p.levels, lang) });
    case "solving-core": return t(lang, "progress.solving-core");
    case "compacting": return t(lang, "progress.compacting", { meetings: p.meetings });
    case "compacting-exact": return t(lang, "progress.compacting-exact", { solver: p.solver, value: p.value, columns: p.columns });
    case "compacted-exact": return t(lang, "progress.compacted-exact", { solver: p.solver, from: p.from, to: p.to });
    case "checking": return t(lang, "progress.checking", { meetings: p.meetings });
    case "exact-solving":
      return t(lang, "progress.exact.solving", { solver: p.solver, level: levelName(p.level, lang), value: amount(p.value, lang), bound: amount(p.bound, lang), columns: p.columns });
    case "exact-solved": return exactSolvedText(p, lang);
    case "exact-fallback": return t(lang, p.reason === "distrusted" ? "progress.exact.distrusted" : "progress.exact.failed", { solver: p.solver });
    case "done": return doneText(p, lang);
  }
}

/** One progress line on stderr: `[BS-2026-02 12.5 s] improve: …` (the stop only in a season). */
export function progressLine(p: Progress, lang: Lang, stopId?: string): string {
  return `${t(lang, "progress.line", {
    where: stopId === undefined ? "" : `${stopId} `,
    seconds: fixed(p.elapsedMs / 1000, 1, lang),
    phase: t(lang, `progress.phase.${p.phase}`),
    message: progressText(p, lang),
  })}\n`;
}
