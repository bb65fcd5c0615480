/**
 * `pnpm example:xlsx`: writes examples/lombardia-2026.xlsx, the example's input
 * CSVs as one workbook (a sheet per file, named as the file), typed the way a
 * person keeps them in Excel: dates as dates, times as times, counts as numbers.
 * test/example-workbook.test.ts checks that the committed file is what this
 * writes, and that it plans the same agenda as the CSVs.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { xlsxBytes, type XlsxType } from "../packages/cli/src/write/xlsx.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const EXAMPLE_DIR = path.join(ROOT, "examples/lombardia-2026");
export const EXAMPLE_WORKBOOK = path.join(ROOT, "examples/lombardia-2026.xlsx");
const FILES = ["stops", "delegations", "firms", "requests"] as const;

/** How an input column is typed in the workbook; the rest is text. */
const TYPES: Readonly<Record<string, XlsxType>> = {
  date: "date", start: "time", end: "time", slot_minutes: "integer", gap_minutes: "integer",
  tables: "integer", max_meetings: "integer", representatives: "integer",
};

/** The example's CSVs as the bytes of one workbook. */
export async function exampleWorkbook(): Promise<Uint8Array> {
  const sheets = FILES.map((name) => {
    const [header, ...rows] = parse(readFileSync(path.join(EXAMPLE_DIR, `${name}.csv`)), { bom: true }) as string[][];
    return { name, columns: header!.map((h) => ({ header: h, type: TYPES[h] ?? "text" })), rows };
  });
  return xlsxBytes(sheets, "it");
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(EXAMPLE_WORKBOOK, await exampleWorkbook());
  process.stderr.write(`wrote ${path.relative(ROOT, EXAMPLE_WORKBOOK)}\n`);
}
