// The schedule indexed for rendering: participants with their language and contacts, slots, breaks, labels.
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { firmSectors, formatTime, instantOf, slotsInside } from "@roadshow/core";
import type { Delegation, Firm, Meeting, Schedule, SectorCode, Slot, Stop, TimeWindow } from "@roadshow/core";
import { localeOf, sectorName, t, textLang } from "../text/i18n.js";
import type { Lang, Language } from "../text/i18n.js";

/**
 * What the renderers need to turn a schedule into files.
 * @example { schedule, firms, delegations, why: new Map([["F0001|US-CG", "first target US"]]) }
 */
export interface ExportInput {
  readonly schedule: Schedule;
  readonly firms: readonly Firm[];
  readonly delegations: readonly Delegation[];
  /** Key `${firmId}|${delegationId}` → explanation text. */
  readonly why?: ReadonlyMap<string, string>;
}

/** One side of the meetings, with the file name its outputs use. */
export interface Participant {
  readonly kind: "firm" | "delegation";
  readonly id: string;
  readonly name: string;
  /** File-system-safe, unique (case-insensitively) among participants of its kind. */
  readonly file: string;
  /** A delegation's country; `null` for a firm. */
  readonly country: string | null;
  /** A delegation's tables; empty for a firm. */
  readonly tables: readonly number[];
  /** Per slot (in slot order): whether it is there. */
  readonly present: readonly boolean[];
  /** Its meetings, by slot then table. */
  readonly meetings: readonly Meeting[];
  /** The language it reads: its `lang` cell, else the run's `--lang`. */
  readonly language: Language;
  readonly email: string | null;
  readonly contactName: string | null;
  /** A firm's city and website (optional columns); `null` for a delegation or when not given. */
  readonly city: string | null;
  readonly website: string | null;
  /** A firm's sectors (primary first, ATECO merged) or a delegation's priority sectors. */
  readonly sectors: readonly SectorCode[];
}

/** A break inside the session, as real instants. */
export interface BreakSpan {
  /** As written in stops.csv (local minutes). */
  readonly window: TimeWindow;
  readonly startMs: number;
  readonly endMs: number;
  readonly label: string;
}

/**
 * The schedule indexed for rendering, in one language; built once per export.
 * `forLanguage` gives the same schedule in another language (a participant's).
 */
export interface ExportContext {
  /** The language of the texts (`it` or `en`). */
  readonly lang: Lang;
  /** The language of country names and dates (any tag ICU knows); its texts are in `lang`. */
  readonly language: Language;
  readonly stop: Stop;
  readonly schedule: Schedule;
  readonly slots: readonly Slot[];
  readonly firms: readonly Participant[];
  readonly delegations: readonly Participant[];
  readonly firmById: ReadonlyMap<string, Participant>;
  readonly delegationById: ReadonlyMap<string, Participant>;
  /** Every firm and delegation of the input, attending the stop or not (for names of dropped meetings). */
  readonly allFirms: ReadonlyMap<string, Firm>;
  readonly allDelegations: ReadonlyMap<string, Delegation>;
  readonly breaks: readonly BreakSpan[];
  /** Every table of the stop, ascending. */
  readonly tables: readonly number[];
  /** The stop's `title`, else `Roadshow Bergamo: Mechanics`. */
  readonly event: string;
  /** Where the meetings are: `venue, address` from stops.csv, else the city. */
  readonly place: string;
  readonly why: ReadonlyMap<string, string>;
  /** `14:00`, or `02:20 CEST` when the session spans a change of UTC offset. */
  readonly timeLabel: (ms: number) => string;
  /** `14:00-14:20` (with the zone abbreviation on a DST day). */
  readonly slotLabel: (slot: Slot) => string;
  /** This context in another language (contexts are cached per language). */
  readonly forLanguage: (language: Language) => ExportContext;
}

/** The context in which a participant's own files are written: its language. */
export function forParticipant(ctx: ExportContext, participant: Participant): ExportContext {
  return participant.language === ctx.language ? ctx : ctx.forLanguage(participant.language);
}

const UNSAFE = /[^A-Za-z0-9._-]/g;

