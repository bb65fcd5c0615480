// Progress lines of a long solve in the user's language: the core's report (its step and values) told from the catalogue.
import type { Progress } from "@roadshow/core";
import { t, type Lang } from "./i18n.js";

type Values = Readonly<Record<string, number | string>>;

const LEVELS = ["musts", "served", "balance"] as const;
const STAGES = ["local-search", "rebuild", "reoptimise", "lns"] as const;
type Stage = (typeof STAGES)[number];
const isStage = (code: unknown): code is Stage => (STAGES as readonly unknown[]).includes(code);

/** A number with `digits` decimals, with a decimal comma in Italian (the core writes `toFixed`). */
const fixed = (x: number, digits: number, lang: Lang): string => {
  const text = x.toFixed(digits);
  return lang === "it" ? text.replace(".", ",") : text;
};
const num = (values: Values, key: string): number => Number(values[key] ?? 0);
const capital = (prefix: string, level: string): string => (prefix === "" ? level : `${prefix}${level[0]!.toUpperCase()}${level.slice(1)}`);

/** Objective levels (`musts`…`score`, or `targetMusts`… with a prefix) as the progress line names them; an unbounded level is a dash in Italian. */
function levelsText(values: Values, prefix: string, lang: Lang): string {
  const score = num(values, capital(prefix, "score"));
  const count = (level: string): string => {
    const x = num(values, capital(prefix, level));
    return Number.isFinite(x) || lang === "en" ? String(x) : "—";
  };
  return t(lang, "progress.levels", {
    musts: count("musts"),
    served: count("served"),
    balance: count("balance"),
    score: Number.isFinite(score) ? fixed(score, 1, lang) : "—",
  });
}

/** The search's stage in words (a code the catalogue does not know is shown as it is). */
function stageText(values: Values, lang: Lang): string {
  const code = values["stage"];
  return isStage(code) ? t(lang, `progress.stage.${code}`, { round: num(values, "round") }) : String(code ?? "");
}

/** `a, b` in English as the core writes it; `a e b` in Italian. */
const listText = (items: readonly string[], lang: Lang): string =>
  lang === "it" && items.length > 1 ? `${items.slice(0, -1).join(", ")} e ${items.at(-1)}` : items.join(", ");

/** The closing report: optimal, or which levels are proven and how far the score is from its bound. */
function doneText(values: Values, lang: Lang): string {
  if (values["status"] === "optimal") return t(lang, "progress.done.optimal", { levels: levelsText(values, "", lang) });
  const at = LEVELS.filter((k) => num(values, k) >= num(values, capital("bound", k)));
  const proven = at.length === 3 ? t(lang, "progress.done.all")
    : at.length > 0 ? t(lang, "progress.done.some", { levels: listText(at.map((k) => t(lang, `progress.level.${k}`)), lang) })
    : t(lang, "progress.done.none");
  const text = t(lang, "progress.done", { proven, score: fixed(num(values, "score"), 1, lang), gap: fixed(num(values, "gap"), 3, lang), bound: fixed(num(values, "boundScore"), 1, lang) });
  return values["status"] === "timedout" ? t(lang, "progress.done.timedout", { text }) : text;
}

const EXACT_STATUSES = ["optimal", "limit", "timedout", "infeasible", "failed"] as const;

/** An objective level's name (`served`, `score`, …) in `lang`. */
function levelName(values: Values, lang: Lang): string {
  const level = values["level"];
  return level === "musts" || level === "served" || level === "balance" || level === "score" || level === "replaced" ? t(lang, `progress.level.${level}`) : String(level ?? "");
}

/** A level's value: whole numbers as they are, a score with one decimal. */
const amount = (values: Values, key: string, lang: Lang): string => {
  const x = num(values, key);
  return Number.isInteger(x) ? String(x) : fixed(x, 1, lang);
};

/** What the exact solver did to one level: its status, the level before and after, its bound and nodes. */
function exactSolvedText(values: Values, lang: Lang): string {
  const code = values["status"];
  const status = EXACT_STATUSES.find((s) => s === code);
  return (
    t(lang, "progress.exact.solved", {
      solver: String(values["solver"]),
      level: levelName(values, lang),
      status: status === undefined ? String(code ?? "") : t(lang, `progress.exact.status.${status}`),
      note: values["note"] !== undefined ? ` (${String(values["note"])})` : "",
      from: amount(values, "from", lang),
      to: amount(values, "to", lang),
    }) +
    (values["bound"] !== undefined ? t(lang, "progress.exact.bound", { bound: amount(values, "bound", lang) }) : "") +
    (values["nodes"] !== undefined ? t(lang, num(values, "nodes") === 1 ? "progress.exact.node" : "progress.exact.nodes", { nodes: num(values, "nodes") }) : "") +
    (values["dropped"] !== undefined ? t(lang, "progress.exact.dropped") : "")
  );
}

/**
 * What a progress report says, in `lang`; in English it is the core's own
 * `message`. A report without a step keeps its message.
 */
export function progressText(p: Progress, lang: Lang): string {
  const values: Values = p.values ?? {};
  const n = (key: string): number => num(values, key);
  if (p.step === undefined) return p.message;
  switch (p.step) {
    case "scoring": return t(lang, "progress.scoring");
    case "selecting": return t(lang, "progress.selecting", { pairs: n("pairs") });
    case "kept": return t(lang, "progress.kept", { kept: n("kept"), lost: n("lost") });
    case "placing": return t(lang, "progress.placing", { meetings: n("meetings"), slots: n("slots") });
    case "placing-around": return t(lang, "progress.placing-around", { meetings: n("meetings"), kept: n("kept") });
    case "moving": return t(lang, "progress.moving", { kept: n("kept") });
    case "searching": return t(lang, "progress.searching", { stage: stageText(values, lang), levels: levelsText(values, "", lang) });
    case "searching-toward":
      return t(lang, "progress.searching-toward", { stage: stageText(values, lang), levels: levelsText(values, "", lang), target: levelsText(values, "target", lang) });
    case "bounding": return t(lang, "progress.bounding", { candidates: n("candidates") });
    case "bounding-reached": return t(lang, "progress.bounding-reached", { levels: levelsText(values, "", lang) });
    case "solving-core": return t(lang, "progress.solving-core");
    case "compacting": return t(lang, "progress.compacting", { meetings: n("meetings") });
    case "compacting-exact": return t(lang, "progress.compacting-exact", { solver: String(values["solver"]), value: n("value"), columns: n("columns") });
    case "compacted-exact": return t(lang, "progress.compacted-exact", { solver: String(values["solver"]), from: n("from"), to: n("to") });
    case "checking": return t(lang, "progress.checking", { meetings: n("meetings") });
    case "exact-solving":
      return t(lang, "progress.exact.solving", { solver: String(values["solver"]), level: levelName(values, lang), value: amount(values, "value", lang), bound: amount(values, "bound", lang), columns: n("columns") });
    case "exact-solved": return exactSolvedText(values, lang);
    case "exact-fallback": return t(lang, values["reason"] === "distrusted" ? "progress.exact.distrusted" : "progress.exact.failed", { solver: String(values["solver"]) });
    case "done": return doneText(values, lang);
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
