// Reads the data files and agendas from disk (the thin fs layer), as CSV files or .xlsx workbook sheets, and hands them to the pure parsers.
import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { parseAgenda } from "./agenda.js";
import type { AgendaRow } from "./agenda.js";
import { OPTIONAL_FILES, readDataFiles, REQUIRED_FILES } from "./dataset.js";
import type { DataFileKind, DataSet } from "./dataset.js";
import type { InputIssue } from "../issues.js";
import { MAX_FILE_BYTES } from "./limits.js";
import { Reporter } from "./report.js";
import type { InputFile } from "./table.js";
import { nearAs, nearest } from "./suggest.js";
import { NOTHING, said } from "../text/cli-text.js";
import type { Said } from "../issues.js";
import { isWorkbookName, readWorkbook, type SheetSource } from "./workbook.js";

// Read as they are: .csv and .xlsx. These are named in the fix when found instead.
const SPREADSHEETS = [".xls", ".ods", ".numbers", ".txt", ".tsv"];

/** What a path is when it is not a regular file, for messages (a select of `input.unreadable-file.kind`). */
function kindOf(info: import("node:fs").Stats): string {
  if (info.isDirectory()) return "folder";
  if (info.isFIFO()) return "pipe";
  if (info.isCharacterDevice() || info.isBlockDevice()) return "device";
  if (info.isSocket()) return "socket";
  return "other";
}

/** Names joined by "and" (`firms.csv and firms.xlsx`; "e" in Italian). */
function andList(items: readonly (string | Said)[]): Said {
  return items.length < 2 ? said("text.list.one", { item: items[0] ?? "" }) : said("input.duplicate-file.and", { first: items[0]!, rest: andList(items.slice(1)) });
}

/**
 * Reads one input file, bounded: only a regular file (never a folder, pipe or
 * device, which could block or never end) of at most `MAX_FILE_BYTES`, checked
 * before reading and again on the open file. `null` with a located issue otherwise.
 */
