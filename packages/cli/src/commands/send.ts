// `roadshow send`: mails exactly the participants whose day in the stop's current version differs from what they were last sent.
import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { reviewAgenda } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { EnvironmentError, EXIT } from "../errors.js";
import type { Composed } from "../mail/compose.js";
import { emptyJournal, readJournal } from "../mail/journal.js";
import { emlPath, prepareMailing } from "../mail/prepare.js";
import type { Skipped } from "../mail/recipients.js";
import { sendLocked } from "../mail/send.js";
import { parseSmtpUrl, smtpOutbox } from "../mail/smtp.js";
import { listing, onTheDay, skippedLines, type MailWorld } from "../run/mail.js";
import { loadRun } from "../run/load.js";
import { Reporter } from "../run/report.js";
import { t } from "../text/i18n.js";
import { violationText } from "../text/violations.js";
import type { Organizer } from "../write/exports.js";
import { MARKER, writeOutputs } from "../write/transaction.js";
import { deriveDay } from "../workspace/day.js";
import { readLog } from "../workspace/log.js";
import { noVersion, SENT_FILE, stopPaths, withStop } from "../workspace/store.js";
import { whoIsTold } from "../workspace/told.js";
import { changeReasons } from "./diff.js";
import { EXAMPLE_DIR, type CommandContext, SHARED } from "./shared.js";

/** Options of `roadshow send`. */
export interface SendArgs {
  readonly dataDir: string;
  readonly stop: string;
  readonly organizer: Organizer;
  readonly smtp: string | undefined;
  readonly dryRun: boolean;
}

const REAL: MailWorld = { outbox: smtpOutbox, now: () => new Date() };

/** The files already in a send folder (a re-run keeps the messages written before). */
function filesIn(dir: string): { path: string; content: Uint8Array }[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((p) => p !== MARKER && p !== SENT_FILE)
    .map((p) => ({ path: p, content: new Uint8Array(readFileSync(path.join(dir, p))) }));
}

/**
 * Composes, for every participant not told yet, the message of the current version with
 * what changed since *its* last message (participants are grouped by the version they were
 * last sent, each group composed against that version), writes them into
 * `workspace/<stop>/sends/<version>/` and, with `--smtp`, sends each once (sent.csv).
 */
