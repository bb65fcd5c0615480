/**
 * Re-planning rows of the benchmark (issue 12): plan a generated stop, perturb
 * it with a seeded day-of scenario — 5 % of the firms cancel, 10 % of the
 * delegations arrive a third of the day late, 3 % walk-in firms — and re-plan
 * around the first agenda. Measures replan's time against `planStop` on the
 * same changed stop, meetings unchanged, participants to notify, and each
 * level against its bound; every agenda goes through the independent checker.
 */
import { applyChanges, buildSlots, planStop, replanStop } from "@roadshow/core";
import type { Firm, ObjectiveLevels, ScoreEntry, StopChange, StopInstance } from "@roadshow/core";
import { stillValid } from "../oracle/still-valid.js";
import { checkAgenda } from "../oracle/verify.js";
import { median } from "./ours.js";
import { mulberry32 } from "../oracle/random.js";

/** The day-of scenario's shares. */
export const PERTURBATION = { cancel: 0.05, late: 0.1, walkIns: 0.03 } as const;

export interface ReplanRow {
  readonly label: string;
  readonly firms: number;
  readonly delegations: number;
  readonly slots: number;
  readonly cancelled: number;
  readonly late: number;
  readonly walkIns: number;
  /** Meetings of the first agenda. */
  readonly previous: number;
  readonly unchanged: number;
  /** Still-valid meetings of the first agenda (independent check) and how many of them were kept as they were. */
  readonly stillValid: number;
  readonly stillValidKept: number;
  readonly lostPairs: number;
  readonly replaced: number;
  readonly replacedBound: number;
  readonly notified: number;
  readonly participants: number;
  readonly levels: ObjectiveLevels;
  readonly bounds: ObjectiveLevels;
  readonly status: string;
  /** The same changed stop planned from scratch: its levels and how many of the first agenda's meetings it keeps. */
  readonly fresh: { readonly levels: ObjectiveLevels; readonly unchanged: number; readonly medianMs: number };
  readonly medianMs: number;
  readonly violations: number;
}

/** The seeded day-of changes of a stop, and the walk-in firms (clones of registered firms, with their scores). */
export function perturb(instance: StopInstance, seed: number): { instance: StopInstance; changes: StopChange[]; walkIns: number } {
  const rng = mulberry32(seed * 65537 + 101);
  const stopId = instance.stop.id;
  const slots = buildSlots(instance.stop);
  const firms = instance.firms.filter((f) => f.stops.includes(stopId));
  const delegations = instance.delegations.filter((d) => d.stops === null || d.stops.includes(stopId));
  const change = (participantId: string, over: Partial<StopChange>): StopChange => ({
    stopId, participantId, status: null, available: null, tables: null, representatives: null, note: "bench", ...over,
  });
  const pick = <T>(items: readonly T[], share: number): T[] => rng.shuffle(items).slice(0, Math.round(items.length * share));
  const late = { start: slots[Math.floor(slots.length / 3)]!.start, end: slots.at(-1)!.end };
  const changes = [
    ...pick(firms, PERTURBATION.cancel).map((f) => change(f.id, { status: "absent" })),
    ...pick(delegations, PERTURBATION.late).map((d) => change(d.id, { available: [late] })),
  ];
  // A walk-in is a clone of a registered firm (same sectors, targets, windows) with that firm's scores.
  const originals = pick(firms, PERTURBATION.walkIns);
  const walkIns: Firm[] = originals.map((f, i) => ({ ...f, id: `W${String(i + 1).padStart(4, "0")}`, name: `Walk-in ${i + 1}` }));
  const scores: ScoreEntry[] | null =
    instance.scores === null
      ? null
      : [...instance.scores, ...originals.flatMap((f, i) => instance.scores!.filter((s) => s.firmId === f.id).map((s) => ({ ...s, firmId: walkIns[i]!.id })))];
  const changed = applyChanges({ ...instance, firms: [...instance.firms, ...walkIns], scores }, changes);
  return { instance: changed, changes, walkIns: walkIns.length };
}

function timed<T>(runs: number, run: () => T): { value: T; medianMs: number } {
  const times: number[] = [];
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    value = run();
    times.push(performance.now() - began);
  }
  return { value: value!, medianMs: median(times) };
}

