import { planStop } from "@roadshow/core";
import { agendaCsv, unmatchedCsv } from "../agenda-csv.js";
import type { Common, Io } from "../context.js";
import { findStop, instanceOf, load, type Sources } from "../load.js";
import { formatIssues } from "../output/issues-format.js";
import { writeOutputs } from "../output/write.js";
import { formatSummary } from "../summary.js";

/** Options of `roadshow schedule`. */
export interface ScheduleArgs extends Sources {
  readonly stop: string;
  readonly out: string;
  readonly allowRepeats: boolean;
  readonly minMeetings: number;
  readonly timeLimitSeconds: number | undefined;
  readonly force: boolean;
  readonly excel: boolean;
}

/** Reads the stop's inputs, plans it, writes agenda.csv and unmatched.csv, prints the summary. */
export async function schedule(args: ScheduleArgs, common: Common, io: Io): Promise<void> {
  const loaded = await load(args);
  if (loaded.warnings.length > 0) io.stderr(formatIssues(loaded.warnings, { color: io.color, format: common.format }));
  const stop = findStop(loaded.data, args.stop, args.dataDir);
  let lastProgress = 0;
  const result = planStop(instanceOf(loaded, stop), {
    minMeetings: args.minMeetings,
    allowRepeats: args.allowRepeats,
    ...(args.timeLimitSeconds !== undefined && { timeLimitMs: args.timeLimitSeconds * 1000 }),
    onProgress: (p) => {
      // Only long solves talk: a line per second at most.
      if (p.elapsedMs > 1000 && p.elapsedMs - lastProgress > 1000) {
        lastProgress = p.elapsedMs;
        io.stderr(`[${(p.elapsedMs / 1000).toFixed(1)} s] ${p.phase}: ${p.message}\n`);
      }
    },
  });
  const dialect = { excel: args.excel };
  await writeOutputs(
    args.out,
    [
      { path: "agenda.csv", content: agendaCsv(result, loaded.data.firms, loaded.data.delegations, dialect) },
      { path: "unmatched.csv", content: unmatchedCsv(result, loaded.data.firms, dialect, common.lang) },
    ],
    { force: args.force },
  );
  io.stdout(formatSummary(result, common.lang, io.color));
}
