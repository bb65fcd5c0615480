/** The ATECO → sector table: a firm's sectors from its ATECO codes when it lists none. */
import type { Firm, SectorCode } from "./types.js";

/**
 * One row of the ATECO → sector table: every code starting with `prefix`
 * (a division `28`, a group `28.4`, a class `28.41`, or a section letter `F`)
 * maps to `sectors`, in that order, unless a longer prefix also matches.
 * @example { prefix: "30.3", sectors: ["aerospace"], activity: "air and spacecraft" }
 */
export interface AtecoRule {
  readonly prefix: string;
  readonly sectors: readonly SectorCode[];
  /** What the prefix covers, for the documentation. */
  readonly activity: string;
}

/**
 * ATECO 2025 (NACE Rev. 2.1) division, group and class prefixes → the
 * roadshow's sector slugs. The longest matching prefix wins. Codes are matched
 * on their digits: a division number is unique across sections, and the
 * section letters moved between ATECO 2007 and 2025 (software, 62, is `J62`
 * in 2007 and `K62` in 2025), so `C28.41`, `28.41` and `28.41.00` read alike.
 * A bare section letter maps only where the whole section is one sector.
 * ATECO has no code for artificial intelligence: software development and
 * research in natural sciences and engineering stand in for it.
 */
export const ATECO_SECTORS: readonly AtecoRule[] = [
  { prefix: "D", sectors: ["energy"], activity: "section D: electricity, gas, steam" },
  { prefix: "F", sectors: ["construction"], activity: "section F: construction" },
  { prefix: "06", sectors: ["energy"], activity: "crude petroleum and natural gas" },
  { prefix: "13", sectors: ["fashion"], activity: "textiles" },
  { prefix: "13.9", sectors: ["technical-textiles"], activity: "other textiles: non-wovens, technical and industrial textiles" },
  { prefix: "14", sectors: ["fashion"], activity: "wearing apparel" },
  { prefix: "15", sectors: ["fashion"], activity: "leather and footwear" },
  { prefix: "19", sectors: ["energy"], activity: "coke and refined petroleum" },
  { prefix: "25", sectors: ["mechanics"], activity: "fabricated metal products" },
  { prefix: "26", sectors: ["tech-innovation"], activity: "computer, electronic and optical products" },
  { prefix: "27", sectors: ["mechanics"], activity: "electrical equipment" },
  { prefix: "27.1", sectors: ["energy", "mechanics"], activity: "electric motors, generators, transformers, distribution" },
  { prefix: "27.2", sectors: ["energy"], activity: "batteries and accumulators" },
  { prefix: "28", sectors: ["mechanics"], activity: "machinery and equipment" },
  { prefix: "28.4", sectors: ["mechanics", "advanced-manufacturing"], activity: "metal forming machinery and machine tools" },
  { prefix: "29", sectors: ["mechanics"], activity: "motor vehicles and parts" },
  { prefix: "30", sectors: ["mechanics"], activity: "other transport equipment" },
  { prefix: "30.3", sectors: ["aerospace"], activity: "air and spacecraft" },
  { prefix: "33", sectors: ["mechanics"], activity: "repair and installation of machinery" },
  { prefix: "33.16", sectors: ["aerospace"], activity: "repair and maintenance of aircraft and spacecraft" },
  { prefix: "35", sectors: ["energy"], activity: "electricity, gas, steam and air conditioning" },
  { prefix: "41", sectors: ["construction"], activity: "construction of buildings" },
  { prefix: "42", sectors: ["construction"], activity: "civil engineering" },
  { prefix: "43", sectors: ["construction"], activity: "specialised construction" },
  { prefix: "61", sectors: ["tech-innovation"], activity: "telecommunications" },
  { prefix: "62", sectors: ["tech-innovation"], activity: "computer programming and consultancy" },
  { prefix: "62.0", sectors: ["tech-innovation", "ai"], activity: "software and IT consultancy (ATECO 2007 group)" },
  { prefix: "62.1", sectors: ["tech-innovation", "ai"], activity: "computer programming (ATECO 2025 group)" },
  { prefix: "63", sectors: ["tech-innovation"], activity: "computing infrastructure, data processing, hosting" },
  { prefix: "71.11", sectors: ["construction"], activity: "architecture" },
  { prefix: "72", sectors: ["tech-innovation"], activity: "scientific research and development" },
  { prefix: "72.1", sectors: ["ai", "tech-innovation"], activity: "research in natural sciences and engineering" },
];

const RULES = new Map(ATECO_SECTORS.map((r) => [r.prefix, r.sectors]));

/** `C28.41` → `28.41`; `c` → `C`; the digits of a code, or its section letter when it has none. */
function key(code: string): string {
  const clean = code.trim().toUpperCase().replace(/\s+/g, "");
  const digits = clean.replace(/^[A-Z]/, "");
  return digits === "" ? clean : digits;
}

/**
 * The sectors of one ATECO code, by its longest prefix in `ATECO_SECTORS`;
 * empty when no prefix matches.
 * @example atecoSectors("C28.41") // ["mechanics", "advanced-manufacturing"]
 */
export function atecoSectors(code: string): readonly SectorCode[] {
  const k = key(code);
  for (let end = k.length; end > 0; end--) {
    const prefix = k.slice(0, end);
    if (prefix.endsWith(".")) continue;
    const sectors = RULES.get(prefix);
    if (sectors !== undefined) return sectors;
  }
  return [];
}

/** The codes that map to no sector, each once, in the order given. */
export function unknownAteco(codes: readonly string[]): string[] {
  return [...new Set(codes.filter((c) => atecoSectors(c).length === 0))];
}

const merged = new WeakMap<Firm, readonly SectorCode[]>();

/**
 * A firm's sectors, primary first: the declared `sectors`, then those mapped
 * from its `ateco` codes (in code order), each once. With no `ateco` the
 * declared sectors are returned as they are.
 */
export function firmSectors(firm: Firm): readonly SectorCode[] {
  if (firm.ateco === undefined || firm.ateco.length === 0) return firm.sectors;
  let sectors = merged.get(firm);
  if (sectors === undefined) {
    sectors = [...new Set([...firm.sectors, ...firm.ateco.flatMap((c) => atecoSectors(c))])];
    merged.set(firm, sectors);
  }
  return sectors;
}
