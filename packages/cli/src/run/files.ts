/**
 * Plan → files, in one place: every file written for a planned stop
 * (`stopOutput`: agenda.csv, unmatched.csv, the
 * day-of-event files), and for a re-plan the report of what changed
 * (`replanOutput`: changes.csv, changes.html, calendar/changed/). `schedule`,
 * `replan`, `season`, `export`, the studio's Save and `@roadshow/cli/io` all
 * write through these, so their files are the same bytes.
 *
 * @example
 * const files = stopOutput(schedule, instance, { lang, excel, organizer, previous });
 * await writeOutputs(out, files, run.output);
 */
import type { Delegation, Firm, Replan, Schedule, StopInstance } from "@roadshow/core";
import type { AgendaRow } from "../read/index.js";
import { changedCalendars } from "../replan/calendars.js";
import { changesCsv } from "../replan/csv.js";
import { changesHtml } from "../replan/html.js";
import { changeRows, changeSummary, type ChangeSummary } from "../replan/report.js";
import type { Lang } from "../text/i18n.js";
import { scheduleWhy } from "../text/why.js";
import type { Organizer, OutputFile, PreviousMeeting } from "../write/exports.js";
import { agendaFiles, stopFiles, type StopFileOptions } from "../write/stop-files.js";

/** How a planned stop's files are written. */
export interface OutputOptions {
  readonly lang: Lang;
  /** CSVs for Italian Excel (BOM, `;`, CRLF). */
  readonly excel: boolean;
  /** Written as ORGANIZER on every calendar event. */
  readonly organizer?: Organizer | undefined;
  /** The agenda sent before: calendars cancel what was dropped, `sequence` rises for moved meetings. */
  readonly previous?: readonly PreviousMeeting[] | undefined;
}

function fileOptions(options: OutputOptions): StopFileOptions {
  return {
    lang: options.lang,
    excel: options.excel,
    organizer: options.organizer,
    ...(options.previous && { previous: options.previous }),
  };
}

/** Every file of a planned stop, for the participants as they are on the day (the instance's). */
export function stopOutput(schedule: Schedule, instance: StopInstance, options: OutputOptions): OutputFile[] {
  return stopFiles(schedule, instance, fileOptions(options));
}

/** agenda.csv and unmatched.csv alone, as `stopOutput` writes them. */
export function agendaOutput(schedule: Schedule, instance: StopInstance, options: OutputOptions): OutputFile[] {
  return agendaFiles(schedule, instance, fileOptions(options));
}

/** Names for the change report, also of participants taken out of the data files (their agenda row keeps the firm's name). */
function people(instance: StopInstance, previous: readonly AgendaRow[]): { firms: Pick<Firm, "id" | "name">[]; delegations: Pick<Delegation, "id" | "name" | "country">[] } {
  const firms = new Map<string, Pick<Firm, "id" | "name">>(previous.map((r) => [r.firmId, { id: r.firmId, name: r.firmName }]));
  for (const f of instance.firms) firms.set(f.id, f);
  const delegations = new Map<string, Pick<Delegation, "id" | "name" | "country">>(previous.map((r) => [r.delegationId, { id: r.delegationId, name: r.delegationId, country: r.country }]));
  for (const d of instance.delegations) delegations.set(d.id, d);
  return { firms: [...firms.values()], delegations: [...delegations.values()] };
}

/** A re-plan's files: the stop's files, changes.csv, changes.html and the calendars of who must be told (calendar/changed/). */
export interface ReplanOutput {
  readonly files: OutputFile[];
  readonly summary: ChangeSummary;
}

/**
 * The files of a re-plan of `previous` (the stop's rows of the agenda sent
 * before): the stop's own files, then what changed and for whom.
 */
export function replanOutput(replan: Replan, instance: StopInstance, previous: readonly AgendaRow[], options: Omit<OutputOptions, "previous">): ReplanOutput {
  const { schedule } = replan;
  const files = stopOutput(schedule, instance, { ...options, previous });
  const summary = changeSummary(replan);
  const report = changeRows(replan.changes, schedule.slots, people(instance, previous), options.lang);
  const notified = { firms: replan.stats.notifiedFirms, delegations: replan.stats.notifiedDelegations };
  const exportInput = { schedule, firms: instance.firms, delegations: instance.delegations, why: scheduleWhy(schedule, options.lang) };
  return {
    files: [
      ...files,
      { path: "changes.csv", content: changesCsv(instance.stop.id, report, { excel: options.excel }) },
      { path: "changes.html", content: changesHtml(instance.stop, report, summary, options.lang) },
      ...changedCalendars(files, exportInput, previous, notified, options.lang),
    ],
    summary,
  };
}
