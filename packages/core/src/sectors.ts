/** The sectors the core knows, with their Italian and English labels. */
import type { SectorCode } from "./types.js";

/** Human labels of a sector in the two languages the CLI speaks. */
export interface SectorLabel {
  readonly it: string;
  readonly en: string;
}

/** The roadshow's known sectors; other slugs are accepted with a warning. */
export const KNOWN_SECTORS: Readonly<Record<SectorCode, SectorLabel>> = {
  "advanced-manufacturing": { it: "Manifattura avanzata", en: "Advanced manufacturing" },
  "tech-innovation": { it: "Innovazione tecnologica", en: "Tech innovation" },
  ai: { it: "Intelligenza artificiale", en: "Artificial intelligence" },
  mechanics: { it: "Meccanica", en: "Mechanics" },
  aerospace: { it: "Aerospazio", en: "Aerospace" },
  energy: { it: "Energia", en: "Energy" },
  fashion: { it: "Moda", en: "Fashion" },
  "technical-textiles": { it: "Tessile tecnico", en: "Technical textiles" },
  construction: { it: "Costruzioni", en: "Construction" },
};

/** Whether a slug is one of `KNOWN_SECTORS`. */
export function isKnownSector(code: SectorCode): boolean {
  return Object.hasOwn(KNOWN_SECTORS, code);
}

/** A sector's label, or the slug itself when unknown. */
export function sectorLabel(code: SectorCode, lang: "it" | "en"): string {
  return isKnownSector(code) ? (KNOWN_SECTORS[code]?.[lang] ?? code) : code;
}
