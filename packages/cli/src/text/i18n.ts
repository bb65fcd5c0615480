// The CLI's languages: texts from the catalogue (`t`, over catalogue-en.ts and catalogue-it.ts), and the formatting of numbers, dates, countries and sectors by language.
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


/** A message of the catalogue (catalogue-en.ts, catalogue-it.ts). */
export type MessageKey = keyof typeof EN;

const CATALOGUE: Readonly<Record<Lang, { readonly [K in MessageKey]: string }>> = { en: EN, it: IT };

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | Placeholders<Rest> : never;

/** The parameters a message takes, from its `{name}` placeholders. */
export type MessageParams<K extends MessageKey> = { readonly [P in Placeholders<(typeof EN)[K]>]: string | number };

type ParamArgs<K extends MessageKey> = [Placeholders<(typeof EN)[K]>] extends [never] ? [] : [params: MessageParams<K>];

/**
 * A human text in the given language.
 * @example t("it", "table.n", { n: 3 }) // "Tavolo 3"
 */
export function t<K extends MessageKey>(lang: Lang, key: K, ...args: ParamArgs<K>): string {
  const params: Readonly<Record<string, string | number>> = args[0] ?? {};
  return CATALOGUE[lang][key].replace(/\{(\w+)\}(\.?)/g, (whole, name: string, stop: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = String(params[name]);
    // A value that ends a sentence with its own full stop ("Rossi S.r.l.") takes no second one.
    return stop === "." && value.endsWith(".") ? value : value + stop;
  });
}

/** Every message key, for tests and tooling. */
export const MESSAGE_KEYS = Object.keys(EN) as readonly MessageKey[];

/** The raw template of a message (for checking that both languages use the same placeholders). */
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
