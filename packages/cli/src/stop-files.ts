import type { Schedule } from "@roadshow/core";
import { agendaCsv, unmatchedCsv } from "./agenda-csv.js";
import type { Lang } from "./i18n.js";
import type { DataSet } from "./input/index.js";

/** A file to write, relative to an output folder. */
export interface OutputFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/** Options of the files written for one planned stop. */
export interface StopFileOptions {
  readonly lang: Lang;
  readonly excel: boolean;
}

/** Every file `schedule` writes for a stop (also used per stop by `season`). */
export function stopFiles(result: Schedule, data: DataSet, options: StopFileOptions): OutputFile[] {
  const dialect = { excel: options.excel };
  return [
    { path: "agenda.csv", content: agendaCsv(result, data.firms, data.delegations, dialect) },
    { path: "unmatched.csv", content: unmatchedCsv(result, data.firms, dialect, options.lang) },
  ];
}