export async function send(args: SendArgs, common: Common, io: Io, world: MailWorld = REAL): Promise<void> {
  const lang = common.lang;
  const target = args.smtp === undefined ? undefined : parseSmtpUrl(args.smtp, io.env);
  const report = new Reporter(io, common);
  const run = await loadRun({ files: { dataDir: args.dataDir } }, report);
  const stop = run.findStop(args.stop);
  const paths = stopPaths(args.dataDir, stop.id);
  // A dry run writes nothing and takes no lock; a send holds the stop for its whole run.
  /** Composes and writes the messages (under the stop's lock); the ones to send and their journal, or nothing. */
  const prepare = async (): Promise<{ messages: readonly Composed[]; journalFile: string } | undefined> => {
    const told = await whoIsTold(paths);
    const current = told.current;
    if (current === undefined) {
      throw noVersion("send", paths, stop.id, args.dataDir);
    }
    // The participants as they were when the current version was made (walk-ins present, windows).
    const day = deriveDay(run.loaded, stop, readLog(paths.log), paths.log, current.logThrough);
    const rows = told.agendas.get(current.version)!;
    const reviewed = reviewAgenda(day.instance, rows);
    for (const v of reviewed.violations) {
      io.stderr(`${current.agenda}:${v.meetings.map((i) => rows[i]!.line).join(",")} ${t(lang, "cli.warning")} ${v.code}: ${violationText(v, lang)}\n`);
    }
    const schedule = { ...reviewed.schedule, meetings: rows.map(({ slot, table, firmId, delegationId }) => ({ slot, table, firmId, delegationId, score: 0, parts: [] })) };
    // One mailing per version last sent: each participant's message says what changed since its own last one.
    const groups = new Map<number | null, Set<string>>();
    for (const p of told.notTold) groups.set(p.lastVersion, (groups.get(p.lastVersion) ?? new Set()).add(p.key));
    const messages: Composed[] = [];
    const skipped: Skipped[] = [];
    for (const [version, only] of [...groups].sort(([a], [b]) => (a ?? 0) - (b ?? 0))) {
      const previous = version === null ? undefined : told.agendas.get(version)!;
      const mailing = await prepareMailing(schedule, onTheDay(run.data, day.instance, previous), { lang, organizer: args.organizer, rows, previous, only, told: version === null ? undefined : only, reasons: version === null ? undefined : changeReasons(told.versions, version, current.version) });
      messages.push(...mailing.messages);
      skipped.push(...mailing.skipped);
    }
    const byKey = (m: Composed) => `${m.draft.recipient.kind === "firm" ? 0 : 1}${m.draft.recipient.id}`;
    messages.sort((a, b) => (byKey(a) < byKey(b) ? -1 : byKey(a) > byKey(b) ? 1 : 0));
    io.stderr(skippedLines(skipped, args.dataDir, lang, false));
    const dir = path.join(paths.sends, String(current.version));
    const journalFile = path.join(dir, SENT_FILE);
    if (args.dryRun) {
      const action = t(lang, target ? "mail.cli.wouldSend" : "mail.cli.wouldWrite");
      io.stdout(listing(messages, new Set(readJournal(journalFile).keys()), action, lang));
      io.stdout(`${t(lang, "send.dryRun", { stop: stop.id, version: current.version, count: messages.length, skipped: skipped.length })}\n`);
      return undefined;
    }
    const emls = messages.map((m) => ({ path: emlPath(m.draft.recipient), content: m.eml }));
    const fresh = new Set(emls.map((f) => f.path));
    const same = existsSync(journalFile) && emls.every((f) => existsSync(path.join(dir, f.path)) && readFileSync(path.join(dir, f.path)).equals(f.content));
    if (!same) {
      // Messages written before for this version stay; the journal travels with the folder.
      const kept = filesIn(dir).filter((f) => !fresh.has(f.path));
      const journal = existsSync(journalFile) ? readFileSync(journalFile) : emptyJournal();
      await writeOutputs(dir, [...kept, ...emls, { path: SENT_FILE, content: journal }], { force: true, inputs: [] });
    }
    io.stdout(`${t(lang, "send.written", { stop: stop.id, version: current.version, count: emls.length, dir, skipped: skipped.length })}\n`);
    if (target === undefined) {
      if (emls.length > 0) io.stdout(`${t(lang, "send.notSent")}\n`);
      return undefined;
    }
    return { messages, journalFile };
  };
  if (args.dryRun) {
    await prepare();
    return;
  }
  const ready = await withStop(paths, prepare);
  if (target === undefined || ready === undefined) return;
  io.stderr(`${t(lang, "mail.cli.sending", { server: target.shown })}\n`);
  // The mail path's own locked send, on the stop's lock: two sends cannot both send; Ctrl-C finishes the message in flight.
  const sent = await sendLocked({ target: realpathSync(paths.dir), shown: paths.dir }, ready.messages, world.outbox(target), ready.journalFile, world.now, io.stderr, lang);
  io.stdout(`${t(lang, "mail.cli.sent", { sent: sent.sent, before: sent.before, journal: ready.journalFile })}\n`);
  if (sent.refused.length > 0) {
    const list = sent.refused.map((r) => `  ${r}`).join("\n");
    throw new EnvironmentError(t(lang, "mail.cli.refused", { count: sent.refused.length, list, sent: sent.sent + sent.before }));
  }
}

/** The flags of `roadshow send`, as commander parses them. */
interface SendFlags {
  readonly stop: string;
  readonly organizer: Organizer;
  readonly smtp?: string;
  readonly dryRun: boolean;
}

/** Registers `roadshow send`. */
export function defineSend(root: Command, ctx: CommandContext): void {
  root
    .command("send")
    .description("help.send")
    .argument("<data-dir>", "help.send.data-dir")
    .requiredOption("--stop <id>", "help.send.stop")
    .addOption(SHARED.sender())
    .addOption(SHARED.smtp())
    .addOption(SHARED.dryRun())
    .addHelpText("after", `${ctx.examples(1)}  roadshow send ${EXAMPLE_DIR} --stop BS-2026-02 --organizer "Confindustria Lombardia <eventi@example.it>" --smtp smtps://smtp.example.it\n`)
    .action(async (dataDir: string, o: SendFlags) => {
      await send({ dataDir, stop: o.stop, organizer: o.organizer, smtp: o.smtp, dryRun: o.dryRun }, ctx.common(), ctx.io);
      ctx.done(EXIT.ok);
    });
}
