// The studio's API over real HTTP: every missing, unknown or wrong-typed body field is a 400 naming it, and the environment (a held lock, a folder in the way, simultaneous saves) is a 409/503 with the CLI's sentence, never a 500.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { lockPath } from "../../src/write/lock.js";
import { raw, startStudio, type Studio } from "./harness.js";

let studio: Studio;
const STOP = "BS-2026-02";
const options = { minMeetings: 1, allowRepeats: false, timeLimitSeconds: null, history: [], scores: null, requests: null, weights: null, changes: null, outcomes: null };
const meeting = { slot: 1, table: 1, firmId: "F0002", delegationId: "US-CG" };
let planned: { slot: number; table: number; firmId: string; delegationId: string }[] = [];

const headers = () => ({ host: `127.0.0.1:${studio.port}`, "x-roadshow-token": studio.token, "content-type": "application/json" });
const post = async (route: string, body: unknown) => {
  const res = await raw(studio.port, "POST", route, headers(), typeof body === "string" ? body : JSON.stringify(body));
  return { status: res.status, answer: JSON.parse(res.text) as { error: string; fields?: { field: string; problem: string }[] } };
};

/** A valid body of each route, every field present. */
const agenda = { stop: STOP, options, lang: "en", meetings: [meeting] };
const BODIES: Record<string, Record<string, unknown>> = {
  "/api/check": agenda,
  "/api/verify": agenda,
  "/api/open": { ...agenda, file: "data:firms.csv" },
  "/api/replan": { ...agenda, locked: [meeting], allowMoves: true },
  "/api/people": { ...agenda, kind: "firm", id: "F0002" },
  "/api/save": { ...agenda, excel: false, force: false, previous: false, organizer: null },
  "/api/mail": { stop: STOP, organizer: "Eventi <eventi@example.it>", send: false },
};

/** A value of another type than `value`'s. */
function wrongType(value: unknown): unknown {
  if (typeof value === "string") return 42;
  if (typeof value === "number") return "1";
  if (typeof value === "boolean") return "true";
  if (Array.isArray(value)) return { length: 0 };
  if (value === null) return true;
  return "an object";
}

/** Every field of a body with its dotted path (`options.minMeetings`, `meetings.0.slot`). */
function fields(value: unknown, prefix = ""): { path: string[]; value: unknown }[] {
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => [{ path: [...prefix.split(".").filter(Boolean), key], value: v }, ...fields(v, prefix === "" ? key : `${prefix}.${key}`)]);
}

/** `body` with the field at `at` deleted (`undefined`) or set. */
function edit(body: unknown, at: readonly string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let node = copy as Record<string, unknown>;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string, unknown>;
  if (value === undefined) delete node[at.at(-1)!];
  else node[at.at(-1)!] = value;
  return copy;
}

beforeAll(async () => {
  studio = await startStudio();
  const events = await (await fetch(`${studio.base}/api/plan?stop=${STOP}&lang=en&options=${encodeURIComponent(JSON.stringify(options))}`, { headers: { "x-roadshow-token": studio.token } })).text();
  const done = events.split("\n\n").map((e) => e.replace(/^data: /, "")).filter((e) => e.startsWith("{")).map((e) => JSON.parse(e) as { type: string; desk: { meetings: typeof planned } }).find((e) => e.type === "done")!;
  planned = done.desk.meetings.map(({ slot, table, firmId, delegationId }) => ({ slot, table, firmId, delegationId }));
}, 60_000);
afterAll(async () => {
  await studio?.stop();
});

