/** The sectors the core knows, by their slugs; their names in each language are the CLI's (its catalogues, `sector.<slug>`). */
import type { SectorCode } from "./types.js";

/**
 * The roadshow's known sectors; other slugs are accepted with a warning.
 * @example KNOWN_SECTORS.includes("mechanics") // true
 */
export const KNOWN_SECTORS: readonly SectorCode[] = [
  "advanced-manufacturing",
  "tech-innovation",
  "ai",
  "mechanics",
  "aerospace",
  "energy",
  "fashion",
  "technical-textiles",
  "construction",
];

const KNOWN = new Set(KNOWN_SECTORS);

/** Whether a slug is one of `KNOWN_SECTORS`. */
export function isKnownSector(code: SectorCode): boolean {
  return KNOWN.has(code);
}
