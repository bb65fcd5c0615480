// The why and explain texts: score parts and reasons in both languages, with every placeholder filled.
import { describe, expect, it } from "vitest";
import { buildSlots, EXPLAIN_REASONS } from "@roadshow/core";
import type { Affinity, PairExplanation, PreferredPriority, ScorePart, ScorePartCode } from "@roadshow/core";
import { MESSAGE_KEYS, template, type Lang } from "../../src/text/i18n.js";
import { partText, preferredText, reasonText, whyText } from "../../src/text/why.js";
import { makeDelegation, makeStop } from "../write/fixture.js";

const LANGS: readonly Lang[] = ["en", "it"];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** One example per part code (both variants of the sector parts). */
const PARTS: Readonly<Record<ScorePartCode, readonly ScorePart[]>> = {
  "stop-sector": [
    { code: "stop-sector", points: 40, sector: "aerospace", primary: true },
    { code: "stop-sector", points: 20, sector: "aerospace", primary: false },
  ],
  "delegation-sector": [
    { code: "delegation-sector", points: 20, sector: "ai", primary: true },
    { code: "delegation-sector", points: 10, sector: "ai", primary: false },
  ],
  target: [{ code: "target", points: 19.2, country: "US", rank: 3 }],
  market: [{ code: "market", points: 10, country: "FR" }],
  must: [{ code: "must", points: 10, country: "DE" }],
  external: [{ code: "external", points: 42.5 }],
  season: [{ code: "season", points: 15 }],
};

describe("why texts", () => {
  it("read as the issue asks, with country names and sector labels in each language", () => {
    const parts: ScorePart[] = [
      { code: "stop-sector", points: 40, sector: "aerospace", primary: true },
      { code: "target", points: 30, country: "US", rank: 1 },
      { code: "market", points: 10, country: "FR" },
    ];
    expect(whyText(parts, "en")).toBe("sector: aerospace = stop sector (+40); target #1 United States (+30); already exports to France (+10)");
    expect(whyText(parts, "it")).toBe(
      "settore: aerospazio = settore della tappa (+40); obiettivo n. 1 Stati Uniti (+30); mercato già servito: Francia (+10)",
    );
    expect(whyText([], "en")).toBe("no sector fit and no interest in this country");
    expect(partText({ code: "target", points: 19.2, country: "CA", rank: 3 }, "it")).toBe("obiettivo n. 3 Canada (+19,2)");
    expect(partText({ code: "stop-sector", points: 40, sector: "new-sector", primary: true }, "en")).toBe("sector: new-sector = stop sector (+40)");
  });

  it("render every part code in both languages, differently, with no placeholder left", () => {
    for (const [code, parts] of Object.entries(PARTS)) {
      for (const part of parts) {
        const [en, it] = LANGS.map((lang) => partText(part, lang));
        expect(en, code).not.toBe(it);
        for (const text of [en!, it!]) {
          expect(text, code).not.toMatch(/[{}]|undefined/);
          expect(text, code).toMatch(/\(\+\d+([.,]\d+)?\)$/);
        }
      }
    }
  });
});

describe("explanation texts", () => {
  const stop = makeStop();
  const slots = buildSlots(stop);
  const affinity: Affinity = { firmId: "F1", delegationId: "US-CG", score: 64, parts: [{ code: "target", points: 24, country: "US", rank: 2 }] };
  const pair = (over: Partial<PairExplanation>): PairExplanation => ({
    delegation: makeDelegation("US-CG", "US"),
    affinity,
    reason: "scheduled",
    meeting: null,
    commonSlots: [1, 2, 3],
    firmBusySlots: [1],
    delegationBusySlots: [2, 3],
    capReached: false,
    preferred: null,
    ...over,
  });
  const meeting = { slot: 2, table: 3, delegationId: "US-CG", firmId: "F2", score: 50, parts: [] };

  it("render every reason code in both languages", () => {
    const variants = EXPLAIN_REASONS.flatMap((reason) =>
      reason === "scheduled" ? [pair({ reason, meeting: { ...meeting, firmId: "F1" } })]
      : reason === "firm-full" ? [pair({ reason, capReached: true }), pair({ reason, firmBusySlots: [1, 2, 3] })]
      : [pair({ reason })],
    );
    const seen = new Map<string, string>();
    for (const p of variants) {
      const [en, it] = LANGS.map((lang) => reasonText(p, slots, 4, lang));
      expect(en, p.reason).not.toBe(it);
      for (const text of [en!, it!]) {
        expect(text, p.reason).not.toMatch(/[{}]|undefined/);
        expect(seen.has(text), `${p.reason} reads like another reason: ${text}`).toBe(false);
        seen.set(text, p.reason);
      }
    }
    expect(reasonText(variants[0]!, slots, 4, "en")).toBe("scheduled: slot 2, 14:20-14:40, table 3");
    expect(reasonText(pair({ reason: "firm-full", capReached: true }), slots, 4, "it")).toBe("non in agenda: l'impresa ha raggiunto il massimo di 4 incontri");
    expect(reasonText(pair({ reason: "not-reached", firmBusySlots: [], delegationBusySlots: [] }), slots, null, "en")).toContain("slot 1 (14:00)");
  });

  it("render every priority of a preferred meeting in both languages, naming the score", () => {
    const priorities: readonly PreferredPriority[] = ["must", "min-meetings", "higher-score", "total"];
    for (const priority of priorities) {
      for (const k of [1, 2]) {
        const p = pair({ reason: "delegation-full", preferred: { meeting, priority } });
        const [en, it] = LANGS.map((lang) => preferredText(p, "F1", k, lang)!);
        expect(en, priority).not.toBe(it);
        expect(en).toContain("lowest score preferred: 50 (F2 with US-CG");
        expect(it).toContain("punteggio più basso preferito: 50 (F2 con US-CG");
      }
    }
    const own = pair({ reason: "firm-full", preferred: { meeting: { ...meeting, firmId: "F1", delegationId: "DE-AHK", score: 90 }, priority: "higher-score" } });
    expect(preferredText(own, "F1", 1, "en")).toBe("lowest score preferred: 90 (its meeting with DE-AHK; this pair: 64)");
    expect(preferredText(pair({}), "F1", 1, "en")).toBeNull();
  });

  it("keep the two catalogues' new keys aligned", () => {
    for (const key of MESSAGE_KEYS.filter((k) => k.startsWith("why.") || k.startsWith("explain."))) {
      expect(placeholders(template("it", key)), key).toEqual(placeholders(template("en", key)));
      expect(template("it", key), key).not.toBe(template("en", key));
    }
  });
});
