/**
 * The studio's desk mode, the reception on the day: the stop's participants A–Z
 * with what the desk recorded of them, the meetings of the day (the workspace's
 * latest version plus the refills since) with whether each happens, and the
 * standby refill of a slot. Every action is the CLI's own function: check-ins,
 * no-shows, absences, confirm and decline go through `change` (the workspace
 * route `/api/workspace/change`), a refill through `refill` (`--apply` when the
 * organiser confirms), the end of the day through `outcomes`.
 *
 * GET  /api/desk?stop=ID                       → DeskBoard
 * POST /api/desk/refill {stop, slot, apply}    → `refill --format json` (with `--apply`: its log entries)
 * POST /api/desk/close  {stop}                 → `outcomes --force --held-agenda <out>/<stop>/held-agenda.csv`
 */
import path from "node:path";
import type { IncomingMessage } from "node:http";
import { buildSlots, formatTime, slotsInside, type Stop, type TimeWindow } from "@roadshow/core";
import { outcomes } from "../commands/outcomes.js";
import { refill } from "../commands/refill.js";
import { deskDay, deskHappening, pairsEntered } from "../desk/day.js";
import { InputError } from "../errors.js";
import { said } from "../text/cli-text.js";
import { loadRun } from "../run/load.js";
import type { Lang } from "../text/i18n.js";
import { json, type DayAnswer } from "./day.js";
import type { Io } from "../context.js";
import { delegationsAt, firmsAt, stopLabel } from "./views.js";
import type { Workspace } from "./workspace.js";
import type { DeskBoard, DeskDayMeeting, DeskParticipant } from "./desk-api.js";

const present = (stop: Stop, windows: readonly TimeWindow[] | null, at: boolean): boolean[] =>
  at ? slotsInside(stop, buildSlots(stop), windows) : buildSlots(stop).map(() => false);

/** The desk's board of a stop, read from the data folder and the stop's workspace. */
export async function deskBoard(dataDir: string, stopId: string, lang: Lang): Promise<DeskBoard> {
  const run = await loadRun({ files: { dataDir } });
  const loaded = run.loaded;
  const stop = run.findStop(stopId);
  const desk = await deskDay(dataDir, loaded, stop);
  const { instance } = desk.day;
  const happens = deskHappening(desk);
  const checkedIn = new Map<string, string>();
  const noShows = new Map<string, number[]>();
  for (const e of desk.record.events) {
    if (e.kind === "checkin") {
      checkedIn.set(e.participantId, formatTime(e.at));
      noShows.delete(e.participantId);
    } else {
      noShows.set(e.participantId, [...(noShows.get(e.participantId) ?? []), e.slot]);
    }
  }
  const dayFirms = new Map(instance.firms.map((f) => [f.id, f]));
  const dayDelegations = new Map(instance.delegations.map((d) => [d.id, d]));
  const participants: DeskParticipant[] = [
    ...firmsAt(loaded.data.firms, stop).map((f): DeskParticipant => {
      const day = dayFirms.get(f.id);
      return { id: f.id, kind: "firm", name: f.name, country: "", checkedIn: checkedIn.get(f.id) ?? null, noShows: noShows.get(f.id) ?? [], present: present(stop, day?.available ?? null, day?.stops.includes(stop.id) ?? false) };
    }),
    ...delegationsAt(loaded.data.delegations, stop).map((d): DeskParticipant => {
      const day = dayDelegations.get(d.id);
      const at = day !== undefined && (day.stops === null || day.stops.includes(stop.id));
      return { id: d.id, kind: "delegation", name: d.name, country: d.country, checkedIn: checkedIn.get(d.id) ?? null, noShows: noShows.get(d.id) ?? [], present: present(stop, day?.available ?? null, at) };
    }),
  ].sort((a, b) => a.name.localeCompare(b.name, lang) || (a.id < b.id ? -1 : 1));
  const cancelled = new Set((desk.record.cancelled ?? []).map((c) => `${c.firmId}\u0000${c.delegationId}`));
  const noShowIn = new Set(desk.record.events.flatMap((e) => (e.kind === "noshow" ? [`${e.participantId}\u0000${e.slot}`] : [])));
  const refills = new Set(desk.day.refills.map((r) => `${r.meeting.firmId}\u0000${r.meeting.delegationId}`));
  const confirmed = pairsEntered(desk, "confirm");
  const followUps = pairsEntered(desk, "followup");
  const meetings = desk.agenda.map((m, k): DeskDayMeeting => {
    const pair = `${m.firmId}\u0000${m.delegationId}`;
    const reason = happens[k] ? null
      : cancelled.has(pair) ? "cancelled"
      : noShowIn.has(`${m.firmId}\u0000${m.slot}`) || noShowIn.has(`${m.delegationId}\u0000${m.slot}`) ? "noshow"
      : "absent";
    return { slot: m.slot, table: m.table, firmId: m.firmId, delegationId: m.delegationId, happens: happens[k]!, reason, refill: refills.has(pair), confirmed: confirmed.has(pair), followUp: followUps.has(pair) };
  }).sort((a, b) => a.slot - b.slot || a.table - b.table || (a.happens === b.happens ? 0 : a.happens ? -1 : 1));
  const slots = buildSlots(stop).map((s) => ({ index: s.index, start: formatTime(s.start), end: formatTime(s.end) }));
  return {
    stop: { id: stop.id, label: stopLabel(stop, lang), date: stop.date, timezone: stop.timezone, slots },
    source: path.relative(dataDir, desk.source),
    participants,
    meetings,
    entries: desk.day.entries.length,
  };
}

