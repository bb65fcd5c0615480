// scores.csv: external affinities, one per firm and delegation, read and checked against both files.
import type { ScoreEntry } from "@roadshow/core";
import type { InputIssue } from "../issues.js";
import { said } from "../text/cli-text.js";
import { MAX_ROWS } from "./limits.js";
import type { KnownIds } from "./ids.js";
import type { Row } from "./row.js";
import { readRows, readTable } from "./table.js";
import type { FileRead, InputFile, TableSpec } from "./table.js";
import { parseId, parseScore } from "./values.js";

/** The `score` command writes explanation columns too; they are read back silently. */
export const SCORES: TableSpec = {
  what: "input.table.scores",
  maxRows: MAX_ROWS.scores,
  quietExtras: true,
  columns: [
    { name: "firm_id", required: true },
    { name: "delegation_id", required: true },
    { name: "score", required: true },
  ],
};

/** scores.csv → external affinities; one row per firm and delegation. */
export function readScores(
  file: InputFile,
  firms: KnownIds | null,
  delegations: KnownIds | null,
  out: InputIssue[],
): FileRead<ScoreEntry> {
  const seen = new Map<string, Map<string, number>>();
  const read = (row: Row): ScoreEntry | null => {
    const entry = row.values({
      firmId: row.required("firm_id", parseId),
      delegationId: row.required("delegation_id", parseId),
      score: row.required("score", parseScore),
    });
    if (entry === null) return null;
    // A firm or delegation taken out of its file (it withdrew) leaves its scores behind: they no longer apply.
    // Never a "did you mean": a firm's score must not be handed to a firm with a similar id.
    for (const [known, column, id, code] of [[firms, "firm_id", entry.firmId, "unknown-firm"], [delegations, "delegation_id", entry.delegationId, "unknown-delegation"]] as const) {
      if (known === null || known.ids.has(id)) continue;
      // Once per id: a withdrawn firm has a row per delegation.
      if (row.report.first(`${code}\u0000${id}`)) {
        const args = { id, file: known.file, line: String(row.line) };
        const [message, hint] = code === "unknown-firm"
          ? [said("input.unknown-firm.score", args), said("input.unknown-firm.score.fix", args)]
          : [said("input.unknown-delegation.score", args), said("input.unknown-delegation.score.fix", args)];
        row.warning(column, code, id, message, hint);
      }
      return null;
    }
    let ofFirm = seen.get(entry.firmId);
    if (ofFirm === undefined) seen.set(entry.firmId, (ofFirm = new Map()));
    const earlier = ofFirm.get(entry.delegationId);
    if (earlier === undefined) {
      ofFirm.set(entry.delegationId, row.line);
      return entry;
    }
    row.error(
      "delegation_id",
      "duplicate-pair",
      entry.delegationId,
      said("input.duplicate-pair", { firm: entry.firmId, delegation: entry.delegationId, earlier: String(earlier) }),
      said("input.duplicate-pair.fix", { earlier: String(earlier), line: String(row.line) }),
    );
    return null;
  };
  return readRows(file, readTable(file, SCORES, out), null, "firm_id", read);
}
