// The catalogue's machinery: one ICU MessageFormat catalogue per language (catalogue-en.ts, catalogue-it.ts), formatted by intl-messageformat; no other dependency, so the studio page bundles it too.
import { IntlMessageFormat } from "intl-messageformat";
import { EN } from "./catalogue-en.js";
import { IT } from "./catalogue-it.js";

/**
 * Every catalogue, by language: one ICU MessageFormat file per language with every key of the English one.
 * Adding a language is its catalogue file and its line here; `--lang`, the studio and `LANG` follow this list.
 */
const CATALOGUES = { it: IT, en: EN } as const;

/** The languages the CLI speaks. */
export type Lang = keyof typeof CATALOGUES;

/** The languages with texts of their own; any other language gets English texts. */
export const TEXT_LANGS = Object.keys(CATALOGUES) as readonly Lang[];

/** Whether `value` names a language of the catalogue. */
export const isLang = (value: unknown): value is Lang => typeof value === "string" && Object.hasOwn(CATALOGUES, value);

/** A message of the catalogue (catalogue-en.ts, catalogue-it.ts): an ICU MessageFormat text. */
export type MessageKey = keyof typeof EN;

const CATALOGUE: Readonly<Record<Lang, { readonly [K in MessageKey]: string }>> = CATALOGUES;

type Trim<S extends string> = S extends ` ${infer R}` ? Trim<R> : S extends `${infer R} ` ? Trim<R> : S;
/** The `{name}` arguments of a plain message (no plural or select). */
type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? Trim<P> | Placeholders<Rest> : never;
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
    const format = new IntlMessageFormat(source, LOCALE[lang], undefined, { ignoreTag: true });
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
  const message = compile(lang, key, CATALOGUE[lang][key]);
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

/** The ICU source of a message (for the catalogue's tests, and words used as they are: a column header). */
export function template(lang: Lang, key: MessageKey): string {
  return CATALOGUE[lang][key];
}

/** The BCP 47 locale used for dates and numbers (British English: day-month order, 24-hour clock). */
export const LOCALE = Object.fromEntries(TEXT_LANGS.map((lang) => [lang, CATALOGUES[lang]["language.locale"]])) as Readonly<Record<Lang, string>>;

