/**
 * The studio on the stop's workspace (`<data-dir>/workspace/<stop_id>/`), through the very
 * functions of the CLI's `status`, `change`, `schedule`/`replan` (workspace mode) and `send`:
 * what the page lists as "to notify" is `status`'s `not_told`, which is exactly whom `send`
 * mails; a change entered on the page is a log entry; a version and a send are the CLI's.
 *
 * GET  /api/workspace?stop=ID                          → status (as `status --format json`, one stop)
 * POST /api/workspace/change {stop, kind, participant, value?, note?, by?} → { output }
 * POST /api/workspace/plan   {stop, kind: "schedule" | "replan"}           → { output }
 * POST /api/workspace/send   {stop, organizer, dryRun}                     → { output, sent }
 */
import type { IncomingMessage } from "node:http";
import { change } from "../commands/change.js";
import { send } from "../commands/send.js";
import { stopStatus } from "../commands/status.js";
import type { Io } from "../context.js";
import { EnvironmentError, InputError, UsageError } from "../errors.js";
import { loadRun } from "../run/load.js";
import type { Lang } from "../text/i18n.js";
import { readLog } from "../workspace/log.js";
import { stopPaths } from "../workspace/store.js";
import { whoIsTold } from "../workspace/told.js";
import { planVersion } from "../workspace/versions.js";
import { pageSettings } from "../run/options.js";
import { DEFAULT_PLAN_OPTIONS } from "./api.js";
import { errorBody, pageOrganizer } from "./answer.js";
import { said } from "../text/cli-text.js";
import type { Workspace } from "./workspace.js";

/** An answer of a workspace route. */
export interface DayAnswer {
  readonly status: number;
  readonly body: unknown;
}

const LIMIT = 1024 * 1024;

export async function json(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > LIMIT) throw new InputError(said("studio.api.request.tooLarge", {}));
    chunks.push(chunk as Buffer);
  }
  try {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
    if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new InputError(said("studio.api.request.notObject", {}));
}

const text = (b: Record<string, unknown>, key: string, required = true): string | undefined => {
  const v = b[key];
  if (v === undefined || v === null) {
    if (required) throw new InputError(said("studio.api.request.lacks", { key }));
    return undefined;
  }
  if (typeof v !== "string") throw new InputError(said("studio.api.request.notText", { key }));
  return v;
};

/** Runs one CLI function with its output captured. */
async function captured(env: Readonly<Record<string, string | undefined>>, work: (io: Io) => Promise<void>): Promise<string> {
  let output = "";
  const io: Io = { stdout: (s) => void (output += s), stderr: (s) => void (output += s), env, color: false };
  await work(io);
  return output;
}

/** Handles the workspace routes; `null` for any other route. Errors of the run become answers (422 input, 409 environment: lock held, SMTP). */
export async function dayApi(
  route: string,
  req: IncomingMessage,
  url: URL,
  ws: Workspace,
  lang: Lang,
  smtp: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DayAnswer | null> {
  if (!route.endsWith("/api/workspace") && !route.includes("/api/workspace/")) return null;
  const common = { lang, format: "text" as const };
  const dataDir = ws.folders.data;
  try {
    switch (route) {
      case "GET /api/workspace": {
        const stopId = url.searchParams.get("stop") ?? "";
        const stop = (await loadRun({ files: { dataDir } })).findStop(stopId);
        const paths = stopPaths(dataDir, stop.id);
        return { status: 200, body: stopStatus(stop.id, await whoIsTold(paths), readLog(paths.log)) };
      }
      case "POST /api/workspace/change": {
        const b = await json(req);
        const output = await captured(env, (io) =>
          change({ dataDir, stop: text(b, "stop")!, kind: text(b, "kind")!, subject: text(b, "participant")!, value: text(b, "value", false), by: text(b, "by", false), note: text(b, "note", false) }, common, io));
        return { status: 200, body: { output } };
      }
      case "POST /api/workspace/plan": {
        const b = await json(req);
        const kind = text(b, "kind");
        if (kind !== "schedule" && kind !== "replan") throw new InputError(said("studio.api.request.planKind", {}));
        // The CLI's defaults, as `roadshow replan <data-dir> --stop <id>` runs with no flag.
        const settings = pageSettings(DEFAULT_PLAN_OPTIONS);
        const output = await captured(env, (io) => planVersion(kind, { files: { dataDir }, settings, stop: text(b, "stop")!, excel: false }, common, io));
        ws.touched();
        return { status: 200, body: { output } };
      }
      case "POST /api/workspace/send": {
        const b = await json(req);
        const sender = pageOrganizer(text(b, "organizer")!);
        const dryRun = b["dryRun"] === true;
        const output = await captured(env, (io) => send({ dataDir, stop: text(b, "stop")!, organizer: sender, smtp, dryRun }, common, io));
        return { status: 200, body: { output, sent: smtp !== undefined && !dryRun } };
      }
      default:
        return null;
    }
  } catch (error) {
    if (error instanceof InputError) return { status: 422, body: errorBody(error, lang) };
    if (error instanceof UsageError) return { status: 400, body: errorBody(error, lang) };
    if (error instanceof EnvironmentError) return { status: 409, body: errorBody(error, lang) };
    throw error;
  }
}
