import type { InputIssue } from "./input/issues.js";

/** The user's fault: bad input files or data. Exit code 1. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly issues: readonly InputIssue[] = [],
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** The user's fault: a wrong command line. Exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * Not the user's input nor our bug: the outside world refused (a mail server
 * unreachable or rejecting). Exit code 4; the message says what was done before.
 */
export class EnvironmentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvironmentError";
  }
}

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 3, environment: 4 } as const;
