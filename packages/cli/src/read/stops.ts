// stops.csv: its columns and rows read into stops, each checked for a usable session.
import { buildSlots, formatTime } from "@roadshow/core";
import type { Stop, TimeWindow } from "@roadshow/core";
import type { InputIssue } from "../issues.js";
import { said } from "../text/cli-text.js";
import { MAX_ROWS } from "./limits.js";
import { IdRegistry } from "./ids.js";
import type { Row } from "./row.js";
import { parseSector } from "./sectors.js";
import { readRows, readTable } from "./table.js";
import type { FileRead, InputFile, TableSpec } from "./table.js";
import { parseDate, parseId, parseInteger, parseText, parseTime, parseTimezone, parseWindows } from "./values.js";

export const STOPS: TableSpec = {
  what: "input.table.stops",
  maxRows: MAX_ROWS.stops,
  columns: [
    { name: "stop_id", required: true },
    { name: "city", required: true },
    { name: "date", required: true, type: "date" },
    { name: "sector", required: true },
    { name: "start", required: true, type: "time" },
    { name: "end", required: true, type: "time" },
    { name: "slot_minutes", required: true },
    { name: "gap_minutes", required: false },
    { name: "breaks", required: false },
    { name: "timezone", required: false },
    { name: "title", required: false },
    { name: "venue", required: false },
    { name: "address", required: false },
  ],
};

const minutes = parseInteger(1, 24 * 60);
const gap = parseInteger(0, 24 * 60);

export const windowText = (w: TimeWindow): string => `${formatTime(w.start)}-${formatTime(w.end)}`;

function checkBreaks(row: Row, start: number, end: number, breaks: readonly TimeWindow[]): void {
  const sorted = [...breaks].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    const [a, b] = [sorted[i - 1]!, sorted[i]!];
    if (b.start < a.end) {
      row.error(
        "breaks",
        "overlapping-breaks",
        `${windowText(a)}|${windowText(b)}`,
        said("input.overlapping-breaks", { first: windowText(a), second: windowText(b) }),
        said("input.overlapping-breaks.fix", {}),
      );
    }
  }
  for (const b of breaks) {
    if (b.end <= start || b.start >= end) {
      row.warning(
        "breaks",
        "window-outside-session",
        windowText(b),
        said("input.window-outside-session.break", { window: windowText(b), session: `${formatTime(start)}-${formatTime(end)}` }),
        said("input.window-outside-session.break.fix", {}),
      );
    }
  }
}

function checkSession(row: Row, start: number | undefined, end: number | undefined): void {
  if (start === undefined || end === undefined || end > start) return;
  row.error(
    "end",
    "end-before-start",
    row.raw("end"),
    said("input.end-before-start.session", { end: formatTime(end), start: formatTime(start) }),
    said("input.end-before-start.session.fix", {}),
  );
}

function checkSlots(row: Row, stop: Stop): void {
  if (buildSlots(stop).length > 0) return;
  const length = stop.end - stop.start;
  if (stop.slotMinutes > length) {
    row.error(
      "slot_minutes",
      "slot-too-long",
      row.raw("slot_minutes"),
      said("input.slot-too-long", { minutes: String(stop.slotMinutes), length: String(length), session: windowText(stop) }),
      said("input.slot-too-long.fix", {}),
    );
  } else {
    row.error(
      "breaks",
      "no-slots",
      row.raw("breaks"),
      said("input.no-slots", { minutes: String(stop.slotMinutes), session: windowText(stop) }),
      said("input.no-slots.fix", {}),
    );
  }
}

/** The optional `title`, `venue` and `address` cells, only those filled in. */
function place(row: Row): Pick<Stop, "title" | "venue" | "address"> {
  const text = (name: string) => row.raw(name).trim();
  return {
    ...(text("title") !== "" && { title: text("title") }),
    ...(text("venue") !== "" && { venue: text("venue") }),
    ...(text("address") !== "" && { address: text("address") }),
  };
}

function readStop(row: Row, ids: IdRegistry): Stop | null {
  const read = {
    id: row.required("stop_id", parseId),
    city: row.required("city", parseText),
    date: row.required("date", parseDate),
    sector: row.required("sector", parseSector),
    start: row.required("start", parseTime),
    end: row.required("end", parseTime),
    slotMinutes: row.required("slot_minutes", minutes),
    gapMinutes: row.optional("gap_minutes", gap, 0),
    breaks: row.optional("breaks", parseWindows, []),
    timezone: row.optional("timezone", parseTimezone, "Europe/Rome"),
  };
  ids.claim(row, "stop_id", read.id);
  checkSession(row, read.start, read.end);
  const { start, end, breaks } = read;
  if (start !== undefined && end !== undefined && breaks !== undefined && start < end) checkBreaks(row, start, end, breaks);
  const values = row.values(read);
  if (values === null) return null;
  const stop: Stop = { ...values, ...place(row) };
  checkSlots(row, stop);
  return row.failed ? null : stop;
}

/** stops.csv → stops, each checked for a usable session. */
export function readStops(file: InputFile, out: InputIssue[]): FileRead<Stop> {
  const ids = new IdRegistry();
  return readRows(file, readTable(file, STOPS, out), ids, "stop_id", (row) => readStop(row, ids));
}
