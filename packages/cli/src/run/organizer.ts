/** `--organizer "Name <email>"` → the organiser written on every calendar event: one parser for the CLI's flag and the studio's field. */
import type { Organizer } from "../write/exports.js";
import { said, SaidArgumentError } from "../text/cli-text.js";

const EMAIL = /^[^\s<>@"]+@[^\s<>@"]+\.[^\s<>@".]+$/;

/** `Name <email>` or a bare `email`: who sends the calendar invitations. */
export function organizer(value: string): Organizer {
  const named = /^\s*([^<>]*?)\s*<([^<>]*)>\s*$/.exec(value);
  const name = named ? named[1]! : "";
  const email = (named ? named[2]! : value).trim();
  if (!EMAIL.test(email)) {
    throw new SaidArgumentError(said("cli.arg.organizer", { value }));
  }
  return { name: name === "" ? email : name, email };
}
