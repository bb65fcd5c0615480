/**
 * The exact polish is anytime: a run cut short by its time limit (a counting clock decides where, so no test
 * depends on the machine's speed) never returns an agenda lexicographically worse than the search alone
 * (`--no-exact`) at that limit, nor than the search's finished agenda once the limit covers it; more time
 * never gives a worse agenda (on five M stops, and on small narrow-window stops drawn by fast-check, every
 * rule checked by the oracle's checker and `verifyAgenda`); until the search ends, the run with a solver has
 * exactly the search alone's levels; a solver cut off mid-way with a worse answer changes nothing; bounds stay true;
 * after the exact compaction, firm gaps are within 1.1 × the proven minimum + 1.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { planStop, verifyAgenda, type ExactSolver, type ObjectiveLevels, type Schedule, type ScheduleOptions, type StopInstance } from "@roadshow/core";
import { loadExactSolver } from "../packages/cli/src/solve/highs.js";
import { atLeast } from "../packages/core/src/levels.js";
import { generateInstance } from "../oracle/generate.js";
import { checkAgenda } from "../oracle/verify.js";
import { minimumFirmGaps } from "../oracle/peers/gaps.js";

let highs: ExactSolver;
beforeAll(async () => {
  const loaded = await loadExactSolver();
  if (loaded === null) throw new Error("HiGHS did not load");
  highs = loaded;
});

/** A clock that moves one "millisecond" each time it is read: the run's course is a function of the limit alone. */
function counting(): { now: () => number; reads: () => number } {
  let t = 0;
  return { now: () => t++, reads: () => t };
}

const levelsText = (l: ObjectiveLevels): string => `${l.musts}/${l.served}/${l.balance}/${l.score.toFixed(1)}`;

function run(instance: StopInstance, K: number, limit: number, exact: ExactSolver | undefined): Schedule {
  const clock = counting();
  const options: ScheduleOptions = { minMeetings: K, now: clock.now, timeLimitMs: limit, ...(exact !== undefined && { exact }) };
  const schedule = planStop(instance, options);
  expect(checkAgenda(instance, schedule.slots, { allowRepeats: false }, schedule.meetings)).toEqual([]);
  expect(verifyAgenda(instance, schedule.meetings, options)).toEqual([]);
  // The printed gap is true: the bounds never claim less than the agenda has.
  const { levels, bounds } = schedule.stats;
  expect(bounds.musts).toBeGreaterThanOrEqual(levels.musts);
  expect(bounds.served).toBeGreaterThanOrEqual(levels.served);
  expect(bounds.balance).toBeGreaterThanOrEqual(levels.balance);
  expect(bounds.score + 1e-6).toBeGreaterThanOrEqual(levels.score);
  return schedule;
}

