// delegations.csv: its columns and rows read into delegations.
import type { Delegation } from "@roadshow/core";
import { CONTACT_COLUMNS, readContact } from "./contact.js";
import { parseCountry } from "./countries.js";
import type { InputIssue } from "../issues.js";
import { MAX_ROWS } from "./limits.js";
import { IdRegistry, refParser } from "./ids.js";
import type { KnownIds } from "./ids.js";
import type { Row } from "./row.js";
import { parseSector } from "./sectors.js";
import { readRows, readTable } from "./table.js";
import type { FileRead, InputFile, TableSpec } from "./table.js";
import { listOf, parseId, parseInteger, parseText, parseWindows } from "./values.js";

export const DELEGATIONS: TableSpec = {
  what: "input.table.delegations",
  maxRows: MAX_ROWS.delegations,
  columns: [
    { name: "delegation_id", required: true },
    { name: "country", required: true },
    { name: "name", required: true },
    { name: "stops", required: false },
    { name: "tables", required: false },
    { name: "sectors", required: false },
    { name: "available", required: false },
    ...CONTACT_COLUMNS,
  ],
};

/** Most parallel meetings one delegation may hold. */
export const MAX_TABLES = 1_000;

const tables = parseInteger(1, MAX_TABLES);
const sectors = listOf(parseSector);

/** delegations.csv → delegations; `stops` are checked against stops.csv. */
export function readDelegations(file: InputFile, stops: KnownIds | null, out: InputIssue[]): FileRead<Delegation> {
  const ids = new IdRegistry();
  const parseStops = listOf(refParser(stops, "unknown-stop"));
  const read = (row: Row): Delegation | null => {
    const values = {
      id: row.required("delegation_id", parseId),
      country: row.required("country", parseCountry),
      name: row.required("name", parseText),
      stops: row.optional("stops", parseStops, null),
      tables: row.optional("tables", tables, 1),
      sectors: row.optional("sectors", sectors, []),
      available: row.optional("available", parseWindows, null),
    };
    const contact = readContact(row);
    ids.claim(row, "delegation_id", values.id);
    const delegation = row.values(values);
    // A cell of only separators (`|`) lists nothing: the same as empty.
    return delegation === null
      ? null
      : {
          ...delegation,
          stops: delegation.stops?.length ? delegation.stops : null,
          available: delegation.available?.length ? delegation.available : null,
          ...contact,
        };
  };
  return readRows(file, readTable(file, DELEGATIONS, out), ids, "delegation_id", read);
}
