// The CLI's languages: texts from the catalogue (`t`: ICU MessageFormat over catalogue-en.ts and catalogue-it.ts, by intl-messageformat), and the formatting of numbers, dates, countries and sectors by language.
import { IntlMessageFormat } from "intl-messageformat";
import { DateTime } from "luxon";
import { sectorLabel } from "@roadshow/core";
import type { CountryCode, SectorCode } from "@roadshow/core";
import { EN } from "./catalogue-en.js";
import { IT } from "./catalogue-it.js";

/** The languages the CLI speaks. */
export type Lang = "it" | "en";

/** The languages with texts of their own; any other language gets English texts. */
export const TEXT_LANGS: readonly Lang[] = ["it", "en"];

/**
 * A participant's language: a BCP 47 tag ICU has data for (`it`, `en`, `de`, `pt-BR`).
 * Country names and dates follow it; texts are in `textLang(language)`.
 */
export type Language = string;

/**
 * The language of the texts for a participant's language: itself when roadshow has
 * texts in it, English otherwise.
 * @example textLang("it-CH") // "it"; textLang("de") // "en"
 */
export function textLang(language: Language): Lang {
  const primary = language.split("-")[0]!.toLowerCase();
  return (TEXT_LANGS as readonly string[]).includes(primary) ? (primary as Lang) : "en";
}

/** `it` when the environment's `LANG` starts with `it` (e.g. `it_IT.UTF-8`), else `en`. */
export function defaultLang(env: string | undefined): Lang {
  return env?.toLowerCase().startsWith("it") ? "it" : "en";
}


/** A message of the catalogue (catalogue-en.ts, catalogue-it.ts): an ICU MessageFormat text. */
export type MessageKey = keyof typeof EN;

const CATALOGUE: Readonly<Record<Lang, { readonly [K in MessageKey]: string }>> = { en: EN, it: IT };

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
export const LOCALE: Readonly<Record<Lang, string>> = { it: "it-IT", en: "en-GB" };

/** The ICU locale of a language: `it` → `it-IT`, `en` → `en-GB`, any other tag as it is. */
export function localeOf(language: Language): string {
  return Object.hasOwn(LOCALE, language) ? LOCALE[language as Lang] : language;
}

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name from ICU (`Intl.DisplayNames`) in any language; the code itself when ICU does not know it. */
export function countryName(code: CountryCode, lang: Language): string {
  // Asked once per meeting on every agenda and calendar: each (language, code) is looked up once.
  const key = `${lang}|${code}`;
  let name = countryNames.get(key);
  if (name === undefined) countryNames.set(key, (name = lookupCountry(code, lang)));
  return name;
}

const countryNames = new Map<string, string>();

function lookupCountry(code: CountryCode, lang: Language): string {
  let names = regionNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([localeOf(lang)], { type: "region", fallback: "code" });
    regionNames.set(lang, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A sector's label (the slug when unknown). */
export function sectorName(code: SectorCode, lang: Lang): string {
  return sectorLabel(code, lang);
}

/**
 * A stop date with its weekday, in the stop's zone.
 * @example formatDate("2026-03-18", "Europe/Rome", "it") // "mercoledì 18 marzo 2026"
 */
export function formatDate(date: string, zone: string, lang: Language): string {
  // Every page and calendar of a stop asks for the same date: formatted once per (date, zone, language).
  const key = `${date}|${zone}|${lang}`;
  let text = formattedDates.get(key);
  if (text === undefined) formattedDates.set(key, (text = formatDateOnce(date, zone, lang)));
  return text;
}

const formattedDates = new Map<string, string>();

function formatDateOnce(date: string, zone: string, lang: Language): string {
  return DateTime.fromISO(date, { zone }).setLocale(localeOf(lang)).toLocaleString({
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
}

/** A number with at most `digits` decimals, in the language's convention (`1.234,5` / `1,234.5`). */
export function formatNumber(value: number, lang: Lang, digits = 1): string {
  // Building a formatter costs far more than using one: an agenda formats thousands of numbers.
  const key = `${lang}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
