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

/** Suggestions cost a scan of the candidates; after this many per file, none are offered. */
export const MAX_SUGGESTION_LOOKUPS = 200;
