// parseDataSet on mutated data (seeded fuzz): never throws, deterministic, data or at least one located error.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES } from "../../src/issues.js";
import { parseDataSet } from "../../src/read/index.js";
import { apply, mutation, WHOLE_FILE } from "./mutate.js";

describe("parseDataSet on mutated data (fuzz)", () => {
  it("never throws; returns data, or at least one located error", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        const files = apply(mutations);
        const { data, issues } = parseDataSet(files);
        const errors = issues.filter((i) => i.severity === "error");

        for (const i of issues) {
          expect(Object.keys(ISSUE_CODES)).toContain(i.code);
          expect(i.file).toMatch(/\.csv$/);
          expect(i.message).not.toBe("");
          expect(i.hint).not.toBe("");
          if (i.line === null) expect(i.column === null || ["missing-column", "duplicate-column"].includes(i.code)).toBe(true);
          else expect(i.line).toBeGreaterThanOrEqual(1);
        }
        if (data === null) {
          expect(errors.length).toBeGreaterThan(0);
          expect(errors.some((e) => e.line !== null || WHOLE_FILE.has(e.code))).toBe(true);
        } else {
          expect(errors).toEqual([]);
          for (const f of data.firms) expect(f.stops.every((s) => data.stops.some((st) => st.id === s))).toBe(true);
        }
      }),
      { seed: 42, numRuns: 400 },
    );
  });

  it("is deterministic: the same bytes give the same answer", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const files = apply(mutations);
        expect(parseDataSet(files)).toEqual(parseDataSet(files));
      }),
      { seed: 7, numRuns: 50 },
    );
  });
});
