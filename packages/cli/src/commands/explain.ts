// `roadshow explain`: plans a stop as `schedule` would, then tells one firm why it meets whom it meets and why not the others.
import path from "node:path";
import type { Command } from "commander";
import { explainFirm, planStop } from "@roadshow/core";
import type { Firm, Stop } from "@roadshow/core";
import type { Common, Io } from "../context.js";
import { EXIT, InputError, type Said } from "../errors.js";
import { saidIssue } from "../issues.js";
import { nearIds, said } from "../text/cli-text.js";
import type { DataSet } from "../read/index.js";
import { nearest } from "../read/suggest.js";
import { loadRun } from "../run/load.js";
import { planSettings, runFiles, type PlanSettings, type RunFiles } from "../run/options.js";
import { Reporter } from "../run/report.js";
import { explanationJson, explanationText } from "../text/why.js";
import { EXAMPLE_DIR, planningOptions, type CommandContext, type PlanningFlags } from "./shared.js";

/** Options of `roadshow explain`. */
export interface ExplainArgs {
  readonly files: RunFiles;
  readonly settings: PlanSettings;
  readonly stop: string;
  readonly firm: string;
  readonly delegation: string | undefined;
}

function unknown(code: string, file: string, column: string, value: string, message: Said, hint: Said): InputError {
  return new InputError(message, [saidIssue({ severity: "error", code, file, line: null, column, value }, message, hint)]);
}

/** The firm named on the command line, registered for the stop; an input error with suggestions otherwise. */
function findFirm(data: DataSet, stop: Stop, firmId: string, dataDir: string): Firm {
  const file = path.join(dataDir, "firms.csv");
  const here = data.firms.filter((f) => f.stops.includes(stop.id)).map((f) => f.id);
  const firm = data.firms.find((f) => f.id === firmId);
  if (firm === undefined) {
    const near = nearest(firmId, data.firms.map((f) => f.id));
    const firms = `${here.slice(0, 10).join(", ")}${here.length > 10 ? ", …" : ""}`;
    throw unknown("unknown-firm", file, "firm_id", firmId, said("input.unknown-firm.option", { firm: firmId, near: nearIds(near) }), said("input.unknown-firm.option.fix", { stop: stop.id, firms }));
  }
  const absent = data.changes.some((c) => c.stopId === stop.id && c.participantId === firmId && c.status === "absent");
  if (!firm.stops.includes(stop.id) && absent) {
    throw unknown("unknown-firm", "changes.csv", "status", firmId, said("input.unknown-firm.absent", { firm: firmId, stop: stop.id }), said("input.unknown-firm.absent.fix", {}));
  }
  if (!firm.stops.includes(stop.id)) {
    throw unknown("unknown-firm", file, "stops", firmId, said("input.unknown-firm.elsewhere", { firm: firmId, stop: stop.id, stops: firm.stops.join(", ") }), said("input.unknown-firm.elsewhere.fix", { other: firm.stops[0] ?? "", stop: stop.id }));
  }
  return firm;
}

/** Plans the stop as `schedule` would, then tells one firm why it meets whom it meets. */
export async function explain(args: ExplainArgs, common: Common, io: Io): Promise<void> {
  const dataDir = args.files.dataDir;
  const run = await loadRun({ files: args.files, exact: args.settings.exact }, new Reporter(io, common));
  const stop = run.stop(args.stop);
  const instance = run.instance(stop);
  // Who is at the stop on the day: changes.csv applied.
  findFirm({ ...run.data, firms: instance.firms }, stop, args.firm, dataDir);
  const attends = (id: string) => instance.delegations.some((d) => d.id === id && (d.stops === null || d.stops.includes(stop.id)));
  if (args.delegation !== undefined && !attends(args.delegation)) {
    const here = instance.delegations.filter((d) => attends(d.id)).map((d) => d.id);
    const near = nearest(args.delegation, here);
    throw unknown("unknown-delegation", path.join(dataDir, "delegations.csv"), "delegation_id", args.delegation,
      said("input.unknown-delegation.option", { delegation: args.delegation, stop: stop.id, near: nearIds(near) }), said("input.unknown-delegation.option.fix", { ids: here.join(", ") }));
  }

  // The same agenda as `schedule` plans: polished alike.
  const options = await run.options(args.settings);
  const schedule = planStop(instance, options);
  const full = explainFirm(instance, schedule, args.firm, options);
  const explanation = args.delegation === undefined ? full : { ...full, pairs: full.pairs.filter((p) => p.delegation.id === args.delegation) };
  io.stdout(common.format === "json" ? explanationJson(explanation, schedule.slots, common.lang) : explanationText(explanation, schedule.slots, common.lang));
}

/** The flags of `roadshow explain`, as commander parses them. */
interface ExplainFlags extends PlanningFlags {
  readonly stop: string;
  readonly firm: string;
  readonly delegation?: string;
}

/** Registers `roadshow explain`. */
export function defineExplain(root: Command, ctx: CommandContext): void {
  planningOptions(root.command("explain"))
    .description("help.explain")
    .argument("<data-dir>", "help.explain.data-dir")
    .requiredOption("--stop <id>", "help.explain.stop")
    .requiredOption("--firm <id>", "help.explain.firm")
    .option("--delegation <id>", "help.explain.delegation")
    .addHelpText("after", `${ctx.examples(2)}  roadshow explain ${EXAMPLE_DIR} --stop BS-2026-02 --firm F0045\n  roadshow --lang it explain ${EXAMPLE_DIR} --stop BS-2026-02 --firm F0045 --delegation US-CG\n`)
    .action(async (dataDir: string, o: ExplainFlags) => {
      await explain(
        { files: runFiles(dataDir, o), settings: planSettings(o), stop: o.stop, firm: o.firm, delegation: o.delegation },
        ctx.common(),
        ctx.io,
      );
      ctx.done(EXIT.ok);
    });
}
