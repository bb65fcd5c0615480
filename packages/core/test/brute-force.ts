import { buildSlots, slotsInside } from "../src/slots.js";
import type { ObjectiveLevels, StopInstance } from "../src/types.js";

/**
 * The exhaustive optimum of a tiny instance, written from the spec alone:
 * every eligible pair either does not meet or meets in one common slot.
 */
export function bruteForce(instance: StopInstance, K: number): ObjectiveLevels {
  const { stop } = instance;
  const slots = buildSlots(stop);
  const firms = instance.firms.filter((f) => f.stops.includes(stop.id));
  const dels = instance.delegations.filter((d) => d.stops === null || d.stops.includes(stop.id));
  const score = new Map((instance.scores ?? []).map((s) => [`${s.firmId}|${s.delegationId}`, s.score]));
  const kind = new Map(instance.requests.map((r) => [`${r.firmId}|${r.country}`, r.kind]));
  const pairs: { f: number; d: number; s: number; slots: number[] }[] = [];
  firms.forEach((firm, f) => {
    const fp = slotsInside(stop, slots, firm.available);
    dels.forEach((del, d) => {
      const dp = slotsInside(stop, slots, del.available);
      const s = score.get(`${firm.id}|${del.id}`) ?? 0;
      if (s <= 0 || kind.get(`${firm.id}|${del.country}`) === "avoid") return;
      const common = slots.map((_, t) => t).filter((t) => fp[t] && dp[t]);
      if (common.length > 0) pairs.push({ f, d, s, slots: common });
    });
  });
  // Balance: a firm's j-th meeting is worth top + 1 − j, top the most meetings any firm could hold.
  const top = Math.max(
    0,
    ...firms.map((firm, f) => {
      const present = slotsInside(stop, slots, firm.available).filter(Boolean).length;
      return Math.min(firm.maxMeetings ?? Infinity, firm.representatives * present, pairs.filter((p) => p.f === f).length);
    }),
  );
  const firmLoad = new Map<string, number>();
  const delLoad = new Map<string, number>();
  const total = new Array<number>(firms.length).fill(0);
  const chosen: number[] = [];
  let best: ObjectiveLevels = { musts: -1, served: -1, balance: -1, score: -1 };
  const evaluate = (): ObjectiveLevels => {
    const met = new Set<string>();
    let sc = 0;
    for (const i of chosen) {
      const p = pairs[i]!;
      sc += p.s;
      const country = dels[p.d]!.country;
      if (kind.get(`${firms[p.f]!.id}|${country}`) === "must") met.add(`${p.f}|${country}`);
    }
    const balance = total.reduce((a, m) => a + m * (top + 1) - (m * (m + 1)) / 2, 0);
    return { musts: met.size, served: total.reduce((a, m) => a + Math.min(m, K), 0), balance, score: sc };
  };
  const better = (a: ObjectiveLevels, b: ObjectiveLevels): boolean =>
    a.musts !== b.musts ? a.musts > b.musts : a.served !== b.served ? a.served > b.served : a.balance !== b.balance ? a.balance > b.balance : a.score > b.score;
  const go = (i: number): void => {
    if (i === pairs.length) {
      const v = evaluate();
      if (better(v, best)) best = v;
      return;
    }
    go(i + 1);
    const p = pairs[i]!;
    const firm = firms[p.f]!;
    if (firm.maxMeetings !== null && total[p.f]! >= firm.maxMeetings) return;
    for (const t of p.slots) {
      const fk = `${p.f}|${t}`;
      const dk = `${p.d}|${t}`;
      if ((firmLoad.get(fk) ?? 0) >= firm.representatives || (delLoad.get(dk) ?? 0) >= dels[p.d]!.tables) continue;
      firmLoad.set(fk, (firmLoad.get(fk) ?? 0) + 1);
      delLoad.set(dk, (delLoad.get(dk) ?? 0) + 1);
      total[p.f]!++;
      chosen.push(i);
      go(i + 1);
      chosen.pop();
      total[p.f]!--;
      firmLoad.set(fk, firmLoad.get(fk)! - 1);
      delLoad.set(dk, delLoad.get(dk)! - 1);
    }
  };
  go(0);
  return best;
}
