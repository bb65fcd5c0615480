/**
 * Save: writes `<out>/<stop_id>/` with the CLI's own writers, as `schedule`
 * writes a plan, as `replan` writes a re-plan of the agenda already in the
 * folder (with changes.csv, changes.html and calendar/changed/), or as `export`
 * writes an edited agenda; never overwriting without the page's confirmation;
 * then reads the agenda back and checks it as `validate --agenda` does.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { verifyAgenda, type Replan } from "@roadshow/core";
import { pageOrganizer } from "./answer.js";
import { readAgenda } from "../read/load.js";
import type { OutputFile } from "../write/exports.js";
import { writeOutputs } from "../write/transaction.js";
import { replanOutput, stopOutput } from "../run/files.js";
import { workbookFiles } from "../write/stop-xlsx.js";
import type { SaveAnswer, SaveBody } from "./api.js";
import { t } from "../text/i18n.js";
import { agendaKey, type Workspace } from "./workspace.js";

function organizerOf(value: string | null) {
  if (value === null || value.trim() === "") return undefined;
  return pageOrganizer(value);
}

export async function saveStop(ws: Workspace, body: SaveBody): Promise<SaveAnswer> {
  const inputs = await ws.stop(body.stop, body.options);
  const { instance, options } = inputs;
  const stopId = instance.stop.id;
  const folder = ws.folders.stopFolder(stopId);
  const shown = path.join(ws.folders.outShown, stopId);
  const agendaFile = path.join(folder, "agenda.csv");
  const hasAgenda = existsSync(agendaFile);
  const previous = body.previous && hasAgenda ? (await readAgenda(agendaFile)).filter((r) => r.stopId === stopId) : undefined;
  // A re-plan of exactly the agenda in the folder is written as `replan` writes it.
  const replanned = ws.replanned(stopId, body.options, body.meetings);
  const replan: Replan | null = replanned !== null && previous !== undefined && replanned.previousKey === agendaKey(previous) ? replanned.replan : null;
  const planned = ws.planned(stopId, body.options, body.meetings);
  const schedule = replan?.schedule ?? planned ?? ws.review(stopId, body.options, inputs, body.meetings).schedule;
  const as = replan !== null ? "replan" : planned !== null ? "schedule" : "export";
  const written = { lang: body.lang, excel: body.excel, organizer: organizerOf(body.organizer) };
  const files: OutputFile[] = replan !== null && previous !== undefined
    ? replanOutput(replan, instance, previous, written).files
    : stopOutput(schedule, instance, { ...written, previous });
  const all = [...files, ...(await workbookFiles(schedule, instance, { xlsx: body.xlsx, lang: body.lang, ...(previous && { previous }) }))];
  const existing = all.filter((f) => existsSync(path.join(folder, f.path))).map((f) => f.path);
  if (existing.length > 0 && !body.force) return { saved: false, folder: shown, existing, hasAgenda };
  // The writer refuses to replace a folder that holds an input (the data folder, the agenda sent before is read already).
  await writeOutputs(folder, all, { force: body.force, inputs: [ws.folders.data, ...body.options.history.map((h) => ws.folders.resolve(h))] });
  ws.touched();
  // Read back what was written and check it as `roadshow validate --agenda` would.
  const rows = (await readAgenda(agendaFile)).filter((r) => r.stopId === stopId);
  const violations = verifyAgenda(instance, rows, options);
  // As `roadshow validate --agenda` says it, in the page's language.
  const file = path.join(shown, "agenda.csv");
  const check = violations.length === 0
    ? t(body.lang, "cli.agendaValid", { file, count: rows.length })
    : `${file}: ${t(body.lang, "validate.violations", { count: violations.length, meetings: rows.length })}`;
  return { saved: true, folder: shown, files: all.length, check, violations: violations.length, as };
}
