// Every file written for one planned stop: agenda.csv, unmatched.csv and the day-of-event files.
import type { Schedule } from "@roadshow/core";
import { agendaCsv, unmatchedCsv } from "./agenda-csv.js";
import { renderExports, type Organizer, type OutputFile, type PreviousMeeting } from "./exports.js";
import type { Lang } from "../text/i18n.js";
import type { DataSet } from "../read/index.js";

/** Options of the files written for one planned stop. */
export interface StopFileOptions {
  readonly lang: Lang;
  readonly excel: boolean;
  /** An earlier agenda of the stop: meetings dropped since are cancelled in the calendars. */
  readonly previous?: readonly PreviousMeeting[];
  /** Explanation per `firmId|delegationId`, written as the `why` column. */
  readonly why?: ReadonlyMap<string, string>;
  /** Written as ORGANIZER on every calendar event. */
  readonly organizer?: Organizer | undefined;
}

/** agenda.csv and unmatched.csv of a planned stop, the first two of `stopFiles`. */
export function agendaFiles(result: Schedule, data: Pick<DataSet, "firms" | "delegations">, options: StopFileOptions): OutputFile[] {
  const dialect = { excel: options.excel };
  return [
    { path: "agenda.csv", content: agendaCsv(result, data.firms, data.delegations, dialect, options.why, options.previous) },
    { path: "unmatched.csv", content: unmatchedCsv(result, data.firms, dialect, options.lang) },
  ];
}

/**
 * Every file written for a planned stop (by `schedule`, per stop by `season`,
 * and by `export` from an edited agenda): agenda.csv, unmatched.csv and the
 * day-of-event files (participant CSVs, printable agendas, grid, summary, calendars).
 */
export function stopFiles(result: Schedule, data: Pick<DataSet, "firms" | "delegations">, options: StopFileOptions): OutputFile[] {
  const why = options.why;
  return [
    ...agendaFiles(result, data, options),
    ...renderExports(
      { schedule: result, firms: data.firms, delegations: data.delegations, ...(why && { why }) },
      {
        lang: options.lang,
        excel: options.excel,
        ...(options.previous && { previous: options.previous }),
        ...(options.organizer && { organizer: options.organizer }),
      },
    ),
  ];
}