describe("studio API bodies: every field checked by its schema", () => {
  test("the valid bodies are taken", async () => {
    for (const route of ["/api/check", "/api/verify", "/api/people", "/api/replan"]) {
      const { status, answer } = await post(route, BODIES[route]);
      expect(status, `${route}: ${answer.error}`).toBe(200);
    }
  }, 60_000);

  test("a missing, unknown or wrong-typed field, anywhere in any body, is a 400 naming it", async () => {
    const failures: string[] = [];
    for (const [route, body] of Object.entries(BODIES)) {
      for (const { path: at, value } of fields(body)) {
        const field = at.join(".");
        for (const [what, changed] of [["missing", edit(body, at, undefined)], ["wrong type", edit(body, at, wrongType(value))]] as const) {
          const { status, answer } = await post(route, changed);
          if (status !== 400 || !answer.error.includes(field) || !answer.fields?.some((f) => f.field === field)) failures.push(`${route} ${field} ${what}: ${status} ${answer.error}`);
        }
      }
      const parents = [[], ...("options" in body ? [["options"], ["meetings", "0"]] : [])];
      for (const parent of parents) {
        const unknown = [...parent, "colour"];
        const { status, answer } = await post(route, edit(body, unknown, "blue"));
        if (status !== 400 || !answer.error.includes(unknown.join("."))) failures.push(`${route} unknown ${unknown.join(".")}: ${status} ${answer.error}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  test("lang: missing, unknown or of another type says so (no 'Cannot read properties')", async () => {
    for (const lang of [undefined, "fr", "", 3, null]) {
      const { status, answer } = await post("/api/check", { ...agenda, lang });
      expect(status, String(lang)).toBe(400);
      expect(answer.error).toMatch(/^the agenda request is malformed: lang (is missing|must be \("it" \| "en"\), found)/);
    }
  });

  test("not JSON, not an object, or out-of-range values are 400s too", async () => {
    for (const body of ["not json", "null", "[]", "42"]) expect((await post("/api/check", body)).status, body).toBe(400);
    const bad = await post("/api/check", { ...agenda, options: { ...options, minMeetings: -1, timeLimitSeconds: 0 }, meetings: [{ ...meeting, slot: 1.5 }] });
    expect(bad.status).toBe(400);
    expect(bad.answer.fields!.map((f) => f.field)).toEqual(["options.minMeetings", "options.timeLimitSeconds", "meetings.0.slot"]);
  });

  test("a malformed body is refused in the page's language: the sentence and each field's problem", async () => {
    const bad = await post("/api/check?lang=it", { ...agenda, lang: "it", extra: 1, options: { ...options, minMeetings: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.answer.error).toMatch(/^la richiesta agenda non è ben formata: options\.minMeetings deve essere .*, trovato -1; extra non è un campo di questa richiesta; toglilo$/);
    expect(bad.answer.fields).toEqual([
      { field: "options.minMeetings", problem: expect.stringMatching(/^deve essere .*, trovato -1$/) },
      { field: "extra", problem: "non è un campo di questa richiesta; toglilo" },
    ]);
    const missing = await raw(studio.port, "GET", "/api/nowhere?lang=it", headers());
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text).error).toBe("nessun endpoint GET /api/nowhere");
    const meetings = Array.from({ length: 7 }, () => ({ ...meeting, slot: 1.5 }));
    expect((await post("/api/check", { ...agenda, meetings })).answer.error).toMatch(/; meetings\.4\.slot must be .*, found 1\.5 \(and 2 more\)$/);
    expect((await post("/api/check?lang=it", { ...agenda, lang: "it", meetings })).answer.error).toMatch(/; meetings\.4\.slot deve essere .*, trovato 1\.5 \(e altri 2\)$/);
  });

  test("an unknown ?lang= is a 400 naming it, as in a body", async () => {
    for (const route of ["/api/data?lang=fr", "/api/session?lang=", "/api/mail?lang=de"]) {
      const mail = route.startsWith("/api/mail");
      const res = await raw(studio.port, mail ? "POST" : "GET", route, headers(), mail ? JSON.stringify(BODIES["/api/mail"]) : undefined);
      expect(res.status, route).toBe(400);
      expect(JSON.parse(res.text).error, route).toMatch(/lang must be \("it" \| "en"\)/);
    }
    expect((await raw(studio.port, "GET", "/api/session?lang=it", headers())).status).toBe(200);
  });

  test("/api/plan's options are checked by the same schema", async () => {
    const { minMeetings: _dropped, ...partial } = options;
    const res = await raw(studio.port, "GET", `/api/plan?stop=${STOP}&options=${encodeURIComponent(JSON.stringify(partial))}`, headers());
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error).toContain("minMeetings is missing");
  });
});

describe("the API's refusals in the page's language", () => {
  const call = async (method: string, route: string, body?: unknown) => {
    const res = await raw(studio.port, method, route, headers(), body === undefined ? undefined : JSON.stringify(body));
    return { status: res.status, answer: JSON.parse(res.text) as { error: string; issues: { message: string; hint: string; said?: unknown }[] } };
  };

  test("an error sentence in the body's language (people, a file outside the folders)", async () => {
    const people = await call("POST", "/api/people", { ...agenda, lang: "it", kind: "firm", id: "F9999" });
    expect(people).toMatchObject({ status: 422, answer: { error: "F9999 non è un'impresa iscritta a BS-2026-02" } });
    expect((await call("POST", "/api/people", { ...agenda, kind: "firm", id: "F9999" })).answer.error).toBe("F9999 is not a firm registered for BS-2026-02");
    const open = await call("POST", "/api/open", { ...agenda, lang: "it", file: "data:../../etc/passwd" });
    expect(open.status).toBe(422);
    expect(open.answer.error).toMatch(/^"data:\.\.\/\.\.\/etc\/passwd" è fuori da .*; lo studio legge solo quelle due cartelle$/);
  });

  test("the workspace's answers in ?lang=: a usage error, and an input error with its issues worded, no said in the JSON", async () => {
    const usage = await call("POST", "/api/workspace/change?lang=it", { stop: STOP, kind: "launch", participant: "US-CG" });
    expect(usage.status).toBe(400);
    expect(usage.answer.error).toMatch(/^"launch" non è un tipo di variazione; tipi: absent <participant-id>/);
    const unknown = await call("POST", "/api/workspace/change?lang=it", { stop: STOP, kind: "absent", participant: "F006" });
    expect(unknown.status).toBe(422);
    expect(unknown.answer.error).toBe("la variazione non si può registrare");
    expect(unknown.answer.issues[0]).toMatchObject({
      message: "\"F006\" non è né un firm_id di firms.csv né un delegation_id di delegations.csv; forse intendevi F0006, F0016 o F0026?",
      hint: "controlla il codice; un'impresa iscritta sul posto deve prima avere la sua riga in firms.csv",
    });
    expect(unknown.answer.issues[0]).not.toHaveProperty("said");
    const stop = await call("GET", "/api/workspace?stop=XX-1&lang=it");
    expect(stop.status).toBe(422);
    expect(stop.answer.error).toBe("tappa sconosciuta");
    expect(stop.answer.issues[0]!.message).toBe("--stop XX-1 non è uno stop_id di stops.csv");
    const kind = await call("POST", "/api/workspace/plan?lang=it", { stop: STOP, kind: "both" });
    expect(kind.answer.error).toBe("\"kind\" deve essere schedule o replan");
  });
});

describe("studio saves: the environment's refusals are 409/503 with the CLI's own sentence", () => {
  const save = (force: boolean) => post("/api/save", { ...agenda, meetings: planned, excel: false, force, previous: false, organizer: null });

  test("four simultaneous saves of one stop: 200 or 409 'being written by another roadshow run', never 500", async () => {
    const answers = await Promise.all([save(true), save(true), save(true), save(true)]);
    for (const { status, answer } of answers) {
      expect([200, 409], answer.error).toContain(status);
      if (status === 409) expect(answer.error).toMatch(/is being written by another roadshow run \(pid \d+ .*\); nothing was written\. Wait for it to finish/);
      expect(JSON.stringify(answer)).not.toMatch(/bug|internal/i);
    }
    expect(answers.some((a) => a.status === 200)).toBe(true);
  }, 60_000);

  test("a save while another run holds the stop's lock: 409 with the lock's sentence", async () => {
    const folder = path.join(studio.outDir, STOP);
    // A live holder: this test's own process (pid and start time as the lock records them).
    const stat = readFileSync(`/proc/${process.pid}/stat`, "utf8");
    const start = `proc:${stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19]}`;
    mkdirSync(studio.outDir, { recursive: true });
    writeFileSync(lockPath(folder), `${JSON.stringify({ pid: process.pid, start, host: (await import("node:os")).hostname(), since: "2026-02-25T09:00:00.000Z" })}\n`);
    const { status, answer } = await save(true);
    expect(status).toBe(409);
    expect(answer.error).toContain(`is being written by another roadshow run (pid ${process.pid}`);
    expect(answer.error).toContain(`delete ${lockPath(folder)} if no such run exists`);
  });

  test("an output folder the studio may not write (permission denied): 503 with the CLI's sentence", async () => {
    // As root the folder's mode stops nobody: the studio then runs as `nobody`.
    const root = process.getuid?.() === 0;
    const other = await startStudio((dataDir) => {
      const work = path.dirname(dataDir);
      chmodSync(work, 0o755);
      mkdirSync(path.join(work, "out"), { mode: 0o555 });
      chmodSync(path.join(work, "out"), 0o555);
    }, root ? { uid: 65534, gid: 65534 } : undefined);
    try {
      const res = await raw(other.port, "POST", "/api/save", { host: `127.0.0.1:${other.port}`, "x-roadshow-token": other.token, "content-type": "application/json" },
        JSON.stringify({ ...agenda, meetings: planned, excel: false, force: true, previous: false, organizer: null }));
      expect(res.status, res.text).toBe(503);
      expect(JSON.parse(res.text).error).toMatch(/permission denied, EACCES\); nothing was written/);
    } finally {
      await other.stop();
    }
  }, 60_000);

  test("a file where the stop's folder goes: 503 with the CLI's sentence", async () => {
    const other = await startStudio();
    try {
      mkdirSync(other.outDir, { recursive: true });
      writeFileSync(path.join(other.outDir, STOP), "not a folder\n");
      const res = await raw(other.port, "POST", "/api/save", { host: `127.0.0.1:${other.port}`, "x-roadshow-token": other.token, "content-type": "application/json" },
        JSON.stringify({ ...agenda, meetings: planned, excel: false, force: true, previous: false, organizer: null }));
      expect(res.status, res.text).toBe(503);
      expect(JSON.parse(res.text).error).toMatch(/is a file, not a folder; nothing was written/);
    } finally {
      await other.stop();
    }
  }, 60_000);
});
