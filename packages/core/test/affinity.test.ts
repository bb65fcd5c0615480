/** Checks that a pair's score parts add up to its score and that weights move scores in the documented direction. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { affinity, DEFAULT_WEIGHTS, resolveWeights, WEIGHT_NAMES } from "../src/affinity.js";
import { scorePairs } from "../src/prepare.js";
import type { AffinityWeights, Delegation, Firm } from "../src/types.js";
import { makeDelegation, makeFirm, makeInstance, makeStop } from "./builders.js";

const SECTORS = ["mechanics", "aerospace", "energy", "fashion", "ai"] as const;
const COUNTRIES = ["US", "DE", "FR", "CA", "IN"] as const;

const arbWeights: fc.Arbitrary<AffinityWeights> = fc.record({
  stopSectorPrimary: fc.double({ min: 0, max: 100, noNaN: true }),
  stopSectorSecondary: fc.double({ min: 0, max: 100, noNaN: true }),
  delegationSectorPrimary: fc.double({ min: 0, max: 100, noNaN: true }),
  delegationSectorSecondary: fc.double({ min: 0, max: 100, noNaN: true }),
  target: fc.double({ min: 0, max: 100, noNaN: true }),
  targetDecay: fc.double({ min: 0.01, max: 1, noNaN: true }),
  market: fc.double({ min: 0, max: 100, noNaN: true }),
  must: fc.double({ min: 0, max: 100, noNaN: true }),
});

const arbFirm: fc.Arbitrary<Firm> = fc
  .record({
    sectors: fc.uniqueArray(fc.constantFrom(...SECTORS), { maxLength: 3 }),
    ateco: fc.uniqueArray(fc.constantFrom("28.41", "C30.3", "13.96", "62.10", "56.10"), { maxLength: 2 }),
    targets: fc.uniqueArray(fc.constantFrom(...COUNTRIES), { maxLength: 4 }),
    markets: fc.uniqueArray(fc.constantFrom(...COUNTRIES), { maxLength: 3 }),
  })
  .map((f) => makeFirm({ id: "F1", ...f }));

const arbDelegation: fc.Arbitrary<Delegation> = fc
  .record({ country: fc.constantFrom(...COUNTRIES), sectors: fc.uniqueArray(fc.constantFrom(...SECTORS), { maxLength: 3 }) })
  .map((d) => makeDelegation({ id: "D1", ...d }));

const arbStop = fc.constantFrom(...SECTORS).map((sector) => makeStop({ sector }));
const sum = (xs: readonly { points: number }[]) => xs.reduce((s, p) => s + p.points, 0);

describe("affinity parts", () => {
  it("add up to the score, for any firm, delegation, weights and must", () => {
    fc.assert(
      fc.property(arbStop, arbFirm, arbDelegation, arbWeights, fc.boolean(), (stop, firm, delegation, weights, must) => {
        const a = affinity(stop, firm, delegation, must, weights);
        expect(Math.abs(sum(a.parts) - a.score)).toBeLessThan(1e-6);
        for (const p of a.parts) expect(p.points).toBeGreaterThan(0);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("add up to the score with a season bonus, as the scheduler scores pairs", () => {
    fc.assert(
      fc.property(arbFirm, arbDelegation, arbWeights, fc.double({ min: 0, max: 30, noNaN: true }), (firm, delegation, weights, bonus) => {
        const instance = makeInstance({ firms: [firm], delegations: [delegation] });
        for (const p of scorePairs(instance, { weights, bonus: () => bonus })) {
          expect(Math.abs(sum(p.affinity.parts) - p.affinity.score)).toBeLessThan(1e-6);
          if (p.affinity.parts.some((x) => x.code === "season")) expect(p.affinity.score).toBeGreaterThan(bonus);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it("render the defaults of the example in the issue", () => {
    const firm = makeFirm({ id: "F1", sectors: ["aerospace"], targets: ["US", "DE"], markets: ["FR"] });
    const us = affinity(makeStop({ sector: "aerospace" }), firm, makeDelegation({ id: "US-CG", country: "US" }), false);
    expect(us.parts).toEqual([
      { code: "stop-sector", points: 40, sector: "aerospace", primary: true },
      { code: "target", points: 30, country: "US", rank: 1 },
    ]);
    const de = affinity(makeStop({ sector: "energy" }), firm, makeDelegation({ id: "DE", country: "DE", sectors: ["aerospace"] }), true);
    expect(de.parts.map((p) => [p.code, p.points])).toEqual([["delegation-sector", 20], ["target", 24], ["must", 10]]);
    expect(affinity(makeStop(), makeFirm({ id: "F2", sectors: ["fashion"] }), makeDelegation({ id: "X" }), false).score).toBe(0);
  });
});

describe("weights move scores in the documented direction", () => {
  it("raising any weight never lowers any score", () => {
    fc.assert(
      fc.property(
        arbStop, arbFirm, arbDelegation, arbWeights, fc.constantFrom(...WEIGHT_NAMES), fc.double({ min: 0, max: 50, noNaN: true }), fc.boolean(),
        (stop, firm, delegation, weights, name, raise, must) => {
          const up = { ...weights, [name]: name === "targetDecay" ? Math.min(1, weights.targetDecay + raise / 50) : weights[name] + raise };
          const before = affinity(stop, firm, delegation, must, weights).score;
          expect(affinity(stop, firm, delegation, must, up).score).toBeGreaterThanOrEqual(before);
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it("moving a country earlier in a firm's targets never lowers that pair's score", () => {
    fc.assert(
      fc.property(arbStop, arbFirm, arbDelegation, arbWeights, fc.nat(), (stop, firm, delegation, weights, to) => {
        const from = firm.targets.indexOf(delegation.country);
        const rest = firm.targets.filter((c) => c !== delegation.country);
        // Absent from the targets counts as the lowest rank: adding it anywhere is a raise too.
        const at = Math.min(to % (rest.length + 1), from < 0 ? rest.length : from);
        const raised = { ...firm, targets: [...rest.slice(0, at), delegation.country, ...rest.slice(at)] };
        const before = affinity(stop, firm, delegation, false, weights).score;
        expect(affinity(stop, raised, delegation, false, weights).score).toBeGreaterThanOrEqual(before);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it("a larger market weight scores every existing market higher and nothing else", () => {
    const firm = makeFirm({ id: "F1", targets: ["US"], markets: ["FR"] });
    const fr = makeDelegation({ id: "FR", country: "FR" });
    const us = makeDelegation({ id: "US", country: "US" });
    const heavy = { ...DEFAULT_WEIGHTS, market: 80 };
    expect(affinity(makeStop(), firm, fr, false, heavy).score).toBe(affinity(makeStop(), firm, fr, false).score + 70);
    expect(affinity(makeStop(), firm, us, false, heavy).score).toBe(affinity(makeStop(), firm, us, false).score);
  });
});

describe("resolveWeights", () => {
  it("fills missing names with the defaults", () => {
    expect(resolveWeights({})).toEqual({ ok: true, value: DEFAULT_WEIGHTS });
    expect(resolveWeights({ market: 25, targetDecay: 1 })).toEqual({ ok: true, value: { ...DEFAULT_WEIGHTS, market: 25, targetDecay: 1 } });
  });

  it("reports every unknown name, non-number and value out of range", () => {
    const r = resolveWeights({ markt: 5, must: -1, target: "high", targetDecay: 0, stopSectorPrimary: Infinity });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      { name: "markt", problem: "unknown", value: 5 },
      { name: "must", problem: "out-of-range", value: -1 },
      { name: "target", problem: "not-number", value: "high" },
      { name: "targetDecay", problem: "out-of-range", value: 0 },
      { name: "stopSectorPrimary", problem: "not-number", value: Infinity },
    ]);
    expect(resolveWeights({ targetDecay: 1.5 }).ok).toBe(false);
    expect(resolveWeights({ toString: 1 }).ok).toBe(false);
  });
});
