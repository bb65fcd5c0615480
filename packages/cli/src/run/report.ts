/**
 * What a run tells the user while it works, on stderr, in one place: input
 * warnings (one block per source), plain warnings, the solver's progress
 * (throttled, with the final line once per stop) and, for long runs, what is
 * being written. Commands make one `Reporter` per run; the studio, which shows
 * progress on its page, takes only `throttle`.
 *
 * @example
 * const report = new Reporter(io, common);
 * report.issues(loaded.warnings);
 * planStop(instance, { ...options, onProgress: report.progress() });
 * report.step(t(lang, "progress.render"));
 */
import type { Progress } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import type { InputIssue } from "../issues.js";
import { formatIssues } from "../text/issues-format.js";
import { formatNumber, t } from "../text/i18n.js";
import { progressLine } from "../text/progress.js";

/** Only long solves talk: nothing in their first second, then a line per second at most. */
const QUIET_MS = 1000;
const EVERY_MS = 1000;
/** A run this long (ms) also says what it renders and writes: files for thousands of firms take seconds. */
const STEPS_AFTER_MS = 3000;

/**
 * `emit` called at most once every `everyMs` of the solve's own clock; a report
 * that warns (the exact solver failed) passes at once, and so does the final
 * one (`done`), once.
 */
export function throttle(emit: (p: Progress) => void, everyMs: number, quietMs = -Infinity): (p: Progress) => void {
  let last = -Infinity;
  let done = false;
  return (p) => {
    const final = p.phase === "done";
    const due = p.elapsedMs > quietMs && (p.elapsedMs - last >= everyMs || (final && !done));
    if (!p.warning && !due) return;
    last = p.elapsedMs;
    if (final) done = true;
    emit(p);
  };
}

/** Tells the user, on stderr, what a run meets and how it goes. */
export class Reporter {
  private readonly began = performance.now();

  constructor(
    readonly io: Io,
    readonly common: Common,
  ) {}

  /** Issues that did not stop the run (one block with its count line); nothing when there are none. */
  issues(list: readonly InputIssue[]): void {
    if (list.length > 0) this.io.stderr(formatIssues(list, { color: this.io.color, format: this.common.format, lang: this.common.lang }));
  }

  /** `warning: <text>`. */
  warning(text: string): void {
    this.io.stderr(`${t(this.common.lang, "cli.warning")}: ${text}\n`);
  }

  /** The exact solver could not start: the search's agendas are kept. */
  readonly exactUnavailable = (reason: string): void => {
    this.io.stderr(`${t(this.common.lang, "progress.exact.unavailable", { reason })}\n`);
  };

  /** Where the solver's progress goes: a line per second of a long solve (the stop named in a season), and its final line. */
  progress(stopId?: string): (p: Progress) => void {
    return throttle((p) => this.io.stderr(progressLine(p, this.common.lang, stopId)), EVERY_MS, QUIET_MS);
  }

  /** A season's progress, one throttle per stop. */
  seasonProgress(): (stopId: string, p: Progress) => void {
    const byStop = new Map<string, (p: Progress) => void>();
    return (stopId, p) => {
      let report = byStop.get(stopId);
      if (report === undefined) byStop.set(stopId, (report = this.progress(stopId)));
      report(p);
    };
  }

  /** What a long run (3 s and more) is doing after planning. */
  step(message: string): void {
    const elapsed = performance.now() - this.began;
    if (elapsed <= STEPS_AFTER_MS) return;
    const lang = this.common.lang;
    const seconds = formatNumber(Math.round(elapsed / 100) / 10, lang, 1);
    this.io.stderr(`${t(lang, "progress.line", { where: "", seconds, phase: t(lang, "progress.phase.write"), message })}\n`);
  }
}
