/**
 * The late season: the scarce stops (see `SCARCE_STOPS`) draw more firms than they can serve.
 * Some firms add the scarce stop of their second sector, and firms that join in the autumn,
 * after their own sector's stop, register for both stops still ahead.
 */
import { SCARCE_STOPS, STOPS, minutes } from "./catalogue.js";
import { parseWindows } from "./check.js";
import { drawMarkets, drawSectors, drawTargets, inSeasonOrder, type FirmRow } from "./firms.js";
import { firmName } from "./names.js";
import type { Random } from "./random.js";

/** Chance that a registered firm adds the scarce stop of its second sector. */
const SECOND_SECTOR_CHANCE = 0.6;

/** Firms that join late (ids after the others), registered for every scarce stop. */
export const LATE_JOINERS = 20;

const scarce = STOPS.filter((s) => SCARCE_STOPS.includes(s.id));

/**
 * The firms with their late registrations, then the late joiners. Draws from its own stream,
 * so `generateFirms` (and the demo stop, never scarce) is unchanged. A firm keeps at most four
 * stops and adds a stop only if its hours fit that stop's session.
 */
export function lateSeason(random: Random, firms: readonly FirmRow[]): FirmRow[] {
  const out = firms.map((firm) => {
    const stops = new Set(firm.stops);
    const windows = parseWindows(firm.available);
    for (const stop of scarce) {
      // One draw per firm and stop whatever the outcome, so one firm's change moves no other's.
      const drawn = random.next();
      if (!firm.sectors.slice(1).includes(stop.sector) || stops.has(stop.id) || stops.size >= 4 || drawn >= SECOND_SECTOR_CHANCE) continue;
      if (windows?.some((w) => w.start < minutes(stop.start) || w.end > minutes(stop.end))) continue;
      stops.add(stop.id);
    }
    return stops.size === firm.stops.length ? firm : { ...firm, stops: inSeasonOrder(stops) };
  });
  const taken = new Set(out.map((f) => f.name));
  for (let n = firms.length + 1; n <= firms.length + LATE_JOINERS; n++) {
    // Their own sector's stop is behind them: they come for the delegations.
    let sectors = drawSectors(random);
    while (scarce.some((s) => s.sector === sectors[0])) sectors = drawSectors(random);
    const name = firmName(random, sectors[0]!, taken);
    taken.add(name);
    const targets = drawTargets(random, sectors[0]!);
    out.push({
      id: `F${String(n).padStart(4, "0")}`,
      name,
      sectors,
      stops: scarce.map((s) => s.id),
      targets,
      markets: drawMarkets(random, targets),
      available: "",
      maxMeetings: random.chance(0.2) ? random.int(3, 6) : null,
      representatives: 1,
    });
  }
  return out;
}
