/**
 * `roadshow mail` as an organiser runs it (the built binary) on a copy of the example with
 * `email` and `lang` columns (firms it, delegations en), under `--lang it`: one .eml per
 * participant, the right Content-Language and a REQUEST invitation each; two `--smtp` runs
 * against a local server that fails half-way deliver every message exactly once.
 * `pnpm test` builds first; run `pnpm build` before running this file alone.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addContacts, smtpSink, type SinkMessage } from "./mail-fixture.js";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "packages/cli/dist/bin.js");
const STOP = "BS-2026-02";
const ORGANIZER = "Confindustria Lombardia <eventi@example.it>";
const run = promisify(execFile);

let work: string;
let data: string;
let agenda: string;

async function roadshow(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, LANG: "en_GB.UTF-8" } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** The Message-IDs a sink accepted, in order. */
const ids = (sink: { readonly received: readonly SinkMessage[] }) => sink.received.map((m) => m.messageId);

const emls = (dir: string): string[] =>
  ["firms", "delegations"].flatMap((side) => (existsSync(path.join(dir, side)) ? readdirSync(path.join(dir, side)).map((f) => path.join(dir, side, f)) : []));

beforeAll(async () => {
  expect(existsSync(BIN), "run `pnpm build` first").toBe(true);
  work = mkdtempSync(path.join(tmpdir(), "roadshow-mail-"));
  data = path.join(work, "data");
  cpSync(path.join(ROOT, "examples/lombardia-2026"), data, { recursive: true });
  addContacts(data, (kind, id) => (kind === "firm" ? { lang: "it", email: `info@${id.toLowerCase()}.example.it` } : { lang: "en", email: `trade@${id.toLowerCase()}.example` }));
  const planned = await roadshow("--lang", "it", "schedule", data, "--stop", STOP, "--out", path.join(work, "plan"));
  expect(planned.code, planned.stderr).toBe(0);
  agenda = path.join(work, "plan", "agenda.csv");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("roadshow mail on the example with email and lang columns", () => {
  it("writes an .eml for each of the 80 participants, with a REQUEST invitation and the right Content-Language", async () => {
    const out = path.join(work, "mail");
    const r = await roadshow("--lang", "it", "mail", data, "--stop", STOP, "--agenda", agenda, "--out", out, "--organizer", ORGANIZER);
    expect(r.code, r.stderr).toBe(0);
    const files = emls(out);
    expect(files.filter((f) => f.includes(`${path.sep}firms${path.sep}`))).toHaveLength(68);
    expect(files.filter((f) => f.includes(`${path.sep}delegations${path.sep}`))).toHaveLength(12);
    for (const file of files) {
      const mail = await simpleParser(readFileSync(file));
      const firm = file.includes(`${path.sep}firms${path.sep}`);
      expect(mail.headers.get("content-language"), file).toBe(firm ? "it" : "en");
      const part = mail.attachments.find((a) => a.contentType === "text/calendar")!;
      const calendar = new ICAL.Component(ICAL.parse(part.content.toString("utf8")));
      expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
      const event = calendar.getFirstSubcomponent("vevent")!;
      expect(event.getFirstPropertyValue("organizer")).toBe("mailto:eventi@example.it");
      // A URI scheme is case-insensitive (RFC 3986 §3.1): `MAILTO:` would be as right.
      expect(event.getFirstPropertyValue("attendee")).toMatch(/^mailto:(info|trade)@/i);
      expect(mail.text).toMatch(firm ? /Spett\.le|Gentile/ : /Dear/);
      expect(`${mail.text}${mail.html}${part.content.toString("utf8")}`).not.toMatch(/\(\+\d/);
    }
    // A re-run gives the same bytes and leaves the files as they are (no --force needed).
    const before = files.map((f) => readFileSync(f).toString("base64"));
    const again = await roadshow("--lang", "it", "mail", data, "--stop", STOP, "--agenda", agenda, "--out", out, "--organizer", ORGANIZER);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("(0 scritti)");
    expect(files.map((f) => readFileSync(f).toString("base64"))).toEqual(before);
  });

  it("two --smtp runs, the first against a server failing half-way, deliver each message exactly once", async () => {
    const out = path.join(work, "sent");
    const args = ["--lang", "it", "mail", data, "--stop", STOP, "--agenda", agenda, "--out", out, "--organizer", ORGANIZER];
    const failing = await smtpSink({ acceptUpTo: 35 });
    const first = await roadshow(...args, "--smtp", failing.url);
    await failing.close();
    expect(first.code, first.stderr).toBe(4);
    expect(first.stderr).toMatch(/Inviati 35 messaggi in questa esecuzione/);
    const healthy = await smtpSink();
    const second = await roadshow(...args, "--smtp", healthy.url);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain("inviati 45, già inviati prima 35");
    const third = await roadshow(...args, "--smtp", healthy.url);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain("inviati 0, già inviati prima 80");
    await healthy.close();
    const delivered = [...ids(failing), ...ids(healthy)];
    expect(delivered).toHaveLength(80);
    expect(new Set(delivered).size).toBe(80);
    const journal = parse(readFileSync(path.join(out, "sent.csv")), { columns: true }) as Record<string, string>[];
    expect(journal.map((j) => j.message_id).sort()).toEqual([...delivered].sort());

    // The agenda changes (a meeting dropped): the folder is replaced only with --force, the
    // journal survives it, and only the two participants of that meeting are mailed again.
    const lines = readFileSync(agenda, "utf8").split("\n");
    const edited = path.join(work, "edited-agenda.csv");
    writeFileSync(edited, [lines[0], ...lines.slice(2)].join("\n"));
    const dropped = lines[1]!.split(",");
    const changed = ["mail", data, "--stop", STOP, "--agenda", edited, "--previous", agenda, "--out", out, "--organizer", ORGANIZER];
    const refused = await roadshow(...changed);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/--force/);
    const later = await smtpSink();
    const fourth = await roadshow(...changed, "--smtp", later.url, "--force");
    await later.close();
    expect(fourth.code, fourth.stderr).toBe(0);
    expect(ids(later)).toHaveLength(2);
    const mails = await Promise.all(["firms", "delegations"].map(async (side) => simpleParser(readFileSync(path.join(out, side, `${dropped[side === "firms" ? 8 : 6]}.eml`)))));
    expect(mails.map((m) => m.messageId).sort()).toEqual([...ids(later)].sort());
    expect(readFileSync(path.join(out, "sent.csv"), "utf8").trim().split("\n")).toHaveLength(1 + 82);
  });

  it("--dry-run lists every message and writes and sends nothing", async () => {
    const out = path.join(work, "dry");
    const server = await smtpSink();
    const r = await roadshow("--lang", "it", "mail", data, "--stop", STOP, "--agenda", agenda, "--out", out, "--organizer", ORGANIZER, "--smtp", server.url, "--dry-run");
    await server.close();
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split("\n").filter((l) => l.startsWith("da inviare"))).toHaveLength(80);
    expect(ids(server)).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });

  it("after a re-plan: --changes mails exactly the participants replan says to notify, with their cancellations", async () => {
    const day = path.join(work, "day");
    const replan = await roadshow("replan", data, "--stop", STOP, "--previous", agenda, "--changes", path.join(data, "day-of", "changes.csv"), "--out", day);
    expect(replan.code, replan.stderr).toBe(0);
    const notify = Number(/(\d+) participants to notify/.exec(replan.stdout)![1]);
    const changes = parse(readFileSync(path.join(day, "changes.csv")), { columns: true }) as Record<string, string>[];
    const named = [...new Set(changes.map((c) => `${c.participant_kind === "firm" ? "firms" : "delegations"}/${c.participant_id}.eml`))].sort();
    expect(named).toHaveLength(notify);
    const out = path.join(work, "day-mail");
    const stopChanges = path.join(data, "day-of", "changes.csv");
    const r = await roadshow("mail", data, "--stop", STOP, "--agenda", path.join(day, "agenda.csv"), "--changes", path.join(day, "changes.csv"), "--previous", agenda, "--stop-changes", stopChanges, "--out", out, "--organizer", ORGANIZER);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/warning|skipped/);
    expect(emls(out).map((f) => path.relative(out, f).split(path.sep).join("/")).sort()).toEqual(named);
    const cancelled = changes.find((c) => c.change === "cancelled" && c.participant_kind === "firm")!;
    const mail = await simpleParser(readFileSync(path.join(out, "firms", `${cancelled.participant_id}.eml`)));
    const cancel = mail.attachments.map((a) => a.content.toString("utf8")).find((c) => c.includes("METHOD:CANCEL"))!;
    const event = new ICAL.Component(ICAL.parse(cancel)).getAllSubcomponents("vevent").find((e) => String(e.getFirstPropertyValue("uid")).includes(cancelled.counterpart_id!));
    expect(event?.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("participants without an email are skipped and named on stderr", async () => {
    const copy = path.join(work, "some-emails");
    cpSync(data, copy, { recursive: true });
    addContacts(copy, (kind, id) => (kind === "firm" && id === "F0002" ? { email: "" } : {}));
    const r = await roadshow("--lang", "it", "mail", copy, "--stop", STOP, "--agenda", agenda, "--out", path.join(work, "some"), "--organizer", ORGANIZER);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/esclusa impresa F0002 .*nessuna email/);
    expect(emls(path.join(work, "some"))).toHaveLength(79);
  });

  it("exit codes: 2 without --organizer or with a bad --smtp, 4 when the server is unreachable", async () => {
    const base = ["mail", data, "--stop", STOP, "--agenda", agenda, "--out", path.join(work, "codes")];
    expect((await roadshow(...base)).code).toBe(2);
    expect((await roadshow(...base, "--organizer", ORGANIZER, "--smtp", "ftp://mail.example.it")).code).toBe(2);
    const otherStop = await roadshow("mail", data, "--stop", "BG-2026-03", "--agenda", agenda, "--out", path.join(work, "codes"), "--organizer", ORGANIZER);
    expect(otherStop.code).toBe(1);
    expect(otherStop.stderr).toContain("BS-2026-02");
    const badChanges = path.join(work, "bad-changes.csv");
    writeFileSync(badChanges, "participant_kind,participant_id\nsupplier,F0002\n");
    const changes = await roadshow(...base, "--organizer", ORGANIZER, "--changes", badChanges);
    expect(changes.code).toBe(1);
    expect(changes.stderr).toMatch(/bad-changes\.csv.*2.*participant_kind|participant_kind.*supplier/s);
    expect(existsSync(path.join(work, "codes"))).toBe(false);
    const gone = await smtpSink();
    await gone.close();
    const r = await roadshow(...base, "--organizer", ORGANIZER, "--smtp", gone.url);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/mail server failed/);
    expect(r.stderr).not.toMatch(/internal error/);
  });
});
