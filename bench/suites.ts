/** The generated stops `bench:quality` and `bench:anytime` measure: a suite is a family, its windows and its seeds. */
import type { FamilyName, GenerateOptions } from "../oracle/generate.js";

export interface Suite {
  readonly name: string;
  readonly title: string;
  readonly family: FamilyName;
  readonly options: GenerateOptions;
  readonly seeds: readonly number[];
}

/** `"1-4"` → [1, 2, 3, 4]; `"3"` → [3]. */
export const range = (text: string): number[] => {
  const [from, to] = text.split("-").map(Number);
  return Array.from({ length: (to ?? from!) - from! + 1 }, (_, i) => from! + i);
};

/** The suites, each with its default seeds unless `seeds` (a range) is given. */
export function suites(seeds: string | undefined, defaults: Readonly<Record<string, string>> = {}): readonly Suite[] {
  const of = (name: string, fallback: string): number[] => range(seeds ?? defaults[name] ?? fallback);
  return [
    { name: "bench", title: "Benchmark L (≈30 % of participants with broad windows)", family: "L", options: {}, seeds: of("bench", "1-7") },
    { name: "narrow", title: "M with narrow windows (80 % of firms, 40 % of delegations)", family: "M", options: { narrowWindows: 0.8 }, seeds: of("narrow", "1-8") },
    { name: "broadM", title: "M with the family's broad windows (≈30 % of participants)", family: "M", options: {}, seeds: of("broadM", "1-8") },
    { name: "narrowL", title: "L with narrow windows (80 % of firms, 40 % of delegations)", family: "L", options: { narrowWindows: 0.8 }, seeds: of("narrowL", "1-4") },
    { name: "xl", title: "XL with the family's broad windows (≈30 % of participants)", family: "XL", options: {}, seeds: of("xl", "1") },
    { name: "narrowXL", title: "XL with narrow windows (80 % of firms, 40 % of delegations)", family: "XL", options: { narrowWindows: 0.8 }, seeds: of("narrowXL", "1") },
  ];
}

/** The suites named in a comma-separated list, in its order. */
export function chooseSuites(all: readonly Suite[], names: string): Suite[] {
  return names.split(",").map((name) => {
    const suite = all.find((s) => s.name === name.trim());
    if (!suite) throw new Error(`unknown suite ${name}: use ${all.map((s) => s.name).join(", ")}`);
    return suite;
  });
}
