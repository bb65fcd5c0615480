/**
 * The day of a stop at the desk: its agenda of the day (the workspace's latest version, or
 * an agenda given, plus the meetings `refill` entries added since) and what the log says
 * of the stop now (the instance with its changes, the desk's check-ins and no-shows).
 */
import { happening, type AgendaMeeting, type DeskRecord, type MeetingOutcome, type Stop } from "@roadshow/core";
import { InputError } from "../errors.js";
import { saidIssue } from "../issues.js";
import { said } from "../text/cli-text.js";
import { readAgenda, type Loaded } from "../read/load.js";
import { deriveDay, type Day } from "../workspace/day.js";
import { inEffect, readLog } from "../workspace/log.js";
import { listVersions, stopPaths, type StopPaths } from "../workspace/store.js";

/** A stop's day at the desk. */
export interface DeskDay {
  readonly paths: StopPaths;
  readonly day: Day;
  /** Where the agenda came from: a version's agenda.csv, or the file given. */
  readonly source: string;
  /** Every meeting of the day: the agenda's, then those added by refills since it was made. */
  readonly agenda: readonly AgendaMeeting[];
  /** What the desk recorded (check-ins, no-shows) with the meetings the log cancelled or declined: what `happening` and `refillSlot` take. */
  readonly record: DeskRecord;
}

/** The agenda.csv of the stop's latest version in its workspace, if any. */
export function dayAgendaFile(dataDir: string, stopId: string): string | undefined {
  return listVersions(stopPaths(dataDir, stopId)).at(-1)?.agenda;
}

/** Reads the stop's log and agenda of the day; `agendaFile` replaces the workspace's latest version. */
export async function deskDay(dataDir: string, loaded: Loaded, stop: Stop, agendaFile?: string): Promise<DeskDay> {
  const paths = stopPaths(dataDir, stop.id);
  const day = deriveDay(loaded, stop, readLog(paths.log), paths.log);
  const version = listVersions(paths).at(-1);
  const source = agendaFile ?? version?.agenda;
  if (source === undefined) {
    throw new InputError(said("cli.desk.noAgenda", { stop: stop.id }), [saidIssue(
      { severity: "error", code: "no-agenda", file: paths.dir, line: null, column: null, value: stop.id },
      said("input.no-agenda.desk", { stop: stop.id, versions: paths.versions }),
      said("input.no-agenda.desk.fix", { dataDir, stop: stop.id }),
    )]);
  }
  const rows: AgendaMeeting[] = (await readAgenda(source)).filter((r) => r.stopId === stop.id).map(({ firmId, delegationId, slot, table }) => ({ firmId, delegationId, slot, table }));
  // Refills entered after the version was made are not in it yet.
  const since = agendaFile === undefined ? (version?.logThrough ?? 0) : 0;
  const onAgenda = new Set(rows.map((r) => `${r.firmId}\u0000${r.delegationId}`));
  const added = day.refills.filter((r) => r.entry > since && !onAgenda.has(`${r.meeting.firmId}\u0000${r.meeting.delegationId}`)).map((r) => r.meeting);
  return { paths, day, source, agenda: [...rows, ...added], record: { events: day.desk.events, cancelled: day.excluded } };
}

/** Whether each meeting of the day's agenda happens (the core's `happening` on the day's record). */
export function deskHappening(desk: DeskDay): boolean[] {
  return happening(desk.day.instance, desk.agenda, desk.record);
}

/** The meetings of the day that happen: the agenda of the day as it was held, refills included, nobody moved. */
export function heldAgenda(desk: DeskDay): AgendaMeeting[] {
  const happens = deskHappening(desk);
  return desk.agenda.filter((_, k) => happens[k]);
}

/** The pairs (`firm\u0000delegation`) named by the log's entries of `kind` in effect (`confirm`, `followup`), whichever side entered them. */
export function pairsEntered(desk: DeskDay, kind: string): Set<string> {
  const entries = desk.day.entries;
  const effect = inEffect(entries);
  return new Set(entries.filter((e, i) => effect[i] && e.kind === kind).flatMap((e) => [`${e.participantId}\u0000${e.value}`, `${e.value}\u0000${e.participantId}`]));
}

/**
 * The outcomes the desk recorded for the stop: every meeting of the day's agenda that did
 * not happen (a no-show, a participant absent or gone, a meeting cancelled or declined in
 * the log) as `held` no, and every meeting a `followup` entry names with `follow_up` yes.
 * Sorted by firm, then delegation.
 */
export function deskOutcomes(desk: DeskDay, stopId: string): MeetingOutcome[] {
  const happens = deskHappening(desk);
  const followUps = pairsEntered(desk, "followup");
  return desk.agenda
    .map((m, k) => ({ stopId, firmId: m.firmId, delegationId: m.delegationId, held: happens[k]!, followUp: followUps.has(`${m.firmId}\u0000${m.delegationId}`) }))
    .filter((o) => !o.held || o.followUp)
    .sort((a, b) => (a.firmId < b.firmId ? -1 : a.firmId > b.firmId ? 1 : a.delegationId < b.delegationId ? -1 : 1));
}
