// Input issues printed: grouped by file, coloured by severity, in the user's language, or as JSON for programs.
import { Chalk } from "chalk";
import { t, type Lang } from "./i18n.js";
import type { InputIssue, ShownIssue } from "../issues.js";
import { issueIn } from "./issues-text.js";

export interface FormatOptions {
  readonly color: boolean;
  readonly format: "text" | "json";
  /** Text only: at most this many lines per file and code, then a count (default 20). JSON lists all. */
  readonly maxPerCode?: number;
  /** Language of messages, hints and labels (default `en`); codes and column names stay as they are. */
  readonly lang?: Lang;
}

const bySeverity = (i: ShownIssue) => (i.severity === "error" ? 0 : 1);

/** Files in order of first appearance; inside a file errors first, then by line (whole-file first). */
function ordered(issues: readonly ShownIssue[]): ShownIssue[][] {
  const files = new Map<string, ShownIssue[]>();
  for (const issue of issues) {
    const key = issue.sheet === undefined ? issue.file : `${issue.file}\0${issue.sheet}`;
    const list = files.get(key);
    if (list === undefined) files.set(key, [issue]);
    else list.push(issue);
  }
  return [...files.values()].map((list) =>
    list
      .map((issue, index) => ({ issue, index }))
      .sort(
        (a, b) =>
          bySeverity(a.issue) - bySeverity(b.issue) || (a.issue.line ?? 0) - (b.issue.line ?? 0) || a.index - b.index,
      )
      .map((x) => x.issue),
  );
}


/**
 * Where an issue is, for people: `firms.csv:12` and ` [targets]` for a CSV; for a
 * workbook sheet its name, row, column letter and header:
 * `roadshow.xlsx › firms, row 12, column C` and ` [targets]`.
 */
function place(i: ShownIssue, lang: Lang): { where: string; column: string } {
  const header = i.column === null ? "" : ` [${i.column}]`;
  if (i.sheet === undefined) return { where: i.line === null ? i.file : `${i.file}:${i.line}`, column: header };
  const row = i.line === null ? "" : `, ${t(lang, "issues.row")} ${i.line}`;
  const letter = i.letter === undefined ? "" : `, ${t(lang, "issues.column")} ${i.letter}`;
  return { where: `${i.file} › ${i.sheet}${row}${letter}`, column: header };
}

/**
 * Input issues for people (grouped by file, errors then warnings, coloured by
 * severity unless `color` is false) or for programs (`json`: the issue objects).
 * @example
 * firms.csv:12 [targets] error unknown-country: "USX" is not a country code; did you mean US? → write US
 */
export function formatIssues(given: readonly InputIssue[], options: FormatOptions): string {
  const lang = options.lang ?? "en";
  const issues = given.map((issue) => issueIn(lang, issue));
  const groups = ordered(issues);
  if (options.format === "json") return `${JSON.stringify(groups.flat(), null, 2)}\n`;
  if (issues.length === 0) return "";
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const max = options.maxPerCode ?? 20;
  const blocks = groups.map((group) => {
    const shown = new Map<string, { issue: ShownIssue; count: number }>();
    const lines: string[] = [];
    for (const i of group) {
      const key = `${i.severity} ${i.code}`;
      const count = (shown.get(key)?.count ?? 0) + 1;
      shown.set(key, { issue: i, count });
      if (count > max) continue;
      const { where, column } = place(i, lang);
      const severity = i.severity === "error" ? c.red.bold(t(lang, "issues.error")) : c.yellow.bold(t(lang, "issues.warning"));
      lines.push(`${c.bold(where)}${column} ${severity} ${c.bold(i.code)}: ${i.message} ${c.dim(`→ ${i.hint}`)}`);
    }
    for (const { issue, count } of shown.values()) {
      if (count > max) lines.push(c.dim(t(lang, "issues.more", { n: count - max, code: issue.code, severity: issue.severity, file: issue.file })));
    }
    return lines.join("\n");
  });
  const errors = issues.filter((i) => i.severity === "error").length;
  const summary = t(lang, "issues.count", { errors, warnings: issues.length - errors });
  return `${blocks.join("\n\n")}\n${errors > 0 ? c.red(summary) : c.yellow(summary)}\n`;
}
