// The day-of-event files of a schedule, and the entry points to render one participant's agenda and calendar.
import type { Language } from "../text/i18n.js";
import { exportContext } from "./export-context.js";
import type { ExportInput } from "./export-context.js";
import type { OutputFile } from "./output-file.js";
import { renderAgendas } from "./html-agendas.js";
import { renderCheckin } from "./html-checkin.js";
import { renderGrid } from "./html-grid.js";
import { renderSummary } from "./html-summary.js";
import { renderCalendars } from "./ics.js";
import type { Organizer, PreviousMeeting } from "./ics.js";
import { participantCsvs } from "./participant-csv.js";

/**
 * How to export.
 * @example { lang: "it", excel: true, previous: [] }
 */
export interface ExportOptions {
  /** `--lang`: the language of shared pages and of participants without a `lang` cell. */
  readonly lang: Language;
  /** CSV in the dialect Italian Excel opens on a double click. */
  readonly excel: boolean;
  /** Meetings of an earlier agenda: those dropped since are cancelled in the calendars. */
  readonly previous?: readonly PreviousMeeting[];
  /** Written as ORGANIZER on every calendar event when given. */
  readonly organizer?: Organizer;
}

/**
 * Every file a person uses on the day, for one stop's schedule: per-participant CSVs,
 * printable agendas, the venue grid, the summary and the calendars. Pure: the CLI writes them.
 */
export function renderExports(input: ExportInput, opts: ExportOptions): OutputFile[] {
  const ctx = exportContext(input, opts.lang);
  const calendar = { previous: opts.previous ?? [], ...(opts.organizer ? { organizer: opts.organizer } : {}) };
  return [
    ...participantCsvs(ctx, opts.excel),
    { path: "agendas.html", content: renderAgendas(ctx) },
    { path: "grid.html", content: renderGrid(ctx) },
    { path: "checkin.html", content: renderCheckin(ctx) },
    { path: "summary.html", content: renderSummary(ctx) },
    ...renderCalendars(ctx, calendar),
  ];
}

export type { ExportInput, ExportContext, Participant } from "./export-context.js";
export { eventTitle, exportContext, forParticipant, placeOf, safeFileName } from "./export-context.js";
export type { OutputFile } from "./output-file.js";
export type { CalendarOptions, Organizer, ParticipantCalendarOptions, PreviousMeeting } from "./ics.js";
export { meetingSequence, meetingUid, participantCalendar, participantCalendars, renderCalendars, UID_DOMAIN } from "./ics.js";
export { PARTICIPANT_COLUMNS, participantCsvs, participantRows } from "./participant-csv.js";
export { contactText, delegationLabel, firmDetails, firmLabel, sectorsText } from "./people.js";
export { agendaText } from "./text-agenda.js";
export { renderAgenda, renderAgendas } from "./html-agendas.js";
export { gridSheets, GRID_TABLES_PER_SHEET, renderGrid } from "./html-grid.js";
export { renderCheckin } from "./html-checkin.js";
export { renderSummary } from "./html-summary.js";
export { escapeHtml } from "./html.js";
