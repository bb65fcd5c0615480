/**
 * A mailing run (`roadshow mail`, the studio's Send): loads the stop as on the
 * day, reads the agenda to mail, writes one .eml per participant with an email
 * and, with an SMTP server, sends each once, recorded in sent.csv.
 */
import { reviewAgenda, type StopInstance } from "@roadshow/core";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import type { Common, Io } from "../context.js";
import { t, type Lang } from "../text/i18n.js";
import { EnvironmentError, InputError } from "../errors.js";
import type { Organizer, PreviousMeeting } from "../write/exports.js";
import type { DataSet } from "../read/index.js";
import { checkPrevious, readAgenda } from "../read/load.js";
import { loadRun } from "./load.js";
import { Reporter } from "./report.js";
import { readChangedParticipants } from "../mail/changes.js";
import type { Composed } from "../mail/compose.js";
import { emlPath, prepareMailing } from "../mail/prepare.js";
import type { Skipped } from "../mail/recipients.js";
import { emptyJournal, readJournal } from "../mail/journal.js";
import { sendLocked } from "../mail/send.js";
import { parseSmtpUrl, smtpOutbox, type Outbox, type SmtpTarget } from "../mail/smtp.js";
import { violationText } from "../text/violations.js";
import { writeOutputs } from "../write/transaction.js";

/** Options of `roadshow mail`. */
export interface MailArgs {
  readonly dataDir: string;
  readonly stop: string;
  readonly agenda: string;
  readonly out: string;
  readonly organizer: Organizer;
  readonly smtp: string | undefined;
  readonly previous: string | undefined;
  readonly changes: string | undefined;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly scores?: string | undefined;
  readonly requests?: string | undefined;
  /** The stop changes a re-plan was given (walk-ins, absences), when not `<data-dir>/changes.csv`. */
  readonly stopChanges?: string | undefined;
}

/** Test seam: the server and the clock (tests pass their own). */
export interface MailWorld {
  readonly outbox: (target: SmtpTarget) => Outbox;
  readonly now: () => Date;
}

const REAL: MailWorld = { outbox: smtpOutbox, now: () => new Date() };

/** The journal of sent messages in the output folder. */
export const SENT_FILE = "sent.csv";

/** `hint`: a participant named by --changes with no meeting left may have lost some: --previous would cancel them. */
export function skippedLines(skipped: readonly Skipped[], dataDir: string, lang: Lang, hint: boolean): string {
  return skipped
    .map((s) => {
      const params = { kind: kindWord(s.kind, lang), id: s.id, name: s.name, file: path.join(dataDir, s.kind === "firm" ? "firms.csv" : "delegations.csv") };
      const key =
        s.reason === "no-email" ? "mail.cli.skipped.noEmail"
        : s.reason === "not-at-stop" ? "mail.cli.skipped.notAtStop"
        : hint ? "mail.cli.skipped.nothingHint" : "mail.cli.skipped.nothing";
      return `${t(lang, key, params)}\n`;
    })
    .join("");
}

const kindWord = (kind: "firm" | "delegation", lang: Lang) => t(lang, kind === "firm" ? "participant.firm" : "participant.delegation").toLowerCase();

export function listing(messages: readonly Composed[], sent: ReadonlySet<string>, action: string, lang: Lang): string {
  const rows = messages.map((m) => {
    const r = m.draft.recipient;
    return [sent.has(m.messageId) ? t(lang, "mail.cli.alreadySent") : action, kindWord(r.kind, lang), r.id, r.email, r.language, emlPath(r), m.draft.text.subject];
  });
  const widths = [0, 1, 2, 3, 4, 5].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => `${row.map((c, i) => (i < widths.length ? c.padEnd(widths[i]!) : c)).join("  ")}\n`).join("");
}

/**
 * Writes one `.eml` per participant with an email (and, with `--smtp`, sends each once,
 * recording it in sent.csv). Files already holding the same message are left as they are,
 * so a re-run into the same folder resumes without `--force`.
 */
