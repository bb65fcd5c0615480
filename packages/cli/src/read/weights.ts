// A `--weights` file (CSV, JSON or an .xlsx sheet) read into the built-in affinity's weights, with located issues.
import path from "node:path";
import { DEFAULT_WEIGHTS, resolveWeights, WEIGHT_NAMES } from "@roadshow/core";
import type { AffinityWeights, WeightProblem } from "@roadshow/core";
import { InputError } from "../errors.js";
import { decodeBytes } from "./decode.js";
import { loadTable } from "./files.js";
import type { InputIssue, Said } from "../issues.js";
import { nearAs, said } from "../text/cli-text.js";
import { Reporter } from "./report.js";
import { nearest } from "./suggest.js";
import { readTable, type InputFile, type TableSpec } from "./table.js";

/** A `--weights` CSV: one row per weight to change. */
const WEIGHTS_CSV: TableSpec = {
  what: "input.table.weights",
  maxRows: 100,
  columns: [
    { name: "weight", required: true },
    { name: "value", required: true },
  ],
};

/** One named value as read, before checking. */
interface Entry {
  readonly name: string;
  readonly value: unknown;
  readonly line: number | null;
  /** In a workbook sheet: the sheet and the letters of the weight and value columns. */
  readonly cell?: CellPlace;
}

interface CellPlace {
  readonly sheet: string;
  readonly nameLetter?: string | undefined;
  readonly valueLetter?: string | undefined;
}

// `stop_sector_primary`, `Stop-Sector-Primary` and `stopSectorPrimary` name the same weight.
const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
const CANONICAL = new Map<string, string>(WEIGHT_NAMES.map((n) => [squash(n), n]));

const looksLikeJson = (file: InputFile): boolean => {
  if (file.sheet !== undefined) return false;
  if (path.extname(file.name).toLowerCase() === ".json") return true;
  const text = new TextDecoder().decode(file.bytes.subarray(0, 64)).replace(/^\uFEFF/, "");
  return text.trimStart().startsWith("{");
};

/** A weights file as JSON, in the fix of a file that is not one. */
const JSON_EXAMPLE = '{"market": 25, "targetDecay": 0.9}';

function fromJson(file: InputFile, report: Reporter): Entry[] | null {
  const text = decodeBytes(file.bytes, report);
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    report.error("bad-json", {}, said("input.bad-json.parse", { reason: (err as Error).message }), said("input.bad-json.fix", { example: JSON_EXAMPLE }));
    return null;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    report.error("bad-json", {}, said("input.bad-json.object", {}), said("input.bad-json.fix", { example: JSON_EXAMPLE }));
    return null;
  }
  return Object.entries(parsed).map(([name, value]) => ({ name, value, line: null }));
}

function fromCsv(file: InputFile, issues: InputIssue[]): Entry[] | null {
  const table = readTable(file, WEIGHTS_CSV, issues);
  if (table === null) return null;
  const entries: Entry[] = [];
  const place = table.report.place;
  const cell: CellPlace | undefined = place && {
    sheet: place.sheet,
    nameLetter: place.letters.get(table.columns.header("weight")),
    valueLetter: place.letters.get(table.columns.header("value")),
  };
  for (const { row, ragged } of table.rows) {
    if (ragged) continue;
    const name = row.raw("weight");
    const raw = row.raw("value");
    if (name === "" || raw === "") {
      const column = name === "" ? "weight" : "value";
      row.error(column, "empty-cell", "", said("input.empty-cell", { column: row.column(column) }), said("input.empty-cell.weights.fix", {}));
      continue;
    }
    const comma = /^[+-]?\d+,\d+$/.test(raw);
    const text = comma ? raw.replace(",", ".") : raw;
    if (comma) row.warning("value", "decimal-comma", raw, said("input.decimal-comma", { value: raw, read: text }), said("input.decimal-comma.fix", { written: text }));
    entries.push({ name, value: /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : raw, line: row.line, ...(cell && { cell }) });
  }
  return entries;
}

/** Where a weight's problem is in a workbook sheet: the name's cell for an unknown name, else the value's. */
function inSheet(cell: CellPlace | undefined, onName: boolean): { sheet?: string; letter?: string } {
  if (cell === undefined) return {};
  const letter = onName ? cell.nameLetter : cell.valueLetter;
  return { sheet: cell.sheet, ...(letter !== undefined && { letter }) };
}

