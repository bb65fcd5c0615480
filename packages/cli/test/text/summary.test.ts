/** Checks the stop summary's text: the balance cost, firms counted by meetings, and the idle-gap lines. */
import type { Schedule } from "@roadshow/core";
import { describe, expect, it } from "vitest";
import { balanceCostPercent, firmsByMeetings, formatSummary } from "../../src/text/summary.js";

/** A schedule with the figures the summary reads; the rest as an empty stop would have it. */
function schedule(over: { score: number; bound: number; unbalanced?: number; status?: Schedule["status"]; firms?: readonly string[]; registered?: number }): Schedule {
  const levels = { musts: 0, served: 0, balance: 0, score: over.score };
  return {
    status: over.status ?? "optimal",
    stop: { id: "S1", city: "Bergamo", date: "2026-05-20", sector: "mechanics", start: 840, end: 1080, slotMinutes: 20, gapMinutes: 0, breaks: [], timezone: "Europe/Rome" },
    slots: [],
    tables: [],
    meetings: (over.firms ?? []).map((firmId, i) => ({ firmId, delegationId: `D${i}`, slot: 1, table: 1, score: 1 })) as unknown as Schedule["meetings"],
    unmatched: [],
    stats: {
      levels,
      bounds: { ...levels, score: over.bound },
      optimal: over.status === undefined || over.status === "optimal",
      gapPercent: (100 * (over.bound - over.score)) / over.bound,
      elapsedMs: 12,
      requestedMusts: 0,
      registeredFirms: over.registered ?? 0,
      servedFirms: new Set(over.firms ?? []).size,
      gaps: { firms: 3, firmIdleSlots: 5, delegations: 1, delegationIdleSlots: 2 },
      ...(over.unbalanced !== undefined && { unbalancedScore: over.unbalanced }),
    },
  } as Schedule;
}

describe("summary", () => {
  it("balance costs what the balanced optimum loses against the unbalanced one", () => {
    expect(balanceCostPercent(schedule({ score: 90, bound: 90, unbalanced: 100 }))).toBeCloseTo(10);
    // Under windows the agenda may sit below its bound: that gap is the search's, not balance's.
    expect(balanceCostPercent(schedule({ score: 85, bound: 90, unbalanced: 90, status: "feasible" }))).toBe(0);
    expect(balanceCostPercent(schedule({ score: 90, bound: 90 }))).toBeNull();
  });

  it("counts firms by meetings, registered firms without any first, and prints the gaps and the balance cost", () => {
    const s = schedule({ score: 90, bound: 90, unbalanced: 100, firms: ["A", "A", "B", "C", "C", "C"], registered: 5 });
    expect(firmsByMeetings(s)).toBe("0 × 2, 1 × 1, 2 × 1, 3 × 1");
    const text = formatSummary(s, "en", false);
    expect(text).toContain("Firms by number of meetings: 0 × 2, 1 × 1, 2 × 1, 3 × 1\n");
    expect(text).toContain("Balance costs 10% of the score (best score without balance: 100)\n");
    expect(text).toContain("Idle gaps between meetings: firms 3 (5 free slots), delegations 1 (2)\n");
    expect(formatSummary(schedule({ score: 90, bound: 90 }), "en", false)).not.toContain("Balance costs");
  });
});
