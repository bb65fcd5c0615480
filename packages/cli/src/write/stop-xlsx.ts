/**
 * `agenda.xlsx` (`--xlsx`): a planned stop as one workbook for the organiser, in
 * `--lang`. Sheets: Agenda (agenda.csv's rows, typed), Firms and Delegations
 * (every participant's meetings as in firms/<id>.csv, the participant first so
 * the filter shows one), Unmatched (unmatched.csv) and Summary. The participant sheets carry what the participant files carry: no
 * score, no reason.
 */
import type { Schedule } from "@roadshow/core";
import type { DataSet } from "../read/index.js";
import { formatMessage, isMessageKey, t, type Lang } from "../text/i18n.js";
import { scheduleWhy } from "../text/why.js";
import { agendaTable, unmatchedTable, type OutTable } from "./agenda-csv.js";
import type { CsvCell } from "./csv.js";
import { exportContext, type ExportContext, type Participant } from "./export-context.js";
import type { PreviousMeeting } from "./ics.js";
import type { OutputFile } from "./output-file.js";
import { PARTICIPANT_COLUMNS, participantRows } from "./participant-csv.js";
import type { SeasonTable } from "./season-csv.js";
import { xlsxBytes, type XlsxColumn, type XlsxSheet, type XlsxType } from "./xlsx.js";

/** How each column of roadshow's tables is typed in a workbook; any other column is text. */
const TYPES: Readonly<Record<string, XlsxType>> = {
  date: "date", start: "time", end: "time", slot: "integer", table: "integer", score: "number", sequence: "integer",
  meetings: "integer", value: "number", season_meetings: "integer", stops_with_meetings: "integer", countries_met: "integer",
  targets_met: "integer", targets_wanted: "integer", season: "number", independent: "number", held: "integer",
  not_held: "integer", held_percent: "number", follow_ups: "integer",
};

/** A workbook word of the catalogue (`xlsx.col.table` → `Tavolo`), or `fallback` when it has none. */
function word(lang: Lang, key: string, fallback: string): string {
  return isMessageKey(key) ? formatMessage(lang, key, {}) : fallback;
}

/** A column's header in `lang` (`Tavolo`), or the name itself when the catalogue has none (a stop id). */
export function columnLabel(lang: Lang, name: string): string {
  return word(lang, `xlsx.col.${name}`, name);
}

/** The workbook columns of a table: headers in `lang`, types by column name (`types` overriding). */
export function xlsxColumns(names: readonly string[], lang: Lang, types: Readonly<Record<string, XlsxType>> = {}): XlsxColumn[] {
  return names.map((name) => ({ header: columnLabel(lang, name), type: types[name] ?? TYPES[name] ?? "text" }));
}

/** A shared table as a sheet. */
export function tableSheet(name: string, table: OutTable, lang: Lang, types: Readonly<Record<string, XlsxType>> = {}): XlsxSheet {
  return { name, columns: xlsxColumns(table.header, lang, types), rows: table.rows };
}

export const sheetName = (lang: Lang, key: string): string => word(lang, `xlsx.sheet.${key}`, key);

/** The participant file's columns on the Firms and Delegations sheets: its meetings only, so `status` goes. */
const STATUS = PARTICIPANT_COLUMNS.indexOf("status");
const MEETING_COLUMNS = PARTICIPANT_COLUMNS.filter((c) => c !== "status");

/**
 * Every participant's meetings, as its participant file has them (in the
 * organiser's language), one participant after the other, the participant first:
 * free slots and breaks are left to the participant files (at 12,000 meetings
 * they would triple the rows to write).
 */
function* participantMeetings(ctx: ExportContext, participants: readonly Participant[]): Generator<CsvCell[]> {
  const meeting = t(ctx.lang, "status.meeting");
  for (const p of participants) {
    for (const row of participantRows(ctx, { ...p, language: ctx.language })) {
      if (row[STATUS] === meeting) yield [p.id, p.name, ...row.slice(0, STATUS), ...row.slice(STATUS + 1)];
    }
  }
}

function summaryRows(schedule: Schedule, lang: Lang): CsvCell[][] {
  const { stats, stop } = schedule;
  const label = (key: string) => word(lang, `xlsx.summary.${key}`, key);
  const round = (x: number) => Math.round(x * 100) / 100;
  return [
    [label("stop"), stop.id],
    [label("city"), stop.city],
    [label("date"), stop.date],
    [label("meetings"), schedule.meetings.length],
    [label("served"), stats.servedFirms],
    [label("registered"), stats.registeredFirms],
    [label("musts"), stats.levels.musts],
    [label("requested"), stats.requestedMusts],
    [label("unmatched"), schedule.unmatched.length],
    [label("score"), round(stats.levels.score)],
    [label("bound"), round(stats.bounds.score)],
    [label("gap"), round(stats.gapPercent)],
    [label("status"), t(lang, `status.${schedule.status}`)],
  ];
}

/** Options of agenda.xlsx. */
export interface StopWorkbookOptions {
  readonly lang: Lang;
  /** The agenda sent before: the `sequence` column rises for moved meetings, as in agenda.csv. */
  readonly previous?: readonly PreviousMeeting[];
}

/** agenda.xlsx when it is asked for (`--xlsx`, the studio's Save), else nothing: what every writer of a stop's files adds to them. */
export async function workbookFiles(schedule: Schedule, data: Pick<DataSet, "firms" | "delegations">, options: StopWorkbookOptions & { readonly xlsx: boolean }): Promise<OutputFile<Uint8Array>[]> {
  return options.xlsx ? [await stopWorkbook(schedule, data, options)] : [];
}

/** `agenda.xlsx` of a planned stop. */
export async function stopWorkbook(schedule: Schedule, data: Pick<DataSet, "firms" | "delegations">, options: StopWorkbookOptions): Promise<OutputFile<Uint8Array>> {
  const { lang } = options;
  const why = scheduleWhy(schedule, lang);
  const ctx = exportContext({ schedule, firms: data.firms, delegations: data.delegations, why }, lang);
  const dayColumns = ["participant_id", "participant", ...MEETING_COLUMNS];
  const sheets: XlsxSheet[] = [
    tableSheet(sheetName(lang, "agenda"), agendaTable(schedule, data.firms, data.delegations, lang, options.previous), lang),
    { name: sheetName(lang, "firms"), columns: xlsxColumns(dayColumns, lang), rows: { [Symbol.iterator]: () => participantMeetings(ctx, ctx.firms) } },
    { name: sheetName(lang, "delegations"), columns: xlsxColumns(dayColumns, lang), rows: { [Symbol.iterator]: () => participantMeetings(ctx, ctx.delegations) } },
    tableSheet(sheetName(lang, "unmatched"), unmatchedTable(schedule, data.firms, lang), lang),
    { name: sheetName(lang, "summary"), columns: xlsxColumns(["measure", "value"], lang), rows: summaryRows(schedule, lang) },
  ];
  return { path: "agenda.xlsx", content: await xlsxBytes(sheets, lang) };
}

/** `season.xlsx`: the season report's tables (season.csv, season-firms.csv, …, season-held.csv), a sheet each, in `--lang`. */
export async function seasonWorkbook(tables: readonly SeasonTable[], lang: Lang): Promise<OutputFile<Uint8Array>> {
  const sheets = tables.map((table) => tableSheet(sheetName(lang, table.sheet), table, lang, table.types));
  return { path: "season.xlsx", content: await xlsxBytes(sheets, lang) };
}
