// ATECO codes in firms.csv: mapped sectors shown in the why text, unmapped codes warned once per firm.
import { describe, expect, it } from "vitest";
import { scorePairs } from "@roadshow/core";
import { atecoWarnings } from "../src/read/ateco-warnings.js";
import { parseDataSet } from "../src/read/index.js";
import { whyText } from "../src/text/why.js";
import { csv, file, firmRow, validRows } from "./read/builders.js";

/** The small valid data set with these firms instead of its own. */
function dataWith(...firms: Record<string, string>[]) {
  const rows = validRows();
  const { data, issues } = parseDataSet({
    stops: file("stops.csv", csv(rows.stops)),
    delegations: file("delegations.csv", csv(rows.delegations)),
    firms: file("firms.csv", csv(firms)),
  });
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  return data!;
}

describe("ATECO in firms.csv", () => {
  it("gives a firm without sectors the mapped ones, shown in its why text", () => {
    const data = dataWith(firmRow({ sectors: "", ateco: "C28.41", targets: "", markets: "" }));
    const stop = data.stops.find((s) => s.id === "BG-2026-03")!;
    const instance = { stop, delegations: data.delegations, firms: data.firms, requests: [], scores: null, history: [] };
    const de = scorePairs(instance).find((p) => p.delegation.id === "DE-CG")!;
    expect(whyText(de.affinity.parts, "en")).toBe("sector: mechanics = stop sector (+40); sector: mechanics = delegation priority (+20)");
    expect(whyText(de.affinity.parts, "it")).toBe("settore: meccanica = settore della tappa (+40); settore: meccanica = priorità della delegazione (+20)");
    expect(atecoWarnings(data)).toEqual([]);
  });

  it("warns once per firm and code that maps to no sector, naming the firm", () => {
    const data = dataWith(
      firmRow({ firm_id: "F0001", sectors: "mechanics", ateco: "28.41|56.10" }),
      firmRow({ firm_id: "F0002", sectors: "", ateco: "I56|56.10|56.10" }),
    );
    const warnings = atecoWarnings(data);
    expect(warnings.map((w) => [w.severity, w.code, w.file, w.column, w.value])).toEqual([
      ["warning", "unknown-ateco", "firms.csv", "ateco", "56.10"],
      ["warning", "unknown-ateco", "firms.csv", "ateco", "I56"],
      ["warning", "unknown-ateco", "firms.csv", "ateco", "56.10"],
    ]);
    expect(warnings[0]!.message).toBe("firm F0001: ATECO 56.10 maps to no roadshow sector");
    expect(warnings[1]!.message).toContain("firm F0002");
    expect(warnings[1]!.message).toContain("the firm has no sector");
    expect(warnings[1]!.hint).toContain("28.4");
  });
});
