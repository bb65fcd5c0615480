/**
 * Loading a run, in one place: check the output before any work, start the
 * exact solver (HiGHS loads while the files are read), read and check the
 * inputs and the weights, tell their warnings once, then — asked by the
 * command — find a stop, refuse history holding the stop's own agenda, read
 * the agenda sent before, build the stop's instance and the core's options.
 * Every command, the studio and `@roadshow/cli/io` load through `loadRun`.
 *
 * @example
 * const run = await loadRun({ files, out: { path: out, force }, exact: settings.exact }, report);
 * const stop = run.stop(stopId);                         // unknown stop, own history: input errors
 * const previous = await run.previous(previousFile, [stop.id]);
 * const instance = run.instance(stop);
 * const result = planStop(instance, await run.options(settings, report.progress()));
 */
import type { AffinityWeights, ExactSolver, Progress, ScheduleOptions, Stop, StopInstance } from "@roadshow/core";
import type { AgendaRow, DataSet } from "../read/index.js";
import type { InputIssue } from "../issues.js";
import { checkPrevious, findStop, inputPaths, instanceOf, load, readAgendaChecked, refuseOwnHistory, type Loaded } from "../read/load.js";
import { readWeights } from "../read/weights.js";
import { exactOption, loadExactSolver } from "../solve/highs.js";
import type { WriteOptions } from "../write/transaction.js";
import { checkOutputFile, checkOutputFolder } from "../write/transaction.js";
import { coreOptions, type PlanSettings, type RunFiles } from "./options.js";
import type { Reporter } from "./report.js";

/** What `loadRun` is asked to do before it reads. */
export interface LoadRequest {
  readonly files: RunFiles;
  /** The output (`--out`, `--force`), checked before any work: a folder, or one file (`score --out`). */
  readonly out?: { readonly path: string; readonly force: boolean; readonly file?: boolean } | undefined;
  /** Start loading the exact solver (HiGHS) while the inputs are read: `PlanSettings.exact`. */
  readonly exact?: boolean;
}

/** A run's inputs, read and checked, and the steps a command asks for next. */
export interface Run {
  readonly loaded: Loaded;
  readonly data: DataSet;
  readonly weights: AffinityWeights | undefined;
  /** Every warning of the inputs and the weights (already told, when the run has a reporter). */
  readonly warnings: readonly InputIssue[];
  /** How the outputs are written: `--force`, and the inputs no output may replace. */
  readonly output: WriteOptions;
  /** The stop named on the command line, refusing history that holds its own agenda. */
  stop(stopId: string): Stop;
  /** The stop with this id (an input error with suggestions otherwise). */
  findStop(stopId: string): Stop;
  /** History may not hold meetings of the stops this run plans or checks. */
  ownStops(stopIds: readonly string[]): void;
  /** The stop as it is on the day (its changes applied), checked by the core. */
  instance(stop: Stop): StopInstance;
  /** An agenda read and checked against the stops' slots: `severity` for mismatches (errors for one being exported). */
  agenda(file: string, severity: "error" | "warning"): Promise<{ readonly rows: readonly AgendaRow[]; readonly warnings: readonly InputIssue[] }>;
  /** The agenda sent before (`--previous`) of `stopIds`: its warnings told, another stop's agenda refused. */
  previous(file: string, stopIds: readonly string[]): Promise<readonly AgendaRow[]>;
  previous(file: string | undefined, stopIds: readonly string[]): Promise<readonly AgendaRow[] | undefined>;
  /** The core's options for `settings`, with the weights read and the exact solver once it has loaded. */
  options(settings: PlanSettings, onProgress?: (p: Progress) => void): Promise<ScheduleOptions>;
  /** The exact solver, when the settings want it and it loaded. */
  exact(settings: PlanSettings): Promise<ExactSolver | null>;
}

/** The instance of `stopId` in data already loaded (`@roadshow/cli/io`'s `stopInstance`): unknown stop, core's refusal: input errors. */
export function stopInstanceOf(loaded: Loaded, stopId: string, dataDir: string): StopInstance {
  return instanceOf(loaded, findStop(loaded.data, stopId, dataDir));
}

/**
 * Checks the output, reads and checks the inputs and the weights, and tells
 * their warnings through `report` (without one they are only returned, in
 * `warnings`). Throws `InputError` with every issue, `EnvironmentError` when
 * the output exists without `force`.
 */
export async function loadRun(request: LoadRequest, report?: Reporter): Promise<Run> {
  const { files } = request;
  const output: WriteOptions = { force: request.out?.force ?? false, inputs: inputPaths(files) };
  if (request.out !== undefined) (request.out.file ? checkOutputFile : checkOutputFolder)(request.out.path, output);
  // HiGHS loads (WebAssembly) while the inputs are read.
  if (request.exact) void loadExactSolver();
  let told = false;
  const unavailable = (reason: string): void => {
    if (!told) report?.exactUnavailable(reason);
    told = true;
  };
  const loaded = await load(files);
  const read = files.weights === undefined ? undefined : await readWeights(files.weights);
  const warnings = [...loaded.warnings, ...(read?.warnings ?? [])];
  report?.issues(warnings);
  const weights = read?.weights;
  async function previous(file: string, stopIds: readonly string[]): Promise<readonly AgendaRow[]>;
  async function previous(file: string | undefined, stopIds: readonly string[]): Promise<readonly AgendaRow[] | undefined>;
  async function previous(file: string | undefined, stopIds: readonly string[]): Promise<readonly AgendaRow[] | undefined> {
    if (file === undefined) return undefined;
    const { rows, warnings: found } = await readAgendaChecked(file, loaded.data, "warning");
    report?.issues(found);
    checkPrevious(rows, file, stopIds);
    return rows;
  }
  const run: Run = {
    loaded,
    data: loaded.data,
    weights,
    warnings,
    output,
    stop(stopId) {
      const stop = findStop(loaded.data, stopId, files.dataDir);
      refuseOwnHistory(loaded, [stop.id]);
      return stop;
    },
    findStop: (stopId) => findStop(loaded.data, stopId, files.dataDir),
    ownStops: (stopIds) => refuseOwnHistory(loaded, stopIds),
    instance: (stop) => instanceOf(loaded, stop),
    agenda: (file, severity) => readAgendaChecked(file, loaded.data, severity),
    previous,
    exact: async (settings) => (await exactOption(settings.exact, unavailable)).exact ?? null,
    async options(settings, onProgress) {
      return coreOptions(settings, { weights, exact: await run.exact(settings), onProgress });
    },
  };
  return run;
}
