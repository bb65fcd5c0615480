// Every file written for one planned stop: agenda.csv, unmatched.csv and the day-of-event files.
import type { Schedule } from "@roadshow/core";
import { agendaCsv, unmatchedCsv } from "./agenda-csv.js";
import { renderExports, type Organizer, type OutputFile, type PreviousMeeting } from "./exports.js";
import type { Lang } from "../text/i18n.js";
import type { DataSet } from "../read/index.js";
import { scheduleWhy } from "../text/why.js";

/** Options of the files written for one planned stop. */
export interface StopFileOptions {
  readonly lang: Lang;
  readonly excel: boolean;
  /** An earlier agenda of the stop: meetings dropped since are cancelled in the calendars. */
  readonly previous?: readonly PreviousMeeting[];
  /** Written as ORGANIZER on every calendar event. */
  readonly organizer?: Organizer | undefined;
}

/** The participants the files name: those of the stop as it is on the day. */
export type Participants = Pick<DataSet, "firms" | "delegations">;

/** agenda.csv and unmatched.csv of a planned stop, the first two of `stopFiles`. */
export function agendaFiles(result: Schedule, data: Participants, options: StopFileOptions): OutputFile[] {
  const dialect = { excel: options.excel };
  return [
    { path: "agenda.csv", content: agendaCsv(result, data.firms, data.delegations, dialect, options.lang, options.previous) },
    { path: "unmatched.csv", content: unmatchedCsv(result, data.firms, dialect, options.lang) },
  ];
}

/**
 * Every file written for a planned stop (by `schedule`, per stop by `season`,
 * and by `export` from an edited agenda): agenda.csv, unmatched.csv and the
 * day-of-event files (participant CSVs, printable agendas, grid, summary, calendars).
 * The `why` of each meeting is worded here from its score parts, so every
 * caller writes the same agenda.csv for the same schedule.
 */
export function stopFiles(result: Schedule, data: Participants, options: StopFileOptions): OutputFile[] {
  const why = scheduleWhy(result, options.lang);
  return [
    ...agendaFiles(result, data, options),
    ...renderExports(
      { schedule: result, firms: data.firms, delegations: data.delegations, why },
      {
        lang: options.lang,
        excel: options.excel,
        ...(options.previous && { previous: options.previous }),
        ...(options.organizer && { organizer: options.organizer }),
      },
    ),
  ];
}
