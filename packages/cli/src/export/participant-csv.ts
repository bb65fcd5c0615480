import { formatTime } from "@roadshow/core";
import type { Meeting } from "@roadshow/core";
import { toCsv } from "../output/csv.js";
import type { ExportContext, Participant } from "./context.js";
import type { OutputFile } from "./files.js";
import { freeTables, timeline } from "./timeline.js";

/** Columns of `firms/<id>.csv` and `delegations/<id>.csv`. `status` is `meeting`, `free`, `absent` or `break`. */
export const PARTICIPANT_COLUMNS = [
  "slot",
  "start",
  "end",
  "status",
  "table",
  "counterpart_id",
  "counterpart",
  "country",
  "score",
  "why",
] as const;

/** A score as analysts read it: at most two decimals, `.` as separator. */
export function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}

function meetingRow(ctx: ExportContext, participant: Participant, m: Meeting): string[] {
  const delegation = ctx.delegationById.get(m.delegationId);
  const counterpart = participant.kind === "firm" ? delegation : ctx.firmById.get(m.firmId);
  const counterpartId = participant.kind === "firm" ? m.delegationId : m.firmId;
  return [
    "meeting",
    String(m.table),
    counterpartId,
    counterpart?.name ?? counterpartId,
    delegation?.country ?? "",
    formatScore(m.score),
    ctx.why.get(`${m.firmId}|${m.delegationId}`) ?? "",
  ];
}

/** One participant's day as CSV rows, in time order, free slots and breaks included. */
export function participantRows(ctx: ExportContext, participant: Participant): string[][] {
  const rows: string[][] = [];
  for (const entry of timeline(ctx, participant)) {
    if (entry.kind === "break") {
      const { window } = entry.span;
      rows.push(["", formatTime(window.start), formatTime(window.end), "break", "", "", "", "", "", ""]);
      continue;
    }
    const { slot, meetings, present } = entry;
    const when = [String(slot.index), formatTime(slot.start), formatTime(slot.end)];
    for (const m of meetings) rows.push([...when, ...meetingRow(ctx, participant, m)]);
    const free = freeTables(participant, meetings);
    if (!present && meetings.length === 0) rows.push([...when, "absent", "", "", "", "", "", ""]);
    else if (present && (meetings.length === 0 || free.length > 0)) {
      rows.push([...when, "free", free.join("|"), "", "", "", "", ""]);
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
