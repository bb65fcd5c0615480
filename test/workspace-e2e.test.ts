/**
 * A scripted morning in a stop's workspace (change, schedule, replan, send, status, diff), on the
 * bundled example and on a generated stop, through a real SMTP server on 127.0.0.1 read with
 * mailparser: after every step the agenda obeys every rule, still-valid meetings of the version
 * last sent stay, nothing absent comes back, status names exactly who is not told, and each
 * participant gets exactly one message per change to its own day; then the generated morning with
 * every step killed (SIGKILL) inside its write and run again ends in the same state with the same
 * messages, none twice.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyChanges, buildSlots, scorePairs, type StopChange, type StopInstance } from "@roadshow/core";
import { readDataDir } from "../packages/cli/src/read/index.js";
import { runCli } from "../packages/cli/test/run-cli.js";
import { generateInstance } from "../oracle/generate.js";
import { checkAgenda } from "../oracle/verify.js";
import { writeInstance } from "../oracle/write-csv.js";
import { countGaps } from "./agenda-gaps.js";
import { addContacts, smtpSink, type SinkMessage } from "./mail-fixture.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXAMPLE = path.join(ROOT, "examples/lombardia-2026");
const BIN = path.join(ROOT, "packages/cli/dist/bin.js");
const ORGANIZER = "Confindustria Lombardia <eventi@example.it>";

/** A data folder with an email for every firm and delegation (f0001@firms.example, us-cg@delegations.example). */
function withEmails(dir: string): void {
  addContacts(dir, (kind, id) => ({ email: `${id.toLowerCase()}@${kind}s.example` }));
}

const emailOf = (key: string) => {
  const [kind, id] = key.split(":") as [string, string];
  return `${id.toLowerCase()}@${kind === "firm" ? "firms" : "delegations"}.example`;
};

/** A stop and its morning: the command lines after `roadshow`, each a step. */
interface Morning {
  readonly name: string;
  readonly stop: string;
  /** Writes the data folder (with emails). */
  readonly data: (dir: string) => void;
  readonly steps: (data: string, smtp: string) => string[][];
}

const stepsOf = (stop: string, schedule: readonly string[], events: readonly (readonly string[] | "replan" | "send")[]) => (data: string, smtp: string): string[][] => [
  ["schedule", data, "--stop", stop, ...schedule],
  ...["send" as const, ...events].map((e) =>
    e === "replan" ? ["replan", data, "--stop", stop]
      : e === "send" ? ["send", data, "--stop", stop, "--organizer", ORGANIZER, "--smtp", smtp]
      : ["change", data, "--stop", stop, ...e]),
];

/** The bundled example: a late consulate, walk-ins, an absence undone, a window narrowed, a table less. */
const EXAMPLE_MORNING: Morning = {
  name: "the bundled example",
  stop: "BS-2026-02",
  data: (dir) => {
    cpSync(EXAMPLE, dir, { recursive: true });
    withEmails(dir);
  },
  steps: stepsOf("BS-2026-02", [], [
    ["absent", "F0006"], ["arrives", "US-CG", "15:00"], ["present", "F0001"], "replan", "send",
    ["window", "F0002", "16:00-18:00"], ["absent", "F0013"], ["undo", "5"], ["leaves", "US-AMCHAM", "17:00"], "replan", "send",
    ["tables", "US-CG", "1"], ["present", "F0007"], ["absent", "F0006"], "replan", "send",
  ]),
};

/**
 * A generated stop (30 firms, 9 delegations, windows): a firm absent, a late delegation, a walk-in
 * firm (F031 is registered for the other stop) and a walk-in delegation, a window narrowed, an
 * absence entered by mistake and undone, a delegation leaving early, a table less, the absent firm back.
 * Planned without the exact polish: the search alone is what a small stop needs, and it is quick.
 */
