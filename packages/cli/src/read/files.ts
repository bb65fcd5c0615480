// Reads the data files and agendas from disk (the thin fs layer) and hands their bytes to the pure parsers.
import { open, readdir, stat } from "node:fs/promises";
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

/** What a path is when it is not a regular file, for messages. */
function kindOf(info: import("node:fs").Stats): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a named pipe";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "a device";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * Reads one input file, bounded: only a regular file (never a folder, pipe or
 * device, which could block or never end) of at most `MAX_FILE_BYTES`, checked
 * before reading and again on the open file. `null` with a located issue otherwise.
 */
export async function readInputBytes(filePath: string, report: Reporter): Promise<Uint8Array | null> {
  const name = report.file;
  const tooLarge = (size: number) =>
    report.error("file-too-large", {}, `the file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB per file`, "split the data or remove unused columns");
  try {
    const info = await stat(filePath);
    if (!info.isFile()) {
      report.error("unreadable-file", {}, `${name} is ${kindOf(info)}, not a file`, "give the path of a CSV file");
      return null;
    }
    // Checked before reading, so a huge file is never loaded into memory.
    if (info.size > MAX_FILE_BYTES) {
      tooLarge(info.size);
      return null;
    }
    const handle = await open(filePath, "r");
    try {
      // The file may have grown since: read in chunks, never past one chunk over the limit.
      const chunks: Buffer[] = [];
      let length = 0;
      for (;;) {
        const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, Math.min(info.size + 1, MAX_FILE_BYTES + 1) - length));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
        if (bytesRead === 0) break;
        chunks.push(chunk.subarray(0, bytesRead));
        length += bytesRead;
        if (length > MAX_FILE_BYTES) {
          tooLarge(length);
          return null;
        }
      }
      return new Uint8Array(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length));
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") report.error("missing-file", {}, `${name} does not exist (looked for ${path.resolve(filePath)})`, "check the path");
    else if (code === "EACCES" || code === "EPERM") report.error("unreadable-file", {}, `${name} cannot be read (permission denied)`, "check the file's permissions");
    else report.error("unreadable-file", {}, `${name} cannot be read (${code ?? String(err)})`, "check the path and the file's permissions");
    return null;
  }
}

/** Reads one file; `null` with an issue when it is missing, unreadable, not a regular file or too large. */
async function load(filePath: string, name: string, out: InputIssue[]): Promise<InputFile | null> {
  const bytes = await readInputBytes(filePath, new Reporter(name, out));
  return bytes === null ? null : { name, bytes };
}

/** A data file in the folder, matched case-insensitively (`Firms.CSV`); two spellings of one name are an error, not a guess. */
function findIn(entries: readonly string[], kind: DataFileKind, dir: string, out: InputIssue[]): string | undefined | null {
  const found = entries.filter((e) => e.toLowerCase() === `${kind}.csv`).sort();
  if (found.length > 1) {
    new Reporter(found[0]!, out).error(
      "duplicate-file",
      {},
      `${dir} holds ${found.join(" and ")}: the same file name in different case, and roadshow cannot tell which one to read`,
      `keep one ${kind}.csv and delete or rename the other`,
    );
    return null;
  }
  return found[0];
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
    requests: opts.requestsFile, scores: opts.scoresFile, changes: opts.changesFile, outcomes: opts.outcomesFile, answers: undefined,
  };
  for (const kind of [...REQUIRED_FILES, ...OPTIONAL_FILES] as const) {
    const named = namedFiles[kind];
    const inDir = findIn(entries, kind, dir, issues);
    if (inDir === null) continue;
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

/** Reads an agenda.csv (the CLI's output, or an earlier one fed back as history); `good` as in `parseAgenda`. */
export async function readAgendaFile(filePath: string): Promise<{ rows: AgendaRow[] | null; good: AgendaRow[]; issues: InputIssue[] }> {
  const issues: InputIssue[] = [];
  const file = await load(filePath, filePath, issues);
  if (file === null) return { rows: null, good: [], issues };
  return parseAgenda(file);
}
