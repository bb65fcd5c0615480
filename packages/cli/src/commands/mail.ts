import { reviewAgenda } from "@roadshow/core";
import type { Command } from "commander";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Common, Io } from "../context.js";
import { EnvironmentError, EXIT, InputError } from "../errors.js";
import type { Organizer } from "../export/index.js";
import { findStop, instanceOf, load, readAgenda } from "../load.js";
import { readChangedParticipants } from "../mail/changes.js";
import type { Composed } from "../mail/compose.js";
import { emlPath, prepareMailing } from "../mail/prepare.js";
import type { Skipped } from "../mail/recipients.js";
import { readJournal } from "../mail/journal.js";
import { sendMailing } from "../mail/send.js";
import { parseSmtpUrl, smtpOutbox, type Outbox, type SmtpTarget } from "../mail/smtp.js";
import { formatIssues } from "../output/issues-format.js";
import { writeOutputs } from "../output/write.js";
import { EXAMPLE_DIR, organizer, type CommandContext } from "./shared.js";

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
}

/** Test seam: the server and the clock (tests pass their own). */
export interface MailWorld {
  readonly outbox: (target: SmtpTarget) => Outbox;
  readonly now: () => Date;
}

const REAL: MailWorld = { outbox: smtpOutbox, now: () => new Date() };

/** The journal of sent messages in the output folder. */
export const SENT_FILE = "sent.csv";

function skippedLines(skipped: readonly Skipped[], dataDir: string): string {
  return skipped
    .map((s) => {
      const file = path.join(dataDir, s.kind === "firm" ? "firms.csv" : "delegations.csv");
      const why = s.reason === "no-email" ? `no email in ${file}: add one in its email column` : "no meeting to announce or cancel";
      return `skipped ${s.kind} ${s.id} (${s.name}): ${why}\n`;
    })
    .join("");
}

