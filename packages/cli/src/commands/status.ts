// `roadshow status`: where each stop's day stands: its versions, what was sent to whom and when, log entries not yet re-planned, who is not told yet.
import type { Command } from "commander";
import type { Common, Io } from "../context.js";
import { EXIT } from "../errors.js";
import { loadRun } from "../run/load.js";
import { formatDate, t, type Lang } from "../text/i18n.js";
import { inEffect, readLog, type LogEntry } from "../workspace/log.js";
import { stopPaths } from "../workspace/store.js";
import { whoIsTold, type Told } from "../workspace/told.js";
import type { StopStatus } from "../workspace/status-json.js";
import { EXAMPLE_DIR, type CommandContext } from "./shared.js";

export type { StopStatus } from "../workspace/status-json.js";

/** Options of `roadshow status`. */
export interface StatusArgs {
  readonly dataDir: string;
  readonly stop: string | undefined;
}

/** The status of one stop from its workspace. */
export function stopStatus(stopId: string, told: Told, log: readonly LogEntry[]): StopStatus {
  const effect = inEffect(log);
  const through = told.current?.logThrough ?? 0;
  const sent = [...told.sent.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    stop_id: stopId,
    current: told.current?.version ?? 0,
    versions: told.versions.map((v) => ({
      version: v.version, kind: v.kind, from: v.from, log_through: v.logThrough, created_at: v.createdAt, agenda: v.agenda,
      sent_to: sent.filter((s) => s.version === v.version).length,
    })),
    not_told: told.notTold.map((p) => p.id),
    not_told_participants: told.notTold.map((p) => ({ participant_kind: p.kind, participant_id: p.id, last_sent_version: p.lastVersion })),
    sent: sent.map((s) => {
      const i = s.key.indexOf(":");
      return { participant_kind: s.key.slice(0, i), participant_id: s.key.slice(i + 1), version: s.version, sent_at: s.sentAt, channel: s.channel, address: s.address };
    }),
    log: {
      entries: log.length,
      not_replanned: log.slice(through).map((e) => ({ entry: e.entry, kind: e.kind, participant_id: e.participantId, value: e.value, in_effect: effect[e.entry - 1]! })),
    },
  };
}

/** The status as the organiser reads it. */
function statusText(s: StopStatus, lang: Lang, heading: string): string {
  const lines = [heading];
  if (s.versions.length === 0) lines.push(t(lang, "status.noVersion"));
  for (const v of s.versions) {
    const made = v.kind === "replan" ? t(lang, "status.version.replan", { from: v.from ?? 0 }) : t(lang, "status.version.schedule");
    lines.push(t(lang, "status.version", { version: v.version, made, through: v.log_through, sent: v.sent_to, current: v.version === s.current ? t(lang, "status.current") : "", agenda: v.agenda }));
  }
  const last = s.sent.map((x) => x.sent_at).sort().at(-1);
  lines.push(t(lang, "status.sent", { count: s.sent.length, last: last === undefined ? "" : t(lang, "status.last", { last }) }));
  lines.push(t(lang, "status.log", { entries: s.log.entries, pending: s.log.not_replanned.length }));
  for (const e of s.log.not_replanned) {
    const what = e.kind === "undo" ? `undo ${e.value}` : `${e.kind} ${e.participant_id}${e.value === "" ? "" : ` ${e.value}`}`;
    lines.push(`  ${e.entry}  ${what}${e.in_effect ? "" : ` (${t(lang, "status.undone")})`}`);
  }
  lines.push(t(lang, "status.notTold", { count: s.not_told.length }));
  if (s.not_told.length > 0) lines.push(`  ${s.not_told.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** Prints the status of one stop, or of every stop of stops.csv. */
export async function status(args: StatusArgs, format: "text" | "json", lang: Lang, io: Io): Promise<void> {
  const run = await loadRun({ files: { dataDir: args.dataDir } });
  const loaded = run.loaded;
  const stops = args.stop === undefined ? loaded.data.stops : [run.findStop(args.stop)];
  const out: StopStatus[] = [];
  const texts: string[] = [];
  for (const stop of stops) {
    const paths = stopPaths(args.dataDir, stop.id);
    const s = stopStatus(stop.id, await whoIsTold(paths), readLog(paths.log));
    out.push(s);
    texts.push(statusText(s, lang, `${stop.id} · ${stop.city} · ${formatDate(stop.date, stop.timezone, lang)}`));
  }
  io.stdout(format === "json" ? `${JSON.stringify({ stops: out }, null, 2)}\n` : texts.join("\n"));
}

/** The flags of `roadshow status`, as commander parses them. */
interface StatusFlags {
  readonly stop?: string;
  readonly format?: "text" | "json";
}

/** Registers `roadshow status`. */
export function defineStatus(root: Command, ctx: CommandContext): void {
  root
    .command("status")
    .description("help.status")
    .argument("<data-dir>", "help.status.data-dir")
    .option("--stop <id>", "help.status.stop")
    .addHelpText("after", `${ctx.examples(1)}  roadshow status ${EXAMPLE_DIR} --stop BS-2026-02 --format json\n`)
    .action(async (dataDir: string, o: StatusFlags) => {
      const common: Common = ctx.common();
      await status({ dataDir, stop: o.stop }, o.format ?? common.format, common.lang, ctx.io);
      ctx.done(EXIT.ok);
    });
}
