/** Reads a JSON request body (at most 20 MB) and checks its shape before anything uses it. */
import type { IncomingMessage } from "node:http";
import { InputError } from "../errors.js";
import { DEFAULT_PLAN_OPTIONS } from "./api.js";

const LIMIT = 20 * 1024 * 1024;

type Kind = "agenda" | "open" | "replan" | "people" | "save" | "mail";

const isInt = (x: unknown): boolean => Number.isInteger(x);
const isText = (x: unknown): boolean => typeof x === "string";
const isBool = (x: unknown): boolean => typeof x === "boolean";
const isTextOrNull = (x: unknown): boolean => x === null || typeof x === "string";

function isMeetings(x: unknown): boolean {
  return Array.isArray(x) && x.every((m) => typeof m === "object" && m !== null && isInt(m.slot) && isInt(m.table) && isText(m.firmId) && isText(m.delegationId));
}

function isOptions(x: unknown): boolean {
  if (typeof x !== "object" || x === null) return false;
  const o = x as Record<string, unknown>;
  return isInt(o.minMeetings) && (o.minMeetings as number) >= 0 && isBool(o.allowRepeats) && isBool(o.balance ?? true) && isBool(o.exact ?? true)
    && (o.timeLimitSeconds === null || (typeof o.timeLimitSeconds === "number" && o.timeLimitSeconds > 0))
    && Array.isArray(o.history) && o.history.every(isText) && isTextOrNull(o.scores) && isTextOrNull(o.requests) && isTextOrNull(o.weights)
    && isTextOrNull(o.changes ?? null) && isTextOrNull(o.outcomes ?? null);
}

/** What each kind of body must hold beyond the stop, options and agenda. */
const EXTRA: Readonly<Record<Kind, (b: Record<string, unknown>) => boolean>> = {
  agenda: () => true,
  open: (b) => isText(b.file),
  replan: (b) => isMeetings(b.locked) && isBool(b.allowMoves),
  people: (b) => (b.kind === "firm" || b.kind === "delegation") && isText(b.id),
  save: (b) => isBool(b.excel) && isBool(b.force) && isBool(b.previous) && isTextOrNull(b.organizer),
  mail: (b) => isText(b.organizer) && isBool(b.send),
};

export async function readBody<T>(req: IncomingMessage, kind: Kind): Promise<T> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT) throw new InputError("the request is larger than 20 MB");
    chunks.push(chunk as Buffer);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new InputError("the request is not JSON");
  }
  const b = body as Record<string, unknown>;
  const ok = typeof body === "object" && body !== null && isText(b.stop) && (kind === "mail" || (isOptions(b.options) && isMeetings(b.meetings ?? []))) && EXTRA[kind](b);
  if (!ok) throw new InputError(`the ${kind} request is malformed`);
  return { meetings: [], ...b, options: { ...DEFAULT_PLAN_OPTIONS, ...(b.options as object) } } as T;
}
