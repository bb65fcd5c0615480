/** Writes a generated instance as the spec's input CSVs (formats.md). */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatTime } from "@roadshow/core";
import type { StopInstance } from "@roadshow/core";
import { formatWindows, otherStop } from "./generate.js";

type Cell = string | number | null;

function field(value: Cell): string {
  const text = value === null ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\n") + "\n";
}

/** Writes stops (this one and the season's other), delegations, firms, requests and scores CSVs into `dir`. */
export function writeInstance(dir: string, instance: StopInstance): void {
  mkdirSync(dir, { recursive: true });
  const { stop } = instance;
  const write = (name: string, text: string): void => writeFileSync(join(dir, name), text);
  write(
    "stops.csv",
    csv(
      ["stop_id", "city", "date", "sector", "start", "end", "slot_minutes", "gap_minutes", "breaks", "timezone"],
      [stop, otherStop(stop)].map((s) => [
        s.id,
        s.city,
        s.date,
        s.sector,
        formatTime(s.start),
        formatTime(s.end),
        s.slotMinutes,
        s.gapMinutes,
        formatWindows(s.breaks),
        s.timezone,
      ]),
    ),
  );
  write(
    "delegations.csv",
    csv(
      ["delegation_id", "country", "name", "stops", "tables", "sectors", "available"],
      instance.delegations.map((d) => [d.id, d.country, d.name, d.stops?.join("|") ?? "", d.tables, d.sectors.join("|"), formatWindows(d.available)]),
    ),
  );
  write(
    "firms.csv",
    csv(
      ["firm_id", "name", "sectors", "stops", "targets", "markets", "available", "max_meetings", "representatives"],
      instance.firms.map((f) => [
        f.id,
        f.name,
        f.sectors.join("|"),
        f.stops.join("|"),
        f.targets.join("|"),
        f.markets.join("|"),
        formatWindows(f.available),
        f.maxMeetings,
        f.representatives,
      ]),
    ),
  );
  write("requests.csv", csv(["firm_id", "country", "kind"], instance.requests.map((r) => [r.firmId, r.country, r.kind])));
  write("scores.csv", csv(["firm_id", "delegation_id", "score"], (instance.scores ?? []).map((s) => [s.firmId, s.delegationId, s.score])));
}
