/** Checks every agenda of one instance and derives the ratios and consistency notes. */
import { buildSlots } from "@roadshow/core";
import type { ObjectiveLevels, StopInstance } from "@roadshow/core";
import { checkAgenda, type CheckedMeeting } from "../oracle/verify.js";
import type { CliRun, LibraryRun, Outcome, PhaseRun } from "./ours.js";
import { assignTables, balanceTopOf, compareLevels, levelsOf } from "../oracle/peers/model.js";
import type { ChildResult } from "../oracle/peers/spawn.js";

export interface InstanceResult {
  readonly label: string;
  readonly family: string;
  readonly seed: number;
  readonly firms: number;
  readonly delegations: number;
  readonly slots: number;
  readonly binaries: number;
  readonly library: Outcome<LibraryRun>;
  readonly cli: Outcome<CliRun>;
  /** The full command's steps (read, plan, render, write) timed in process. */
  readonly phases: Outcome<PhaseRun>;
  readonly highs: Outcome<ChildResult>;
  readonly jslp: Outcome<ChildResult>;
  /** Violations found by the independent checker, per agenda (null: no agenda). */
  readonly checks: Readonly<Record<"library" | "cli" | "highs" | "jslp", number | null>>;
  /** Levels of the CLI's agenda.csv, recomputed from its rows. */
  readonly cliLevels: ObjectiveLevels | null;
  /** Lowest valid bound on the score of the lexicographic optimum: ours, or a peer's with levels 1–2 proven. */
  readonly bestBound: number | null;
  readonly notes: readonly string[];
}

export type Measured = Omit<InstanceResult, "checks" | "cliLevels" | "bestBound" | "notes">;

/** Our library time over a peer's solve time, when our levels are equal or better; null otherwise. */
export function timeRatio(result: InstanceResult, peer: "highs" | "jslp"): number | null {
  const p = result[peer];
  if (!result.library.ok || !p.ok || p.value.levels === null) return null;
  if (compareLevels(result.library.value.levels, p.value.levels) < 0) return null;
  const peerSeconds = p.value.killed ? p.value.wallSeconds : p.value.seconds;
  return result.library.value.medianMs / 1000 / peerSeconds;
}

export function assess(instance: StopInstance, measured: Measured): InstanceResult {
  const slots = buildSlots(instance.stop);
  const notes: string[] = [];
  const check = (who: string, meetings: readonly CheckedMeeting[]): number => {
    const violations = checkAgenda(instance, slots, { allowRepeats: false }, meetings);
    if (violations.length > 0) notes.push(`${who}: ${violations.length} rule violations, first: ${violations[0]!.code} (${violations[0]!.message})`);
    return violations.length;
  };
  const peerCheck = (r: Outcome<ChildResult>, who: string): number | null =>
    r.ok && r.value.levels !== null ? check(who, assignTables(instance, r.value.meetings)) : null;
  const checks = {
    library: measured.library.ok ? check("ours (library)", measured.library.value.meetings) : null,
    cli: measured.cli.ok ? check("ours (CLI)", measured.cli.value.meetings) : null,
    highs: peerCheck(measured.highs, "HiGHS"),
    jslp: peerCheck(measured.jslp, "jsLPSolver"),
  };
  const cliLevels = measured.cli.ok ? levelsOf(instance, 1, measured.cli.value.meetings, balanceTopOf(instance, { minMeetings: 1, allowRepeats: false })) : null;

  const bounds: number[] = [];
  const ours = measured.library.ok ? measured.library.value : null;
  if (ours) bounds.push(ours.bounds.score);
  for (const [who, r] of [["HiGHS", measured.highs], ["jsLPSolver", measured.jslp]] as const) {
    if (!r.ok || r.value.levels === null) continue;
    const peer = r.value;
    if (peer.levelsProven && peer.bound !== null) bounds.push(peer.bound);
    if (!ours) continue;
    const cmp = compareLevels(ours.levels, peer.levels!);
    if (cmp < 0 && ours.status === "optimal") notes.push(`ours claims optimal but ${who} found better levels ${fmt(peer.levels!)}`);
    if (peer.levelsProven && (ours.levels.musts < peer.levels!.musts || ours.levels.served < peer.levels!.served || ours.levels.balance < peer.levels!.balance)) {
      notes.push(`ours misses levels 1–3: ${fmt(ours.levels)} vs ${who}'s proven ${fmt(peer.levels!)}`);
    }
    const sameTop = ours.levels.musts === peer.levels!.musts && ours.levels.served === peer.levels!.served && ours.levels.balance === peer.levels!.balance;
    if (sameTop && ours.bounds.score + 1e-6 < peer.levels!.score) notes.push(`ours' score bound ${ours.bounds.score} is below ${who}'s agenda score ${peer.levels!.score}: the bound is wrong`);
  }
  if (ours && cliLevels && compareLevels(ours.levels, cliLevels) !== 0) notes.push(`library ${fmt(ours.levels)} and CLI ${fmt(cliLevels)} agendas differ in value`);
  const bestBound = bounds.length > 0 ? Math.min(...bounds) : null;
  return { ...measured, checks, cliLevels, bestBound, notes };
}

export const fmt = (l: ObjectiveLevels): string => `${l.musts} / ${l.served} / ${l.balance} / ${round1(l.score)}`;
const round1 = (x: number): string => (Math.round(x * 10) / 10).toLocaleString("en-US", { maximumFractionDigits: 1 });
