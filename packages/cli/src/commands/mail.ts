// `roadshow mail`: each participant's agenda as an e-mail with its calendar invitation, written as .eml files or sent through SMTP.
import type { Command } from "commander";
import { EXIT } from "../errors.js";
import type { Organizer } from "../write/exports.js";
import { mail } from "../run/mail.js";
import { EXAMPLE_DIR, organizer, type CommandContext, type OrganizerFlags } from "./shared.js";

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
    .option("--stop-changes <file>", "the stop changes replan was given (walk-ins, absences; default: <data-dir>/changes.csv if present)")
    .option("--force", "replace an output folder holding other messages (its sent.csv is kept)", false)
    .addHelpText(
      "after",
      `\nExample:\n  roadshow mail ${EXAMPLE_DIR} --stop BS-2026-02 --agenda out/BS-2026-02/agenda.csv --out out/BS-2026-02-mail --organizer "Confindustria Lombardia <eventi@example.it>"\n` +
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
