// Reads the data files and agendas from disk (the thin fs layer) and hands their bytes to the pure parsers.
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { parseAgenda } from "./agenda.js";
import type { AgendaRow } from "./agenda.js";
import { OPTIONAL_FILES, readDataFiles, REQUIRED_FILES } from "./dataset.js";
import type { DataFileKind, DataSet } from "./dataset.js";
import type { InputIssue } from "./issues.js";
import { MAX_FILE_BYTES } from "./limits.js";
import { Reporter } from "./report.js";
import type { InputFile } from "./table.js";

const SPREADSHEETS = [".xlsx", ".xls", ".ods", ".numbers", ".txt", ".tsv"];

/** Reads one file; `null` with an issue when it is missing, unreadable or too large. */
async function load(filePath: string, name: string, out: InputIssue[]): Promise<InputFile | null> {
  const report = new Reporter(name, out);
  try {
    const info = await stat(filePath);
    if (!info.isFile()) {
      report.error("unreadable-file", {}, `${name} is not a file (a folder?)`, "give the path of a CSV file");
      return null;
    }
    // Checked before reading, so a huge file is never loaded into memory.
    if (info.size > MAX_FILE_BYTES) {
      report.error("file-too-large", {}, `the file is ${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB per file`, "split the data or remove unused columns");
      return null;
    }
    return { name, bytes: new Uint8Array(await readFile(filePath)) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") report.error("missing-file", {}, `${name} does not exist (looked for ${path.resolve(filePath)})`, "check the path");
    else report.error("unreadable-file", {}, `${name} cannot be read (${code ?? String(err)})`, "check the file's permissions");
    return null;
  }
}

/** A data file in the folder, matched case-insensitively (`Firms.CSV`). */
function findIn(entries: readonly string[], kind: DataFileKind): string | undefined {
  return entries.find((e) => e.toLowerCase() === `${kind}.csv`);
}

function missingRequired(dir: string, kind: DataFileKind, entries: readonly string[], out: InputIssue[]): void {
  const other = entries.find((e) => {
    const ext = path.extname(e).toLowerCase();
    return path.basename(e, path.extname(e)).toLowerCase() === kind && SPREADSHEETS.includes(ext);
  });
  new Reporter(`${kind}.csv`, out).error(
    "missing-file",
    {},
    `${kind}.csv is missing from ${dir}${other === undefined ? ` (looked in ${path.resolve(dir)})` : ` (there is ${other})`}`,
    other === undefined ? `create ${kind}.csv in ${dir}` : `export ${other} as CSV UTF-8 and name it ${kind}.csv`,
  );
}

/**
 * Reads stops.csv, delegations.csv and firms.csv from a folder, plus requests.csv,
 * scores.csv, changes.csv and outcomes.csv when present there or named (a named
 * file must exist; its issues carry the name as typed). `data` is `null` when
 * any issue is an error.
 */
export async function readDataDir(
  dir: string,
  opts: { scoresFile?: string; requestsFile?: string; changesFile?: string; outcomesFile?: string } = {},
): Promise<{ data: DataSet | null; issues: InputIssue[] }> {
  const issues: InputIssue[] = [];
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    new Reporter(dir, issues).error(
      "missing-folder",
      {},
      code === "ENOTDIR"
        ? `${dir} is a file, not a data folder`
        : code === "ENOENT"
          ? `data folder ${dir} does not exist (looked for ${path.resolve(dir)})`
          : `data folder ${dir} cannot be read (${code ?? String(err)}; looked for ${path.resolve(dir)})`,
      "give the folder holding stops.csv, delegations.csv and firms.csv",
    );
    return { data: null, issues };
  }
  const files: { -readonly [K in DataFileKind]?: InputFile } = {};
  const namedFiles: { readonly [K in DataFileKind]?: string | undefined } = {
    requests: opts.requestsFile, scores: opts.scoresFile, changes: opts.changesFile, outcomes: opts.outcomesFile,
  };
  for (const kind of [...REQUIRED_FILES, ...OPTIONAL_FILES] as const) {
    const named = namedFiles[kind];
    const inDir = findIn(entries, kind);
    if (named === undefined && inDir === undefined) {
      if ((REQUIRED_FILES as readonly string[]).includes(kind)) {
        missingRequired(dir, kind, entries, issues);
      }
      continue;
    }
    const file = named !== undefined ? await load(named, named, issues) : await load(path.join(dir, inDir!), inDir!, issues);
    if (file !== null) files[kind] = file;
  }
  // Files that could not be loaded were reported above.
  const parsed = readDataFiles(files, false);
  const all = [...issues, ...parsed.issues];
  return { data: all.some((i) => i.severity === "error") ? null : parsed.data, issues: all };
}

/** Reads an agenda.csv (the CLI's output, or an earlier one fed back as history). */
export async function readAgendaFile(filePath: string): Promise<{ rows: AgendaRow[] | null; issues: InputIssue[] }> {
  const issues: InputIssue[] = [];
  const file = await load(filePath, filePath, issues);
  if (file === null) return { rows: null, issues };
  return parseAgenda(file);
}
