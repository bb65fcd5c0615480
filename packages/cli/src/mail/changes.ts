/** The participants whose day changed, read from the `changes.csv` that `roadshow replan` writes (or a workbook holding it). */
import { InputError } from "../errors.js";
import { said } from "../text/cli-text.js";
import { loadTable } from "../read/files.js";
import type { InputIssue } from "../issues.js";
import { Reporter } from "../read/report.js";
import { readTable, type TableSpec } from "../read/table.js";

// Each row names a participant (`participant_id`, with `participant_kind` when given) or a
// meeting (`firm_id` and `delegation_id`: both sides are told). Other columns are read silently.
const SPEC: TableSpec = {
  what: "input.table.changes",
  maxRows: 1_000_000,
  quietExtras: true,
  columns: ["stop_id", "participant_kind", "participant_id", "firm_id", "delegation_id"].map((name) => ({ name, required: false })),
};

const KINDS: Readonly<Record<string, "firm" | "delegation">> = { firm: "firm", delegation: "delegation", impresa: "firm", delegazione: "delegation" };

/** A stop's participants, to resolve the ids a changes.csv names. */
export interface KnownParticipants {
  readonly firms: ReadonlySet<string>;
  readonly delegations: ReadonlySet<string>;
}

/**
 * The participants of `stopId` named in `file`, as `firm:<id>` / `delegation:<id>`. Rows of
 * other stops are skipped; an id that is not a participant of the stop is a warning at its line
 * (a firm deleted from the data since has no address to mail anyway).
 */
export async function readChangedParticipants(
  file: string,
  stopId: string,
  known: KnownParticipants,
): Promise<{ readonly changed: Set<string>; readonly warnings: readonly InputIssue[] }> {
  const issues: InputIssue[] = [];
  const report = new Reporter(file, issues);
  const input = await loadTable(file, file, "changes", issues);
  const table = input === null ? null : readTable(input, SPEC, issues);
  const changed = new Set<string>();
  if (table !== null) {
    const has = (name: string) => table.columns.has(name);
    if (!has("participant_id") && !has("firm_id") && !has("delegation_id")) {
      report.error("missing-column", { line: 1, column: "participant_id" }, said("input.missing-column.mailChanges", {}), said("input.missing-column.mailChanges.fix", {}));
    }
    for (const { row, ragged } of table.rows) {
      if (ragged) continue;
      const stop = row.raw("stop_id");
      if (stop !== "" && stop !== stopId) continue;
      const kindCell = row.raw("participant_kind").toLowerCase();
      const kind = KINDS[kindCell];
      if (kindCell !== "" && kind === undefined) {
        row.error("participant_kind", "bad-kind", row.raw("participant_kind"), said("input.bad-kind.mailChanges", { value: row.raw("participant_kind") }), said("input.bad-kind.mailChanges.fix", {}));
        continue;
      }
      const name = (column: string, sides: readonly ("firm" | "delegation")[]) => {
        const id = row.raw(column);
        if (id === "") return;
        const found = sides.filter((s) => (s === "firm" ? known.firms : known.delegations).has(id));
        if (found.length === 0) {
          const what = sides.length === 2 ? "either" : sides[0]!;
          row.report.warning("unknown-participant", { line: row.line, column: row.column(column), value: id }, said("input.unknown-participant.mailChanges", { id, what, stop: stopId }), said("input.unknown-participant.mailChanges.fix", {}));
        }
        for (const s of found) changed.add(`${s}:${id}`);
      };
      name("participant_id", kind ? [kind] : ["firm", "delegation"]);
      name("firm_id", ["firm"]);
      name("delegation_id", ["delegation"]);
    }
  }
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length > 0) throw new InputError(said("cli.input.notChanges", { file, stop: stopId }), errors);
  return { changed, warnings: issues.filter((i) => i.severity === "warning") };
}
