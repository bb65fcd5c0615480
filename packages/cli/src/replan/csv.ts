/** changes.csv of a re-plan: one row per participant and change, for mailing and for the desk. */
import type { CsvDialect } from "../write/csv.js";
import { toCsv } from "../write/csv.js";
import type { ChangeRow } from "./report.js";

/** The columns of changes.csv (the output file; not to be confused with the changes.csv input). */
export const CHANGE_COLUMNS = [
  "stop_id", "participant_kind", "participant_id", "participant_name", "counterpart_id", "counterpart_name", "country", "change",
  "from_slot", "from_time", "from_table", "to_slot", "to_time", "to_table", "reason", "message",
] as const;

export function changesCsv(stopId: string, rows: readonly ChangeRow[], dialect: CsvDialect): string {
  const cells = rows.map((r) => [
    stopId, r.kind, r.id, r.name, r.counterpartId, r.counterpartName, r.country, r.change,
    r.from ? String(r.from.slot) : "", r.from?.time ?? "", r.from ? String(r.from.table) : "",
    r.to ? String(r.to.slot) : "", r.to?.time ?? "", r.to ? String(r.to.table) : "",
    r.reason, r.message,
  ]);
  return toCsv(CHANGE_COLUMNS, cells, dialect);
}