/** One replan row: first agenda, perturbation, replan (median of `runs`), the same stop planned afresh for comparison. */
export function benchReplan(label: string, instance: StopInstance, seed: number, runs: number): ReplanRow {
  const options = { minMeetings: 1 } as const;
  const first = planStop(instance, options);
  const day = perturb(instance, seed);
  const replan = timed(runs, () => replanStop(day.instance, first.meetings, options));
  const fresh = timed(runs, () => planStop(day.instance, options));
  const slots = buildSlots(instance.stop);
  const violations = checkAgenda(day.instance, slots, { allowRepeats: false }, replan.value.schedule.meetings).length;
  const key = (m: { firmId: string; delegationId: string; slot: number; table: number }) => `${m.firmId}|${m.delegationId}|${m.slot}|${m.table}`;
  const before = new Set(first.meetings.map(key));
  const after = new Set(replan.value.schedule.meetings.map(key));
  const { valid } = stillValid(day.instance, first.meetings, { allowRepeats: false });
  const { stats, schedule } = replan.value;
  const stopId = instance.stop.id;
  return {
    label,
    firms: day.instance.firms.filter((f) => f.stops.includes(stopId)).length,
    delegations: day.instance.delegations.filter((d) => d.stops === null || d.stops.includes(stopId)).length,
    slots: slots.length,
    cancelled: day.changes.filter((c) => c.status === "absent").length,
    late: day.changes.filter((c) => c.available !== null).length,
    walkIns: day.walkIns,
    previous: stats.previous,
    unchanged: stats.unchanged,
    stillValid: valid.length,
    stillValidKept: valid.filter((m) => after.has(key(m))).length,
    lostPairs: stats.lostPairs,
    replaced: stats.replaced,
    replacedBound: stats.replacedBound,
    notified: stats.notifiedFirms.length + stats.notifiedDelegations.length,
    participants: new Set([...first.meetings, ...schedule.meetings].flatMap((m) => [`f${m.firmId}`, `d${m.delegationId}`])).size,
    levels: schedule.stats.levels,
    bounds: schedule.stats.bounds,
    status: schedule.status,
    fresh: { levels: fresh.value.stats.levels, unchanged: fresh.value.meetings.filter((m) => before.has(key(m))).length, medianMs: fresh.medianMs },
    medianMs: replan.medianMs,
    violations,
  };
}

const ms = (x: number): string => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x < 10 ? x.toFixed(1) : x.toFixed(0)} ms`);
const pct = (a: number, b: number): string => (b === 0 ? "–" : `${((100 * a) / b).toFixed(a === b ? 0 : 3)} %`);

/** The re-planning section of the benchmark report (markdown). */
export function renderReplan(rows: readonly ReplanRow[], command: string): string {
  const lines = [
    "# Re-planning benchmark",
    "",
    `Command: \`${command}\`. Each stop is planned, then changed by a seeded day-of scenario (${PERTURBATION.cancel * 100} % of the firms cancel, ${PERTURBATION.late * 100} % of the delegations arrive a third of the day late, ${PERTURBATION.walkIns * 100} % walk-in firms), then re-planned around the first agenda (\`replanStop\`, K = 1). "Afresh" plans the changed stop from scratch (\`planStop\`), as \`schedule\` would. Times are medians, library, in process.`,
    "",
    "| instance | firms × delegations × slots | cancelled / late / walk-ins | replan | afresh | meetings unchanged | still-valid kept | afresh: unchanged | re-placed (bound) | participants to notify | musts (bound) | served (bound) | score, % of bound | violations |",
    "|---|---|---|---:|---:|---|---|---|---|---|---|---|---|---:|",
    ...rows.map((r) =>
      `| ${r.label} | ${r.firms} × ${r.delegations} × ${r.slots} | ${r.cancelled} / ${r.late} / ${r.walkIns} | ${ms(r.medianMs)} | ${ms(r.fresh.medianMs)} | ${r.unchanged} of ${r.previous} | ${r.stillValidKept} of ${r.stillValid} | ${r.fresh.unchanged} of ${r.previous} | ${r.replaced} of ${r.lostPairs} (${r.replacedBound}) | ${r.notified} of ${r.participants} | ${r.levels.musts} (${r.bounds.musts}) | ${r.levels.served} (${r.bounds.served}) | ${pct(r.levels.score, r.bounds.score)} | ${r.violations} |`),
    "",
  ];
  return `${lines.join("\n")}\n`;
}
