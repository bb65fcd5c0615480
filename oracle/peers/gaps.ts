/**
 * The fewest firm gaps an agenda's meetings allow, by HiGHS: the same
 * firm–delegation pairs, each in one slot where both are present, under the
 * firm (representatives) and delegation (tables) capacities per slot,
 * minimising the number of blocks of consecutive busy slots per firm (a
 * firm's gaps are its blocks less one). For `bench:quality`: how far our
 * compaction is from the exact minimum, on stops small enough.
 */
import { buildSlots, slotsInside, type Meeting, type StopInstance } from "@roadshow/core";
import { highsStage, loadHighs } from "./highs.js";
import type { Milp } from "./model.js";

/** The minimum and whether HiGHS proved it (else the best found), or null when the model is too big or failed. */
export async function minimumFirmGaps(
  instance: StopInstance,
  meetings: readonly Meeting[],
  timeLimitSec: number,
): Promise<{ gaps: number; proven: boolean } | null> {
  const { stop } = instance;
  const slots = buildSlots(stop);
  const n = slots.length;
  const firms = new Map(instance.firms.map((f) => [f.id, f]));
  const delegations = new Map(instance.delegations.map((d) => [d.id, d]));
  const firmIds = [...new Set(meetings.map((m) => m.firmId))].sort();
  const delegationIds = [...new Set(meetings.map((m) => m.delegationId))].sort();
  const columns: Milp["columns"][number][] = [];
  const rows: Milp["rows"][number][] = [];
  const y: { firm: number; delegation: number; slot: number; col: number }[] = [];
  meetings.forEach((m, k) => {
    const f = firms.get(m.firmId)!;
    const d = delegations.get(m.delegationId)!;
    const fp = slotsInside(stop, slots, f.available);
    const dp = slotsInside(stop, slots, d.available);
    const cols: number[] = [];
    for (let t = 0; t < n; t++) {
      if (!fp[t] || !dp[t]) continue;
      cols.push(columns.length);
      y.push({ firm: firmIds.indexOf(m.firmId), delegation: delegationIds.indexOf(m.delegationId), slot: t, col: columns.length });
      columns.push({ name: `y${k}_${t}`, upper: 1, integer: true, cost: 0 });
    }
    // Exactly one slot, as two rows (the LP reader takes one-sided rows only).
    rows.push({ name: `meet_${k}`, cols, coefs: cols.map(() => 1), lower: 1, upper: Infinity });
    rows.push({ name: `once_${k}`, cols, coefs: cols.map(() => 1), lower: -Infinity, upper: 1 });
  });
  if (columns.length > 6_000) return null;
  const byFirmSlot = new Map<number, number[]>();
  const byDelegationSlot = new Map<number, number[]>();
  for (const v of y) {
    (byFirmSlot.get(v.firm * n + v.slot) ?? byFirmSlot.set(v.firm * n + v.slot, []).get(v.firm * n + v.slot)!).push(v.col);
    (byDelegationSlot.get(v.delegation * n + v.slot) ?? byDelegationSlot.set(v.delegation * n + v.slot, []).get(v.delegation * n + v.slot)!).push(v.col);
  }
  for (const [key, cols] of byDelegationSlot) {
    const tables = delegations.get(delegationIds[Math.floor(key / n)]!)!.tables;
    if (cols.length > tables) rows.push({ name: `del_${key}`, cols, coefs: cols.map(() => 1), lower: -Infinity, upper: tables });
  }
  // Busy b[f,t] = min(1, meetings then); a block starts at s[f,t] ≥ b[f,t] − b[f,t−1].
  firmIds.forEach((id, f) => {
    const reps = firms.get(id)!.representatives;
    const busy: number[] = [];
    for (let t = 0; t < n; t++) {
      const cols = byFirmSlot.get(f * n + t) ?? [];
      const b = columns.length;
      busy.push(b);
      columns.push({ name: `b${f}_${t}`, upper: cols.length > 0 ? 1 : 0, integer: false, cost: 0 });
      if (cols.length > reps) rows.push({ name: `firm_${f}_${t}`, cols, coefs: cols.map(() => 1), lower: -Infinity, upper: reps });
      rows.push({ name: `bu_${f}_${t}`, cols: [b, ...cols], coefs: [1, ...cols.map(() => -1)], lower: -Infinity, upper: 0 });
      // One representative: busy is the slot's meetings (tighter than b ≥ each x).
      if (reps === 1) rows.push({ name: `be_${f}_${t}`, cols: [b, ...cols], coefs: [1, ...cols.map(() => -1)], lower: 0, upper: Infinity });
      else for (const c of cols) rows.push({ name: `bl_${f}_${t}_${c}`, cols: [b, c], coefs: [1, -1], lower: 0, upper: Infinity });
    }
    const starts: number[] = [];
    for (let t = 0; t < n; t++) {
      const s = columns.length;
      columns.push({ name: `s${f}_${t}`, upper: 1, integer: false, cost: -1 });
      const cols = t === 0 ? [s, busy[t]!] : [s, busy[t]!, busy[t - 1]!];
      const coefs = t === 0 ? [1, -1] : [1, -1, 1];
      rows.push({ name: `st_${f}_${t}`, cols, coefs, lower: 0, upper: Infinity });
      starts.push(s);
    }
    // A firm with a meeting has one block at least (without it the LP spreads the day thin and bounds nothing).
    if (meetings.some((m) => m.firmId === id)) rows.push({ name: `one_${f}`, cols: starts, coefs: starts.map(() => 1), lower: 1, upper: Infinity });
  });
  const highs = await loadHighs();
  const outcome = highsStage(highs, { columns, rows }, null, timeLimitSec, 0.999);
  if (outcome.values === null) return null;
  let blocks = 0;
  columns.forEach((c, i) => {
    if (c.name.startsWith("s")) blocks += Math.round(outcome.values![i]!);
  });
  return { gaps: blocks - firmIds.length, proven: outcome.status === "optimal" };
}
