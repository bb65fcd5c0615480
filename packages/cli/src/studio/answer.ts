// An error of a run as the studio's API answers it: its sentence and its issues in the page's language.
import { EnvironmentError, InputError, UsageError } from "../errors.js";
import type { Organizer } from "../write/exports.js";
import { organizer } from "../run/organizer.js";
import { SaidArgumentError, sayIn } from "../text/cli-text.js";
import type { Lang } from "../text/i18n.js";
import { issueIn } from "../text/issues-text.js";
import type { ErrorAnswer } from "./api.js";

/** The error's sentence in `lang`, and its issues worded in `lang` (as the CLI prints them; no `said` in the JSON). */
export function errorBody(error: InputError | UsageError | EnvironmentError, lang: Lang): ErrorAnswer {
  const sentence = error.said === null ? error.message : sayIn(lang, error.said);
  return { error: sentence, issues: error instanceof InputError ? error.issues.map((i) => issueIn(lang, i)) : [] };
}

/** The organiser the page typed (`Name <email>`), or an input error saying what is expected. */
export function pageOrganizer(value: string): Organizer {
  try {
    return organizer(value);
  } catch (error) {
    throw new InputError(error instanceof SaidArgumentError ? error.said : error instanceof Error ? error.message : String(error));
  }
}
