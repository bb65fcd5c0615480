/** `roadshow refill`: the standby refill of one slot on the day (freed table-slots to participants there and free, nobody moved); `--apply` enters it in the stop's log. */
import type { Command } from "commander";
import { Option } from "commander";
import { buildSlots, formatTime, refillSlot, type Refill } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { EXIT, UsageError } from "../errors.js";
import { loadRun } from "../run/load.js";
import { Reporter } from "../run/report.js";
import { deskDay } from "../desk/day.js";
import { logCsv, readLog, writeDurably, type LogEntry } from "../workspace/log.js";
import { lockStop } from "../workspace/store.js";
import { EXAMPLE_DIR, positiveInteger, type CommandContext } from "./shared.js";
import { said, SaidArgumentError } from "../text/cli-text.js";
import { t } from "../text/i18n.js";

/** Options of `roadshow refill`. */
export interface RefillArgs {
  readonly dataDir: string;
  readonly stop: string;
  readonly slot: number;
  readonly apply: boolean;
  readonly agenda: string | undefined;
  readonly minMeetings: number;
  readonly balance: boolean;
  readonly by: string | undefined;
  readonly format: "text" | "json";
}

/** Test seam: the clock (the entries' time). */
export interface RefillWorld {
  readonly now: () => Date;
}

/** The refill as JSON: `{"meetings":[{"firm_id","delegation_id","slot","table"}]}`, plus the freed table-slots and the gain. */
function refillJson(refill: Refill, entries: readonly number[]): string {
  return `${JSON.stringify({
    meetings: refill.meetings.map((m) => ({ firm_id: m.firmId, delegation_id: m.delegationId, slot: m.slot, table: m.table })),
    freed: refill.freed.map((f) => ({ delegation_id: f.delegationId, table: f.table, slot: f.slot })),
    gain: refill.gain,
    entries,
  })}\n`;
}

/** Works out the refill of `--slot` from the workspace; with `--apply`, appends one `refill` entry per new meeting under the stop's lock. */
export async function refill(args: RefillArgs, common: Common, io: Io, world: RefillWorld = { now: () => new Date() }): Promise<void> {
  const run = await loadRun({ files: { dataDir: args.dataDir } }, new Reporter(io, common));
  const loaded = run.loaded;
  const stop = run.findStop(args.stop);
  const slots = buildSlots(stop);
  if (args.slot < 1 || args.slot > slots.length) throw new UsageError(said("cli.refill.noSlot", { slot: args.slot, stop: stop.id, slots: slots.length }));
  const options = { minMeetings: args.minMeetings, balance: args.balance };
  const propose = async () => {
    const desk = await deskDay(args.dataDir, loaded, stop, args.agenda);
    return { desk, refill: refillSlot(desk.day.instance, desk.agenda, args.slot, desk.record, options) };
  };
  let { refill: result } = await propose();
  const entries: number[] = [];
  if (args.apply && result.meetings.length > 0) {
    const { paths } = (await propose()).desk;
    const release = lockStop(paths);
    try {
      // Worked out again under the lock: another desk may have entered something meanwhile.
      const fresh = await propose();
      result = fresh.refill;
      const log = readLog(paths.log);
      const at = world.now().toISOString();
      const added: LogEntry[] = result.meetings.map((m, k) => ({
        entry: log.length + k + 1, at, by: args.by ?? io.env["ROADSHOW_USER"] ?? "", kind: "refill", participantId: m.firmId,
        value: `${m.delegationId}|${m.slot}|${m.table}`, note: "", line: 0,
      }));
      if (added.length > 0) writeDurably(paths.log, logCsv([...log, ...added]));
      entries.push(...added.map((e) => e.entry));
    } finally {
      release();
    }
  }
  if (args.format === "json") {
    io.stdout(refillJson(result, entries));
    return;
  }
  const slot = slots[args.slot - 1]!;
  const when = `${formatTime(slot.start)}-${formatTime(slot.end)}`;
  const names = new Map([...loaded.data.firms.map((f) => [f.id, f.name] as const), ...loaded.data.delegations.map((d) => [d.id, `${d.name} (${d.country})`] as const)]);
  const lang = common.lang;
  io.stdout(`${t(lang, "refill.summary", { stop: stop.id, slot: args.slot, when, freed: result.freed.length, refilled: result.meetings.length })}\n`);
  result.meetings.forEach((m, k) => {
    const entry = entries[k] === undefined ? "" : t(lang, "refill.entry", { entry: entries[k]! });
    io.stdout(`${t(lang, "refill.meeting", { table: m.table, firm: m.firmId, firmName: names.get(m.firmId) ?? "", delegation: m.delegationId, delegationName: names.get(m.delegationId) ?? "", entry })}\n`);
  });
  if (!args.apply && result.meetings.length > 0) io.stdout(`${t(lang, "refill.apply", { dataDir: args.dataDir, stop: stop.id, slot: args.slot })}\n`);
}

/** The flags of `roadshow refill`, as commander parses them. */
interface RefillFlags {
  readonly stop: string;
  readonly slot: number;
  readonly apply: boolean;
  readonly agenda?: string;
  readonly minMeetings: number;
  readonly balance: boolean;
  readonly by?: string;
  readonly format?: "text" | "json";
}

const slotNumber = (value: string): number => {
  const n = positiveInteger(value);
  if (n < 1) throw new SaidArgumentError(said("cli.arg.slot", { value }));
  return n;
};

/** Registers `roadshow refill`. */
export function defineRefill(root: Command, ctx: CommandContext): void {
  root
    .command("refill")
    .description("help.refill")
    .argument("<data-dir>", "help.refill.data-dir")
    .requiredOption("--stop <id>", "help.refill.stop")
    .requiredOption("--slot <n>", "help.refill.slot", slotNumber)
    .option("--apply", "help.refill.apply", false)
    .option("--agenda <agenda.csv>", "help.refill.agenda")
    .option("--min-meetings <K>", "help.refill.min-meetings", positiveInteger, 1)
    .option("--no-balance", "help.refill.no-balance")
    .option("--by <name>", "help.refill.by")
    .addOption(new Option("--format <format>", "help.refill.format").choices(["text", "json"]))
    .addHelpText("after", `${ctx.examples(1)}  roadshow change ${EXAMPLE_DIR} --stop BS-2026-02 noshow F0117 3\n  roadshow refill ${EXAMPLE_DIR} --stop BS-2026-02 --slot 3 --format json\n`)
    .action(async (dataDir: string, o: RefillFlags) => {
      const common = ctx.common();
      await refill(
        { dataDir, stop: o.stop, slot: o.slot, apply: o.apply, agenda: o.agenda, minMeetings: o.minMeetings, balance: o.balance, by: o.by, format: o.format ?? common.format },
        common,
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });
}
