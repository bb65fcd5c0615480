/**
 * A scripted morning on the bundled example's workspace (change, schedule, replan, send, status,
 * diff) through a real SMTP server on 127.0.0.1 read with mailparser: after every step the agenda
 * obeys every rule, still-valid meetings of the version last sent stay, status names exactly who
 * is not told, and each participant gets exactly one message per change to its own day; then the
 * same morning with every command killed (SIGKILL) once and run again ends in the same state.
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyChanges, buildSlots, scorePairs, type StopChange, type StopInstance } from "@roadshow/core";
import { readDataDir } from "../packages/cli/src/read/index.js";
import { runCli } from "../packages/cli/test/run-cli.js";
import { checkAgenda } from "../oracle/verify.js";
import { countGaps } from "./agenda-gaps.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const EXAMPLE = path.join(ROOT, "examples/lombardia-2026");
const BIN = path.join(ROOT, "packages/cli/dist/bin.js");
const STOP = "BS-2026-02";
const ORGANIZER = "Confindustria Lombardia <eventi@example.it>";

interface Delivered {
  readonly to: string;
  readonly messageId: string;
  readonly subject: string;
  readonly text: string;
}

/** A local SMTP server that records every message it accepts, parsed by mailparser. */
async function smtpServer() {
  const delivered: Delivered[] = [];
  const pending: Promise<void>[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        // The envelope is the connection's: read it now, before the next message resets it.
        const to = session.envelope.rcptTo.map((r) => r.address).join(",");
        pending.push(simpleParser(raw).then((m) => {
          delivered.push({ to, messageId: m.messageId ?? "", subject: m.subject ?? "", text: m.text ?? "" });
        }));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { delivered, settle: () => Promise.all(pending), url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The example with an email for every firm and delegation: f0001@firms.example, us-cg@delegations.example. */
function dataWithEmails(dir: string): void {
  cpSync(EXAMPLE, dir, { recursive: true });
  for (const [file, id, domain] of [["firms.csv", "firm_id", "firms"], ["delegations.csv", "delegation_id", "delegations"]] as const) {
    const rows = parse(readFileSync(path.join(dir, file)), { columns: true, bom: true }) as Record<string, string>[];
    writeFileSync(path.join(dir, file), stringify(rows.map((r) => ({ ...r, email: `${r[id]!.toLowerCase()}@${domain}.example` })), { header: true }));
  }
}

const emailOf = (key: string) => {
  const [kind, id] = key.split(":") as [string, string];
  return `${id.toLowerCase()}@${kind === "firm" ? "firms" : "delegations"}.example`;
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

/** The morning: each step a command line after `roadshow`, with what the test expects to follow. */
type Step = readonly string[];
const morning = (data: string, smtp: string): Step[] => {
  const c = (...a: string[]) => ["change", data, "--stop", STOP, ...a];
  const replan = ["replan", data, "--stop", STOP];
  const send = ["send", data, "--stop", STOP, "--organizer", ORGANIZER, "--smtp", smtp];
  return [
    ["schedule", data, "--stop", STOP], send,
    c("absent", "F0006"), c("arrives", "US-CG", "15:00"), c("present", "F0001"), replan, send,
    c("window", "F0002", "16:00-18:00"), c("absent", "F0013"), c("undo", "5"), c("leaves", "US-AMCHAM", "17:00"), replan, send,
    c("tables", "US-CG", "1"), c("present", "F0007"), c("absent", "F0006"), replan, send,
  ];
};

/** The stop as the test reads the morning's entries (its own reading of the log's kinds, on the core's applyChanges). */
async function instanceAfter(data: string, entries: readonly string[][]): Promise<StopInstance> {
  const { data: d } = await readDataDir(data, {});
  const stop = d!.stops.find((s) => s.id === STOP)!;
  const change = (participantId: string, over: Partial<StopChange>): StopChange => ({ stopId: STOP, participantId, status: null, available: null, tables: null, representatives: null, note: "", ...over });
  const hm = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  const undone = new Set(entries.filter((e) => e[0] === "undo").map((e) => Number(e[1])));
  const changes = entries.flatMap((e, i): StopChange[] => {
    if (undone.has(i + 1)) return [];
    const [kind, id, value] = e as [string, string, string];
    if (kind === "absent" || kind === "present") return [change(id, { status: kind })];
    if (kind === "arrives") return [change(id, { available: [{ start: hm(value), end: 18 * 60 }] })];
    if (kind === "leaves") return [change(id, { available: [{ start: 14 * 60, end: hm(value) }] })];
    if (kind === "window") return [change(id, { available: [{ start: hm(value.slice(0, 5)), end: hm(value.slice(6)) }] })];
    if (kind === "tables") return [change(id, { tables: Number(value) })];
    return [];
  });
  return applyChanges({ stop, firms: d!.firms, delegations: d!.delegations, requests: d!.requests, scores: null, history: [] }, changes);
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-workspace-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const status = async (data: string) => JSON.parse((await runCli("status", data, "--stop", STOP, "--format", "json")).stdout).stops[0] as { current: number; not_told: string[]; versions: { version: number; agenda: string }[] };

describe("a stop's morning in its workspace", () => {
  it("keeps sent meetings, tells exactly who changed, once, and status names who is not told", async () => {
    const data = path.join(work, "morning");
    dataWithEmails(data);
    const smtp = await smtpServer();
    try {
      const entries: string[][] = [];
      /** participant key → the agenda (rows) it was last sent. */
      const told = new Map<string, string>();
      let lastSent: Row[] = [];
      let notToldBefore: string[] = [];
      for (const step of morning(data, smtp.url)) {
        const deliveredBefore = smtp.delivered.length;
        const r = await runCli(...step);
        expect(r.code, `${step.join(" ")}\n${r.stderr}`).toBe(0);
        const s = await status(data);
        const current = s.versions.find((v) => v.version === s.current);
        if (step[0] === "change") {
          entries.push(step.slice(4));
          expect(r.stdout).toMatch(new RegExp(`^Entry ${entries.length} `));
        }
        if (step[0] === "schedule" || step[0] === "replan") {
          const rows = agendaOf(current!.agenda);
          const instance = await instanceAfter(data, entries);
          const score = new Map(scorePairs(instance).map((p) => [`${p.firm.id}|${p.delegation.id}`, p.affinity.score]));
          expect(checkAgenda(instance, buildSlots(instance.stop), { allowRepeats: false, scoreOf: (f, d) => score.get(`${f}|${d}`) ?? 0 }, rows), step.join(" ")).toEqual([]);
          // Nothing comes back that the log says is absent.
          const away = new Set([...instance.firms.filter((f) => !f.stops.includes(STOP)).map((f) => f.id), ...instance.delegations.filter((d) => d.stops !== null && !d.stops.includes(STOP)).map((d) => d.id)]);
          expect(rows.filter((m) => away.has(m.firmId) || away.has(m.delegationId))).toEqual([]);
          // Every meeting of the version last sent that is still valid is unchanged.
          if (step[0] === "replan") {
            const slots = buildSlots(instance.stop);
            const present = (available: StopInstance["firms"][number]["available"], slot: number) => {
              const sl = slots[slot - 1]!;
              return available === null || available.some((w) => w.start <= sl.start && sl.end <= w.end);
            };
            const firm = new Map(instance.firms.map((f) => [f.id, f]));
            // A delegation with fewer tables than it used loses meetings by capacity: which ones is the re-plan's choice.
            const fewerTables = new Set(instance.delegations.filter((d) => d.tables < new Set(lastSent.filter((m) => m.delegationId === d.id).map((m) => m.table)).size).map((d) => d.id));
            const delegation = new Map(instance.delegations.map((d) => [d.id, d]));
            const valid = lastSent.filter((m) => !away.has(m.firmId) && !away.has(m.delegationId) && present(firm.get(m.firmId)!.available, m.slot) && present(delegation.get(m.delegationId)!.available, m.slot) && !fewerTables.has(m.delegationId));
            const now = new Set(rows.map((m) => `${m.firmId}|${m.delegationId}|${m.slot}|${m.table}`));
            expect(valid.filter((m) => !now.has(`${m.firmId}|${m.delegationId}|${m.slot}|${m.table}`)), step.join(" ")).toEqual([]);
            expect(r.stdout).toContain(`Idle gaps between meetings: firms ${countGaps(current!.agenda).firms} (`);
          }
        }
        if (step[0] === "send") {
          await smtp.settle();
          // Exactly the participants not told before this send got one message each (everyone has an email here).
          const got = smtp.delivered.slice(deliveredBefore).map((m) => m.to).sort();
          expect(got, step.join(" ")).toEqual(notToldBefore.map(emailOf).sort());
          lastSent = agendaOf(current!.agenda);
          for (const [k, v] of days(lastSent)) told.set(k, v);
          // Also those whose day is now empty: they were told their cancellations.
          for (const k of told.keys()) if (!days(lastSent).has(k)) told.set(k, "");
        }
        // status names exactly the participants whose current day is not the day they were last sent.
        const now = current === undefined ? new Map<string, string>() : days(agendaOf(current.agenda));
        const expected = [...new Set([...now.keys(), ...told.keys()])].filter((k) => (now.get(k) ?? "") !== (told.get(k) ?? "")).sort((a, b) => (a.split(":")[0] === b.split(":")[0] ? (a < b ? -1 : 1) : a.startsWith("firm") ? -1 : 1));
        expect(s.not_told, step.join(" ")).toEqual(expected.map((k) => k.split(":")[1]));
        notToldBefore = expected;
      }
      await smtp.settle();
      const ids = smtp.delivered.map((m) => m.messageId);
      expect(new Set(ids).size).toBe(ids.length);
      // The absent firm's message cancels its meetings; an update says so.
      const f6 = smtp.delivered.filter((m) => m.to === "f0006@firms.example");
      expect(f6.length).toBeGreaterThanOrEqual(2);
      // Re-running send and replan adds nothing.
      const before = smtp.delivered.length;
      expect((await runCli("send", data, "--stop", STOP, "--organizer", ORGANIZER, "--smtp", smtp.url)).code).toBe(0);
      const again = await runCli("replan", data, "--stop", STOP);
      expect(again.stdout).toContain("nothing added");
      await smtp.settle();
      expect(smtp.delivered.length).toBe(before);
      const diff = await runCli("diff", data, "--stop", STOP, "1", "2");
      expect(diff.code).toBe(0);
      expect(diff.stdout).toContain("F0006");
    } finally {
      await smtp.close();
    }
  }, 240_000);

  // Over 600 s on CI's two cores: run on demand with ROADSHOW_SLOW=1 until it is made faster.
  it.skipIf(process.env.ROADSHOW_SLOW !== "1")("ends in the same state and sends the same messages, none twice, when every command is killed once and run again", async () => {
    const plain = path.join(work, "plain");
    const killed = path.join(work, "killed");
    dataWithEmails(plain);
    dataWithEmails(killed);
    const a = await smtpServer();
    const b = await smtpServer();
    const env = { ...process.env, LANG: "en_GB.UTF-8", ROADSHOW_USER: "desk" };
    try {
      const steps = morning("DATA", "SMTP");
      const argv = (step: Step, data: string, url: string) => step.map((x) => (x === "DATA" ? data : x === "SMTP" ? url : x));
      // The SMTP servers run in this process: the commands run asynchronously so that they can answer.
      const runBin = (args: readonly string[]) => new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
        child.once("close", (status) => resolve({ status, stderr }));
      });
      for (const [i, step] of steps.entries()) {
        const r = await runBin(argv(step, plain, a.url));
        expect(r.status, `${step.join(" ")}\n${r.stderr}`).toBe(0);
        // Killed after a delay that walks through the command's life, then the same command again.
        const child = spawn(process.execPath, [BIN, ...argv(step, killed, b.url)], { env, stdio: "ignore" });
        await new Promise((resolve) => setTimeout(resolve, 150 + ((i * 137) % 900)));
        child.kill("SIGKILL");
        await new Promise((resolve) => child.once("exit", resolve));
        const again = await runBin(argv(step, killed, b.url));
        expect(again.status, `${step.join(" ")} after kill\n${again.stderr}`).toBe(0);
      }
      await a.settle();
      await b.settle();
      const pa = await status(plain);
      const pb = await status(killed);
      expect(pb.current).toBe(pa.current);
      expect(pb.not_told).toEqual(pa.not_told);
      for (const v of pa.versions) expect(readFileSync(pb.versions.find((x) => x.version === v.version)!.agenda)).toEqual(readFileSync(v.agenda));
      const sent = (d: Delivered[]) => d.map((m) => `${m.to} ${m.messageId}`).sort();
      expect(new Set(sent(b.delivered)).size).toBe(b.delivered.length);
      expect(sent(b.delivered)).toEqual(sent(a.delivered));
      // The same log, entry for entry (when each was entered aside).
      const log = (data: string) => readFileSync(path.join(data, "workspace", STOP, "log.csv"), "utf8").split("\n").map((l) => l.split(",").filter((_, i) => i !== 1).join(","));
      expect(log(killed)).toEqual(log(plain));
    } finally {
      await a.close();
      await b.close();
    }
  }, 600_000);
});

