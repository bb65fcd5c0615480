/**
 * The README's library example as a program: read the bundled data with
 * `@roadshow/cli/io`, plan a stop with `@roadshow/core`, check the agenda,
 * review a hand edit, see an invalid instance refused, and write the files
 * `roadshow schedule` writes.
 *
 *   npx tsx examples/library.ts [data-dir] [stop-id] [out-dir]
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatPath, InvalidInstanceError, planStop, reviewAgenda, validateInstance, verifyAgenda } from "@roadshow/core";
import { formatIssues, loadStopData, stopInstance, toInputIssue, writeStopFiles } from "@roadshow/cli/io";

const dataDir = process.argv[2] ?? fileURLToPath(new URL("./lombardia-2026", import.meta.url));
const stopId = process.argv[3] ?? "BS-2026-02";
const outDir = process.argv[4] ?? mkdtempSync(path.join(tmpdir(), "roadshow-library-"));

// 1. Read the CSV files with the CLI's reader: the same checks, the same located issues.
const read = await loadStopData(dataDir);
if (!read.ok) {
  process.stderr.write(formatIssues(read.issues, { color: false, format: "text" }));
  process.exit(1);
}
const instance = stopInstance(read, stopId); // { stop, delegations, firms, requests, scores, history }

// 2. Plan the stop.
const options = { minMeetings: 1 };
const schedule = planStop(instance, options);
console.log(`${schedule.stop.id}: ${schedule.status}, ${schedule.meetings.length} meetings, score ${schedule.stats.levels.score}, gap ${schedule.stats.gapPercent}%`);
console.log("first meeting:", schedule.meetings[0]); // { slot, table, delegationId, firmId, score }
console.log("under-served:", schedule.unmatched.length); // [{ firmId, country, reason, meetings }, …]

// 3. Every hard rule holds: the independent check finds nothing.
console.log("violations:", verifyAgenda(instance, schedule.meetings).length); // 0

// 4. An agenda edited by hand: put the last meeting in the first meeting's slot and table.
const [first, last] = [schedule.meetings[0]!, schedule.meetings.at(-1)!];
const edited = [...schedule.meetings.slice(0, -1), { ...last, slot: first.slot, table: first.table }];
const review = reviewAgenda(instance, edited, options);
console.log("edited agenda:", review.violations.map((v) => `${v.code} ${JSON.stringify(v.params)}`));

// 5. The core refuses an instance it cannot plan, saying where and what as data (code, path, value, params);
//    the CLI's toInputIssue words it in the files' terms, in a language of its catalogues.
const broken = { ...instance, stop: { ...instance.stop, timezone: "Mars/Base" } };
console.log("issues:", validateInstance(broken).map((i) => `${formatPath(i.path)}: ${i.code} ${JSON.stringify(i.value)}`));
try {
  planStop(broken);
} catch (error) {
  if (!(error instanceof InvalidInstanceError)) throw error;
  console.log("planStop refused:", error.issues.map((i) => i.code));
  process.stdout.write(formatIssues(error.issues.map((i) => toInputIssue(i, broken)), { color: false, format: "text", lang: "it" }));
}

// 6. Write agenda.csv, unmatched.csv, participant CSVs, HTML pages and calendars.
const written = await writeStopFiles(outDir, schedule, instance, { lang: "en", force: true });
console.log(`wrote ${written.length} files to ${outDir}`);
