/** Reads a JSON request body (at most 20 MB) and checks every field with its schema before anything uses it. */
import type { IncomingMessage } from "node:http";
import type { InferOutput } from "valibot";
import { BODY_SCHEMAS, check, type BodyKind, type FieldProblem } from "./schema.js";

const LIMIT = 20 * 1024 * 1024;

/** A request the API cannot take (400 Bad Request, 413 too large): its sentence names the fields at fault. */
export class BadRequest extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = "BadRequest";
  }
}

/** The sentence of a refused body: `the save request: lang must be ("it" | "en"), found "fr"; meetings.2.slot is missing`. */
export function badFields(what: string, problems: readonly FieldProblem[]): BadRequest {
  const listed = problems.slice(0, 5).map((p) => `${p.field} ${p.problem}`).join("; ");
  const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : "";
  return new BadRequest(400, `${what} is malformed: ${listed}${more}`, problems);
}

export async function readBody<K extends BodyKind>(req: IncomingMessage, kind: K): Promise<InferOutput<(typeof BODY_SCHEMAS)[K]>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT) throw new BadRequest(413, "the request is larger than 20 MB");
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BadRequest(400, `the ${kind} request is not JSON`);
  }
  const checked = check(BODY_SCHEMAS[kind], body);
  if (!checked.ok) throw badFields(`the ${kind} request`, checked.problems);
  return checked.value;
}
