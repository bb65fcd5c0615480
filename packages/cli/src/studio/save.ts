/**
 * Save: writes `<out>/<stop_id>/` with the CLI's own writers, the files
 * `schedule` writes for a plan (or `export` for an edited agenda), never
 * overwriting without the page's confirmation, and reads the agenda back to check it.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { reviewAgenda, verifyAgenda } from "@roadshow/core";
import { organizer } from "../commands/shared.js";
import { InputError } from "../errors.js";
import { readAgenda } from "../load.js";
import { writeOutputs } from "../output/write.js";
import { stopFiles } from "../stop-files.js";
import { scheduleWhy } from "../why.js";
import type { SaveAnswer, SaveBody } from "./api.js";
import type { Workspace } from "./workspace.js";

function organizerOf(value: string | null) {
  if (value === null || value.trim() === "") return undefined;
  try {
    return organizer(value);
  } catch (error) {
    throw new InputError(error instanceof Error ? error.message : String(error));
  }
}

export async function saveStop(ws: Workspace, body: SaveBody): Promise<SaveAnswer> {
  const { loaded, instance, options } = await ws.stop(body.stop, body.options);
  const folder = ws.folders.stopFolder(instance.stop.id);
  const shown = path.join(ws.folders.outShown, instance.stop.id);
  const agendaFile = path.join(folder, "agenda.csv");
  const hasAgenda = existsSync(agendaFile);
  const previous = body.previous && hasAgenda ? (await readAgenda(agendaFile)).filter((r) => r.stopId === instance.stop.id) : undefined;
  const schedule = ws.planned(instance.stop.id, body.options, body.meetings) ?? reviewAgenda(instance, body.meetings, options).schedule;
  const files = stopFiles(schedule, loaded.data, {
    lang: body.lang,
    excel: body.excel,
    why: scheduleWhy(instance, schedule, options, body.lang),
    organizer: organizerOf(body.organizer),
    ...(previous && { previous }),
  });
  const existing = files.filter((f) => existsSync(path.join(folder, f.path))).map((f) => f.path);
  if (existing.length > 0 && !body.force) return { saved: false, folder: shown, existing, hasAgenda };
  await writeOutputs(folder, files, { force: body.force });
  ws.touched();
  // Read back what was written and check it as `roadshow validate --agenda` would.
  const rows = (await readAgenda(agendaFile)).filter((r) => r.stopId === instance.stop.id);
  const violations = verifyAgenda(instance, rows, options);
  const check = violations.length === 0
    ? `${path.join(shown, "agenda.csv")}: ${rows.length} meetings obey every hard rule`
    : `${path.join(shown, "agenda.csv")}: ${violations.length} violation(s) in ${rows.length} meetings`;
  return { saved: true, folder: shown, files: files.length, check, violations: violations.length };
}