export async function readInputBytes(filePath: string, report: Reporter): Promise<Uint8Array | null> {
  const name = report.file;
  const tooLarge = (size: number) =>
    report.error("file-too-large", {}, said("input.file-too-large", { size: Number((size / 1024 / 1024).toFixed(1)), limit: MAX_FILE_BYTES / 1024 / 1024 }), said("input.file-too-large.fix", {}));
  try {
    const info = await stat(filePath);
    if (!info.isFile()) {
      report.error("unreadable-file", { path: path.resolve(filePath) }, said("input.unreadable-file.kind", { name, kind: kindOf(info) }), said("input.unreadable-file.kind.fix", {}));
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
    const tried = { path: path.resolve(filePath) };
    if (code === "ENOENT") report.error("missing-file", tried, said("input.missing-file", { name, path: tried.path }), said("input.missing-file.fix", {}));
    else if (code === "EACCES" || code === "EPERM") report.error("unreadable-file", tried, said("input.unreadable-file.denied", { name }), said("input.unreadable-file.denied.fix", {}));
    else report.error("unreadable-file", tried, said("input.unreadable-file", { name, reason: code ?? String(err) }), said("input.unreadable-file.fix", {}));
    return null;
  }
}

/** Reads one file; `null` with an issue when it is missing, unreadable, not a regular file or too large. */
async function load(filePath: string, name: string, out: InputIssue[]): Promise<InputFile | null> {
  const bytes = await readInputBytes(filePath, new Reporter(name, out));
  return bytes === null ? null : { name, bytes };
}

/** Reads a workbook's sheets; `null` with an issue when the file cannot be read or opened as a workbook. */
async function loadBook(filePath: string, name: string, out: InputIssue[]): Promise<SheetSource[] | null> {
  const report = new Reporter(name, out);
  const bytes = await readInputBytes(filePath, report);
  return bytes === null ? null : readWorkbook(bytes, report);
}

const sheetKey = (name: string) => name.trim().toLowerCase();

/**
 * The sheet holding one table of a workbook given for it alone (`firms.xlsx`,
 * `--previous agenda.xlsx`): the sheet named as the table if there is one, else
 * the first visible sheet. `null` with an issue when every sheet is hidden.
 */
function tableSheet(sheets: readonly SheetSource[], table: string, name: string, out: InputIssue[]): SheetSource | null {
  const named = sheets.find((s) => sheetKey(s.name) === table);
  const sheet = named ?? sheets.find((s) => !s.hidden);
  if (sheet === undefined) {
    new Reporter(name, out).error("empty-file", {}, said("input.empty-file.hidden", { name }), said("input.empty-file.hidden.fix", { table }));
    return null;
  }
  if (sheet.hidden) hiddenSheet(sheet, name, out);
  return sheet;
}

function hiddenSheet(sheet: SheetSource, name: string, out: InputIssue[]): void {
  new Reporter(name, out, { sheet: sheet.name, letters: new Map() }).warning(
    "hidden-sheet",
    {},
    said("input.hidden-sheet", { sheet: sheet.name }),
    said("input.hidden-sheet.fix", {}),
  );
}

/**
 * A file given on its own (`--weights`, `--changes`, `--previous`, …): a CSV,
 * or, named `.xlsx`, the sheet of that workbook named `table` (else its first
 * visible sheet). `null` with a located issue when it cannot be read.
 */
export async function loadTable(filePath: string, name: string, table: string, out: InputIssue[]): Promise<InputFile | null> {
  if (!isWorkbookName(filePath)) return load(filePath, name, out);
  const sheets = await loadBook(filePath, name, out);
  const sheet = sheets === null ? null : tableSheet(sheets, table, name, out);
  return sheet === null ? null : { name, bytes: new Uint8Array(), sheet };
}

/** The single workbook holding a sheet per file, when the data folder has one. */
export const BOOK = "roadshow.xlsx";

/** The files of a folder matching one name, case-insensitively (`Firms.CSV`). */
const named = (entries: readonly string[], file: string) => entries.filter((e) => e.toLowerCase() === file).sort();

/**
 * Where one data file is: `firms.csv`, `firms.xlsx` or the `firms` sheet of
 * roadshow.xlsx. Two of them (or two spellings of one name) are an error, not a
 * guess. `undefined` when there is none, `null` after reporting a conflict.
 */
function findIn(
  entries: readonly string[],
  kind: DataFileKind,
  dir: string,
  book: { readonly name: string; readonly sheets: readonly SheetSource[] } | null,
  out: InputIssue[],
): { readonly file: string; readonly sheet?: SheetSource } | undefined | null {
  const files = [...named(entries, `${kind}.csv`), ...named(entries, `${kind}.xlsx`)];
  const sheet = book?.sheets.find((s) => sheetKey(s.name) === kind);
  const found = [...files, ...(sheet === undefined ? [] : [said("input.duplicate-file.sheet", { sheet: sheet.name, book: book!.name })])];
  if (found.length > 1) {
    new Reporter(files[0]!, out).error(
      "duplicate-file",
      {},
      said("input.duplicate-file", { dir, found: andList(found), kind }),
      said("input.duplicate-file.fix", { kind }),
    );
    return null;
  }
  if (sheet !== undefined) return { file: book!.name, sheet };
  return files[0] === undefined ? undefined : { file: files[0] };
}

function missingRequired(dir: string, kind: DataFileKind, entries: readonly string[], book: { readonly name: string; readonly sheets: readonly SheetSource[] } | null, out: InputIssue[]): void {
  const other = entries.find((e) => {
    const ext = path.extname(e).toLowerCase();
    return path.basename(e, path.extname(e)).toLowerCase() === kind && SPREADSHEETS.includes(ext);
  });
  const near = book === null ? [] : nearest(kind, book.sheets.map((s) => s.name), 3, 1);
  const inBook = book === null ? NOTHING : said("input.missing-file.noSheet", { book: book.name, kind, near: nearAs(near) });
  new Reporter(`${kind}.csv`, out).error(
    "missing-file",
    { path: path.resolve(dir, `${kind}.csv`) },
    said("input.missing-file.required", {
      kind,
      dir,
      seen: other === undefined ? said("input.missing-file.lookedIn", { path: path.resolve(dir) }) : said("input.missing-file.thereIs", { other }),
      book: inBook,
    }),
    near.length > 0
      ? said("input.missing-file.rename.fix", { sheet: near[0]!, book: book!.name, kind })
      : other === undefined
        ? said("input.missing-file.create.fix", { kind, book: BOOK, dir })
        : said("input.missing-file.export.fix", { other, kind }),
  );
}

/** Sheets of roadshow.xlsx that are no input file: ignored, with a warning (a misspelled name is the usual cause). */
function unknownSheets(book: { readonly name: string; readonly sheets: readonly SheetSource[] }, out: InputIssue[]): void {
  const kinds: readonly string[] = [...REQUIRED_FILES, ...OPTIONAL_FILES];
  for (const sheet of book.sheets) {
    if (kinds.includes(sheetKey(sheet.name)) || sheet.hidden) continue;
    const near = nearest(sheetKey(sheet.name), kinds, 3, 1);
    new Reporter(book.name, out, { sheet: sheet.name, letters: new Map() }).warning(
      "unknown-sheet",
      { value: sheet.name },
      said("input.unknown-sheet", { sheet: sheet.name, kinds: kinds.join(", "), near: nearAs(near) }),
      near.length > 0 ? said("input.unknown-sheet.near.fix", { name: near[0]! }) : said("input.unknown-sheet.fix", {}),
    );
  }
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
  let book: { name: string; sheets: SheetSource[] } | null = null;
  try {
    entries = await readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR" && isWorkbookName(dir)) {
      // The data given as one workbook, a sheet per file.
      const sheets = await loadBook(dir, dir, issues);
      if (sheets === null) return { data: null, issues };
      return readData(dir, [], { name: dir, sheets }, opts, issues);
    }
    new Reporter(dir, issues).error(
      "missing-folder",
      { path: path.resolve(dir) },
      code === "ENOTDIR"
        ? said("input.missing-folder.file", { dir })
        : code === "ENOENT"
          ? said("input.missing-folder", { dir, path: path.resolve(dir) })
          : said("input.missing-folder.unreadable", { dir, reason: code ?? String(err), path: path.resolve(dir) }),
      said("input.missing-folder.fix", {}),
    );
    return { data: null, issues };
  }
  const books = named(entries, BOOK);
  if (books.length > 1) {
    new Reporter(books[0]!, issues).error("duplicate-file", {}, said("input.duplicate-file.case", { dir, found: andList(books) }), said("input.duplicate-file.case.fix", { book: BOOK }));
    return { data: null, issues };
  }
  if (books.length === 1) {
    const sheets = await loadBook(path.join(dir, books[0]!), books[0]!, issues);
    if (sheets === null) return { data: null, issues };
    book = { name: books[0]!, sheets };
  }
  return readData(dir, entries, book, opts, issues);
}

