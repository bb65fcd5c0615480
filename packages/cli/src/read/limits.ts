/**
 * Documented limits of the input side. A file over a limit is rejected with a
 * whole-file error (`file-too-large`, `too-many-rows`) instead of a slow run.
 */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** Most data rows (header excluded) read from each kind of file. */
export const MAX_ROWS = {
  stops: 1_000,
  delegations: 2_000,
  firms: 50_000,
  requests: 200_000,
  scores: 1_000_000,
  agenda: 1_000_000,
  changes: 100_000,
  outcomes: 1_000_000,
} as const;

/** Longest cell, in characters (a name, a list of windows or sectors is far shorter). */
export const MAX_CELL_CHARS = 100_000;

/** Most line breaks inside one quoted cell: past them the opening quote counts as never closed. */
export const MAX_QUOTED_LINES = 200;

/**
 * Structure errors (stray quotes, ragged rows, too-long cells) reported per
 * file; past them the rest of the file is not read: it was not exported as CSV.
 */
export const MAX_STRUCTURE_ERRORS = 100;

/** Issues listed per file (and reporter); past them one `too-many-issues` per severity stands for the rest. */
export const MAX_ISSUES_PER_FILE = 1_000;

/** Suggestions cost a scan of the candidates; after this many per file, none are offered. */
export const MAX_SUGGESTION_LOOKUPS = 200;
