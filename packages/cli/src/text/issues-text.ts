// Input issues in the user's language: the sentence and the fix of each issue code come from the catalogues (issue.message.<code>, issue.hint.<code>).
import type { InputIssue } from "../issues.js";
import { sayIn } from "./cli-text.js";
import { formatMessage, isLang, isMessageKey, t, type Lang } from "./messages.js";

/** The issue's arguments: its column and value, its file, and the full path tried when it has one. */
function params(lang: Lang, issue: InputIssue): Record<string, string> {
  return {
    file: issue.file,
    column: issue.column ?? "",
    value: issue.value ?? "",
    tried: issue.path === undefined ? "" : t(lang, "issue.tried", { path: issue.path }),
  };
}

/** The exact fix of a reader's English hint, when it is one value to write or a column to rename, in `lang`. */
function preciseHint(lang: Lang, hint: string): string | null {
  const write = /^write (\S+)$/.exec(hint) ?? /^write (\S+) to be unambiguous$/.exec(hint) ?? /^write (\S+), or another ISO 3166-1 alpha-2 code$/.exec(hint);
  if (write) return t(lang, "issue.fix.write", { value: write[1]! });
  const meant = /^write (\S+) if that was meant$/.exec(hint);
  if (meant) return t(lang, "issue.fix.writeIfMeant", { value: meant[1]! });
  const add = /^write (\S+), or add (\S+) to (\S+)$/.exec(hint);
  if (add) return t(lang, "issue.fix.writeOrAdd", { value: add[1]!, item: add[2]!, list: add[3]! });
  const range = /^write a (whole )?number from (\S+) to (\S+)(, digits only)?$/.exec(hint);
  if (range) return t(lang, "issue.fix.range", { whole: range[1] ? "yes" : "no", from: range[2]!, to: range[3]!, digits: range[4] ? "yes" : "no" });
  const create = /^create (\S+) \(or (\S+), or a sheet (\S+) in (\S+)\) in (.+)$/.exec(hint);
  if (create) return t(lang, "issue.fix.create", { file: create[1]!, other: create[2]!, sheet: create[3]!, workbook: create[4]!, folder: create[5]! });
  const column = /^rename the column (.+) to (.+)$/.exec(hint);
  if (column) return t(lang, "issue.fix.renameColumn", { from: column[1]!, to: column[2]! });
  const meantName = /^rename it to (.+) if that was meant$/.exec(hint);
  if (meantName) return t(lang, "issue.fix.renameIfMeant", { to: meantName[1]! });
  return null;
}

/**
 * An issue with its message and hint in `lang`, as printed and written as JSON (without its `said`).
 * An issue whose reader said its sentences as catalogue keys is worded from them; for the others, English keeps the
 * reader's own sentence (with its precise detail), and so does a language without a catalogue. The suggestion of the English text (`did you mean US?`)
 * and a precise fix (`write US`) are kept, worded by the catalogue.
 * @example issueIn("it", { code: "empty-cell", column: "name", … }).message // "name è obbligatoria ma la cella è vuota"
 */
export function issueIn(lang: Lang, given: InputIssue): InputIssue {
  const { said, ...issue } = given;
  if (said !== undefined) return { ...issue, message: sayIn(lang, said.message), hint: sayIn(lang, said.hint) };
  if (lang === "en" || !isLang(lang)) return issue;
  const message = `issue.message.${issue.code}`;
  const hint = `issue.hint.${issue.code}`;
  if (!isMessageKey(message) || !isMessageKey(hint)) return issue;
  const values = params(lang, issue);
  const near = /did you mean (.+)\?/.exec(issue.message);
  // A warning about a firm with no line to point at (unknown-ateco) names the firm first.
  const firm = issue.line === null ? /^firm (\S+): /.exec(issue.message) : null;
  const suggestion = near ? t(lang, "issue.near", { near: near[1]!.replaceAll(t("en", "issue.or"), t(lang, "issue.or")) }) : "";
  const prefix = firm ? t(lang, "issue.firm", { firm: firm[1]! }) : "";
  return { ...issue, message: prefix + formatMessage(lang, message, values) + suggestion, hint: preciseHint(lang, issue.hint) ?? formatMessage(lang, hint, values) };
}
