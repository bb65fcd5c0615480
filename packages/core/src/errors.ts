/**
 * The two errors the core throws: the caller's instance is invalid
 * (`InvalidInstanceError`, with every issue as data), or the core itself is
 * wrong (`InternalError`, a bug to report). Planning outcomes are never errors.
 */
import type { InstanceIssue } from "./validate.js";

/** A path into an instance: property names and list indexes, outermost first. */
export type IssuePath = readonly (string | number)[];

/**
 * A path as a property path in JavaScript's notation.
 * @example formatPath(["firms", 3, "available", 0]) // "firms[3].available[0]"
 */
export function formatPath(path: IssuePath): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
}


/** The instance cannot be planned as given; `issues` says where and why (see `validateInstance`). */
export class InvalidInstanceError extends Error {
  readonly issues: readonly InstanceIssue[];

  constructor(issues: readonly InstanceIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    super(first === undefined ? "invalid instance" : `invalid instance: ${formatPath(first.path)}: ${first.message}${more}`);
    this.name = "InvalidInstanceError";
    this.issues = issues;
  }
}

/** A broken invariant inside the core: a bug in roadshow, never the caller's fault. */
export class InternalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InternalError";
  }
}
