// The CLI's languages: texts from the catalogue (messages.ts: ICU MessageFormat by intl-messageformat), and the formatting of numbers, dates, countries and sectors by language.
import { DateTime } from "luxon";
import { isKnownSector } from "@roadshow/core";
import type { CountryCode, SectorCode } from "@roadshow/core";
import { formatMessage, isMessageKey, LOCALE, template, TEXT_LANGS, type Lang } from "./messages.js";

export { formatMessage, isLang, isMessageKey, LOCALE, MESSAGE_KEYS, ownTemplate, t, template, TEXT_LANGS } from "./messages.js";
export type { Catalogue, Lang, MessageKey, MessageParams } from "./messages.js";

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
  const given = language.toLowerCase();
  const primary = given.split("-")[0]!;
  return TEXT_LANGS.find((lang) => lang.toLowerCase() === given) ?? TEXT_LANGS.find((lang) => lang.toLowerCase() === primary) ?? "en";
}

/** The language the environment's `LANG` starts with (`it_IT.UTF-8` → `it`) when the catalogue has it, else `en`. */
export function defaultLang(env: string | undefined): Lang {
  const given = env?.toLowerCase() ?? "";
  return TEXT_LANGS.find((lang) => given.startsWith(lang)) ?? "en";
}


/** The ICU locale of a language: `it` → `it-IT`, `en` → `en-GB`, any other tag as it is. */
export function localeOf(language: Language): string {
  return LOCALE[language] ?? language;
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

/** A known sector's name in `lang`, from the catalogue (`sector.<slug>`); the slug itself for any other sector. */
export function sectorName(code: SectorCode, lang: Lang): string {
  const key = `sector.${code}`;
  return isKnownSector(code) && isMessageKey(key) ? formatMessage(lang, key, {}) : code;
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
    format = new Intl.NumberFormat(template(lang, "language.locale"), { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
