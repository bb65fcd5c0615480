import { scorePairs, type ScorePart } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { formatNumber } from "../agenda-csv.js";
import { findStop, instanceOf, load, type Sources } from "../load.js";
import { toCsv } from "../output/csv.js";
import { formatIssues } from "../output/issues-format.js";
import { writeOutputs } from "../output/write.js";
import path from "node:path";

/** Options of `roadshow score`. */
export interface ScoreArgs extends Sources {
  readonly stop: string;
  readonly out: string | undefined;
  readonly force: boolean;
  readonly excel: boolean;
}

const PART_COLUMNS = ["stop-sector", "delegation-sector", "target", "market", "must", "external"] as const;

/** Writes (or prints) every pair's score with its parts, in `scores.csv` columns first. */
export async function score(args: ScoreArgs, common: Common, io: Io): Promise<void> {
  const loaded = await load(args);
  if (loaded.warnings.length > 0) io.stderr(formatIssues(loaded.warnings, { color: io.color, format: common.format }));
  const stop = findStop(loaded.data, args.stop, args.dataDir);
  const pairs = scorePairs(instanceOf(loaded, stop));
  const points = (parts: readonly ScorePart[], code: string): string =>
    formatNumber(parts.filter((p) => p.code === code).reduce((sum, p) => sum + p.points, 0));
  const rows = pairs.map((p) => [
    p.firm.id, p.delegation.id, formatNumber(p.affinity.score), p.firm.name, p.delegation.country,
    ...PART_COLUMNS.map((code) => points(p.affinity.parts, code)), p.block ?? "",
  ]);
  const header = ["firm_id", "delegation_id", "score", "firm_name", "country", ...PART_COLUMNS.map((c) => c.replace("-", "_")), "blocked"];
  const csv = toCsv(header, rows, { excel: args.excel });
  if (args.out === undefined) {
    io.stdout(csv);
    return;
  }
  await writeOutputs(path.dirname(args.out), [{ path: path.basename(args.out), content: csv }], { force: args.force });
  io.stderr(`${pairs.length} pairs scored for ${stop.id} → ${args.out}\n`);
}