async function readData(
  dir: string,
  entries: readonly string[],
  book: { readonly name: string; readonly sheets: readonly SheetSource[] } | null,
  opts: { scoresFile?: string; requestsFile?: string; changesFile?: string; outcomesFile?: string },
  issues: InputIssue[],
): Promise<{ data: DataSet | null; issues: InputIssue[] }> {
  if (book !== null) unknownSheets(book, issues);
  const files: { -readonly [K in DataFileKind]?: InputFile } = {};
  const namedFiles: { readonly [K in DataFileKind]?: string | undefined } = {
    requests: opts.requestsFile, scores: opts.scoresFile, changes: opts.changesFile, outcomes: opts.outcomesFile, answers: undefined,
  };
  for (const kind of [...REQUIRED_FILES, ...OPTIONAL_FILES] as const) {
    const named = namedFiles[kind];
    const inDir = findIn(entries, kind, dir, book, issues);
    if (inDir === null) continue;
    if (named === undefined && inDir === undefined) {
      if ((REQUIRED_FILES as readonly string[]).includes(kind)) {
        missingRequired(dir, kind, entries, book, issues);
      }
      continue;
    }
    let file: InputFile | null;
    if (named !== undefined) file = await loadTable(named, named, kind, issues);
    else if (inDir!.sheet !== undefined) {
      if (inDir!.sheet.hidden) hiddenSheet(inDir!.sheet, inDir!.file, issues);
      file = { name: inDir!.file, bytes: new Uint8Array(), sheet: inDir!.sheet };
    } else file = await loadTable(path.join(dir, inDir!.file), inDir!.file, kind, issues);
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
  const file = await loadTable(filePath, filePath, "agenda", issues);
  if (file === null) return { rows: null, good: [], issues };
  const parsed = parseAgenda(file);
  return issues.length === 0 ? parsed : { ...parsed, issues: [...issues, ...parsed.issues] };
}
