// Input issues in the user's language: each issue's sentence and fix are catalogue sentences (its `said`), worded here.
import type { InputIssue, ShownIssue } from "../issues.js";
import { sayIn } from "./cli-text.js";
import type { Lang } from "./messages.js";

/**
 * An issue as printed and written as JSON: its message and fix worded in `lang` from its said
 * sentences (a language without a catalogue gets English), and no `said`.
 * @example issueIn("it", issue).message // "name è obbligatoria ma la cella è vuota"
 */
export function issueIn(lang: Lang, given: InputIssue): ShownIssue {
  const { said, ...issue } = given;
  return { ...issue, message: sayIn(lang, said.message), hint: sayIn(lang, said.hint) };
}
