export type * from "./types.js";
export { KNOWN_SECTORS, isKnownSector, sectorLabel } from "./sectors.js";
export type { SectorLabel } from "./sectors.js";
export { buildSlots, slotsInside, instantOf, formatTime } from "./slots.js";
