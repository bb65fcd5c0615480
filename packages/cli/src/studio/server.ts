/**
 * The studio's HTTP server (`node:http`, bound to 127.0.0.1): the page's three
 * bundled files and a small JSON API over the CLI's reader, the core and the
 * CLI's writers, every request guarded by the session token and Host/Origin checks.
 */
import { readFileSync, existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ENVIRONMENT_CODES, EnvironmentError, InputError, systemReason, UsageError, type Said } from "../errors.js";
import { said, sayIn } from "../text/cli-text.js";
import { dayApi } from "./day.js";
import { deskModeApi } from "./desk-mode.js";
import { isLang, t, type Lang } from "../text/i18n.js";
import { verifyAgenda } from "@roadshow/core";
import type { ErrorAnswer, VerifyAnswer, PlanEvent, PlanOptions, SessionInfo } from "./api.js";
import { judge, newToken, sessionCookie, type GuardConfig } from "./guard.js";
import { BadRequest, badFields, readBody } from "./body.js";
import { errorBody } from "./answer.js";
import type { BodyKind } from "./schema.js";
import { check, PlanOptionsSchema, StudioLangSchema } from "./schema.js";
import { scrub, secretsOf } from "../secrets.js";
import { delegationPeople, firmPeople } from "./people.js";
import { replanDesk } from "./replan.js";
import { saveStop } from "./save.js";
import { mailStop } from "./mail.js";
import { startJob } from "./solver.js";
import { deskOfAgenda, deskOfPlan } from "./views.js";
import type { Workspace } from "./workspace.js";
import { readAgenda } from "../read/load.js";
import { progressText } from "../text/progress.js";

/** The built page: `dist/studio-web/` of the CLI package, from `src/studio` or `dist/studio` alike. */
export const ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/studio-web");

const ASSET_TYPES: Readonly<Record<string, string>> = {
  "/": "index.html",
  "/index.html": "index.html",
  "/app.js": "app.js",
  "/app.css": "app.css",
};
const TYPES: Readonly<Record<string, string>> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

const SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
  "cache-control": "no-store",
  "cross-origin-resource-policy": "same-origin",
} as const;

export interface StudioConfig {
  readonly workspace: Workspace;
  readonly port: number;
  readonly version: string;
  /** `--smtp`: the server the Save view may send through. */
  readonly smtp?: string | undefined;
  /** The environment (SMTP user and password). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Given by tests; a fresh random token otherwise. */
  readonly token?: string;
}

export interface RunningStudio {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly said: Said,
  ) {
    super(said.en);
  }
}

/**
 * An error as the API answers it, the HTTP twin of the CLI's exit codes: a malformed request
 * 400 (naming its fields), bad input 422, the environment (another run holds the lock, the
 * folder exists: 409; permission denied, disk full: 503) with the CLI's own sentence, a bug 500.
 */
function errorAnswer(error: unknown, lang: Lang): [number, ErrorAnswer] {
  if (error instanceof BadRequest) return [error.status, { error: sayIn(lang, error.said), issues: [], fields: error.fields(lang) }];
  if (error instanceof InputError) return [422, errorBody(error, lang)];
  if (error instanceof UsageError) return [400, errorBody(error, lang)];
  if (error instanceof HttpError) return [error.status, { error: sayIn(lang, error.said), issues: [] }];
  if (error instanceof EnvironmentError) return [CONFLICTS.has(error.code ?? "") ? 409 : 503, errorBody(error, lang)];
  const system = (error as NodeJS.ErrnoException | null)?.code;
  if (system !== undefined && ENVIRONMENT_CODES.has(system)) {
    const where = (error as NodeJS.ErrnoException).path;
    return [CONFLICTS.has(system) ? 409 : 503, { error: `${where === undefined ? "" : `${where}: `}${systemReason(error)}`, issues: [] }];
  }
  const detail = error instanceof Error ? error.message : String(error);
  return [500, { error: t(lang, "studio.api.internal", { detail }), issues: [] }];
}

/** Environment refusals that are about the state of the folder (another run writes it, it exists): 409 Conflict. */
const CONFLICTS: ReadonlySet<string> = new Set(["ELOCKED", "EEXIST", "ENOTEMPTY"]);

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}, secrets: readonly string[] = []): void {
  // The SMTP password never leaves in an answer, not even inside a message quoting the server.
  const text = scrub(JSON.stringify(body), secrets);
  res.writeHead(status, { ...SECURITY_HEADERS, "content-type": "application/json; charset=utf-8", ...extra });
  res.end(text);
}

