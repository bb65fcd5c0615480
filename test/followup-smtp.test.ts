/**
 * Checks `roadshow followup` through an SMTP server on 127.0.0.1, parsed by mailparser: every participant with an
 * email and a held meeting gets one message in its own language listing exactly its held meetings, a second run
 * (and a run into another folder) sends nobody twice, and the answers template reads back as answers.csv.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../packages/cli/test/run-cli.js";
import { addContacts, exampleCopy, smtpSink } from "./mail-fixture.js";

const STOP = "BS-2026-02";
type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(readFileSync(file), { columns: true, bom: true });

let work: string;
let data: string;
let smtp: Awaited<ReturnType<typeof smtpSink>>;
let url: string;
/** What the sink accepted, one envelope recipient each. */
const delivered = () => smtp.received.map((m) => ({ to: m.to.join(","), raw: m.bytes }));

beforeAll(async () => {
  ({ work, data } = exampleCopy("roadshow-followup-"));
  // Firms write in Italian, delegations in English; every fifth firm has no email.
  addContacts(data, (kind, id, i) => (kind === "firm" ? { lang: "it", email: i % 5 === 4 ? "" : `info@${id.toLowerCase()}.example.it` } : { lang: "en", email: `trade@${id.toLowerCase()}.example` }));
  const r = await runCli("schedule", data, "--stop", STOP, "--out", path.join(work, "plan"), "--no-exact");
  expect(r.code, r.stderr).toBe(0);
  const agenda = readCsv(path.join(work, "plan", "agenda.csv"));
  const outcomes = agenda.filter((_, i) => i % 4 === 0).map((m) => ({ stop_id: STOP, firm_id: m.firm_id, delegation_id: m.delegation_id, held: "no", follow_up: "" }));
  writeFileSync(path.join(data, "outcomes.csv"), stringify(outcomes, { header: true }));
  smtp = await smtpSink();
  url = smtp.url;
});
afterAll(async () => {
  await smtp.close();
  rmSync(work, { recursive: true, force: true });
});

describe("roadshow followup", () => {
  it("mails each participant with a held meeting once, in its language, listing its held meetings", async () => {
    const agendaFile = path.join(work, "plan", "agenda.csv");
    const args = ["--stop", STOP, "--agenda", agendaFile, "--organizer", "Confindustria Lombardia <eventi@example.it>", "--smtp", url];
    const first = await runCli("followup", data, ...args, "--out", path.join(work, "f1"));
    expect(first.code, first.stderr).toBe(0);

    const agenda = readCsv(agendaFile);
    const noShow = new Set(readCsv(path.join(data, "outcomes.csv")).map((o) => `${o.firm_id}|${o.delegation_id}`));
    const held = agenda.filter((m) => !noShow.has(`${m.firm_id}|${m.delegation_id}`));
    const firms = new Map(readCsv(path.join(data, "firms.csv")).map((f) => [f.firm_id!, f]));
    const expected = new Map<string, number>();
    for (const m of held) {
      const email = firms.get(m.firm_id!)!.email!;
      if (email !== "") expected.set(email, (expected.get(email) ?? 0) + 1);
      const d = `trade@${m.delegation_id!.toLowerCase()}.example`;
      expected.set(d, (expected.get(d) ?? 0) + 1);
    }
    expect(delivered().map((d) => d.to).sort()).toEqual([...expected.keys()].sort());
    for (const d of delivered()) {
      const mail = await simpleParser(d.raw);
      const lines = (mail.text ?? "").split("\n").filter((l) => l.startsWith("- "));
      expect(lines.length, d.to).toBe(expected.get(d.to));
      if (d.to.endsWith(".example.it")) {
        expect(mail.subject).toContain("com'è andata");
        expect(mail.text).toContain("in trattativa");
      } else {
        expect(mail.subject).toContain("how did your meetings go");
        expect(mail.text).toContain("negotiating");
      }
    }

    // Again, and into another folder: nobody is mailed twice.
    const count = delivered().length;
    const again = await runCli("followup", data, ...args, "--out", path.join(work, "f2"));
    expect(again.code, again.stderr).toBe(0);
    expect(delivered().length).toBe(count);
    expect(again.stdout).toContain(`0 follow-up messages sent; ${count} participants had theirs already`);
  });

  it("writes an answers template that reads back into the report once filled in", async () => {
    const template = readCsv(path.join(work, "f1", "answers.csv"));
    const filled = template.map((a, i) => ({ ...a, rating: String(1 + (i % 5)), outcome: ["no-contact", "in contatto", "negotiating", "agreement"][i % 4]! }));
    writeFileSync(path.join(data, "answers.csv"), stringify(filled, { header: true }));
    const r = await runCli("report", data, "--stop", STOP, "--agenda", path.join(work, "plan", "agenda.csv"), "--out", path.join(work, "report"));
    expect(r.code, r.stderr).toBe(0);
    const figures = readCsv(path.join(work, "report", "report.csv"));
    expect(figures.find((f) => f.measure === "answers")!.value).toBe(String(filled.length));
    expect(figures.find((f) => f.measure === "outcome" && f.group === "in-contact")!.value).toBe(String(filled.filter((_, i) => i % 4 === 1).length));
  });
});
