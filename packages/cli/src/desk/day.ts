/** The day of a stop at the desk: which agenda is the stop's agenda of the day (the workspace's latest version). */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/** The agenda.csv of the stop's latest version in `<data-dir>/workspace/<stop_id>/versions/<n>/`, if any. */
export function dayAgendaFile(dataDir: string, stopId: string): string | undefined {
  const versions = path.join(dataDir, "workspace", stopId, "versions");
  if (!existsSync(versions)) return undefined;
  const latest = readdirSync(versions).filter((e) => /^[1-9]\d{0,5}$/.test(e)).map(Number).sort((a, b) => b - a)[0];
  return latest === undefined ? undefined : path.join(versions, String(latest), "agenda.csv");
}
