// The studio's desk: free cells agree with the core's rule checker; moves, waiting list, locks, undo and redo; the meeting moved last is named first among the rules broken.
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { planStop, verifyAgenda, type StopInstance } from "@roadshow/core";
import { readDataDir } from "../../src/read/index.js";
import type { DeskMeeting, StopInfo } from "../../src/studio/api.js";
import { stopInfo } from "../../src/studio/views.js";
import { freeCells, lastMoved, moveTo, orderViolations, pairKey, push, redo, start, toggleLock, toWaiting, undo } from "../../studio-web/src/desk.js";
import { EXAMPLE } from "./harness.js";

let instance: StopInstance;
let stop: StopInfo;
let planned: readonly DeskMeeting[];

beforeAll(async () => {
  const { data } = await readDataDir(EXAMPLE);
  // A stop with windows, so that presence matters too.
  const s = data!.stops.find((x) => x.id === "BS-2026-02")!;
  instance = { stop: s, delegations: data!.delegations, firms: data!.firms, requests: data!.requests, scores: data!.scores, history: [] };
  const schedule = planStop(instance);
  stop = stopInfo(instance, schedule, "en");
  planned = schedule.meetings;
});

describe("the grid's free cells agree with the core's rule checker", () => {
  test("a cell is green exactly when moving the meeting there breaks no rule (seeded random agendas)", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 150, maxLength: 150 }), fc.nat(), fc.boolean(), (keep, pick, fromWaiting) => {
        const kept = planned.filter((_, i) => keep[i] ?? true);
        const dropped = planned.filter((_, i) => !(keep[i] ?? true));
        const pool = fromWaiting ? dropped : kept;
        if (pool.length === 0) return;
        const m = pool[pick % pool.length]!;
        const edit = { meetings: kept, waiting: dropped, locks: [] };
        const free = freeCells(stop, kept, m, fromWaiting);
        for (const slot of stop.slots) {
          for (const { table } of stop.tables) {
            const key = `${slot.index}|${table}`;
            if (!fromWaiting && m.slot === slot.index && m.table === table) continue;
            const moved = moveTo(edit, pairKey(m), slot.index, table).meetings;
            const valid = verifyAgenda(instance, moved).length === 0;
            expect(free.has(key), `${pairKey(m)} to ${key}`).toBe(valid);
          }
        }
      }),
      { seed: 17, numRuns: 25 },
    );
  });
});

describe("edits", () => {
  test("move, waiting list, lock, undo and redo", () => {
    const [a, b] = planned;
    let h = start(planned);
    h = push(h, moveTo(h.present, pairKey(a!), 3, 4));
    expect(h.present.meetings.find((m) => pairKey(m) === pairKey(a!))).toMatchObject({ slot: 3, table: 4 });
    h = push(h, toggleLock(h.present, pairKey(b!)));
    expect(h.present.locks).toEqual([pairKey(b!)]);
    h = push(h, toWaiting(h.present, pairKey(b!)));
    expect(h.present.waiting.map(pairKey)).toEqual([pairKey(b!)]);
    expect(h.present.locks).toEqual([]);
    expect(h.present.meetings).toHaveLength(planned.length - 1);
    h = undo(undo(undo(h)));
    expect(h.present.meetings).toBe(planned);
    h = redo(h);
    expect(h.present.meetings.find((m) => pairKey(m) === pairKey(a!))).toMatchObject({ slot: 3, table: 4 });
    expect(undo(start(planned)).present.meetings).toBe(planned);
  });
});

describe("the rules broken, as the grid lists them", () => {
  /** A meeting of one delegation and, in the same slot, a meeting at a table of another delegation. */
  const pick = (n: number) => {
    const a = planned[n]!;
    const b = planned.find((x) => x.slot === a.slot && x.delegationId !== a.delegationId && stop.tables.some((t) => t.table === x.table && t.delegationId === x.delegationId))!;
    return { a, b };
  };

  test("a meeting dropped on another delegation's table (freed first) is the one named, first, with the table rule", () => {
    for (const n of [0, 17, 60, 149]) {
      const { a, b } = pick(n);
      let h = start(planned);
      h = push(h, toWaiting(h.present, pairKey(b)));
      h = push(h, moveTo(h.present, pairKey(a), a.slot, b.table));
      const meetings = h.present.meetings;
      const violations = orderViolations(verifyAgenda(instance, meetings), meetings, lastMoved(h));
      expect(violations.map((v) => [v.code, v.meetings.map((i) => pairKey(meetings[i]!)), v.params.owner])).toEqual([["wrong-table", [pairKey(a)], b.delegationId]]);
    }
  });

  test("the meeting moved last comes first, then the one before, each first in its rule", () => {
    const { a, b } = pick(5);
    const { a: c, b: d } = pick(90);
    let h = start(planned);
    h = push(h, moveTo(h.present, pairKey(a), a.slot, b.table)); // onto b: a clash and a table not its own
    h = push(h, moveTo(h.present, pairKey(c), c.slot, d.table));
    expect(lastMoved(h)).toEqual([pairKey(c), pairKey(a)]);
    const meetings = h.present.meetings;
    const violations = orderViolations(verifyAgenda(instance, meetings), meetings, lastMoved(h));
    const named = violations.map((v) => pairKey(meetings[v.meetings[0]!]!));
    expect(named[0]).toBe(pairKey(c));
    expect(named.indexOf(pairKey(a))).toBeGreaterThan(named.lastIndexOf(pairKey(c)));
    expect(named.every((k) => k === pairKey(a) || k === pairKey(c))).toBe(true);
    // Undo: the earlier move is the latest again.
    expect(lastMoved(undo(h))).toEqual([pairKey(a)]);
  });
});
