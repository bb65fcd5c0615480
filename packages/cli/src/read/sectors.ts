// Sector and ATECO cells: a known sector by code or label, an ATECO code kept for the core to map.
import { KNOWN_SECTORS, isKnownSector } from "@roadshow/core";
import type { SectorCode } from "@roadshow/core";
import { nearAs, said } from "../text/cli-text.js";
import { sectorName, TEXT_LANGS } from "../text/i18n.js";
import { fail, ok } from "./report.js";
import type { Parser } from "./report.js";
import { nearest } from "./suggest.js";

/** `Advanced Manufacturing` → `advanced-manufacturing`. */
function slugify(raw: string): string {
  return raw
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

let labels: ReadonlyMap<string, SectorCode> | null = null;
/** A known sector's name in every language of the catalogues, slugified → slug (`meccanica` → `mechanics`). */
function labelMap(): ReadonlyMap<string, SectorCode> {
  labels ??= new Map(TEXT_LANGS.flatMap((lang) => KNOWN_SECTORS.map((code) => [slugify(sectorName(code, lang)), code] as const)));
  return labels;
}

/**
 * A sector slug. Case and spaces are normalised silently; an Italian or English
 * label maps to its slug with a warning; an unknown slug is kept with a warning
 * (a new stop's sector needs no code change).
 */
export const parseSector: Parser<SectorCode> = (raw) => {
  const slug = slugify(raw);
  if (slug === "") return fail("bad-sector", said("input.bad-sector", { value: raw }), said("input.bad-sector.fix", {}));
  if (isKnownSector(slug)) return ok(slug);
  const known = labelMap().get(slug);
  if (known !== undefined) {
    return ok(known, [{ code: "sector-alias", message: said("input.sector-alias", { value: raw, sector: known }), hint: said("input.sector-alias.fix", { sector: known }) }]);
  }
  const near = nearest(slug, KNOWN_SECTORS, 3);
  return ok(slug, [
    {
      code: "unknown-sector",
      message: said("input.unknown-sector", { value: raw, sector: slug, near: nearAs(near) }),
      hint: near.length > 0 ? said("input.unknown-sector.near.fix", { sector: near[0]! }) : said("input.unknown-sector.fix", { sectors: KNOWN_SECTORS.join(", ") }),
    },
  ]);
};

// ATECO 2025: a section letter, a division, or a dotted code (C, C28, 28, 28.41, 28.41.00).
const ATECO = /^(?:[A-U](?:\d{2}(?:\.\d{1,2}){0,2})?|\d{2}(?:\.\d{1,2}){0,2})$/;

/** An ATECO activity code, kept as written (upper-case section letter); mapped to sectors by the core. */
export const parseAteco: Parser<string> = (raw) => {
  const code = raw.toUpperCase().replace(/\s+/g, "");
  return ATECO.test(code)
    ? ok(code)
    : fail("bad-ateco", said("input.bad-ateco", { value: raw }), said("input.bad-ateco.fix", {}));
};
