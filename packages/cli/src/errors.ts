// The CLI's error kinds (the user's input, the command line, the environment) and the exit code of each.
import type { InputIssue, Said } from "./issues.js";

export type { Said };

const englishOf = (message: string | Said): string => (typeof message === "string" ? message : message.en);
const saidOf = (message: string | Said): Said | null => (typeof message === "string" ? null : message);

/** The user's fault: bad input files or data. Exit code 1. */
export class InputError extends Error {
  /** The sentence as data, when it is one of the catalogues. */
  readonly said: Said | null;

  constructor(
    message: string | Said,
    readonly issues: readonly InputIssue[] = [],
  ) {
    super(englishOf(message));
    this.said = saidOf(message);
    this.name = "InputError";
  }
}

/** The user's fault: a wrong command line. Exit code 2. */
export class UsageError extends Error {
  /** The sentence as data, when it is one of the catalogues. */
  readonly said: Said | null;

  constructor(message: string | Said) {
    super(englishOf(message));
    this.said = saidOf(message);
    this.name = "UsageError";
  }
}

/**
 * The environment refused: outputs exist without `--force`, permission denied,
 * disk full, another run holds the output's lock. Exit code 4. `path` is the
 * file or folder concerned; `code` the system error code when there is one.
 */
export class EnvironmentError extends Error {
  /** The sentence as data, when it is one of the catalogues. */
  readonly said: Said | null;

  constructor(
    message: string | Said,
    readonly path: string | null = null,
    readonly code: string | null = null,
  ) {
    super(englishOf(message));
    this.said = saidOf(message);
    this.name = "EnvironmentError";
  }
}

/** Exit codes, one meaning each (README, "CLI"). */
export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3, environment: 4 } as const;

const SYSTEM_REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is exceeded",
  EROFS: "the file system is read-only",
  EIO: "an input/output error of the disk",
  EMFILE: "too many open files",
  ENFILE: "too many open files on the system",
  ENAMETOOLONG: "the file name is too long",
  ENOTDIR: "a part of the path is a file, not a folder",
  EISDIR: "it is a folder, not a file",
  EEXIST: "it already exists",
  ENOENT: "it does not exist",
  ENOTEMPTY: "the folder is not empty",
  EBUSY: "it is in use",
  ELOOP: "too many symbolic links",
  EXDEV: "it is on another disk",
};

/** System error codes that mean the environment refused, not a bug (mapped to exit 4 at the entry). */
export const ENVIRONMENT_CODES: ReadonlySet<string> = new Set(Object.keys(SYSTEM_REASONS));

/** A system error in words: `permission denied`, `the disk is full`, … (never "EACCES: EACCES: …"). */
export function systemReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code !== undefined && SYSTEM_REASONS[code] !== undefined) return `${SYSTEM_REASONS[code]}, ${code}`;
  if (code !== undefined) return code;
  return err instanceof Error ? err.message : String(err);
}
