// The catalogue's machinery: one ICU MessageFormat catalogue per language, each one file of catalogues/ found at run time (catalogue-files.ts), formatted by intl-messageformat; no other dependency, so the studio page bundles it too.
import { IntlMessageFormat } from "intl-messageformat";
import { FOUND } from "./catalogue-files.js";
import { EN } from "./catalogues/en.js";

/** A message of the catalogue (catalogues/en.ts, the reference): an ICU MessageFormat text. */
export type MessageKey = keyof typeof EN;

/** A language's catalogue: an ICU MessageFormat text for every key of the English one. */
export type Catalogue = { readonly [K in MessageKey]: string };

/**
 * A language the CLI speaks: the tag of a catalogue file in catalogues/ (`en`, `it`).
 * Adding a language is adding its file there (docs/languages.md); `--lang`, the studio and `LANG` follow the folder.
 */
export type Lang = string;

/** A found catalogue's texts by key: any value that is not a string is left out (the catalogue test names it). */
function texts(lang: string, value: unknown): Readonly<Record<string, string>> {
  if (value === null || typeof value !== "object") throw new Error(`the catalogue ${lang} exports no object of texts`);
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * Every catalogue found, by language, in a fixed order: the others by tag, then English
 * (the reference, and the language of anyone whose language has no catalogue).
 */
const CATALOGUE: Readonly<Record<Lang, Readonly<Record<string, string>>>> = Object.fromEntries(
  [...FOUND].sort(([a], [b]) => Number(a === "en") - Number(b === "en") || a.localeCompare(b)).map(([lang, value]) => [lang, texts(lang, value)]),
);

/** The languages with texts of their own; any other language gets English texts. */
export const TEXT_LANGS: readonly Lang[] = Object.keys(CATALOGUE);

/** Whether `value` names a language of the catalogue. */
export const isLang = (value: unknown): value is Lang => typeof value === "string" && Object.hasOwn(CATALOGUE, value);

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
/** An argument's name: `size` of `{size, number, ::.0}`. */
type ArgName<P extends string> = P extends `${infer N},${string}` ? Trim<N> : Trim<P>;
/** The `{name}` arguments of a plain message (no plural or select). */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? ArgName<P> | Placeholders<Rest> : never;
/** A message with a plural or select takes its arguments untyped here; the catalogue test checks their names against the library's parse. */
type Arguments<S extends string> = S extends `${string}, plural,${string}` | `${string}, select,${string}` ? string : Placeholders<S>;

/** The parameters a message takes, from its ICU arguments. */
export type MessageParams<K extends MessageKey> = { readonly [P in Arguments<(typeof EN)[K]>]: string | number };

type ParamArgs<K extends MessageKey> = [Arguments<(typeof EN)[K]>] extends [never] ? [] : [params: MessageParams<K>];

/** A message compiled once by intl-messageformat, with the arguments that end a sentence (`{firm}.`). */
interface Compiled {
  readonly format: IntlMessageFormat;
  readonly beforeStop: ReadonlySet<string>;
}

const compiled = new Map<string, Compiled>();

function compile(lang: Lang, key: string, source: string): Compiled {
  const id = `${lang}\0${key}`;
  let message = compiled.get(id);
  if (message === undefined) {
    // Tags stay text: help and messages write `<data-dir>` and `<id>.eml`.
    const format = new IntlMessageFormat(source, template(lang, "language.locale"), undefined, { ignoreTag: true });
    const beforeStop = new Set([...source.matchAll(/\{(\w+)\}\./g)].map((m) => m[1]!));
    compiled.set(id, (message = { format, beforeStop }));
  }
  return message;
}

/**
 * A message of the catalogue in the given language, formatted by intl-messageformat
 * (plurals and selects by the language's rules).
 * @example t("it", "table.n", { n: 3 }) // "Tavolo 3"
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...args: ParamArgs<K>): string {
  return formatMessage(lang, key, args[0] ?? {});
}

/**
 * A message whose key is computed (`violation.${code}`), with its parameters as data.
 * @example formatMessage("en", "violation.repeated-pair", { firm: "F1", delegation: "US-CG", count: 2 })
 */
export function formatMessage(lang: Lang, key: MessageKey, params: Readonly<Record<string, string | number>>): string {
  const message = compile(lang, key, template(lang, key));
  let values = params;
  if (message.beforeStop.size > 0) {
    // A value that ends a sentence with its own full stop ("Rossi S.r.l.") takes no second one.
    const trimmed: Record<string, string | number> = { ...params };
    for (const name of message.beforeStop) {
      const value = trimmed[name];
      if (typeof value === "string" && value.endsWith(".")) trimmed[name] = value.slice(0, -1);
    }
    values = trimmed;
  }
  return String(message.format.format(values));
}

/** Every message key, for tests and tooling. */
export const MESSAGE_KEYS = Object.keys(EN) as readonly MessageKey[];

/** Whether `key` is a message of the catalogue (for keys made from data, such as a column name). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(EN, key);
}

/**
 * The ICU source of a message (for the catalogue's tests, and words used as they are: a column header).
 * A language without the catalogue, or a catalogue without the key, gives the English text.
 */
export function template(lang: Lang, key: MessageKey): string {
  return ownTemplate(lang, key) ?? EN[key];
}

/** The message as the language's own catalogue has it, if it does (the catalogue test: no language falls back to English). */
export function ownTemplate(lang: Lang, key: string): string | undefined {
  const texts = CATALOGUE[lang];
  return texts !== undefined && Object.hasOwn(texts, key) ? texts[key] : undefined;
}

/** The BCP 47 locale used for dates and numbers (British English: day-month order, 24-hour clock). */
export const LOCALE: Readonly<Record<Lang, string>> = Object.fromEntries(TEXT_LANGS.map((lang) => [lang, template(lang, "language.locale")]));

