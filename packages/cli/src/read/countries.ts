// Countries in input cells: ISO 3166-1 alpha-2 codes, or names in Italian or English mapped to them.
import type { CountryCode } from "@roadshow/core";
import { countryAs, nearAs, said } from "../text/cli-text.js";
import { fail, ok } from "./report.js";
import type { Parser } from "./report.js";
import { nearest } from "./suggest.js";

// Region codes ICU names that are not countries, or only exceptionally reserved.
const NOT_COUNTRIES = new Set(["AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN", "XA", "XB", "ZZ"]);

/** Names and abbreviations people write that neither locale's display names cover. */
const ALIASES: Readonly<Record<string, CountryCode>> = {
  usa: "US",
  "u s a": "US",
  "u s": "US",
  america: "US",
  "stati uniti d america": "US",
  "united states of america": "US",
  uk: "GB",
  "u k": "GB",
  "great britain": "GB",
  "gran bretagna": "GB",
  inghilterra: "GB",
  england: "GB",
  uae: "AE",
  eau: "AE",
  emirati: "AE",
  "emirati arabi": "AE",
  ksa: "SA",
  olanda: "NL",
  holland: "NL",
  prc: "CN",
  deu: "DE",
  gbr: "GB",
  fra: "FR",
  ita: "IT",
  esp: "ES",
  ind: "IN",
  chn: "CN",
  jpn: "JP",
  bra: "BR",
  can: "CA",
  sau: "SA",
  are: "AE",
};

/** Lower case, no accents, punctuation as spaces: `Côte d’Ivoire` → `cote d ivoire`. */
function normaliseName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

interface CountryTables {
  readonly codes: ReadonlySet<CountryCode>;
  /** Normalised name or alias → code. */
  readonly names: ReadonlyMap<string, CountryCode>;
}

let tables: CountryTables | null = null;

/** Built once from `Intl.DisplayNames` in Italian and English over every two-letter code. */
function countryTables(): CountryTables {
  if (tables !== null) return tables;
  const english = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  const italian = new Intl.DisplayNames(["it"], { type: "region", fallback: "none" });
  const codes = new Set<CountryCode>();
  const names = new Map<string, CountryCode>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      // ICU also names deprecated codes (UK, DD, SU); canonicalisation maps them to the current one.
      const canonical = Intl.getCanonicalLocales(`und-${code}`)[0]!.slice(4);
      if (NOT_COUNTRIES.has(code) || english.of(code) === undefined) continue;
      if (canonical === code) codes.add(code);
      else names.set(code.toLowerCase(), canonical);
    }
  }
  for (const code of codes) {
    for (const display of [english, italian]) {
      const name = normaliseName(display.of(code)!);
      if (!names.has(name)) names.set(name, code);
    }
  }
  for (const [alias, code] of Object.entries(ALIASES)) names.set(alias, code);
  tables = { codes, names };
  return tables;
}

/** Whether a code is an ISO 3166-1 alpha-2 country code (upper case). */
export function isCountryCode(code: string): boolean {
  return countryTables().codes.has(code);
}


/** A typo of a code (`USX` → US) or of a name (`Germny` → DE); two letters are too short to guess from. */
function suggestCountries(upper: string, key: string): CountryCode[] {
  const t = countryTables();
  if (key.length <= 2) return [];
  if (key.length === 3) {
    const prefix = upper.slice(0, 2);
    return t.codes.has(prefix) ? [prefix] : nearest(upper, t.codes, 1);
  }
  const names = nearest(key, t.names.keys(), Math.max(2, Math.floor(key.length / 4)));
  return [...new Set(names.map((n) => t.names.get(n)!))];
}

/**
 * An ISO alpha-2 code, any case. A country name in Italian or English, or a
 * common alias (`USA`, `UK`, `EAU`), is mapped to its code with a warning.
 */
export const parseCountry: Parser<CountryCode> = (raw) => {
  const t = countryTables();
  const upper = raw.toUpperCase();
  if (t.codes.has(upper)) return ok(upper);
  const key = normaliseName(raw);
  const mapped = t.names.get(key);
  if (mapped !== undefined) {
    return ok(mapped, [
      {
        code: "country-alias",
        message: said("input.country-alias", { value: raw, code: mapped, name: countryAs(mapped) }),
        hint: said("input.country-alias.fix", { code: mapped }),
      },
    ]);
  }
  const near = suggestCountries(upper, key);
  const named = near.map((c) => (key.length <= 3 ? c : said("input.unknown-country.named", { code: c, name: countryAs(c) })));
  return fail(
    "unknown-country",
    said("input.unknown-country", { value: raw, near: nearAs(named) }),
    near.length > 0 ? said("input.unknown-country.near.fix", { code: near[0]! }) : said("input.unknown-country.fix", {}),
  );
};