/** Longest base name: with `-NN` and `.ics` it stays far below the 255 bytes file systems allow. */
const MAX_NAME = 100;

/**
 * A file name for an id; `taken` holds lower-cased names already used (Windows
 * and macOS ignore case). A long id is cut and given a hash of the whole id.
 */
export function safeFileName(id: string, taken: Set<string>): string {
  let base = id.replace(UNSAFE, "_");
  if (base === "" || base.startsWith(".")) base = `_${base}`;
  if (base.length > MAX_NAME) base = `${base.slice(0, MAX_NAME - 9)}-${createHash("sha256").update(id).digest("hex").slice(0, 8)}`;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
  taken.add(name.toLowerCase());
  return name;
}

function attends(stops: readonly string[] | null, stopId: string): boolean {
  return stops === null || stops.includes(stopId);
}

/** Presence per slot: registered for the stop and the slot inside one of its windows. */
function presence(stop: Stop, slots: readonly Slot[], windows: Firm["available"], registered: boolean): boolean[] {
  return registered ? slotsInside(stop, slots, windows) : slots.map(() => false);
}

function bySlotTable(a: Meeting, b: Meeting): number {
  return a.slot - b.slot || a.table - b.table;
}

function group(meetings: readonly Meeting[], key: (m: Meeting) => string): Map<string, Meeting[]> {
  const out = new Map<string, Meeting[]>();
  for (const m of meetings) {
    const list = out.get(key(m));
    if (list) list.push(m);
    else out.set(key(m), [m]);
  }
  return out;
}

function contact(who: Firm | Delegation | undefined, language: Language) {
  return { language: who?.lang ?? language, email: who?.email ?? null, contactName: who?.contactName ?? null };
}

function firmParticipants(input: ExportInput, slots: readonly Slot[], taken: Set<string>, language: Language): Participant[] {
  const { stop, meetings } = input.schedule;
  const byFirm = group(meetings, (m) => m.firmId);
  const known = new Map(input.firms.map((f) => [f.id, f]));
  const ids = new Set([...input.firms.filter((f) => f.stops.includes(stop.id)).map((f) => f.id), ...byFirm.keys()]);
  return [...ids].sort().map((id) => {
    const firm = known.get(id);
    const own = byFirm.get(id) ?? [];
    return {
      kind: "firm",
      id,
      name: firm?.name ?? id,
      file: safeFileName(id, taken),
      country: null,
      tables: [],
      present: presence(stop, slots, firm?.available ?? null, firm ? firm.stops.includes(stop.id) : true),
      meetings: own,
      ...contact(firm, language),
      city: firm?.city ?? null,
      website: firm?.website ?? null,
      sectors: firm ? firmSectors(firm) : [],
    };
  });
}

function delegationParticipants(input: ExportInput, slots: readonly Slot[], taken: Set<string>, language: Language): Participant[] {
  const { stop, meetings, tables } = input.schedule;
  const byDelegation = group(meetings, (m) => m.delegationId);
  const known = new Map(input.delegations.map((d) => [d.id, d]));
  const assigned = new Map(tables.map((a) => [a.delegationId, a.tables]));
  const ids = new Set([
    ...input.delegations.filter((d) => attends(d.stops, stop.id)).map((d) => d.id),
    ...byDelegation.keys(),
    ...assigned.keys(),
  ]);
  return [...ids].sort().map((id) => {
    const delegation = known.get(id);
    const own = byDelegation.get(id) ?? [];
    const ownTables = new Set([...(assigned.get(id) ?? []), ...own.map((m) => m.table)]);
    return {
      kind: "delegation",
      id,
      name: delegation?.name ?? id,
      file: safeFileName(id, taken),
      country: delegation?.country.toUpperCase() ?? "",
      tables: [...ownTables].sort((a, b) => a - b),
      present: presence(stop, slots, delegation?.available ?? null, delegation ? attends(delegation.stops, stop.id) : true),
      meetings: own,
      ...contact(delegation, language),
      city: null,
      website: null,
      sectors: delegation?.sectors ?? [],
    };
  });
}

