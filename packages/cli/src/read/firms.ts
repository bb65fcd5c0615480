// firms.csv: its columns and rows read into firms.
import type { Firm } from "@roadshow/core";
import { CONTACT_COLUMNS, parseWebsite, readContact } from "./contact.js";
import { parseCountry } from "./countries.js";
import type { InputIssue } from "../issues.js";
import { MAX_ROWS } from "./limits.js";
import { IdRegistry, refParser } from "./ids.js";
import type { KnownIds } from "./ids.js";
import { said } from "../text/cli-text.js";
import { ok } from "./report.js";
import type { Parser } from "./report.js";
import type { Row } from "./row.js";
import { parseAteco, parseSector } from "./sectors.js";
import { readRows, readTable } from "./table.js";
import type { FileRead, InputFile, TableSpec } from "./table.js";
import { listOf, parseId, parseInteger, parseText, parseWindows } from "./values.js";

export const FIRMS: TableSpec = {
  what: "input.table.firms",
  maxRows: MAX_ROWS.firms,
  columns: [
    { name: "firm_id", required: true },
    { name: "name", required: true },
    { name: "sectors", required: true, unless: "ateco" },
    { name: "ateco", required: false },
    { name: "stops", required: true },
    { name: "targets", required: false },
    { name: "markets", required: false },
    { name: "available", required: false },
    { name: "max_meetings", required: false },
    { name: "representatives", required: false },
    ...CONTACT_COLUMNS,
    { name: "city", required: false },
    { name: "website", required: false },
  ],
};

export const MAX_MEETINGS = 10_000;
export const MAX_REPRESENTATIVES = 1_000;

const countries = listOf(parseCountry);
const sectors = listOf(parseSector);
const atecoCodes = listOf(parseAteco);
const representatives = parseInteger(1, MAX_REPRESENTATIVES);
const cap = parseInteger(1, MAX_MEETINGS);

/** A cap of 0 is taken literally (no meetings), with a warning: other tools write 0 for "no cap". */
const parseMaxMeetings: Parser<number> = (raw) =>
  /^0+$/.test(raw)
    ? ok(0, [{ code: "zero-max-meetings", message: said("input.zero-max-meetings", { value: raw }), hint: said("input.zero-max-meetings.fix", {}) }])
    : cap(raw);

/** Keeps the first of repeated list items, with a warning naming the repeat. */
function unique<T>(row: Row, column: string, items: readonly T[] | undefined): T[] | undefined {
  if (items === undefined) return undefined;
  const seen = new Set<T>();
  for (const item of items) {
    if (seen.has(item)) {
      row.warning(column, "duplicate-in-list", String(item), said("input.duplicate-in-list", { item: String(item), column: row.column(column) }), said("input.duplicate-in-list.fix", { item: String(item) }));
    }
    seen.add(item);
  }
  return [...seen];
}

/** firms.csv → firms; `stops` are checked against stops.csv; `ateco` is kept for the core to map. */
export function readFirms(file: InputFile, stops: KnownIds | null, out: InputIssue[]): FileRead<Firm> {
  const ids = new IdRegistry();
  const parseStops = listOf(refParser(stops, "unknown-stop"));
  const read = (row: Row): Firm | null => {
    const values = {
      id: row.required("firm_id", parseId),
      name: row.required("name", parseText),
      sectors: unique(row, "sectors", row.optional("sectors", sectors, [])),
      ateco: unique(row, "ateco", row.optional("ateco", atecoCodes, [])),
      stops: unique(row, "stops", row.required("stops", parseStops)),
      targets: unique(row, "targets", row.optional("targets", countries, [])),
      markets: unique(row, "markets", row.optional("markets", countries, [])),
      available: row.optional("available", parseWindows, null),
      maxMeetings: row.optional("max_meetings", parseMaxMeetings, null),
      representatives: row.optional("representatives", representatives, 1),
      city: row.optional("city", parseText, ""),
      website: row.optional("website", parseWebsite, ""),
    };
    const contact = readContact(row);
    ids.claim(row, "firm_id", values.id);
    const blank = (name: string) => row.raw(name).replaceAll("|", "").trim() === "";
    if ((row.has("sectors") || row.has("ateco")) && blank("sectors") && blank("ateco")) {
      row.error("sectors", "no-sector", row.raw("sectors"), said("input.no-sector", {}), said("input.no-sector.fix", {}));
    }
    if (values.stops !== undefined && values.stops.length === 0) {
      row.error("stops", "empty-cell", row.raw("stops"), said("input.empty-cell.stops", { column: row.column("stops") }), said("input.empty-cell.stops.fix", {}));
    }
    const firm = row.values(values);
    if (firm === null) return null;
    const { ateco, city, website, ...rest } = firm;
    return {
      ...rest,
      available: firm.available?.length ? firm.available : null,
      ...(ateco.length > 0 && { ateco }),
      ...contact,
      ...(city !== "" && { city }),
      ...(website !== "" && { website }),
    };
  };
  return readRows(file, readTable(file, FIRMS, out), ids, "firm_id", read);
}
