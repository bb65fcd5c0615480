/** `roadshow outcomes`: writes what the desk recorded at a stop (meetings not held) into the outcomes.csv that season and report read. */
import path from "node:path";
import type { Command } from "commander";
import { reviewAgenda, type MeetingOutcome } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { EXIT } from "../errors.js";
import { loadRun } from "../run/load.js";
import { Reporter } from "../run/report.js";
import { agendaCsv } from "../write/agenda-csv.js";
import { toCsv } from "../write/csv.js";
import { writeOutputFile } from "../write/transaction.js";
import { deskDay, deskOutcomes, heldAgenda } from "../desk/day.js";
import { EXAMPLE_DIR, type CommandContext } from "./shared.js";
import { t } from "../text/i18n.js";

/** Options of `roadshow outcomes`. */
export interface OutcomesArgs {
  readonly dataDir: string;
  readonly stop: string;
  readonly agenda: string | undefined;
  /** Default `<data-dir>/outcomes.csv`. */
  readonly out: string | undefined;
  /** Also write the meetings held (the day's agenda with its refills, without those not held) as an agenda.csv. */
  readonly heldAgenda?: string | undefined;
  readonly force: boolean;
}

const key = (o: MeetingOutcome): string => `${o.stopId}\u0000${o.firmId}\u0000${o.delegationId}`;

/**
 * outcomes.csv with the stop's rows made from the day: each meeting that did not happen is
 * `held` no, each a `followup` entry names has `follow_up` yes; a follow-up already recorded
 * for a meeting of the stop is kept; other stops' rows stay as they were.
 */
export async function outcomes(args: OutcomesArgs, common: Common, io: Io): Promise<void> {
  const run = await loadRun({ files: { dataDir: args.dataDir } }, new Reporter(io, common));
  const loaded = run.loaded;
  const stop = run.findStop(args.stop);
  const desk = await deskDay(args.dataDir, loaded, stop, args.agenda);
  const recorded = deskOutcomes(desk, stop.id);
  const notHeld = new Set(recorded.filter((o) => !o.held).map(key));
  const rows = new Map<string, MeetingOutcome>();
  for (const o of loaded.data.outcomes) {
    if (o.stopId !== stop.id) rows.set(key(o), o);
    else if (o.followUp) rows.set(key(o), { ...o, held: !notHeld.has(key(o)) });
  }
  for (const o of recorded) rows.set(key(o), { ...o, followUp: o.followUp || (rows.get(key(o))?.followUp ?? false) });
  const sorted = [...rows.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const file = args.out ?? path.join(args.dataDir, "outcomes.csv");
  const csv = toCsv(["stop_id", "firm_id", "delegation_id", "held", "follow_up"], sorted.map((o) => [o.stopId, o.firmId, o.delegationId, o.held ? "yes" : "no", o.followUp ? "yes" : ""]), { excel: false });
  if (args.heldAgenda !== undefined) {
    // The day as held, scored and written as schedule writes an agenda: `validate --agenda` checks it.
    const { schedule } = reviewAgenda(run.instance(stop), heldAgenda(desk));
    const held = agendaCsv(schedule, loaded.data.firms, loaded.data.delegations, { excel: false }, common.lang);
    await writeOutputFile(args.heldAgenda, held, { force: args.force, inputs: [args.agenda, file] });
  }
  await writeOutputFile(file, csv, { force: args.force, inputs: [args.agenda, args.heldAgenda] });
  const held = args.heldAgenda === undefined ? "" : t(common.lang, "outcomes.heldAgenda", { file: args.heldAgenda });
  io.stdout(`${t(common.lang, "outcomes.written", { stop: stop.id, notHeld: notHeld.size, meetings: desk.agenda.length, file, held })}\n`);
}

/** The flags of `roadshow outcomes`, as commander parses them. */
interface OutcomesFlags {
  readonly stop: string;
  readonly agenda?: string;
  readonly out?: string;
  readonly heldAgenda?: string;
  readonly force: boolean;
}

/** Registers `roadshow outcomes`. */
export function defineOutcomes(root: Command, ctx: CommandContext): void {
  root
    .command("outcomes")
    .description("help.outcomes")
    .argument("<data-dir>", "help.outcomes.data-dir")
    .requiredOption("--stop <id>", "help.outcomes.stop")
    .option("--agenda <agenda.csv>", "help.outcomes.agenda")
    .option("--out <file>", "help.outcomes.out")
    .option("--held-agenda <file>", "help.outcomes.held-agenda")
    .option("--force", "help.outcomes.force", false)
    .addHelpText("after", `${ctx.examples(1)}  roadshow outcomes ${EXAMPLE_DIR} --stop BS-2026-02 --held-agenda out/BS-2026-02-held.csv --force\n`)
    .action(async (dataDir: string, o: OutcomesFlags) => {
      await outcomes({ dataDir, stop: o.stop, agenda: o.agenda, out: o.out, heldAgenda: o.heldAgenda, force: o.force }, ctx.common(), ctx.io);
      ctx.done(EXIT.ok);
    });
}
