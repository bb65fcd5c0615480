/** The page's words: the studio keys (`studio.*`) of the CLI's one catalogue per language, formatted by the same ICU machinery (texts computed by the CLI, such as reasons and `why`, come from the server). */
import type { StudioLang } from "../../src/studio/api.js";
import { formatMessage, isMessageKey, type MessageKey } from "../../src/text/messages.js";

/** A text of the page: a catalogue key without its `studio.` prefix. */
export type Key = MessageKey extends infer K ? (K extends `studio.${infer Rest}` ? Rest : never) : never;

/** A text of the page in `lang`, its ICU arguments filled (plurals by the language's rules). */
export function tr(lang: StudioLang, key: Key, params: Readonly<Record<string, string | number>> = {}): string {
  return formatMessage(lang, `studio.${key}` as MessageKey, params);
}

/** The name of a hard rule by its violation code (the code itself when the catalogue has none). */
export function ruleName(lang: StudioLang, code: string): string {
  const key = `studio.rule.${code}`;
  return isMessageKey(key) ? formatMessage(lang, key, {}) : code;
}