const GENERATED_MORNING: Morning = {
  name: "a generated stop",
  stop: "BENCH-2026-05",
  data: (dir) => {
    writeInstance(dir, generateInstance("S", 1));
    withEmails(dir);
  },
  steps: stepsOf("BENCH-2026-05", ["--no-exact"], [
    ["absent", "F003"], ["arrives", "US-1", "15:00"], ["present", "F031"], "replan", "send",
    ["window", "F002", "14:40-15:20"], ["absent", "F010"], ["undo", "5"], ["leaves", "DK-1", "16:20"], "replan", "send",
    ["present", "ES-1"], ["tables", "TR-1", "1"], ["present", "F003"], "replan", "send",
  ]),
};

interface Row {
  readonly firmId: string;
  readonly delegationId: string;
  readonly slot: number;
  readonly table: number;
  readonly score: number;
}
const agendaOf = (file: string): Row[] =>
  (parse(readFileSync(file), { columns: true, bom: true }) as Record<string, string>[]).map((r) => ({ firmId: r.firm_id!, delegationId: r.delegation_id!, slot: Number(r.slot), table: Number(r.table), score: Number(r.score) }));

/** Each participant's day in an agenda, as text (the test's own reading). */
function days(rows: readonly Row[]): Map<string, string> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    for (const [k, v] of [[`firm:${r.firmId}`, `${r.slot}/${r.table}/${r.delegationId}`], [`delegation:${r.delegationId}`, `${r.slot}/${r.table}/${r.firmId}`]] as const) out.set(k, [...(out.get(k) ?? []), v]);
  }
  return new Map([...out].map(([k, v]) => [k, v.sort().join(" ")]));
}

/** The stop as the test reads the morning's entries (its own reading of the log's kinds, on the core's applyChanges). */
async function instanceAfter(data: string, stopId: string, entries: readonly string[][]): Promise<StopInstance> {
  const { data: d } = await readDataDir(data, {});
  const stop = d!.stops.find((s) => s.id === stopId)!;
  const change = (participantId: string, over: Partial<StopChange>): StopChange => ({ stopId, participantId, status: null, available: null, tables: null, representatives: null, note: "", ...over });
  const hm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const undone = new Set(entries.filter((e) => e[0] === "undo").map((e) => Number(e[1])));
  // The script's arrivals and departures are of participants without windows: the session cut at one end.
  const changes = entries.flatMap((e, i): StopChange[] => {
    if (undone.has(i + 1)) return [];
    const [kind, id, value] = e as [string, string, string];
    if (kind === "absent" || kind === "present") return [change(id, { status: kind })];
    if (kind === "arrives") return [change(id, { available: [{ start: hm(value), end: stop.end }] })];
    if (kind === "leaves") return [change(id, { available: [{ start: stop.start, end: hm(value) }] })];
    if (kind === "window") return [change(id, { available: [{ start: hm(value.slice(0, 5)), end: hm(value.slice(6)) }] })];
    if (kind === "tables") return [change(id, { tables: Number(value) })];
    return [];
  });
  return applyChanges({ stop, firms: d!.firms, delegations: d!.delegations, requests: d!.requests, scores: d!.scores, history: [] }, changes);
}

interface Status {
  readonly current: number;
  readonly not_told: string[];
  readonly versions: { version: number; agenda: string }[];
}
const status = async (data: string, stop: string) => JSON.parse((await runCli("status", data, "--stop", stop, "--format", "json")).stdout).stops[0] as Status;

/**
 * The test's own account of one morning: the log entries it entered, what each participant
 * was last told, and the checks after each step (rules, kept meetings, messages, status).
 */
class Account {
  private readonly entries: string[][] = [];
  private readonly told = new Map<string, string>();
  private lastSent: Row[] = [];
  private notToldBefore: string[] = [];

  constructor(
    private readonly data: string,
    private readonly stop: string,
  ) {}

