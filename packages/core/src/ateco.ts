import type { Firm, SectorCode } from "./types.js";

/** A firm's sectors, primary first. */
export function firmSectors(firm: Firm): readonly SectorCode[] {
  return firm.sectors;
}
