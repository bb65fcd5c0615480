/** The known sector slugs of the spec (the generator needs no import from the workspace). */
export const KNOWN_SECTORS_SLUGS: readonly string[] = [
  "advanced-manufacturing", "tech-innovation", "ai", "mechanics", "aerospace",
  "energy", "fashion", "technical-textiles", "construction",
];