  /** Checks the workspace after a step that exited 0 (`stdout` its output, `mail` the messages it sent). */
  async after(step: readonly string[], stdout: string | null, mail: readonly SinkMessage[]): Promise<void> {
    const what = step.slice(4).join(" ") || step[0]!;
    const s = await status(this.data, this.stop);
    const current = s.versions.find((v) => v.version === s.current);
    if (step[0] === "change") {
      this.entries.push(step.slice(4));
      if (stdout !== null) expect(stdout, what).toMatch(new RegExp(`^Entry ${this.entries.length} `));
    }
    if (step[0] === "schedule" || step[0] === "replan") {
      const rows = agendaOf(current!.agenda);
      const instance = await instanceAfter(this.data, this.stop, this.entries);
      const score = new Map(scorePairs(instance).map((p) => [`${p.firm.id}|${p.delegation.id}`, p.affinity.score]));
      expect(checkAgenda(instance, buildSlots(instance.stop), { allowRepeats: false, scoreOf: (f, d) => score.get(`${f}|${d}`) ?? 0 }, rows), what).toEqual([]);
      // Nothing comes back that the log says is absent.
      const away = new Set([...instance.firms.filter((f) => !f.stops.includes(this.stop)).map((f) => f.id), ...instance.delegations.filter((d) => d.stops !== null && !d.stops.includes(this.stop)).map((d) => d.id)]);
      expect(rows.filter((m) => away.has(m.firmId) || away.has(m.delegationId)), what).toEqual([]);
      if (step[0] === "replan") {
        // Every meeting of the version last sent that is still valid is unchanged.
        const slots = buildSlots(instance.stop);
        const present = (available: StopInstance["firms"][number]["available"], slot: number) => {
          const sl = slots[slot - 1]!;
          return available === null || available.some((w) => w.start <= sl.start && sl.end <= w.end);
        };
        const firm = new Map(instance.firms.map((f) => [f.id, f]));
        // A delegation with fewer tables than it used loses meetings by capacity: which ones is the re-plan's choice.
        const fewerTables = new Set(instance.delegations.filter((d) => d.tables < new Set(this.lastSent.filter((m) => m.delegationId === d.id).map((m) => m.table)).size).map((d) => d.id));
        const delegation = new Map(instance.delegations.map((d) => [d.id, d]));
        const valid = this.lastSent.filter((m) => !away.has(m.firmId) && !away.has(m.delegationId) && present(firm.get(m.firmId)!.available, m.slot) && present(delegation.get(m.delegationId)!.available, m.slot) && !fewerTables.has(m.delegationId));
        const now = new Set(rows.map((m) => `${m.firmId}|${m.delegationId}|${m.slot}|${m.table}`));
        expect(valid.filter((m) => !now.has(`${m.firmId}|${m.delegationId}|${m.slot}|${m.table}`)), what).toEqual([]);
        if (stdout !== null) {
          expect(stdout, what).toContain(`Idle gaps between meetings: firms ${countGaps(current!.agenda).firms} (`);
          // Everyone was told the base version: the re-plan's "to notify" is whom send will mail.
          expect(stdout, what).toContain(`; ${s.not_told.length} participants to notify`);
          expect(stdout, what).toContain(`Not told yet: ${s.not_told.length}\n`);
        }
      }
    }
    if (step[0] === "send") {
      // Exactly the participants not told before this send got one message each (everyone has an email here).
      expect(mail.map((m) => m.to.join(",")).sort(), what).toEqual(this.notToldBefore.map(emailOf).sort());
      const previous = days(this.lastSent);
      const before = this.lastSent;
      // Who is away now, by the test's own reading of the log: a meeting lost to them says why.
      const instance = await instanceAfter(this.data, this.stop, this.entries);
      const away = new Set([...instance.firms.filter((f) => !f.stops.includes(this.stop)).map((f) => `firm:${f.id}`), ...instance.delegations.filter((d) => d.stops !== null && !d.stops.includes(this.stop)).map((d) => `delegation:${d.id}`)]);
      this.lastSent = agendaOf(current!.agenda);
      const sent = days(this.lastSent);
      // An update says so; one whose meetings are all gone is told they are cancelled.
      for (const m of mail) {
        const key = this.notToldBefore.find((k) => emailOf(k) === m.to[0])!;
        const parsed = await simpleParser(m.bytes);
        const first = `${parsed.subject}\n${(parsed.text ?? "").split("\n")[0]}`;
        if (previous.has(key) && !sent.has(key)) expect(first, key).toMatch(/cancel|annull/i);
        else if (this.told.has(key)) expect(first, key).toMatch(/updat|aggiorn/i);
        const now = new Set(this.lastSent.map((r) => `${r.firmId}|${r.delegationId}`));
        const lostToAway = before.filter((r) => (`firm:${r.firmId}` === key || `delegation:${r.delegationId}` === key) && !now.has(`${r.firmId}|${r.delegationId}`) && (away.has(`firm:${r.firmId}`) || away.has(`delegation:${r.delegationId}`)));
        if (lostToAway.length > 0) expect(parsed.text, `${key}: why its meetings are cancelled`).toMatch(/is not coming/);
      }
      for (const [k, v] of sent) this.told.set(k, v);
      // Also those whose day is now empty: they were told their cancellations.
      for (const k of this.told.keys()) if (!sent.has(k)) this.told.set(k, "");
    }
    // status names exactly the participants whose current day is not the day they were last sent.
    const now = current === undefined ? new Map<string, string>() : days(agendaOf(current.agenda));
    const expected = [...new Set([...now.keys(), ...this.told.keys()])]
      .filter((k) => (now.get(k) ?? "") !== (this.told.get(k) ?? ""))
      .sort((a, b) => (a.split(":")[0] === b.split(":")[0] ? (a < b ? -1 : 1) : a.startsWith("firm") ? -1 : 1));
    expect(s.not_told, what).toEqual(expected.map((k) => k.split(":")[1]));
    this.notToldBefore = expected;
  }
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-workspace-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each([EXAMPLE_MORNING, GENERATED_MORNING])("a stop's morning in its workspace: $name", (morning) => {
  it("keeps sent meetings, tells exactly who changed, once, and status names who is not told", async () => {
    const data = path.join(work, `morning-${morning.stop}`);
    morning.data(data);
    const smtp = await smtpSink();
    try {
      const account = new Account(data, morning.stop);
      for (const step of morning.steps(data, smtp.url)) {
        const before = smtp.received.length;
        const r = await runCli(...step);
        expect(r.code, `${step.join(" ")}\n${r.stderr}`).toBe(0);
        await account.after(step, r.stdout, smtp.received.slice(before));
      }
      const ids = await Promise.all(smtp.received.map(async (m) => (await simpleParser(m.bytes)).messageId));
      expect(new Set(ids).size).toBe(ids.length);
      // Re-running send and replan adds nothing.
      const before = smtp.received.length;
      expect((await runCli("send", data, "--stop", morning.stop, "--organizer", ORGANIZER, "--smtp", smtp.url)).code).toBe(0);
      const again = await runCli("replan", data, "--stop", morning.stop);
      expect(again.stdout).toContain("nothing added");
      expect(smtp.received.length).toBe(before);
      const diff = await runCli("diff", data, "--stop", morning.stop, "1", "2");
      expect(diff.code).toBe(0);
      expect(diff.stdout).toContain(morning.steps(data, smtp.url)[2]![5]);
    } finally {
      await smtp.close();
    }
  }, 240_000);
});

/** Where a step is killed: once its write has begun (a file or folder appears), or at a message of its send. */
type KillPoint = { readonly kind: "file"; readonly appeared: () => boolean; readonly after: number } | { readonly kind: "message"; readonly at: number };

/** The stop's lock, a version's staging folder, a send's staging folder: present only while a step writes. */
function writing(data: string, stop: string, folder: "versions" | "sends" | null): () => boolean {
  const lock = path.join(data, "workspace", `.${stop}.roadshow-lock`);
  const dir = folder === null ? null : path.join(data, "workspace", stop, folder);
  return () => {
    if (dir === null) return existsSync(lock);
    try {
      return readdirSync(dir).some((e) => e.includes(".staging-"));
    } catch {
      return false;
    }
  };
}

describe("a stop's workspace under kill -9", () => {
  it("ends in the same state with the same messages, none twice, when every step is killed inside its write and run again", async () => {
    const morning = GENERATED_MORNING;
    const plain = path.join(work, "plain");
    const killed = path.join(work, "killed");
    morning.data(plain);
    morning.data(killed);
    let intercept: ((to: readonly string[]) => Promise<boolean>) | null = null;
    const a = await smtpSink();
    const b = await smtpSink({ intercept: (to) => intercept?.(to) ?? false });
    const env = { PATH: process.env.PATH ?? "", LANG: "en_GB.UTF-8" };
    try {
      const plainAccount = new Account(plain, morning.stop);
      const killedAccount = new Account(killed, morning.stop);
      const plainSteps = morning.steps(plain, a.url);
      const killedSteps = morning.steps(killed, b.url);
      let stoppedByKill = 0;
      for (const [i, step] of plainSteps.entries()) {
        const before = a.received.length;
        const r = await runCli(...step);
        expect(r.code, `${step.join(" ")}\n${r.stderr}`).toBe(0);
        await plainAccount.after(step, r.stdout, a.received.slice(before));
        const sentByPlain = a.received.length - before;

        // The same step on the other folder, in its own process, killed once its write has begun.
        const argv = killedSteps[i]!;
        const point: KillPoint = argv[0] === "send"
          ? { kind: "message", at: Math.max(1, Math.ceil(sentByPlain / 2)) }
          : { kind: "file", appeared: writing(killed, morning.stop, argv[0] === "change" ? null : "versions"), after: argv[0] === "change" ? (i * 7) % 20 : 0 };
        const beforeKilled = b.received.length;
        const child = spawn(process.execPath, [BIN, ...argv], { env, stdio: "ignore" });
        const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
        let count = 0;
        if (point.kind === "message") {
          intercept = async () => {
            if (++count < point.at) return false;
            intercept = null;
            child.kill("SIGKILL");
            await exited;
            return true;
          };
        } else {
          const poll = setInterval(() => {
            if (!point.appeared()) return;
            clearInterval(poll);
            setTimeout(() => child.kill("SIGKILL"), point.after);
          }, 1);
          void exited.then(() => clearInterval(poll));
        }
        const signal = await exited;
        intercept = null;
        if (signal === "SIGKILL") stoppedByKill++;
        // A send is killed while the server holds a message: it cannot have finished first.
        if (point.kind === "message" && sentByPlain > 0) expect(signal, `${argv.join(" ")} killed at message ${point.at}`).toBe("SIGKILL");
        const again = await runCli(...argv);
        expect(again.code, `${argv.join(" ")} after kill\n${again.stderr}`).toBe(0);
        // The entry's number may have been printed by the killed run: the re-run then says "already". So may a
        // plan whose version the killed run committed just before the kill landed (a busy machine): no summary then.
        const finished = argv[0] === "change" || / was already planned from these inputs /.test(again.stdout);
        await killedAccount.after(argv, finished ? null : again.stdout, b.received.slice(beforeKilled));
      }
      // Most steps were stopped mid-way, not after they finished (the sends always are).
      expect(stoppedByKill).toBeGreaterThan(plainSteps.length / 2);
      const pa = await status(plain, morning.stop);
      const pb = await status(killed, morning.stop);
      expect(pb.current).toBe(pa.current);
      expect(pb.not_told).toEqual(pa.not_told);
      for (const v of pa.versions) expect(readFileSync(pb.versions.find((x) => x.version === v.version)!.agenda)).toEqual(readFileSync(v.agenda));
      const sent = async (d: readonly SinkMessage[]) => (await Promise.all(d.map(async (m) => `${m.to.join(",")} ${(await simpleParser(m.bytes)).messageId}`))).sort();
      const sentB = await sent(b.received);
      expect(new Set(sentB).size).toBe(sentB.length);
      expect(sentB).toEqual(await sent(a.received));
      // The same log, entry for entry (when each was entered aside).
      const log = (data: string) => readFileSync(path.join(data, "workspace", morning.stop, "log.csv"), "utf8").split("\n").map((l) => l.split(",").filter((_, i) => i !== 1).join(","));
      expect(log(killed)).toEqual(log(plain));
    } finally {
      await a.close();
      await b.close();
    }
  }, 240_000);
});
