/** Reads a JSON request body (at most 20 MB) and checks every field with its schema before anything uses it. */
import type { IncomingMessage } from "node:http";
import type { InferOutput } from "valibot";
import type { Said } from "../issues.js";
import { said, sayIn } from "../text/cli-text.js";
import type { Lang } from "../text/i18n.js";
import { BODY_SCHEMAS, check, type BodyKind, type FieldFault, type FieldProblem } from "./schema.js";

const LIMIT = 20 * 1024 * 1024;

/** A request the API cannot take (400 Bad Request, 413 too large): its sentence names the fields at fault. */
export class BadRequest extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly said: Said,
    readonly faults: readonly FieldFault[] = [],
  ) {
    super(said.en);
    this.name = "BadRequest";
  }

  /** The fields at fault, their problems in `lang`, as the API answers them. */
  fields(lang: Lang): FieldProblem[] {
    return this.faults.map((f) => ({ field: f.field, problem: sayIn(lang, f.problem) }));
  }
}

/** Problems as one phrase, `a; b; c`. */
function semicolons(items: readonly Said[]): Said {
  return items.length === 1 ? items[0]! : said("studio.body.then", { first: items[0]!, rest: semicolons(items.slice(1)) });
}

/** The sentence of a refused body: `the save request: lang must be ("it" | "en"), found "fr"; meetings.2.slot is missing`. */
export function badFields(what: Said, problems: readonly FieldFault[]): BadRequest {
  const listed = semicolons(problems.slice(0, 5).map((p) => said("studio.body.fieldProblem", { field: p.name, problem: p.problem })));
  return new BadRequest(400, said("studio.body.malformed", { request: what, listed, more: Math.max(0, problems.length - 5) }), problems);
}

export async function readBody<K extends BodyKind>(req: IncomingMessage, kind: K): Promise<InferOutput<(typeof BODY_SCHEMAS)[K]>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT) throw new BadRequest(413, said("studio.body.tooLarge", {}));
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new BadRequest(400, said("studio.body.notJson", { request: said("studio.body.request", { kind }) }));
  }
  const checked = check(BODY_SCHEMAS[kind], body);
  if (!checked.ok) throw badFields(said("studio.body.request", { kind }), checked.problems);
  return checked.value;
}