/** Runs one CLI function; its standard output is the answer (warnings on stderr are not). */
async function stdoutOf(env: Readonly<Record<string, string | undefined>>, work: (io: Io) => Promise<void>): Promise<string> {
  let output = "";
  await work({ stdout: (s) => void (output += s), stderr: () => undefined, env, color: false });
  return output;
}

const stopOf = (b: Record<string, unknown>): string => {
  const v = b["stop"];
  if (typeof v !== "string" || v === "") throw new InputError(said("studio.api.request.lacks", { key: "stop" }));
  return v;
};

/** Handles the desk's routes; `null` for any other route. */
export async function deskModeApi(
  route: string,
  req: IncomingMessage,
  url: URL,
  ws: Workspace,
  lang: Lang,
  env: Readonly<Record<string, string | undefined>>,
): Promise<DayAnswer | null> {
  if (route !== "GET /api/desk" && !route.startsWith("POST /api/desk/")) return null;
  const dataDir = ws.folders.data;
  const common = { lang, format: "json" as const };
  // Errors reach the server's one answer for them (422 input, 400 usage, 409/503 environment).
  switch (route) {
    case "GET /api/desk":
      return { status: 200, body: await deskBoard(dataDir, url.searchParams.get("stop") ?? "", lang) };
    case "POST /api/desk/refill": {
      const b = await json(req);
      const slot = b["slot"];
      if (typeof slot !== "number" || !Number.isInteger(slot)) throw new InputError(said("studio.api.request.notWhole", { key: "slot" }));
      const output = await stdoutOf(env, (io) =>
        refill({ dataDir, stop: stopOf(b), slot, apply: b["apply"] === true, agenda: undefined, minMeetings: 1, balance: true, by: undefined, format: "json" }, common, io));
      return { status: 200, body: JSON.parse(output) as unknown };
    }
    case "POST /api/desk/close": {
      const b = await json(req);
      const stop = stopOf(b);
      const heldAgenda = path.join(ws.folders.stopFolder(stop), "held-agenda.csv");
      const outcomesFile = path.join(dataDir, "outcomes.csv");
      const output = await stdoutOf(env, (io) => outcomes({ dataDir, stop, agenda: undefined, out: outcomesFile, heldAgenda, force: true }, { lang, format: "text" }, io));
      ws.touched();
      return { status: 200, body: { output, outcomes: outcomesFile, heldAgenda } };
    }
    default:
      return null;
  }
}
