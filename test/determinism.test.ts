/**
 * Same input and options, same agenda byte for byte, whatever the clock and
 * the machine's load, as long as the time limit is not reached: every search
 * budget is counted in work, not in milliseconds.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planStop, type ScheduleOptions, type StopInstance } from "@roadshow/core";
import { generateInstance } from "../oracle/generate.js";

/** The agenda and its figures as bytes, without the measured time. */
const bytes = (instance: StopInstance, options: ScheduleOptions): string => {
  const s = planStop(instance, options);
  return JSON.stringify({ status: s.status, meetings: s.meetings, levels: s.stats.levels, bounds: s.stats.bounds, unmatched: s.unmatched });
};

/** A clock that jumps ahead by a seeded random amount at each reading, as a loaded machine would look. */
const jumpyClock = (seed: number): (() => number) => {
  let t = 0;
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    t += (s % 1000) / 10; // 0–100 ms per reading
    return t;
  };
};

const windowed: [string, StopInstance, number][] = [
  ["M, narrow windows, K = 1", generateInstance("M", 3, { narrowWindows: 0.8 }), 1],
  ["M, narrow windows, K = 2", generateInstance("M", 5, { narrowWindows: 0.8 }), 2],
  ["L, broad windows", generateInstance("L", 2), 1],
];

describe("planStop does not depend on the clock", () => {
  it.each(windowed)("%s: a slow, jumpy clock gives the same bytes as the real one", (_, instance, minMeetings) => {
    const reference = bytes(instance, { minMeetings });
    // A day-long limit is never reached, however slow the clock looks.
    expect(bytes(instance, { minMeetings, now: jumpyClock(7), timeLimitMs: 86_400_000 })).toBe(reference);
    expect(bytes(instance, { minMeetings, now: jumpyClock(8), timeLimitMs: 86_400_000 })).toBe(reference);
  });
});

describe("planStop beside a CPU hog", () => {
  let hog: ChildProcess | null = null;
  const references = windowed.map(([, instance, minMeetings]) => bytes(instance, { minMeetings }));

  beforeAll(() => {
    hog = spawn(process.execPath, ["-e", "for (;;) {}"], { stdio: "ignore" });
  });
  afterAll(() => {
    if (hog?.pid !== undefined) process.kill(hog.pid);
  });

  it.each(windowed.map((w, k) => [...w, k] as const))("%s: repeated runs under load give the same bytes", (_, instance, minMeetings, k) => {
    for (let run = 0; run < 2; run++) expect(bytes(instance, { minMeetings })).toBe(references[k]);
  });
});
