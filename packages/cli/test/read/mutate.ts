/**
 * Mutations of a small valid data set (drop, duplicate, swap or set cells and
 * lines, change the delimiter, truncate, insert random bytes, drop a file),
 * shared by the parser fuzz test and the CLI fuzz test.
 */
import fc from "fast-check";
import type { DataFileKind, DataFiles, InputFile } from "../../src/read/index.js";
import { changeRow, csv, outcomeRow, requestRow, scoreRow, validRows } from "./builders.js";

export const KINDS: readonly DataFileKind[] = ["stops", "delegations", "firms", "requests", "scores", "changes", "outcomes", "answers"];
export const WHOLE_FILE = new Set(["file-too-large", "empty-file", "not-csv", "not-utf8", "too-many-rows", "missing-file", "unreadable-file"]);
const NASTY = ["", " ", "|", "||", '"', '""', ",", ";", "\t", "\n", "9.30", "25:00", "14:00-13:00", "-1", "0", "1.5", "1e9", "XX", "usa",
  "2026-02-30", "'=cmd", "=1+1", "\u0000", "é", "\uFEFF", "NaN", "Infinity", "BG-2026-03|BG-2026-03", "F0001", "US-CG"];

const base = (): Record<DataFileKind, string> => {
  const rows = validRows();
  return {
    stops: csv(rows.stops),
    delegations: csv(rows.delegations),
    firms: csv(rows.firms),
    requests: csv([requestRow(), requestRow({ firm_id: "F0002", country: "DE", kind: "avoid" })]),
    scores: csv([scoreRow(), scoreRow({ firm_id: "F0002" }), scoreRow({ firm_id: "F0003" })]),
    changes: csv([changeRow(), changeRow({ participant_id: "US-CG", status: "", available: "15:00-18:00", tables: "1", note: "late" })]),
    outcomes: csv([outcomeRow(), outcomeRow({ firm_id: "F0002", held: "yes", follow_up: "yes" })]),
    answers: csv([{ stop_id: "BG-2026-03", firm_id: "F0001", delegation_id: "US-CG", respondent_id: "F0001", rating: "4", outcome: "in-contact" }]),
  };
};

export type Mutation = readonly [kind: string, file: number, a: number, b: number, value: string, bytes: Uint8Array];

export const mutation: fc.Arbitrary<Mutation> = fc.tuple(
  fc.constantFrom("drop-cell", "dup-cell", "swap-cells", "set-cell", "dup-line", "drop-line", "delimiter", "truncate", "bytes", "drop-file"),
  fc.nat(KINDS.length - 1),
  fc.nat(1000),
  fc.nat(1000),
  fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6 })),
  fc.uint8Array({ minLength: 1, maxLength: 8 }),
);

const splice = <T>(list: T[], at: number, remove: number, ...add: T[]) => {
  const copy = [...list];
  copy.splice(at, remove, ...add);
  return copy;
};

function mutateText(text: string, [kind, , a, b, value]: Mutation): string {
  const lines = text.split("\n");
  const li = a % lines.length;
  const cells = lines[li]!.split(",");
  const ci = b % cells.length;
  const cj = (b + a) % cells.length;
  const withCells = (next: string[]) => lines.map((l, i) => (i === li ? next.join(",") : l)).join("\n");
  switch (kind) {
    case "drop-cell":
      return withCells(splice(cells, ci, 1));
    case "dup-cell":
      return withCells(splice(cells, ci, 0, cells[ci]!));
    case "swap-cells":
      return withCells(cells.map((c, i) => (i === ci ? cells[cj]! : i === cj ? cells[ci]! : c)));
    case "set-cell":
      return withCells(cells.map((c, i) => (i === ci ? value : c)));
    case "dup-line":
      return splice(lines, li, 0, lines[li]!).join("\n");
    case "drop-line":
      return splice(lines, li, 1).join("\n");
    case "delimiter":
      return text.replaceAll(",", [";", "\t", "|", " "][b % 4]!);
    default:
      return text;
  }
}

function mutateBytes(bytes: Uint8Array, [kind, , a, , , random]: Mutation): Uint8Array {
  if (kind === "truncate") return bytes.subarray(0, a % (bytes.length + 1));
  if (kind === "bytes") {
    const at = a % (bytes.length + 1);
    return Uint8Array.from([...bytes.subarray(0, at), ...random, ...bytes.subarray(at)]);
  }
  return bytes;
}

export function apply(mutations: readonly Mutation[]): DataFiles {
  const texts = base();
  const bytes = new Map<DataFileKind, Uint8Array>();
  const dropped = new Set<DataFileKind>();
  for (const m of mutations) {
    const kind = KINDS[m[1]]!;
    if (m[0] === "drop-file") dropped.add(kind);
    else if (bytes.has(kind) || m[0] === "truncate" || m[0] === "bytes") {
      bytes.set(kind, mutateBytes(bytes.get(kind) ?? new TextEncoder().encode(texts[kind]), m));
    } else {
      texts[kind] = mutateText(texts[kind], m);
    }
  }
  const files: { -readonly [K in DataFileKind]?: InputFile } = {};
  for (const kind of KINDS) {
    if (!dropped.has(kind)) files[kind] = { name: `${kind}.csv`, bytes: bytes.get(kind) ?? new TextEncoder().encode(texts[kind]) };
  }
  return files;
}

