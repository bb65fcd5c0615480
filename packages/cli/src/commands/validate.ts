// `roadshow validate`: checks the input files, and an agenda.csv against every hard rule.
import type { Command } from "commander";
import { EXIT } from "../errors.js";
import { collect, EXAMPLE_DIR, type CommandContext, type DayFlags, SHARED } from "./shared.js";
import { verifyAgenda, type Violation } from "@roadshow/core";
import { Chalk } from "chalk";
import type { Common, Io } from "../context.js";
import { InputError } from "../errors.js";
import { readAgendaFile, type AgendaRow } from "../read/index.js";
import { checkAgendaTimes } from "../read/agenda.js";
import { saidIssue, type InputIssue } from "../issues.js";
import { nearest } from "../read/suggest.js";
import { loadRun } from "../run/load.js";
import { runFiles, type RunFiles } from "../run/options.js";
import { Reporter } from "../run/report.js";
import { formatIssues } from "../text/issues-format.js";
import { violationText } from "../text/violations.js";
import { t } from "../text/i18n.js";
import { nearAs, said } from "../text/cli-text.js";

/** Options of `roadshow validate`. */
export interface ValidateArgs {
  readonly files: RunFiles;
  readonly stop: string | undefined;
  readonly agenda: string | undefined;
  readonly allowRepeats: boolean;
}

/** Lines written at once: a few hundred thousand violations are printed in chunks, not one write each. */
const CHUNK = 2_000;

/**
 * Checks the inputs and, with `--agenda`, that agenda: each row's format, its
 * date and times against its slot (located issues), and every hard rule on the
 * rows that could be read, so one bad row does not hide the other problems.
 * @returns whether everything is valid (the caller maps `false` to exit 1).
 */
export async function validate(args: ValidateArgs, common: Common, io: Io): Promise<boolean> {
  const run = await loadRun({ files: args.files }, new Reporter(io, common));
  const { loaded } = run;
  if (args.stop !== undefined) run.findStop(args.stop);
  if (args.agenda === undefined) {
    io.stdout(`${t(common.lang, "cli.inputsValid", { dir: args.files.dataDir, stops: loaded.data.stops.length, delegations: loaded.data.delegations.length, firms: loaded.data.firms.length })}\n`);
    return true;
  }
  const agenda = await readAgendaFile(args.agenda);
  const known = new Set(loaded.data.stops.map((s) => s.id));
  const byStop = new Map<string, AgendaRow[]>();
  const issues: InputIssue[] = [...agenda.issues];
  for (const row of agenda.good) {
    if (args.stop !== undefined && row.stopId !== args.stop) continue;
    if (!known.has(row.stopId)) {
      issues.push(unknownStopIssue(args.agenda, row, [...known]));
      continue;
    }
    const rows = byStop.get(row.stopId);
    if (rows) rows.push(row);
    else byStop.set(row.stopId, [row]);
  }
  // Nothing could be read (no header, not a CSV): there is nothing to check the rules on.
  if (agenda.good.length === 0 && issues.some((i) => i.severity === "error")) {
    throw new InputError(said("cli.input.notAgenda", { file: args.agenda }), issues);
  }
  run.ownStops([...byStop.keys()]);
  const checked = [...byStop.values()].flat();
  for (const issue of checkAgendaTimes(checked, loaded.data.stops, args.agenda, "error")) issues.push(issue);
  const found: { lines: number[]; violation: Violation }[] = [];
  for (const [stopId, rows] of [...byStop].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const violations = verifyAgenda(run.instance(run.findStop(stopId)), rows, { allowRepeats: args.allowRepeats });
    for (const violation of violations) found.push({ lines: violation.meetings.map((i) => rows[i]!.line), violation });
  }
  if (issues.length > 0) io.stderr(formatIssues(issues, { color: io.color, format: common.format, lang: common.lang }));
  const errors = issues.filter((i) => i.severity === "error").length;
  const count = agenda.good.length;
  if (common.format === "json") {
    io.stdout(`${JSON.stringify(found.map(({ lines, violation }) => ({ file: args.agenda, lines, code: violation.code, message: violationText(violation, common.lang) })), null, 2)}\n`);
  } else if (found.length === 0 && errors === 0) {
    io.stdout(`${t(common.lang, "cli.agendaValid", { file: args.agenda, count })}\n`);
  } else {
    const c = new Chalk({ level: io.color ? 1 : 0 });
    for (let i = 0; i < found.length; i += CHUNK) {
      io.stdout(found.slice(i, i + CHUNK).map(({ lines, violation }) => `${args.agenda}:${lines.join(",")} ${c.red(t(common.lang, "cli.error"))} ${violation.code}: ${violationText(violation, common.lang)}\n`).join(""));
    }
    const unread = errors > 0 ? t(common.lang, "validate.unread", { errors }) : "";
    io.stdout(`${t(common.lang, "validate.violations", { count: found.length, meetings: count })}${unread}\n`);
  }
  return found.length === 0 && errors === 0;
}

function unknownStopIssue(file: string, row: AgendaRow, ids: readonly string[]): InputIssue {
  return saidIssue(
    { severity: "error", code: "unknown-stop", file, line: row.line, column: "stop_id", value: row.stopId },
    said("input.unknown-stop.id", { stop: row.stopId, near: nearAs(nearest(row.stopId, ids)) }),
    said("input.unknown-stop.id.fix", { ids: ids.join(", ") }),
  );
}

/** The flags of `roadshow validate`, as commander parses them. */
interface ValidateFlags extends DayFlags {
  readonly stop?: string;
  readonly agenda?: string;
  readonly scores?: string;
  readonly requests?: string;
  readonly history?: string[];
  readonly allowRepeats: boolean;
}

/** Registers `roadshow validate`. */
export function defineValidate(root: Command, ctx: CommandContext): void {
  root
    .command("validate")
    .description("help.validate")
    .argument("<data-dir>", "help.validate.data-dir")
    .option("--stop <id>", "help.validate.stop")
    .option("--agenda <file>", "help.validate.agenda")
    .option("--scores <file>", "help.validate.scores")
    .addOption(SHARED.requests())
    .addOption(SHARED.fileChanges())
    .addOption(SHARED.fileOutcomes())
    .option("--history <agenda.csv>", "help.validate.history", collect)
    .option("--allow-repeats", "help.validate.allow-repeats", false)
    .addHelpText("after", `${ctx.examples(1)}  roadshow validate ${EXAMPLE_DIR} --agenda out/BS-2026-02/agenda.csv\n`)
    .action(async (dataDir: string, o: ValidateFlags) => {
      const ok = await validate(
        { files: runFiles(dataDir, o), stop: o.stop, agenda: o.agenda, allowRepeats: o.allowRepeats },
        ctx.common(),
        ctx.io,
      );
      ctx.done(ok ? EXIT.ok : EXIT.input);
    });

}