function listing(messages: readonly Composed[], sent: ReadonlySet<string>, action: string): string {
  const rows = messages.map((m) => {
    const r = m.draft.recipient;
    return [sent.has(m.messageId) ? "already sent" : action, r.kind, r.id, r.email, r.language, emlPath(r), m.draft.text.subject];
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
  const target = args.smtp === undefined ? undefined : parseSmtpUrl(args.smtp, io.env);
  // `--changes` here names who to mail (replan's changes.csv), not stop changes to apply:
  // the data folder's own changes.csv, when present, is applied as by every command.
  const loaded = await load({ dataDir: args.dataDir, scores: args.scores, requests: args.requests });
  const warnings = [...loaded.warnings];
  const stop = findStop(loaded.data, args.stop, args.dataDir);
  const all = await readAgenda(args.agenda);
  const rows = all.filter((r) => r.stopId === stop.id);
  if (rows.length === 0 && all.length > 0) {
    const stops = [...new Set(all.map((r) => r.stopId))].sort().join(", ");
    throw new InputError(`${args.agenda} has no meeting of stop ${stop.id} (it holds ${stops}); give the agenda of --stop ${stop.id}`);
  }
  const { schedule, violations } = reviewAgenda(instanceOf(loaded, stop), rows);
  for (const v of violations) {
    io.stderr(`${args.agenda}:${v.meetings.map((i) => rows[i]!.line).join(",")} warning ${v.code}: ${v.message}\n`);
  }
  const previous = args.previous === undefined ? undefined : await readAgenda(args.previous);
  let only: Set<string> | undefined;
  if (args.changes !== undefined) {
    const known = { firms: new Set(loaded.data.firms.map((f) => f.id)), delegations: new Set(loaded.data.delegations.map((d) => d.id)) };
    const read = readChangedParticipants(args.changes, stop.id, known);
    warnings.push(...read.warnings);
    only = read.changed;
  }
  if (warnings.length > 0) io.stderr(formatIssues(warnings, { color: io.color, format: common.format }));

  const mailing = await prepareMailing(schedule, loaded.data, { lang: common.lang, organizer: args.organizer, rows, previous, only });
  io.stderr(skippedLines(mailing.skipped, args.dataDir));
  const journalFile = path.join(args.out, SENT_FILE);
  if (args.dryRun) {
    io.stdout(listing(mailing.messages, new Set(readJournal(journalFile).keys()), target ? "would send" : "would write"));
    io.stdout(`${mailing.messages.length} message(s), ${mailing.skipped.length} participant(s) skipped; dry run: nothing written or sent\n`);
    return;
  }
  const files = mailing.messages.map((m) => ({ path: emlPath(m.draft.recipient), content: m.eml }));
  // A file that already holds this very message is not an overwrite: a re-run resumes without --force.
  const changed = files.filter((f) => {
    const file = path.join(args.out, f.path);
    return !existsSync(file) || !readFileSync(file).equals(f.content);
  });
  await writeOutputs(args.out, changed, { force: args.force });
  io.stdout(`${files.length} message(s) in ${args.out} (${changed.length} written), ${mailing.skipped.length} participant(s) skipped\n`);
  if (target === undefined) return;

  io.stderr(`sending through ${target.shown}\n`);
  const report = await sendMailing(mailing.messages, world.outbox(target), journalFile, world.now, io.stderr);
  io.stdout(`sent ${report.sent}, already sent before ${report.before} (${journalFile})\n`);
  if (report.refused.length > 0) {
    throw new EnvironmentError(
      `the mail server refused ${report.refused.length} message(s):\n${report.refused.map((r) => `  ${r}\n`).join("")}` +
        `fix the addresses and run again; the ${report.sent + report.before} sent are not sent twice`,
    );
  }
}

/** Registers `roadshow mail`. */
export function defineMail(root: Command, ctx: CommandContext): void {
  root
    .command("mail")
    .description("write one .eml per participant with an email (agenda in its language + calendar invitation); with --smtp, send them once each")
    .argument("<data-dir>", "folder with stops.csv, delegations.csv, firms.csv (email and lang columns)")
    .requiredOption("--stop <id>", "the stop whose agenda is mailed")
    .requiredOption("--agenda <agenda.csv>", "the agenda to mail (from schedule, season, replan or edited)")
    .requiredOption("--out <dir>", "output folder: firms/<id>.eml, delegations/<id>.eml and sent.csv")
    .requiredOption("--organizer <\"Name <email>\">", "the sender: From of every message and ORGANIZER of every event", organizer)
    .option("--smtp <url>", "send through this server: smtp://host:port or smtps://user:password@host (user and password also from ROADSHOW_SMTP_USER, ROADSHOW_SMTP_PASSWORD)")
    .option("--changes <changes.csv>", "only the participants named in this file (the changes.csv written by replan)")
    .option("--previous <agenda.csv>", "the agenda mailed before: meetings dropped since are cancelled in the mail")
    .option("--dry-run", "list what would be written or sent; write and send nothing", false)
    .option("--scores <file>", "affinity scores (default: <data-dir>/scores.csv if present)")
    .option("--requests <file>", "must/avoid requests (default: <data-dir>/requests.csv if present)")
    .option("--force", "overwrite .eml files that hold another message", false)
    .addHelpText(
      "after",
      `\nExample:\n  roadshow mail ${EXAMPLE_DIR} --stop BS-2026-02 --agenda out/BS-2026-02/agenda.csv --out out/BS-2026-02-mail --organizer "Confindustria Lombardia <eventi@example.it>"\n` +
        `  roadshow mail ${EXAMPLE_DIR} --stop BS-2026-02 --agenda out/BS-2026-02/agenda.csv --out out/BS-2026-02-mail --organizer "Confindustria Lombardia <eventi@example.it>" --smtp smtps://smtp.example.it\n`,
    )
    .action(async (dataDir: string, o) => {
      await mail(
        {
          dataDir, stop: o.stop, agenda: o.agenda, out: o.out, organizer: o.organizer, smtp: o.smtp, previous: o.previous, changes: o.changes,
          dryRun: o.dryRun, force: o.force, scores: o.scores, requests: o.requests,
        },
        ctx.common(),
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });
}
