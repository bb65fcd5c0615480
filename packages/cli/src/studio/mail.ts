/**
 * Send: `roadshow mail` on the agenda just saved, for the participants its
 * changes.csv names (everyone after a first save): one .eml each in
 * `<out>/<stop_id>-mail/`, and sent through the SMTP server given to the studio with `--smtp`.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { mail } from "../run/mail.js";
import { pageOrganizer } from "./answer.js";
import { said } from "../text/cli-text.js";
import { InputError } from "../errors.js";
import type { Lang } from "../text/i18n.js";
import type { MailAnswer, MailBody } from "./api.js";
import type { Workspace } from "./workspace.js";

export async function mailStop(ws: Workspace, body: MailBody, lang: Lang, smtp: string | undefined, env: Readonly<Record<string, string | undefined>>): Promise<MailAnswer> {
  const folder = ws.folders.stopFolder(body.stop);
  const agenda = path.join(folder, "agenda.csv");
  if (!existsSync(agenda)) throw new InputError(said("studio.api.mail.notSaved", { file: path.join(ws.folders.outShown, body.stop, "agenda.csv") }));
  const sender = pageOrganizer(body.organizer);
  const changes = path.join(folder, "changes.csv");
  const out = ws.folders.stopFolder(`${body.stop}-mail`);
  let text = "";
  const io = { stdout: (s: string) => void (text += s), stderr: (s: string) => void (text += s), env, color: false };
  await mail(
    {
      dataDir: ws.folders.dataShown, stop: body.stop, agenda, out, organizer: sender, smtp: body.send ? smtp : undefined,
      previous: undefined, changes: existsSync(changes) ? changes : undefined, dryRun: false, force: true,
    },
    { lang, format: "text" },
    io,
  );
  return { folder: path.join(ws.folders.outShown, `${body.stop}-mail`), output: text, sent: body.send && smtp !== undefined, onlyChanged: existsSync(changes) };
}
