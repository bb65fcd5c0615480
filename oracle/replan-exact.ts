/**
 * Exact lexicographic optimum of a re-plan, for tests: the bench's
 * time-indexed model with the still-valid meetings fixed, solved by HiGHS
 * stage by stage — re-placed lost pairs, then musts, firms served, balance and score —
 * each stage proven optimal, or it throws. Needs explicit scores.
 */
import type { StopInstance } from "@roadshow/core";
import { scoreStep } from "./peers/hierarchy.js";
import { highsStage, loadHighs } from "./peers/highs.js";
import { buildModel, levelsOf, meetingsOf, stageIsTrivial, stageProgram, type Milp, type PeerMeeting, type Stage } from "./peers/model.js";
import { MAX_ORACLE_BINARIES } from "./exact.js";

export interface ReplanExactInput {
  readonly instance: StopInstance;
  readonly minMeetings: number;
  /** Meetings that must stay where they are. */
  readonly pinned: readonly { readonly firmId: string; readonly delegationId: string; readonly slot: number }[];
  /** Pairs whose meeting counts on the top level (lost pairs to re-place). */
  readonly lost: readonly { readonly firmId: string; readonly delegationId: string }[];
}

export interface ReplanExactResult {
  readonly levels: { readonly replaced: number; readonly musts: number; readonly served: number; readonly balance: number; readonly score: number };
  readonly meetings: readonly PeerMeeting[];
}

const TIME_LIMIT_SEC = 120;

export async function exactReplanOptimum(input: ReplanExactInput): Promise<ReplanExactResult> {
  const { instance, minMeetings } = input;
  const model = buildModel(instance, { minMeetings, allowRepeats: false });
  if (model.x.length > MAX_ORACLE_BINARIES * 20) throw new Error(`exactReplanOptimum: ${model.x.length} binaries is too many`);
  const highs = await loadHighs();
  const xKey = (firmId: string, delegationId: string, slot: number): string => `${firmId}\u0000${delegationId}\u0000${slot}`;
  const xIndex = new Map(model.x.map((v, j) => [xKey(model.firms[v.firm]!.id, model.delegations[v.delegation]!.id, v.slot), j]));
  const lostKeys = new Set(input.lost.map((l) => `${l.firmId}\u0000${l.delegationId}`));
  const lostXs = model.x.flatMap((v, j) => (lostKeys.has(`${model.firms[v.firm]!.id}\u0000${model.delegations[v.delegation]!.id}`) ? [j] : []));
  const pinRows: Milp["rows"][number][] = input.pinned.map((p, k) => {
    const j = xIndex.get(xKey(p.firmId, p.delegationId, p.slot));
    if (j === undefined) throw new Error(`exactReplanOptimum: pinned ${p.firmId} × ${p.delegationId} in slot ${p.slot} is not a possible meeting`);
    return { name: `pin_${k}`, cols: [j], coefs: [1], lower: 1, upper: Infinity };
  });
  const step = scoreStep(model);
  let start: Float64Array | null = null;
  const run = (milp: Milp, absGap: number, what: string): Float64Array => {
    const outcome = highsStage(highs, milp, start, TIME_LIMIT_SEC, absGap);
    if (outcome.status !== "optimal" || outcome.values === null) throw new Error(`exactReplanOptimum: ${what} not proven optimal (${outcome.status})`);
    start = Float64Array.from(outcome.values as ArrayLike<number>);
    return start;
  };
  const count = (values: ArrayLike<number>, xs: readonly number[]): number => xs.reduce((s, j) => s + ((values[j] ?? 0) >= 0.5 ? 1 : 0), 0);

  // Stage 0: as many lost pairs as possible, the pins fixed.
  const base = stageProgram(model, 3);
  const lostSet = new Set(lostXs);
  const stage0: Milp = {
    columns: base.columns.map((c, j) => ({ ...c, cost: lostSet.has(j) ? 1 : 0 })),
    rows: [...base.rows, ...pinRows],
  };
  let values: ArrayLike<number> = lostXs.length > 0 || pinRows.length > 0 ? run(stage0, 0.999, "stage re-placed") : new Float64Array(base.columns.length);
  const replaced = count(values, lostXs);
  const replacedRow = lostXs.length > 0 ? [{ name: "fix_replaced", cols: lostXs, coefs: lostXs.map(() => 1), lower: replaced, upper: Infinity }] : [];
  let fixes: { musts?: number; served?: number; balance?: number } = {};
  for (const stage of [1, 2, 3, 4] as Stage[]) {
    if (stageIsTrivial(model, stage)) {
      if (stage === 1) fixes = { musts: 0 };
      continue;
    }
    const milp = stageProgram(model, stage, fixes);
    values = run({ columns: milp.columns, rows: [...milp.rows, ...pinRows, ...replacedRow] }, stage === 4 ? (step > 0 ? step * 0.999 : 1e-6) : 0.999, `stage ${stage}`);
    const levels = levelsOf(instance, minMeetings, meetingsOf(model, values), model.balanceTop);
    if (stage === 1) fixes = { musts: levels.musts };
    if (stage === 2) fixes = { ...fixes, served: levels.served };
    if (stage === 3) fixes = { ...fixes, balance: levels.balance };
  }
  const meetings = meetingsOf(model, values);
  return { levels: { replaced: count(values, lostXs), ...levelsOf(instance, minMeetings, meetings, model.balanceTop) }, meetings };
}
