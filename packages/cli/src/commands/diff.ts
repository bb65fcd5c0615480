// `roadshow diff`: what changed between two versions of a stop, participant by participant, in the organiser's language.
import type { Command } from "commander";
import { buildSlots, type MeetingChange, type MeetingChangeReason } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import type { AgendaRow } from "../read/index.js";
import { readAgenda } from "../read/load.js";
import { loadRun } from "../run/load.js";
import { readTable } from "../read/table.js";
import { changeRows, changeText } from "../replan/report.js";
import { t } from "../text/i18n.js";
import { said } from "../text/cli-text.js";
import { readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { baseVersion, lastSent, listVersions, noVersion, stopPaths, type Version } from "../workspace/store.js";
import { EXAMPLE_DIR, positiveInteger, type CommandContext } from "./shared.js";

/** Options of `roadshow diff`. */
export interface DiffArgs {
  readonly dataDir: string;
  readonly stop: string;
  /** The two versions; by default the version last sent (else the one before) and the current one. */
  readonly from: number | undefined;
  readonly to: number | undefined;
}

const REASONS: ReadonlySet<string> = new Set(["firm-absent", "delegation-absent", "firm-window", "delegation-window", "capacity", "rule", "walk-in", "freed-capacity", "improvement"]);
const key = (firmId: string, delegationId: string) => `${firmId}\u0000${delegationId}`;

/** The reason each pair changed (`firm\u0000delegation`), from the report (changed.csv) of every re-plan in (from, to]: the latest wins. */
export function changeReasons(versions: readonly Version[], from: number, to: number): Map<string, MeetingChangeReason> {
  const found = new Map<string, MeetingChangeReason>();
  for (const v of versions) {
    if (v.version <= from || v.version > to) continue;
    const file = path.join(v.dir, "changed.csv");
    if (!existsSync(file)) continue;
    const table = readTable({ name: file, bytes: new Uint8Array(readFileSync(file)) }, { what: "input.table.changes", maxRows: 1_000_000, quietExtras: true, columns: ["participant_kind", "participant_id", "counterpart_id", "reason"].map((name) => ({ name, required: true })) }, []);
    for (const { row } of table?.rows ?? []) {
      if (row.raw("participant_kind") !== "firm" || !REASONS.has(row.raw("reason"))) continue;
      found.set(key(row.raw("participant_id"), row.raw("counterpart_id")), row.raw("reason") as MeetingChangeReason);
    }
  }
  return found;
}

/** The changes of pairs between two agendas (by firm–delegation pair), with the reasons known. */
export function agendaChanges(before: readonly AgendaRow[], after: readonly AgendaRow[], known: ReadonlyMap<string, MeetingChangeReason>): (MeetingChange & { known: boolean })[] {
  const now = new Map(after.map((r) => [key(r.firmId, r.delegationId), r]));
  const then = new Map(before.map((r) => [key(r.firmId, r.delegationId), r]));
  const firmsBefore = new Set(before.map((r) => r.firmId));
  const delegationsBefore = new Set(before.map((r) => r.delegationId));
  const changes: (MeetingChange & { known: boolean })[] = [];
  for (const [k, b] of then) {
    const a = now.get(k);
    const place = { slot: b.slot, table: b.table };
    const reason = known.get(k);
    if (a === undefined) changes.push({ kind: "cancelled", firmId: b.firmId, delegationId: b.delegationId, before: place, after: null, reason: reason ?? "capacity", known: reason !== undefined });
    else if (a.slot !== b.slot || a.table !== b.table) {
      changes.push({ kind: a.slot === b.slot ? "table-changed" : "moved", firmId: b.firmId, delegationId: b.delegationId, before: place, after: { slot: a.slot, table: a.table }, reason: reason ?? "improvement", known: reason !== undefined });
    }
  }
  for (const [k, a] of now) {
    if (then.has(k)) continue;
    const walkIn = !firmsBefore.has(a.firmId) || !delegationsBefore.has(a.delegationId);
    changes.push({ kind: "new", firmId: a.firmId, delegationId: a.delegationId, before: null, after: { slot: a.slot, table: a.table }, reason: known.get(k) ?? (walkIn ? "walk-in" : "freed-capacity"), known: true });
  }
  return changes;
}

/** Prints what changed between two versions of the stop. */
export async function diff(args: DiffArgs, common: Common, io: Io): Promise<void> {
  const lang = common.lang;
  const run = await loadRun({ files: { dataDir: args.dataDir } });
  const loaded = run.loaded;
  const stop = run.findStop(args.stop);
  const paths = stopPaths(args.dataDir, stop.id);
  const versions = listVersions(paths);
  const current = versions.at(-1);
  if (current === undefined) {
    throw noVersion("diff", paths, stop.id, args.dataDir);
  }
  const told = baseVersion(versions, lastSent(paths));
  const sentAny = lastSent(paths).size > 0;
  const from = args.from ?? (sentAny ? told!.version : Math.max(0, current.version - 1));
  const to = args.to ?? current.version;
  for (const v of [from, to]) {
    if (v !== 0 && !versions.some((x) => x.version === v)) {
      throw new UsageError(said("cli.diff.noSuchVersion", { stop: stop.id, version: v, versions: versions.map((x) => x.version).join(", ") }));
    }
  }
  const rowsOf = async (v: number) => (v === 0 ? [] : (await readAgenda(versions.find((x) => x.version === v)!.agenda)).filter((r) => r.stopId === stop.id));
  const [before, after] = [await rowsOf(from), await rowsOf(to)];
  const changes = agendaChanges(before, after, changeReasons(versions, Math.min(from, to), Math.max(from, to)));
  const unknown = new Set(changes.filter((c) => !c.known).map((c) => key(c.firmId, c.delegationId)));
  const people = {
    firms: [...loaded.data.firms, ...[...before, ...after].map((r) => ({ id: r.firmId, name: r.firmName }))].filter((f, i, all) => all.findIndex((x) => x.id === f.id) === i),
    delegations: loaded.data.delegations,
  };
  const text = changeText(lang);
  const rows = changeRows(changes, buildSlots(stop), people, lang).map((r) => {
    const pair = r.kind === "firm" ? key(r.id, r.counterpartId) : key(r.counterpartId, r.id);
    if (!unknown.has(pair)) return r;
    // Versions planned afresh: the pair changed with the new plan, not for a reason the tool recorded.
    const reasonText = t(lang, "diff.afresh");
    return { ...r, reasonText, message: text.message({ ...r, reasonText }) };
  });
  const unchanged = before.filter((b) => after.some((a) => a.firmId === b.firmId && a.delegationId === b.delegationId && a.slot === b.slot && a.table === b.table)).length;
  const participants = new Set(rows.map((r) => `${r.kind}:${r.id}`)).size;
  const lines = [t(lang, "diff.heading", { stop: stop.id, from: from === 0 ? t(lang, "diff.nothing") : String(from), to, unchanged, previous: before.length, participants })];
  let last = "";
  for (const r of rows) {
    const who = `${r.kind}:${r.id}`;
    if (who !== last) lines.push(`${r.id}  ${r.name}`);
    last = who;
    lines.push(`  ${r.message}`);
  }
  io.stdout(`${lines.join("\n")}\n`);
}

/** Registers `roadshow diff`. */
export function defineDiff(root: Command, ctx: CommandContext): void {
  root
    .command("diff")
    .description("help.diff")
    .argument("<data-dir>", "help.diff.data-dir")
    .argument("[from]", "help.diff.from", positiveInteger)
    .argument("[to]", "help.diff.to", positiveInteger)
    .requiredOption("--stop <id>", "help.diff.stop")
    .addHelpText("after", `${ctx.examples(1)}  roadshow diff ${EXAMPLE_DIR} --stop BS-2026-02\n  roadshow diff ${EXAMPLE_DIR} --stop BS-2026-02 1 3\n`)
    .action(async (dataDir: string, from: number | undefined, to: number | undefined, o: { stop: string }) => {
      await diff({ dataDir, stop: o.stop, from, to }, ctx.common(), ctx.io);
      ctx.done(EXIT.ok);
    });
}
