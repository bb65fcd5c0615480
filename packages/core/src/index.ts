export type * from "./types.js";
export { KNOWN_SECTORS, isKnownSector, sectorLabel } from "./sectors.js";
export type { SectorLabel } from "./sectors.js";
export { buildSlots, slotsInside, instantOf, formatTime } from "./slots.js";
export { affinity, externalAffinity, DEFAULT_WEIGHTS } from "./affinity.js";
export { firmSectors } from "./ateco.js";
export { planStop, DEFAULT_TIME_LIMIT_MS } from "./plan.js";
export { verifyAgenda } from "./verify.js";
export type { AgendaMeeting } from "./verify.js";
