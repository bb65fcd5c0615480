/** The desk mode's words: the `studio.desk.*` keys of the CLI's one catalogue per language. */
import type { StudioLang } from "../../../src/studio/api.js";
import { formatMessage, isMessageKey, type MessageKey } from "../../../src/text/messages.js";

/** A text of the desk mode: a catalogue key without its `studio.desk.` prefix. */
export type DeskKey = MessageKey extends infer K ? (K extends `studio.desk.${infer Rest}` ? Rest : never) : never;

/** A text of the desk mode in `lang`, its ICU arguments filled; a reason the catalogue does not know is shown as its code. */
export function deskText(lang: StudioLang, key: DeskKey | `reason.${string}`, params: Readonly<Record<string, string | number>> = {}): string {
  const full = `studio.desk.${key}`;
  return isMessageKey(full) ? formatMessage(lang, full, params) : key;
}
