/** Who has been told what: each participant's day in a version, compared with the day it was last sent. */
import type { AgendaRow } from "../read/index.js";
import { readAgenda } from "../read/load.js";
import { lastSent, listVersions, type LastSent, type StopPaths, type Version } from "./store.js";

/** `firm:<id>` / `delegation:<id>` → the participant's meetings in one agenda, as comparable text (slot, table, counterpart). */
export function daysOf(rows: readonly AgendaRow[], stopId: string): Map<string, string> {
  const days = new Map<string, string[]>();
  const add = (key: string, item: string) => {
    const list = days.get(key);
    if (list) list.push(item);
    else days.set(key, [item]);
  };
  for (const r of rows) {
    if (r.stopId !== stopId) continue;
    add(`firm:${r.firmId}`, `${r.slot}|${r.table}|${r.delegationId}`);
    add(`delegation:${r.delegationId}`, `${r.slot}|${r.table}|${r.firmId}`);
  }
  return new Map([...days].map(([k, v]) => [k, v.sort().join(";")]));
}

/** The workspace of a stop as read: its versions, each participant's last message, and the agendas read so far. */
export interface Told {
  readonly versions: readonly Version[];
  readonly sent: ReadonlyMap<string, LastSent>;
  /** The latest version, or undefined before the first `schedule`. */
  readonly current: Version | undefined;
  /**
   * The participants whose day in the current version is not the day they were last sent
   * (never sent, with meetings now; or sent a day that changed since), sorted firms first,
   * then by id; with the version each was last sent (null: never).
   */
  readonly notTold: readonly { readonly key: string; readonly kind: "firm" | "delegation"; readonly id: string; readonly lastVersion: number | null }[];
  /** The agenda rows of each version read. */
  readonly agendas: ReadonlyMap<number, readonly AgendaRow[]>;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Reads the stop's versions and sends and works out who is not told yet. */
export async function whoIsTold(paths: StopPaths): Promise<Told> {
  const versions = listVersions(paths);
  const sent = lastSent(paths);
  const current = versions.at(-1);
  const agendas = new Map<number, readonly AgendaRow[]>();
  const rowsOf = async (v: number): Promise<readonly AgendaRow[]> => {
    let rows = agendas.get(v);
    if (rows === undefined) {
      const version = versions.find((x) => x.version === v);
      rows = version === undefined ? [] : await readAgenda(version.agenda);
      agendas.set(v, rows);
    }
    return rows;
  };
  const notTold: { key: string; kind: "firm" | "delegation"; id: string; lastVersion: number | null }[] = [];
  if (current !== undefined) {
    const now = daysOf(await rowsOf(current.version), paths.stopId);
    const daysByVersion = new Map<number, Map<string, string>>();
    const keys = new Set([...now.keys(), ...sent.keys()]);
    for (const key of keys) {
      const last = sent.get(key);
      let before = "";
      if (last !== undefined) {
        let days = daysByVersion.get(last.version);
        if (days === undefined) {
          days = daysOf(await rowsOf(last.version), paths.stopId);
          daysByVersion.set(last.version, days);
        }
        before = days.get(key) ?? "";
      }
      const today = now.get(key) ?? "";
      // Never sent and nothing to tell (no meeting) is not news; anything else that differs is.
      if (today === before) continue;
      const [kind, id] = [key.slice(0, key.indexOf(":")) as "firm" | "delegation", key.slice(key.indexOf(":") + 1)];
      notTold.push({ key, kind, id, lastVersion: last?.version ?? null });
    }
  }
  notTold.sort((a, b) => (a.kind !== b.kind ? (a.kind === "firm" ? -1 : 1) : cmp(a.id, b.id)));
  return { versions, sent, current, notTold, agendas };
}
