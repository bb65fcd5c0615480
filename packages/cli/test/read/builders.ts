// Test data built in code: rows and CSV files of the input side, valid unless a test changes them.
import type { DataFiles, InputFile, InputIssue } from "../../src/read/index.js";

/** One CSV row as column → cell. */
export type Cells = Record<string, string>;

export interface CsvOptions {
  readonly delimiter?: string;
  readonly eol?: string;
  /** Header override (defaults to the first row's keys). */
  readonly header?: readonly string[];
}

function quote(cell: string, delimiter: string): string {
  return /["\n\r]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** CSV text of rows; the header is every column any row has, missing cells empty. */
export function csv(rows: readonly Cells[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ",";
  const eol = options.eol ?? "\n";
  const header = options.header ?? [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const lines = [header, ...rows.map((r) => header.map((h) => r[h] ?? ""))];
  return lines.map((cells) => cells.map((c) => quote(c, delimiter)).join(delimiter)).join(eol) + eol;
}

export function file(name: string, text: string | Uint8Array): InputFile {
  return { name, bytes: typeof text === "string" ? new TextEncoder().encode(text) : text };
}

export const stopRow = (over: Cells = {}): Cells => ({
  stop_id: "BG-2026-03",
  city: "Bergamo",
  date: "2026-03-18",
  sector: "mechanics",
  start: "14:00",
  end: "18:00",
  slot_minutes: "20",
  gap_minutes: "0",
  breaks: "15:40-16:00",
  timezone: "Europe/Rome",
  ...over,
});

export const delegationRow = (over: Cells = {}): Cells => ({
  delegation_id: "US-CG",
  country: "US",
  name: "Consolato Generale degli Stati Uniti",
  stops: "",
  tables: "2",
  sectors: "aerospace",
  available: "",
  ...over,
});

export const firmRow = (over: Cells = {}): Cells => ({
  firm_id: "F0001",
  name: "Meccanica Orobica S.r.l.",
  sectors: "mechanics",
  stops: "BG-2026-03",
  targets: "US|DE",
  markets: "FR",
  available: "",
  max_meetings: "",
  representatives: "1",
  ...over,
});

export const requestRow = (over: Cells = {}): Cells => ({ firm_id: "F0001", country: "US", kind: "must", ...over });
export const scoreRow = (over: Cells = {}): Cells => ({ firm_id: "F0001", delegation_id: "US-CG", score: "70", ...over });
export const changeRow = (over: Cells = {}): Cells => ({
  stop_id: "BG-2026-03", participant_id: "F0001", status: "absent", available: "", tables: "", representatives: "", note: "cancelled", ...over,
});
export const answerRow = (over: Cells = {}): Cells => ({ stop_id: "BG-2026-03", firm_id: "F0001", delegation_id: "US-CG", respondent_id: "F0001", rating: "4", outcome: "in-contact", ...over });
export const outcomeRow = (over: Cells = {}): Cells => ({ stop_id: "BG-2026-03", firm_id: "F0001", delegation_id: "US-CG", held: "no", follow_up: "", ...over });

/** Rows of a small valid data set: two stops, two delegations, three firms. */
export function validRows(): Record<"stops" | "delegations" | "firms", Cells[]> {
  return {
    stops: [stopRow(), stopRow({ stop_id: "MI-2026-04", city: "Milano", date: "2026-04-15", sector: "aerospace", breaks: "" })],
    delegations: [
      delegationRow(),
      delegationRow({ delegation_id: "DE-CG", country: "DE", name: "Generalkonsulat", stops: "BG-2026-03", tables: "1", sectors: "mechanics" }),
    ],
    firms: [
      firmRow(),
      firmRow({ firm_id: "F0002", name: "Aero Lombarda", sectors: "aerospace|mechanics", stops: "BG-2026-03|MI-2026-04", targets: "US" }),
      firmRow({ firm_id: "F0003", name: "Tessiture Unite", sectors: "technical-textiles", stops: "MI-2026-04", targets: "", markets: "" }),
    ],
  };
}

export type RowSets = Partial<Record<"stops" | "delegations" | "firms" | "requests" | "scores" | "changes" | "outcomes" | "answers", Cells[]>>;

/** Data files from row sets: the valid set, with any file replaced. */
export function dataFiles(over: RowSets = {}, options: CsvOptions = {}): DataFiles {
  const rows = { ...validRows(), ...over };
  const files: { -readonly [K in keyof DataFiles]: InputFile } = {
    stops: file("stops.csv", csv(rows.stops, options)),
    delegations: file("delegations.csv", csv(rows.delegations, options)),
    firms: file("firms.csv", csv(rows.firms, options)),
  };
  if (rows.requests) files.requests = file("requests.csv", csv(rows.requests, options));
  if (rows.scores) files.scores = file("scores.csv", csv(rows.scores, options));
  if (rows.changes) files.changes = file("changes.csv", csv(rows.changes, options));
  if (rows.outcomes) files.outcomes = file("outcomes.csv", csv(rows.outcomes, options));
  if (rows.answers) files.answers = file("answers.csv", csv(rows.answers, options));
  return files;
}

export const errors = (issues: readonly InputIssue[]) => issues.filter((i) => i.severity === "error");
export const withCode = (issues: readonly InputIssue[], code: string) => issues.filter((i) => i.code === code);
