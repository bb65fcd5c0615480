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


/** How many issues an `InvalidInstanceError`'s message lists before "and N more". */
const LISTED = 3;

/** A value as a developer reads it in a message: JSON where it has one, else as JavaScript prints it. */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * One issue for a developer, from its data alone: path, code, value and params.
 * @example describeIssue({ …, code: "bad-timezone", path: ["stop", "timezone"], value: "Mars/Base", params: {} })
 * // 'stop.timezone: bad-timezone, value "Mars/Base"'
 */
function describeIssue(issue: InstanceIssue): string {
  const params = Object.keys(issue.params).length === 0 ? "" : ` ${shown(issue.params)}`;
  return `${formatPath(issue.path)}: ${issue.code}, value ${shown(issue.value)}${params}`;
}

/**
 * The instance cannot be planned as given; `issues` says where and why (see
 * `validateInstance`). Its `message`, for developers, lists the first issues'
 * paths, codes, values and params; a program words `issues` itself.
 * @example new InvalidInstanceError(issues).message
 * // 'invalid instance: stop.timezone: bad-timezone, value "Mars/Base"'
 */
export class InvalidInstanceError extends Error {
  readonly issues: readonly InstanceIssue[];

  constructor(issues: readonly InstanceIssue[]) {
    const listed = issues.slice(0, LISTED).map(describeIssue).join("; ");
    const more = issues.length > LISTED ? ` (and ${issues.length - LISTED} more)` : "";
    super(issues.length === 0 ? "invalid instance" : `invalid instance: ${listed}${more}`);
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
