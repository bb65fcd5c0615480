/**
 * Regenerates the bundled example in examples/lombardia-2026/.
 * Run: npx tsx examples/generate.ts (Node built-ins only; fixed seed, same bytes every run).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DELEGATIONS, SCARCE_STOPS, STOPS } from "./generator/catalogue.js";
import { capacityProblems, problems, stopStats } from "./generator/check.js";
import { toCsv } from "./generator/csv.js";
import { generateFirms, generateRequests } from "./generator/firms.js";
import { lateSeason } from "./generator/late.js";
import { mulberry32 } from "./generator/random.js";
import { readme } from "./generator/readme.js";

const SEED = 20260225;
const OUT = join(dirname(fileURLToPath(import.meta.url)), "lombardia-2026");

const list = (items: readonly string[]): string => items.join("|");

const random = mulberry32(SEED);
const early = generateFirms(random);
const requests = generateRequests(random, early);
// Its own stream: the draws above, and so the demo stop, do not depend on the late registrations.
const firms = lateSeason(mulberry32(SEED + 1), early);

const stats = STOPS.map((s) => stopStats(s, DELEGATIONS, firms));
const found = [...problems(firms, requests), ...capacityProblems(stats)];
if (found.length > 0) {
  console.error(found.join("\n"));
  process.exit(1);
}

const files: Record<string, string> = {
  "stops.csv": toCsv(
    ["stop_id", "city", "date", "sector", "start", "end", "slot_minutes", "gap_minutes", "breaks", "timezone"],
    STOPS.map((s) => [s.id, s.city, s.date, s.sector, s.start, s.end, String(s.slotMinutes), String(s.gapMinutes), s.breaks, s.timezone]),
  ),
  "delegations.csv": toCsv(
    ["delegation_id", "country", "name", "stops", "tables", "sectors", "available"],
    DELEGATIONS.map((d) => [d.id, d.country, d.name, list(d.stops), String(d.tables), list(d.sectors), d.available]),
  ),
  "firms.csv": toCsv(
    ["firm_id", "name", "sectors", "stops", "targets", "markets", "available", "max_meetings", "representatives"],
    firms.map((f) => [
      f.id, f.name, list(f.sectors), list(f.stops), list(f.targets), list(f.markets), f.available,
      f.maxMeetings === null ? "" : String(f.maxMeetings), String(f.representatives),
    ]),
  ),
  "requests.csv": toCsv(["firm_id", "country", "kind"], requests.map((r) => [r.firmId, r.country, r.kind])),
};

const musts = requests.filter((r) => r.kind === "must").length;
const joiners = firms.slice(early.length);
files["README.md"] = readme(stats, {
  firms: firms.length,
  delegations: DELEGATIONS.length,
  requests: `${requests.length} (${musts} must, ${requests.length - musts} avoid)`,
}, {
  joiners: `${joiners[0]!.id}–${joiners.at(-1)!.id}`,
  joinerCount: joiners.length,
  atEveryScarceStop: firms.filter((f) => SCARCE_STOPS.every((id) => f.stops.includes(id))).length,
});

mkdirSync(OUT, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(OUT, name), text);

console.log("stop        firms deleg tables slots capacity wanted withTarget  US wanted/capacity");
for (const s of stats) {
  console.log(
    [s.stop.id.padEnd(11), s.firms, s.delegations, s.tables, s.slots, s.capacity, s.wanted, s.firmsWithTarget, `${s.usWanted}/${s.usCapacity}`]
      .map((v) => String(v).padStart(5)).join(" "),
  );
}
console.log(`${firms.length} firms, ${DELEGATIONS.length} delegations, ${requests.length} requests → ${OUT}`);