function breakSpans(stop: Stop, slots: readonly Slot[], label: (ms: number) => string): BreakSpan[] {
  const first = slots[0]?.startMs ?? instantOf(stop, stop.start);
  const last = slots.at(-1)?.endMs ?? instantOf(stop, stop.end);
  return stop.breaks
    .map((window) => ({ window, startMs: instantOf(stop, window.start), endMs: instantOf(stop, window.end) }))
    .filter((b) => b.endMs > first && b.startMs < last)
    .sort((a, b) => a.startMs - b.startMs)
    .map((b) => ({ ...b, label: `${label(b.startMs)}-${label(b.endMs)}` }));
}

/** The stop's event name in a language: its `title`, else `Roadshow <city>: <sector>`. */
export function eventTitle(stop: Stop, lang: Lang): string {
  return stop.title ?? t(lang, "event.title", { city: stop.city, sector: sectorName(stop.sector, lang) });
}

/** `venue, address` (those given), else the city. */
export function placeOf(stop: Stop): string {
  const parts = [stop.venue, stop.address].filter((x): x is string => x !== undefined && x !== "");
  return parts.length > 0 ? parts.join(", ") : stop.city;
}

/** The time labels of a session in a language (the zone abbreviation is localised on DST days). */
function timeLabels(stop: Stop, slots: readonly Slot[], language: Language): (ms: number) => string {
  const zoned = (ms: number) => DateTime.fromMillis(ms, { zone: stop.timezone }).setLocale(localeOf(language));
  const offsets = new Set(slots.flatMap((s) => [zoned(s.startMs).offset, zoned(s.endMs).offset]));
  // Labels repeat for every meeting of a slot: time-zone arithmetic once per instant.
  const labels = new Map<number, string>();
  return (ms: number): string => {
    let label = labels.get(ms);
    if (label === undefined) {
      const local = zoned(ms);
      const hhmm = formatTime(local.hour * 60 + local.minute);
      label = offsets.size > 1 ? `${hhmm} ${local.offsetNameShort ?? ""}`.trimEnd() : hhmm;
      labels.set(ms, label);
    }
    return label;
  };
}

/**
 * Index the schedule for the renderers, in `language` (`--lang`; also the language of
 * participants without a `lang` cell). Participants are sorted by id; meetings by slot then table.
 */
export function exportContext(input: ExportInput, language: Language): ExportContext {
  const { schedule } = input;
  const { stop, slots } = schedule;
  const meetings = [...schedule.meetings].sort(bySlotTable);
  const sorted = { ...input, schedule: { ...schedule, meetings } };
  const firms = firmParticipants(sorted, slots, new Set(), language);
  const delegations = delegationParticipants(sorted, slots, new Set(), language);
  const tables = new Set([...delegations.flatMap((d) => d.tables), ...meetings.map((m) => m.table)]);
  const shared = {
    stop,
    schedule: sorted.schedule,
    slots,
    firms,
    delegations,
    firmById: new Map(firms.map((f) => [f.id, f])),
    delegationById: new Map(delegations.map((d) => [d.id, d])),
    allFirms: new Map(input.firms.map((f) => [f.id, f])),
    allDelegations: new Map(input.delegations.map((d) => [d.id, d])),
    tables: [...tables].sort((a, b) => a - b),
    place: placeOf(stop),
    why: input.why ?? new Map<string, string>(),
  };
  const contexts = new Map<Language, ExportContext>();
  const inLanguage = (lang: Language): ExportContext => {
    let ctx = contexts.get(lang);
    if (ctx === undefined) {
      const timeLabel = timeLabels(stop, slots, lang);
      const text = textLang(lang);
      ctx = {
        ...shared,
        lang: text,
        language: lang,
        breaks: breakSpans(stop, slots, timeLabel),
        event: eventTitle(stop, text),
        timeLabel,
        slotLabel: (slot) => `${timeLabel(slot.startMs)}-${timeLabel(slot.endMs)}`,
        forLanguage: inLanguage,
      };
      contexts.set(lang, ctx);
    }
    return ctx;
  };
  return inLanguage(language);
}
