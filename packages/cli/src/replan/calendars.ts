/** calendar/changed/…: the calendars of the participants whose day changed, picked from the stop's calendars. */
import type { Meeting } from "@roadshow/core";
import { exportContext, safeFileName, type ExportInput, type OutputFile, type PreviousMeeting } from "../write/exports.js";
import type { Lang } from "../text/i18n.js";

/**
 * The file name each participant's calendar got (as `renderCalendars` names
 * them): a participant of the stop keeps its export name; one with only
 * cancelled meetings (absent now) gets a safe name after them, in id order.
 */
function calendarNames(input: ExportInput, previous: readonly PreviousMeeting[], lang: Lang): { firm: Map<string, string>; delegation: Map<string, string> } {
  const ctx = exportContext(input, lang);
  const stopId = input.schedule.stop.id;
  const pair = (m: { firmId: string; delegationId: string }) => `${m.firmId}|${m.delegationId}`;
  const now = new Set(input.schedule.meetings.map(pair));
  const dropped = previous.filter((p) => p.stopId === stopId && !now.has(pair(p)));
  const names = (known: ReadonlyMap<string, { file: string }>, ids: Iterable<string>): Map<string, string> => {
    const out = new Map([...known].map(([id, p]) => [id, p.file]));
    const taken = new Set([...known.values()].map((p) => p.file.toLowerCase()));
    for (const id of [...new Set(ids)].sort()) if (!out.has(id)) out.set(id, safeFileName(id, taken));
    return out;
  };
  const meetings: readonly Pick<Meeting, "firmId" | "delegationId">[] = [...input.schedule.meetings, ...dropped];
  return {
    firm: names(ctx.firmById, meetings.map((m) => m.firmId)),
    delegation: names(ctx.delegationById, meetings.map((m) => m.delegationId)),
  };
}

/**
 * For every participant to notify: its calendar (`calendar/changed/<firms|delegations>/<id>.ics`,
 * METHOD:PUBLISH, moved meetings with SEQUENCE raised, dropped ones STATUS:CANCELLED) and, when
 * meetings were dropped, the cancellation alone (`calendar/changed/cancel/…`, METHOD:CANCEL).
 * Copies of the stop's own calendar files, so the two never disagree.
 */
export function changedCalendars(
  files: readonly OutputFile[],
  input: ExportInput,
  previous: readonly PreviousMeeting[],
  notified: { readonly firms: readonly string[]; readonly delegations: readonly string[] },
  lang: Lang,
): OutputFile[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const names = calendarNames(input, previous, lang);
  const out: OutputFile[] = [];
  for (const [dir, ids, name] of [["firms", notified.firms, names.firm], ["delegations", notified.delegations, names.delegation]] as const) {
    for (const id of ids) {
      const file = name.get(id);
      if (file === undefined) continue;
      for (const [from, to] of [[`calendar/${dir}/${file}.ics`, `calendar/changed/${dir}/${file}.ics`], [`calendar/cancel/${dir}/${file}.ics`, `calendar/changed/cancel/${dir}/${file}.ics`]] as const) {
        const found = byPath.get(from);
        if (found) out.push({ path: to, content: found.content });
      }
    }
  }
  return out;
}
