/**
 * Ctrl-C (a real SIGINT to the built binary) while a message is in flight to a local SMTP server
 * that delays its 250, in `mail` and in `followup`: the message is finished and journaled, the
 * lock removed, the exit 130; the next run sends the rest and nobody twice.
 * `pnpm test` builds first; run `pnpm build` before running this file alone.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addContacts, smtpSink } from "./mail-fixture.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "packages/cli/dist/bin.js");
const STOP = "BS-2026-02";
const ORGANIZER = "Confindustria Lombardia <eventi@example.it>";

let work: string;
let data: string;
let agenda: string;

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the binary; `onChild` gets the process (to signal it). */
function roadshow(args: readonly string[], onChild: (child: ReturnType<typeof spawn>) => void = () => {}): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, LANG: "en_GB.UTF-8" } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  onChild(child);
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

const journal = (out: string): Record<string, string>[] => parse(readFileSync(path.join(out, "sent.csv")), { columns: true, bom: true });
const mailArgs = (out: string, url: string) => ["mail", data, "--stop", STOP, "--agenda", agenda, "--out", out, "--organizer", ORGANIZER, "--smtp", url];
const lockLeft = (out: string) => readdirSync(path.dirname(out)).filter((e) => e.startsWith(`.${path.basename(out)}.`));

beforeAll(async () => {
  expect(existsSync(BIN), "run `pnpm build` first").toBe(true);
  work = mkdtempSync(path.join(tmpdir(), "roadshow-mail-int-"));
  data = path.join(work, "data");
  cpSync(path.join(ROOT, "examples/lombardia-2026"), data, { recursive: true });
  addContacts(data, (kind, id) => ({ email: kind === "firm" ? `info@${id.toLowerCase()}.example.it` : `trade@${id.toLowerCase()}.example` }));
  const planned = await roadshow(["schedule", data, "--stop", STOP, "--out", path.join(work, "plan"), "--no-exact"]);
  expect(planned.code, planned.stderr).toBe(0);
  agenda = path.join(work, "plan", "agenda.csv");
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("Ctrl-C while the server delays its 250", () => {
  for (const slow of [1, 3]) {
    it(`message ${slow} in flight: finished and journaled, lock removed, exit 130; the next run sends only the rest`, async () => {
      const out = path.join(work, `out-${slow}`);
      let child: ReturnType<typeof spawn> | undefined;
      const server = await smtpSink({ delay: { nth: slow, ms: 1_500, onData: () => child!.kill("SIGINT") } });
      let first: Run;
      try {
        first = await roadshow(mailArgs(out, server.url), (c) => (child = c));
      } finally {
        await server.close();
      }
      expect(first.signal, first.stderr).toBeNull();
      expect(first.code, first.stderr).toBe(130);
      expect(first.stderr).toMatch(/interrupted: sent \d+ messages? in this run/);
      // Every message the server accepted (the one in flight included) is in sent.csv, and no other.
      expect(server.received).toHaveLength(slow);
      expect(journal(out).map((r) => r.message_id)).toEqual(server.received.map((a) => a.messageId));
      expect(lockLeft(out)).toEqual([]);

      const again = await smtpSink();
      let second: Run;
      try {
        second = await roadshow(mailArgs(out, again.url));
      } finally {
        await again.close();
      }
      expect(second.code, second.stderr).toBe(0);
      const everyone = [...server.received, ...again.received];
      expect(new Set(everyone.map((a) => a.to.join(","))).size).toBe(everyone.length);
      expect(new Set(everyone.map((a) => a.messageId))).toEqual(new Set(journal(out).map((r) => r.message_id)));
      const emls = ["firms", "delegations"].flatMap((side) => readdirSync(path.join(out, side)));
      expect(everyone).toHaveLength(emls.length);
      expect(lockLeft(out)).toEqual([]);
    }, 60_000);
  }
});

describe("followup: Ctrl-C while the server delays its 250", () => {
  it("finishes and journals the message in flight, removes the workspace lock, exits 130; the next run sends only the rest", async () => {
    const out = (n: number) => path.join(work, `followup-${n}`);
    const args = (n: number, url: string) => ["followup", data, "--stop", STOP, "--agenda", agenda, "--out", out(n), "--organizer", ORGANIZER, "--smtp", url];
    const journalFile = path.join(data, "workspace", STOP, "followup-sent.csv");
    let child: ReturnType<typeof spawn> | undefined;
    const server = await smtpSink({ delay: { nth: 2, ms: 1_500, onData: () => child!.kill("SIGINT") } });
    let first: Run;
    try {
      first = await roadshow(args(1, server.url), (c) => (child = c));
    } finally {
      await server.close();
    }
    expect(first.code, first.stderr).toBe(130);
    expect(server.received).toHaveLength(2);
    const journaled = () => (parse(readFileSync(journalFile), { columns: true, bom: true }) as Record<string, string>[]).map((r) => r.message_id);
    expect(journaled()).toEqual(server.received.map((a) => a.messageId));
    expect(readdirSync(path.join(data, "workspace")).filter((e) => e.includes("roadshow-lock"))).toEqual([]);

    const again = await smtpSink();
    let second: Run;
    try {
      second = await roadshow(args(2, again.url));
    } finally {
      await again.close();
    }
    expect(second.code, second.stderr).toBe(0);
    const everyone = [...server.received, ...again.received].map((a) => a.to.join(","));
    expect(new Set(everyone).size).toBe(everyone.length);
    expect(again.received.length).toBeGreaterThan(0);
  }, 60_000);
});
