// requests.csv: the organiser's must and avoid requests, read and checked against firms.csv.
import type { MeetingRequest } from "@roadshow/core";
import { parseCountry } from "./countries.js";
import type { InputIssue } from "../issues.js";
import { said } from "../text/cli-text.js";
import { MAX_ROWS } from "./limits.js";
import type { KnownIds } from "./ids.js";
import type { Row } from "./row.js";
import { readRows, readTable } from "./table.js";
import type { FileRead, InputFile, TableSpec } from "./table.js";
import { parseChoice, parseId } from "./values.js";

export const REQUESTS: TableSpec = {
  what: "input.table.requests",
  maxRows: MAX_ROWS.requests,
  columns: [
    { name: "firm_id", required: true },
    { name: "country", required: true },
    { name: "kind", required: true },
  ],
};

const parseKind = parseChoice(["must", "avoid"] as const);

/**
 * requests.csv → organiser overrides. A repeated request is a warning; a `must`
 * and an `avoid` for the same firm and country contradict each other: an error.
 */
export function readRequests(file: InputFile, firms: KnownIds | null, out: InputIssue[]): FileRead<MeetingRequest> {
  const seen = new Map<string, { kind: string; line: number }>();
  const read = (row: Row): MeetingRequest | null => {
    const request = row.values({
      firmId: row.required("firm_id", parseId),
      country: row.required("country", parseCountry),
      kind: row.required("kind", parseKind),
    });
    if (request === null) return null;
    // A firm taken out of firms.csv (it withdrew) leaves its requests behind: they no longer apply.
    // Never a "did you mean": a firm's request must not be handed to a firm with a similar id.
    if (firms !== null && !firms.ids.has(request.firmId)) {
      row.warning(
        "firm_id",
        "unknown-firm",
        request.firmId,
        said("input.unknown-firm.request", { firm: request.firmId, file: firms.file }),
        said("input.unknown-firm.request.fix", { line: String(row.line), file: firms.file }),
      );
      return null;
    }
    const key = `${request.firmId}\u0000${request.country}`;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, { kind: request.kind, line: row.line });
      return request;
    }
    const pair = { firm: request.firmId, country: request.country };
    if (earlier.kind === request.kind) {
      row.warning("kind", "duplicate-request", request.kind, said("input.duplicate-request", { kind: request.kind, ...pair, earlier: String(earlier.line) }), said("input.duplicate-request.fix", { line: String(row.line) }));
    } else {
      row.error(
        "kind",
        "must-and-avoid",
        request.kind,
        said("input.must-and-avoid", { ...pair, earlier: String(earlier.line), line: String(row.line) }),
        said("input.must-and-avoid.fix", { earlier: String(earlier.line), line: String(row.line) }),
      );
    }
    return null;
  };
  return readRows(file, readTable(file, REQUESTS, out), null, "firm_id", read);
}
