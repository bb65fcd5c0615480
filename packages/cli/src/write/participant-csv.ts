// `firms/<id>.csv` and `delegations/<id>.csv`: one participant's day to send it, in its language, without scores.
import { formatTime } from "@roadshow/core";
import type { Meeting } from "@roadshow/core";
import { countryName, t } from "../text/i18n.js";
import { toCsv } from "./csv.js";
import type { CsvCell } from "./csv.js";
import type { ExportContext, Participant } from "./export-context.js";
import { forParticipant } from "./export-context.js";
import type { OutputFile } from "./output-file.js";
import { sectorsText } from "./people.js";
import { freeTables, timeline } from "./timeline.js";

/**
 * Columns of `firms/<id>.csv` and `delegations/<id>.csv`, the day of one participant to send it:
 * no score and no reasons (those are the organiser's, in agenda.csv). `status` is `meeting`,
 * `free`, `absent` or `break` in the participant's language; the `counterpart` columns describe
 * whom it meets (its country for a delegation; city, sectors and website for a firm).
 */
export const PARTICIPANT_COLUMNS = [
  "slot",
  "start",
  "end",
  "status",
  "table",
  "counterpart_id",
  "counterpart",
  "country",
  "city",
  "sectors",
  "website",
  "contact_name",
  "email",
] as const;

const BLANK_COUNTERPART: readonly CsvCell[] = ["", "", "", "", "", "", "", "", ""];

function meetingRow(ctx: ExportContext, participant: Participant, m: Meeting): CsvCell[] {
  const other = participant.kind === "firm" ? ctx.delegationById.get(m.delegationId) : ctx.firmById.get(m.firmId);
  const otherId = participant.kind === "firm" ? m.delegationId : m.firmId;
  return [
    t(ctx.lang, "status.meeting"),
    m.table,
    otherId,
    other?.name ?? otherId,
    other?.country ? countryName(other.country, ctx.language) : "",
    other?.city ?? "",
    other ? sectorsText(ctx, other) : "",
    other?.website ?? "",
    other?.contactName ?? "",
    other?.email ?? "",
  ];
}

/** One participant's day as CSV rows, in time order, free slots and breaks included, in its language. */
export function participantRows(base: ExportContext, participant: Participant): CsvCell[][] {
  const ctx = forParticipant(base, participant);
  const status = (s: "free" | "absent" | "break") => t(ctx.lang, `status.${s}`);
  const rows: CsvCell[][] = [];
  for (const entry of timeline(ctx, participant)) {
    if (entry.kind === "break") {
      const { window } = entry.span;
      rows.push(["", formatTime(window.start), formatTime(window.end), status("break"), ...BLANK_COUNTERPART]);
      continue;
    }
    const { slot, meetings, present } = entry;
    const when: CsvCell[] = [slot.index, formatTime(slot.start), formatTime(slot.end)];
    for (const m of meetings) rows.push([...when, ...meetingRow(ctx, participant, m)]);
    const free = freeTables(participant, meetings);
    if (!present && meetings.length === 0) rows.push([...when, status("absent"), ...BLANK_COUNTERPART]);
    else if (present && (meetings.length === 0 || free.length > 0)) {
      rows.push([...when, status("free"), free.join("|"), ...BLANK_COUNTERPART.slice(1)]);
    }
  }
  return rows;
}

/** `firms/<file>.csv` and `delegations/<file>.csv` for every participant. */
export function participantCsvs(ctx: ExportContext, excel: boolean): OutputFile[] {
  const file = (dir: string, p: Participant): OutputFile => ({
    path: `${dir}/${p.file}.csv`,
    content: toCsv(PARTICIPANT_COLUMNS, participantRows(ctx, p), { excel }),
  });
  return [...ctx.firms.map((p) => file("firms", p)), ...ctx.delegations.map((p) => file("delegations", p))];
}
