// A broken hard rule in words: the core's violation (code and the values it names) told from the catalogue in the user's language.
import type { Violation } from "@roadshow/core";
import { formatMessage, type Lang } from "./i18n.js";

/**
 * The sentence of a violation in `lang`, from its code and params (the core gives data, no sentence).
 * @example violationText({ code: "repeated-pair", params: { firm: "F1", delegation: "US-CG", count: 2 }, … }, "it") // "F1 incontra US-CG 2 volte"
 */
export function violationText(violation: Violation, lang: Lang): string {
  const params: Readonly<Record<string, string | number | undefined>> = { ...violation.params };
  // A delegation at another delegation's table is said with that delegation's name.
  const key = violation.code === "wrong-table" && params.owner !== undefined ? "violation.wrong-table.shared" : `violation.${violation.code}` as const;
  const given = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return formatMessage(lang, key, Object.fromEntries(given));
}
