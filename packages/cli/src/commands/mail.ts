// `roadshow mail`: each participant's agenda as an e-mail with its calendar invitation, written as .eml files or sent through SMTP.
import type { Command } from "commander";
import { EXIT } from "../errors.js";
import type { Organizer } from "../write/exports.js";
import { mail } from "../run/mail.js";
import { EXAMPLE_DIR, type CommandContext, type OrganizerFlags, SHARED } from "./shared.js";

/** The flags of `roadshow mail`, as commander parses them. */
interface MailFlags extends OrganizerFlags {
  readonly stop: string;
  readonly agenda: string;
  readonly out: string;
  /** Required: commander refuses the command without it. */
  readonly organizer: Organizer;
  readonly smtp?: string;
  readonly changes?: string;
  readonly previous?: string;
  readonly dryRun: boolean;
  readonly scores?: string;
  readonly requests?: string;
  readonly stopChanges?: string;
  readonly force: boolean;
}

/** Registers `roadshow mail`. */
export function defineMail(root: Command, ctx: CommandContext): void {
  root
    .command("mail")
    .description("help.mail")
    .argument("<data-dir>", "help.mail.data-dir")
    .requiredOption("--stop <id>", "help.mail.stop")
    .requiredOption("--agenda <agenda.csv>", "help.mail.agenda")
    .requiredOption("--out <dir>", "help.mail.out")
    .addOption(SHARED.sender())
    .addOption(SHARED.smtp())
    .option("--changes <changes.csv>", "help.mail.changes")
    .option("--previous <agenda.csv>", "help.mail.previous")
    .addOption(SHARED.dryRun())
    .addOption(SHARED.fileScores())
    .addOption(SHARED.requests())
    .option("--stop-changes <file>", "help.mail.stop-changes")
    .option("--force", "help.mail.force", false)
    .addHelpText(
      "after",
      `${ctx.examples(1)}  roadshow mail ${EXAMPLE_DIR} --stop BS-2026-02 --agenda out/BS-2026-02/agenda.csv --out out/BS-2026-02-mail --organizer "Confindustria Lombardia <eventi@example.it>"\n` +
        `  roadshow mail ${EXAMPLE_DIR} --stop BS-2026-02 --agenda out/BS-2026-02/agenda.csv --out out/BS-2026-02-mail --organizer "Confindustria Lombardia <eventi@example.it>" --smtp smtps://smtp.example.it\n`,
    )
    .action(async (dataDir: string, o: MailFlags) => {
      await mail(
        {
          dataDir, stop: o.stop, agenda: o.agenda, out: o.out, organizer: o.organizer, smtp: o.smtp, previous: o.previous, changes: o.changes,
          dryRun: o.dryRun, force: o.force, scores: o.scores, requests: o.requests, stopChanges: o.stopChanges,
        },
        ctx.common(),
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });
}