/** A weight's issue, said: its English as message and hint, its sentences for the reader's language. */
function sayIssue(issue: Omit<InputIssue, "message" | "hint" | "said">, message: Said, hint: Said): InputIssue {
  return { ...issue, message: message.en, hint: hint.en, said: { message, hint } };
}

function problemIssue(file: string, p: WeightProblem, entry: Entry | undefined): InputIssue {
  const shown = typeof p.value === "string" ? p.value : (JSON.stringify(p.value) ?? String(p.value));
  const base = { severity: "error" as const, file, line: entry?.line ?? null, column: p.name, value: shown, ...inSheet(entry?.cell, p.problem === "unknown") };
  const name = p.name as keyof AffinityWeights;
  if (p.problem === "unknown") {
    return sayIssue(
      { ...base, code: "unknown-weight" },
      said("input.unknown-weight", { name: p.name, near: nearAs(nearest(p.name, WEIGHT_NAMES)) }),
      said("input.unknown-weight.fix", { names: WEIGHT_NAMES.join(", ") }),
    );
  }
  if (p.problem === "not-number") {
    return sayIssue(
      { ...base, code: "bad-number" },
      said("input.bad-number.weight", { name: p.name, value: JSON.stringify(p.value) ?? shown }),
      said("input.bad-number.weight.fix", { default: String(DEFAULT_WEIGHTS[name]) }),
    );
  }
  return name === "targetDecay"
    ? sayIssue({ ...base, code: "out-of-range" }, said("input.out-of-range.decay", { value: shown }), said("input.out-of-range.decay.fix", {}))
    : sayIssue(
        { ...base, code: "out-of-range" },
        said("input.out-of-range.weight", { name: p.name, value: shown }),
        said("input.out-of-range.weight.fix", { default: String(DEFAULT_WEIGHTS[name]) }),
      );
}

/**
 * A weights file (a JSON object, or a CSV or workbook sheet with columns `weight,value`) → the
 * affinity weights; names missing from the file keep `DEFAULT_WEIGHTS`. Names
 * match case-insensitively, ignoring `_`, `-` and spaces. `weights` is `null`
 * when any issue is an error (unknown name, not a number, out of range, repeated).
 */
export function parseWeights(file: InputFile): { readonly weights: AffinityWeights | null; readonly issues: InputIssue[] } {
  const issues: InputIssue[] = [];
  const report = new Reporter(file.name, issues);
  const entries = looksLikeJson(file) ? fromJson(file, report) : fromCsv(file, issues);
  if (entries === null) return { weights: null, issues };

  const given: Record<string, unknown> = {};
  const entryOf = new Map<string, Entry>();
  for (const e of entries) {
    const name = CANONICAL.get(squash(e.name)) ?? e.name;
    if (Object.hasOwn(given, name)) {
      const message = said("input.duplicate-weight", { name });
      const hint = said("input.duplicate-weight.fix", { name });
      issues.push({
        severity: "error", code: "duplicate-weight", file: file.name, line: e.line, column: e.name, value: String(e.value),
        message: message.en, hint: hint.en, ...inSheet(e.cell, true), said: { message, hint },
      });
      continue;
    }
    given[name] = e.value;
    entryOf.set(name, e);
  }
  const resolved = resolveWeights(given);
  if (!resolved.ok) issues.push(...resolved.problems.map((p) => problemIssue(file.name, p, entryOf.get(p.name))));
  const failed = issues.some((i) => i.severity === "error");
  return { weights: failed || !resolved.ok ? null : resolved.value, issues };
}

/** Reads a `--weights` file (JSON, CSV, or the `weights` or first visible sheet of an .xlsx); throws `InputError` with every issue when it cannot be used. */
export async function readWeights(file: string): Promise<{ readonly weights: AffinityWeights; readonly warnings: readonly InputIssue[] }> {
  const read: InputIssue[] = [];
  const input = await loadTable(file, file, "weights", read);
  if (input === null) throw new InputError(said("cli.input.weightsUnreadable", { file }), read);
  const parsed = parseWeights(input);
  const weights = parsed.weights;
  const issues = [...read, ...parsed.issues];
  if (weights === null) throw new InputError(said("cli.input.weightsUnusable", { file }), issues);
  return { weights, warnings: issues };
}