describe("a time limit never makes the agenda worse than the search's own", () => {
  // Narrow-window M stops where the search alone ends short of the optimum and the polish closes the gap.
  it.each([
    [1, 1],
    [6, 2],
  ])("M narrow, seed %i, K = %i: every limit at least the search alone, more time never worse", (seed, K) => {
    const instance = generateInstance("M", seed, { narrowWindows: 0.8 });
    // How many clock reads the search alone needs to finish.
    const clock = counting();
    const alone = planStop(instance, { minMeetings: K, now: clock.now, timeLimitMs: Number.MAX_SAFE_INTEGER });
    const finished = clock.reads();
    let previous: Schedule | null = null;
    for (const fraction of [0.05, 0.25, 0.5, 1.5, 1000]) {
      const limit = Math.max(1, Math.round(finished * fraction));
      const withExact = run(instance, K, limit, highs);
      const searchOnly = run(instance, K, limit, undefined);
      const why = `limit ${limit} of ${finished} reads: polished ${levelsText(withExact.stats.levels)}, search alone ${levelsText(searchOnly.stats.levels)}`;
      expect(atLeast(withExact.stats.levels, searchOnly.stats.levels), why).toBe(true);
      if (limit > finished) expect(atLeast(withExact.stats.levels, alone.stats.levels), why).toBe(true);
      if (previous !== null) expect(atLeast(withExact.stats.levels, previous.stats.levels), `${why}; shorter limit gave ${levelsText(previous.stats.levels)}`).toBe(true);
      previous = withExact;
    }
    // Eleven plans of an M stop: about 10 s on a quiet machine, six times that when the whole suite shares two cores.
  }, 240_000);

  // By construction, not by the polish's speed: the run with a solver takes the search alone's steps, one for one,
  // until the search alone ends its search (large neighbourhoods included), and only then polishes. So a limit
  // inside the search gives exactly the search alone's levels at that limit, and a limit after it at least the
  // search alone's finished agenda (narrow M seed 4, K = 1 and 2, and seed 1, K = 2: the stops where the
  // polish used to run first and a cut inside it fell below `--no-exact`).
  it.each([
    [4, 1],
    [4, 2],
    [1, 2],
  ])("M narrow, seed %i, K = %i: the polished run follows the search alone until the search ends, then never falls below it", (seed, K) => {
    const instance = generateInstance("M", seed, { narrowWindows: 0.8 });
    // Every run reports progress the same way (a report reads the clock), so read counts line up between runs.
    let searchEnd = -1;
    const clock = counting();
    const alone = planStop(instance, {
      minMeetings: K,
      now: clock.now,
      timeLimitMs: Number.MAX_SAFE_INTEGER,
      onProgress: (p) => void (p.phase === "compact" && searchEnd < 0 && (searchEnd = clock.reads())),
    });
    expect(searchEnd).toBeGreaterThan(0);
    const runAt = (limit: number, exact: ExactSolver | undefined): Schedule => {
      const c = counting();
      const options: ScheduleOptions = { minMeetings: K, now: c.now, timeLimitMs: limit, onProgress: () => {}, ...(exact !== undefined && { exact }) };
      const schedule = planStop(instance, options);
      expect(checkAgenda(instance, schedule.slots, { allowRepeats: false }, schedule.meetings)).toEqual([]);
      expect(verifyAgenda(instance, schedule.meetings, options)).toEqual([]);
      return schedule;
    };
    let previous: Schedule | null = null;
    for (const fraction of [0.1, 0.4, 0.8, 0.97, 1.2, 1000]) {
      const limit = Math.max(1, Math.round(searchEnd * fraction));
      const polished = runAt(limit, highs);
      const why = `limit ${limit} of ${searchEnd} reads: polished ${levelsText(polished.stats.levels)}, search alone finished ${levelsText(alone.stats.levels)}`;
      if (limit < searchEnd) expect(polished.stats.levels, why).toEqual(runAt(limit, undefined).stats.levels);
      else expect(atLeast(polished.stats.levels, alone.stats.levels), why).toBe(true);
      if (previous !== null) expect(atLeast(polished.stats.levels, previous.stats.levels), why).toBe(true);
      previous = polished;
    }
  }, 240_000);

  // The polish runs after the large neighbourhoods: on
  // any small windowed stop, every limit still gives at least the search alone at that limit.
  it("small narrow-window stops: every limit at least the search alone, more time never worse, every rule kept", () => {
    let polished = 0;
    const counted: ExactSolver = { name: "counted", solve: (program, start, limits) => (polished++, highs.solve(program, start, limits)) };
    fc.assert(
      // The S family with narrow windows (30 firms, 8 delegations, 8 slots): most draws fall short of the bound.
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 2 }), (seed, K) => {
        const instance = generateInstance("S", seed, { narrowWindows: 0.8 });
        const clock = counting();
        planStop(instance, { minMeetings: K, now: clock.now, timeLimitMs: Number.MAX_SAFE_INTEGER });
        const finished = clock.reads();
        let previous: Schedule | null = null;
        for (const fraction of [0.3, 0.7, 1000]) {
          const limit = Math.max(1, Math.round(finished * fraction));
          const withExact = run(instance, K, limit, counted);
          const searchOnly = run(instance, K, limit, undefined);
          const why = `limit ${limit} of ${finished}: polished ${levelsText(withExact.stats.levels)}, search alone ${levelsText(searchOnly.stats.levels)}`;
          expect(atLeast(withExact.stats.levels, searchOnly.stats.levels), why).toBe(true);
          if (previous !== null) expect(atLeast(withExact.stats.levels, previous.stats.levels), why).toBe(true);
          previous = withExact;
        }
      }),
      { seed: 2424, numRuns: 12 },
    );
    // The draws reach the solver (stops whose search falls short of the bound), so the property is about the polish.
    expect(polished).toBeGreaterThan(0);
  });

  it("a solver cut off by the limit with a worse agenda changes nothing: the search's agenda is returned", () => {
    const instance = generateInstance("M", 6, { narrowWindows: 0.8 });
    const alone = planStop(instance, { minMeetings: 2 });
    let t = 0;
    let deadline = Number.POSITIVE_INFINITY;
    const cutOff: ExactSolver = {
      name: "cut-off",
      solve(_program, start) {
        // The time limit passes while it solves; its best so far is the start with half the meetings dropped.
        t = deadline;
        const worse = start === null ? null : Float64Array.from(start, (v, i) => (i % 2 === 0 ? 0 : v));
        return { status: "timedout", values: worse, bound: null };
      },
    };
    const options = { minMeetings: 2, exact: cutOff, now: () => t++, timeLimitMs: 1e9 } as const;
    deadline = 1e9;
    const schedule = planStop(instance, options);
    expect(schedule.status).toBe("timedout");
    expect(schedule.stats.levels).toEqual(alone.stats.levels);
    // The same meetings; their slots may differ, as the annealed compaction stops at the time limit.
    const pairs = (s: Schedule): string[] => s.meetings.map((m) => `${m.firmId}|${m.delegationId}`).sort();
    expect(pairs(schedule)).toEqual(pairs(alone));
  });
});

describe("the exact compaction", () => {
  it.each([2, 3, 4, 7])("M narrow, seed %i: firm gaps within 1.1 × the oracle's proven minimum + 1", async (seed) => {
    const instance = generateInstance("M", seed, { narrowWindows: 0.8 });
    const schedule = run(instance, 1, 1e12, highs);
    const minimum = await minimumFirmGaps(instance, schedule.meetings, 60);
    expect(minimum?.proven).toBe(true);
    expect(schedule.stats.gaps!.firms).toBeLessThanOrEqual(1.1 * minimum!.gaps + 1);
  });
});
