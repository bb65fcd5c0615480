// `roadshow followup`: after a stop, one message per participant asking how each held meeting went; sent once each, answers come back as answers.csv.
import { mkdirSync, realpathSync } from "node:fs";
import path from "node:path";
import { reviewAgenda } from "@roadshow/core";
import type { Command } from "commander";
import type { Common, Io } from "../context.js";
import { EnvironmentError, EXIT } from "../errors.js";
import { loadRun } from "../run/load.js";
import { Reporter } from "../run/report.js";
import { t } from "../text/i18n.js";
import { said } from "../text/cli-text.js";
import type { Organizer } from "../write/exports.js";
import { writeOutputs } from "../write/transaction.js";
import { readJournal } from "../mail/journal.js";
import { emlPath } from "../mail/prepare.js";
import type { Composed } from "../mail/compose.js";
import { sendLocked } from "../mail/send.js";
import { parseSmtpUrl, smtpOutbox, type Outbox, type SmtpTarget } from "../mail/smtp.js";
import { deskDay, deskOutcomes } from "../desk/day.js";
import { answersTemplate, prepareFollowUp } from "../desk/followup.js";
import { EXAMPLE_DIR, type CommandContext, SHARED } from "./shared.js";

/** Options of `roadshow followup`. */
export interface FollowUpArgs {
  readonly dataDir: string;
  readonly stop: string;
  readonly agenda: string | undefined;
  readonly out: string;
  readonly organizer: Organizer;
  readonly smtp: string | undefined;
  readonly excel: boolean;
  readonly force: boolean;
}

/** Test seam: the server and the clock. */
export interface FollowUpWorld {
  readonly outbox: (target: SmtpTarget) => Outbox;
  readonly now: () => Date;
}

/** The journal of follow-ups sent, per stop, in the workspace: a participant in it is never mailed a follow-up again. */
export function followUpJournal(dataDir: string, stopId: string): string {
  return path.join(dataDir, "workspace", stopId, "followup-sent.csv");
}

/** Writes the follow-up messages and the answers template into `--out`; with `--smtp`, sends each participant's once. */
export async function followUp(args: FollowUpArgs, common: Common, io: Io, world: FollowUpWorld = { outbox: smtpOutbox, now: () => new Date() }): Promise<void> {
  const lang = common.lang;
  const target = args.smtp === undefined ? undefined : parseSmtpUrl(args.smtp, io.env);
  const run = await loadRun({ files: { dataDir: args.dataDir } }, new Reporter(io, common));
  const loaded = run.loaded;
  const stop = run.findStop(args.stop);
  // The day's agenda (with its refills) and what did not happen: outcomes.csv and the desk's log.
  const desk = await deskDay(args.dataDir, loaded, stop, args.agenda);
  const notHeld = new Set([...loaded.data.outcomes.filter((o) => o.stopId === stop.id && !o.held), ...deskOutcomes(desk, stop.id).filter((o) => !o.held)].map((o) => `${o.firmId}|${o.delegationId}`));
  const heldRows = desk.agenda.filter((r) => !notHeld.has(`${r.firmId}|${r.delegationId}`));
  const reviewed = reviewAgenda(run.instance(stop), heldRows);
  const held = { ...reviewed.schedule, meetings: heldRows.map(({ slot, table, firmId, delegationId }) => ({ slot, table, firmId, delegationId, score: 0, parts: [] })) };
  const mailing = await prepareFollowUp(held, loaded.data, { lang, organizer: args.organizer });
  const template = "answers.csv";
  await writeOutputs(
    args.out,
    [...mailing.messages.map((m) => ({ path: emlPath(m.draft.recipient), content: m.eml })), { path: template, content: answersTemplate(held, { excel: args.excel }) }],
    { force: args.force, inputs: [args.dataDir, args.agenda] },
  );
  io.stdout(`${t(lang, "followup.written", { count: mailing.messages.length, out: args.out, skipped: mailing.skipped.length, template: path.join(args.out, template) })}\n`);
  if (target === undefined) return;

  const journal = followUpJournal(args.dataDir, stop.id);
  mkdirSync(path.dirname(journal), { recursive: true });
  // The stop's workspace lock: two runs cannot both send, and a participant in the journal is never mailed again.
  // Sent as mail sends: Ctrl-C finishes the message in flight, journals it, removes the lock and exits 130.
  let pending: readonly Composed[] = [];
  const report = await sendLocked(
    { target: realpathSync(path.dirname(journal)), shown: said("cli.workspace.shown", { stop: stop.id, dir: path.dirname(journal) }) },
    () => {
      const told = new Set([...readJournal(journal).values()].map((r) => `${r.kind}:${r.participantId}`));
      pending = mailing.messages.filter((m) => !told.has(`${m.draft.recipient.kind}:${m.draft.recipient.id}`));
      return pending;
    },
    world.outbox(target), journal, world.now, io.stderr, lang,
  );
  io.stdout(`${t(lang, "followup.sent", { sent: report.sent, before: mailing.messages.length - pending.length + report.before, journal })}\n`);
  if (report.refused.length > 0) throw new EnvironmentError(report.refused.join("\n"));
}

/** The flags of `roadshow followup`, as commander parses them. */
interface FollowUpFlags {
  readonly stop: string;
  readonly agenda?: string;
  readonly out: string;
  readonly organizer: Organizer;
  readonly smtp?: string;
  readonly excel: boolean;
  readonly force: boolean;
}

/** Registers `roadshow followup`. */
export function defineFollowUp(root: Command, ctx: CommandContext): void {
  root
    .command("followup")
    .description("help.followup")
    .argument("<data-dir>", "help.followup.data-dir")
    .requiredOption("--stop <id>", "help.followup.stop")
    .requiredOption("--out <dir>", "help.followup.out")
    .addOption(SHARED.sender())
    .option("--agenda <agenda.csv>", "help.followup.agenda")
    .addOption(SHARED.smtp())
    .addOption(SHARED.excel())
    .addOption(SHARED.forceFolder())
    .addHelpText("after", `${ctx.examples(1)}  roadshow followup ${EXAMPLE_DIR} --stop BS-2026-02 --agenda out/BS-2026-02/agenda.csv --out out/BS-2026-02-followup --organizer "Confindustria Lombardia <eventi@example.it>"\n`)
    .action(async (dataDir: string, o: FollowUpFlags) => {
      await followUp({ dataDir, stop: o.stop, agenda: o.agenda, out: o.out, organizer: o.organizer, smtp: o.smtp, excel: o.excel, force: o.force }, ctx.common(), ctx.io);
      ctx.done(EXIT.ok);
    });
}