const langOf = (value: unknown, fallback: Lang): Lang => (isLang(value) ? value : fallback);

/** The `?lang=` of a request, checked by the same schema as the bodies' `lang`; absent: the studio's. */
function queryLang(url: URL, fallback: Lang): Lang {
  const value = url.searchParams.get("lang");
  if (value === null) return fallback;
  const checked = check(StudioLangSchema, value);
  if (!checked.ok) throw badFields(said("studio.body.query", {}), checked.problems.map((p) => ({ ...p, field: "lang", name: "lang" })));
  return checked.value;
}

/** Starts the studio on 127.0.0.1 (port 0: any free port) and resolves once it listens. */
export async function startStudio(config: StudioConfig): Promise<RunningStudio> {
  const ws = config.workspace;
  const token = config.token ?? newToken();
  const streams = new Set<ServerResponse>();
  // The SMTP password as it may appear in an answer: as given and JSON-escaped.
  const secrets = secretsOf(config.smtp === undefined ? [] : [config.smtp], config.env ?? {}).flatMap((p) => [p, JSON.stringify(p).slice(1, -1)]);
  let guard: GuardConfig = { token, port: config.port };

  /** The language of a request's answers: its body's `lang`, else its `?lang=`, else the studio's. */
  const answerLang = new WeakMap<IncomingMessage, Lang>();
  const bodyOf = async <K extends BodyKind>(req: IncomingMessage, kind: K) => {
    const read = await readBody(req, kind);
    const l = (read as { readonly lang?: unknown }).lang;
    if (isLang(l)) answerLang.set(req, l);
    return read;
  };

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const route = `${req.method} ${url.pathname}`;
    const lang = queryLang(url, ws.lang);
    answerLang.set(req, lang);
    switch (route) {
      case "GET /api/session":
        return send(res, 200, { lang: ws.lang, dataDir: ws.folders.dataShown, outDir: ws.folders.outShown, version: config.version, smtp: config.smtp !== undefined } satisfies SessionInfo);
      case "GET /api/data":
        return send(res, 200, await ws.dataView(lang));
      case "GET /api/events":
        res.writeHead(200, { ...SECURITY_HEADERS, "content-type": "text/event-stream; charset=utf-8", connection: "keep-alive" });
        res.write(`event: data\ndata: ${ws.version}\n\n`);
        streams.add(res);
        req.on("close", () => streams.delete(res));
        return;
      case "GET /api/plan":
        return plan(req, res, url, lang);
      case "POST /api/open": {
        const body = await bodyOf(req, "open");
        const inputs = await ws.stop(body.stop, body.options);
        const rows = (await readAgenda(ws.folders.resolve(body.file))).filter((r) => r.stopId === inputs.instance.stop.id);
        const reviewed = ws.review(inputs.instance.stop.id, body.options, inputs, rows);
        return send(res, 200, deskOfAgenda(inputs.instance, rows, reviewed, langOf(body.lang, lang), body.file));
      }
      case "POST /api/check": {
        const body = await bodyOf(req, "agenda");
        const inputs = await ws.stop(body.stop, body.options);
        const reviewed = ws.review(inputs.instance.stop.id, body.options, inputs, body.meetings);
        return send(res, 200, deskOfAgenda(inputs.instance, body.meetings, reviewed, langOf(body.lang, lang), "edit"));
      }
      case "POST /api/verify": {
        const body = await bodyOf(req, "agenda");
        const { instance, options } = await ws.stop(body.stop, body.options);
        return send(res, 200, { violations: verifyAgenda(instance, body.meetings, options) } satisfies VerifyAnswer);
      }
      case "POST /api/replan": {
        const body = await bodyOf(req, "replan");
        return send(res, 200, await replanDesk(ws, body, langOf(body.lang, lang)));
      }
      case "POST /api/people": {
        const body = await bodyOf(req, "people");
        const inputs = await ws.stop(body.stop, body.options);
        const { instance, options } = inputs;
        const l = langOf(body.lang, lang);
        if (body.kind === "delegation") return send(res, 200, delegationPeople(instance, body.meetings, options, body.id, l));
        const schedule = ws.planned(instance.stop.id, body.options, body.meetings) ?? ws.review(instance.stop.id, body.options, inputs, body.meetings).schedule;
        return send(res, 200, firmPeople(instance, schedule, options, body.id, l));
      }
      case "POST /api/mail":
        return send(res, 200, await mailStop(ws, await bodyOf(req, "mail"), lang, config.smtp, config.env ?? {}), {}, secrets);
      case "POST /api/save":
        return send(res, 200, await saveStop(ws, await bodyOf(req, "save")));
      default: {
        // The stop's workspace: the CLI's status, change, schedule/replan and send (studio/day.ts); the desk mode (studio/desk-mode.ts).
        const day = (await deskModeApi(route, req, url, ws, lang, config.env ?? {})) ?? (await dayApi(route, req, url, ws, lang, config.smtp, config.env ?? {}));
        if (day !== null) return send(res, day.status, day.body, {}, secrets);
        throw new HttpError(404, said("studio.http.notFound", { route }));
      }
    }
  };

  /** Plans a stop in the solver thread, streaming progress as server-sent events. */
  const plan = async (req: IncomingMessage, res: ServerResponse, url: URL, lang: Lang): Promise<void> => {
    const stopId = url.searchParams.get("stop") ?? "";
    let parsed: unknown;
    try {
      parsed = JSON.parse(url.searchParams.get("options") ?? "");
    } catch {
      throw new BadRequest(400, said("studio.body.optionsNotJson", {}));
    }
    const checked = check(PlanOptionsSchema, parsed);
    if (!checked.ok) throw badFields(said("studio.body.planOptions", {}), checked.problems);
    const options: PlanOptions = checked.value;
    res.writeHead(200, { ...SECURITY_HEADERS, "content-type": "text/event-stream; charset=utf-8", connection: "keep-alive" });
    const event = (e: PlanEvent) => res.write(`data: ${JSON.stringify(e)}\n\n`);
    try {
      const inputs = await ws.stop(stopId, options);
      const job = startJob({ kind: "plan", instance: inputs.instance, options: inputs.job }, (p) =>
        event({ type: "progress", phase: p.phase, message: progressText(p, lang), elapsedMs: p.elapsedMs }));
      req.on("close", () => job.cancel());
      const result = await job.result;
      if (result.kind !== "plan") throw new Error("the solver answered a plan with a re-plan");
      const { schedule } = result;
      ws.rememberPlan(inputs.instance.stop.id, options, schedule);
      event({ type: "done", desk: deskOfPlan(inputs.instance, schedule, lang) });
    } catch (error) {
      const said = error instanceof InputError || error instanceof UsageError || error instanceof EnvironmentError ? errorBody(error, lang) : null;
      event({ type: "error", message: said?.error ?? (error instanceof Error ? error.message : String(error)), issues: said?.issues ?? [] });
    }
    res.end();
  };

  const asset = (res: ServerResponse, name: string, setCookie: boolean): void => {
    const file = path.join(ASSETS, name);
    if (!existsSync(file)) throw new HttpError(500, said("studio.http.notBuilt", { file }));
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      "content-type": TYPES[path.extname(name)]!,
      ...(setCookie && { "set-cookie": sessionCookie(guard) }),
    });
    res.end(readFileSync(file));
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const verdict = judge(req, url, guard);
    if (!verdict.ok) {
      res.writeHead(403, { ...SECURITY_HEADERS, "content-type": "text/plain; charset=utf-8" });
      res.end(`${sayIn(langOf(url.searchParams.get("lang"), ws.lang), said("studio.guard.forbidden", { reason: verdict.reason }))}\n`);
      return;
    }
    const name = ASSET_TYPES[url.pathname];
    const handled = req.method === "GET" && name !== undefined ? Promise.resolve(asset(res, name, verdict.setCookie)) : api(req, res, url);
    handled.catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      const [status, answer] = errorAnswer(error, answerLang.get(req) ?? ws.lang);
      send(res, status, answer, {}, secrets);
    });
  });

  // An organiser pauses for minutes between two requests: a connection kept open that long is not
  // closed under the page (Node's 5 s default races a POST sent on it: "other side closed").
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  guard = { token, port };
  // Watched once listening: a refused port leaves nothing running.
  const unwatch = ws.onChange(() => {
    for (const res of streams) res.write(`event: data\ndata: ${ws.version}\n\n`);
  });
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        unwatch();
        ws.close();
        for (const res of streams) res.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