export async function mail(args: MailArgs, common: Common, io: Io, world: MailWorld = REAL): Promise<void> {
  const lang = common.lang;
  const target = args.smtp === undefined ? undefined : parseSmtpUrl(args.smtp, io.env);
  // `--changes` here names who to mail (replan's changes.csv), not stop changes to apply:
  // the data folder's own changes.csv, when present, is applied as by every command.
  // Its warnings are told with those of --changes, below.
  const run = await loadRun({ files: { dataDir: args.dataDir, scores: args.scores, requests: args.requests, changes: args.stopChanges } });
  const { loaded } = run;
  const warnings = [...run.warnings];
  const stop = run.findStop(args.stop);
  const all = await readAgenda(args.agenda);
  const rows = all.filter((r) => r.stopId === stop.id);
  if (rows.length === 0 && all.length > 0) {
    const stops = [...new Set(all.map((r) => r.stopId))].sort().join(", ");
    throw new InputError(t(lang, "mail.cli.noStop", { agenda: args.agenda, stop: stop.id, stops }));
  }
  // The stop as it is on the day (its changes applied): walk-ins registered, absentees not.
  const instance = run.instance(stop);
  const reviewed = reviewAgenda(instance, rows);
  for (const v of reviewed.violations) {
    io.stderr(`${args.agenda}:${v.meetings.map((i) => rows[i]!.line).join(",")} ${t(common.lang, "cli.warning")} ${v.code}: ${violationText(v, common.lang)}\n`);
  }
  // Every meeting of the agenda is mailed, warnings or not: a walk-in registered by a
  // re-plan's stop changes is not in the master files, yet it is expected at its table.
  const schedule = { ...reviewed.schedule, meetings: rows.map(({ slot, table, firmId, delegationId }) => ({ slot, table, firmId, delegationId, score: 0, parts: [] })) };
  const previous = args.previous === undefined ? undefined : await readAgenda(args.previous);
  // Another stop's agenda would cancel nothing: refused as export, schedule and replan refuse it.
  if (previous !== undefined) checkPrevious(previous, args.previous!, [stop.id]);
  let only: Set<string> | undefined;
  if (args.changes !== undefined) {
    const known = { firms: new Set(loaded.data.firms.map((f) => f.id)), delegations: new Set(loaded.data.delegations.map((d) => d.id)) };
    const read = await readChangedParticipants(args.changes, stop.id, known);
    warnings.push(...read.warnings);
    only = read.changed;
  }
  new Reporter(io, common).issues(warnings);

  const mailing = await prepareMailing(schedule, onTheDay(loaded.data, instance, previous), { lang: common.lang, organizer: args.organizer, rows, previous, only });
  io.stderr(skippedLines(mailing.skipped, args.dataDir, lang, only !== undefined && previous === undefined));
  const journalFile = path.join(args.out, SENT_FILE);
  if (args.dryRun) {
    const action = t(lang, target ? "mail.cli.wouldSend" : "mail.cli.wouldWrite");
    io.stdout(listing(mailing.messages, new Set(readJournal(journalFile).keys()), action, lang));
    io.stdout(`${t(lang, "mail.cli.dryRun", { count: mailing.messages.length, skipped: mailing.skipped.length })}\n`);
    return;
  }
  const emls = mailing.messages.map((m) => ({ path: emlPath(m.draft.recipient), content: m.eml }));
  // A folder already holding these very messages is left as it is: a re-run resumes sending without --force.
  const same = existsSync(journalFile) && emls.every((f) => {
    const file = path.join(args.out, f.path);
    return existsSync(file) && readFileSync(file).equals(f.content);
  });
  if (!same) {
    // The journal travels into the new folder, so a message sent before is never sent again.
    readJournal(journalFile);
    const journal = existsSync(journalFile) ? readFileSync(journalFile) : emptyJournal();
    const inputs = [args.dataDir, args.agenda, args.previous, args.changes, args.scores, args.requests, args.stopChanges];
    await writeOutputs(args.out, [...emls, { path: SENT_FILE, content: journal }], { force: args.force, inputs });
  }
  io.stdout(`${t(lang, "mail.cli.written", { count: emls.length, out: args.out, written: same ? 0 : emls.length, skipped: mailing.skipped.length })}\n`);
  if (target === undefined) return;

  io.stderr(`${t(lang, "mail.cli.sending", { server: target.shown })}\n`);
  // The output's lock is held while sending: two runs into one folder cannot both send.
  const report = await sendLocked({ target: realpathSync(args.out), shown: args.out }, mailing.messages, world.outbox(target), journalFile, world.now, io.stderr, lang);
  io.stdout(`${t(lang, "mail.cli.sent", { sent: report.sent, before: report.before, journal: journalFile })}\n`);
  if (report.refused.length > 0) {
    const list = report.refused.map((r) => `  ${r}`).join("\n");
    throw new EnvironmentError(t(lang, "mail.cli.refused", { count: report.refused.length, list, sent: report.sent + report.before }));
  }
}

/**
 * The participants as they are on the day (a walk-in present, its windows), except one
 * marked absent that had meetings in `previous`: it keeps its master record, so that it is
 * still a participant of the stop and gets its cancellations.
 */
export function onTheDay(data: DataSet, instance: StopInstance, previous: readonly PreviousMeeting[] | undefined): DataSet {
  const stopId = instance.stop.id;
  const had = new Set((previous ?? []).filter((p) => p.stopId === stopId).flatMap((p) => [`f:${p.firmId}`, `d:${p.delegationId}`]));
  const firms = new Map(instance.firms.map((f) => [f.id, f]));
  const delegations = new Map(instance.delegations.map((d) => [d.id, d]));
  return {
    ...data,
    firms: data.firms.map((f) => {
      const day = firms.get(f.id);
      return day && (day.stops.includes(stopId) || !had.has(`f:${f.id}`)) ? day : f;
    }),
    delegations: data.delegations.map((d) => {
      const day = delegations.get(d.id);
      return day && (day.stops === null || day.stops.includes(stopId) || !had.has(`d:${d.id}`)) ? day : d;
    }),
  };
}
