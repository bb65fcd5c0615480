// The catalogue in use: every reason named, parameters filled, numbers, dates and countries by language.
import { describe, expect, test } from "vitest";
import type { UnmatchedReason } from "@roadshow/core";
import { MESSAGE_KEYS, countryName, defaultLang, formatDate, formatNumber, t } from "../../src/text/i18n.js";

describe("i18n", () => {
  test("every unmatched reason of the core has a text in both languages", () => {
    const reasons: readonly UnmatchedReason[] = ["not-present", "no-eligible-delegation", "capacity", "avoided", "met-before", "max-meetings"];
    for (const r of reasons) {
      expect(MESSAGE_KEYS).toContain(`reason.${r}`);
      expect(t("it", `reason.${r}`)).not.toBe(t("en", `reason.${r}`));
    }
  });

  test("t fills parameters", () => {
    expect(t("it", "table.n", { n: 3 })).toBe("Tavolo 3");
    expect(t("en", "summary.served", { served: 4, registered: 6 })).toBe("Firms with at least one meeting: 4 of 6");
  });

  test("defaultLang follows LANG", () => {
    expect(defaultLang("it_IT.UTF-8")).toBe("it");
    expect(defaultLang("IT")).toBe("it");
    expect(defaultLang("en_GB.UTF-8")).toBe("en");
    expect(defaultLang("C")).toBe("en");
    expect(defaultLang(undefined)).toBe("en");
  });

  test("countries from ICU, dates and numbers in the language's convention", () => {
    expect(countryName("de", "it")).toBe("Germania");
    expect(countryName("AE", "en")).toBe("United Arab Emirates");
    expect(countryName("ZZ9", "en")).toBe("ZZ9");
    expect(formatDate("2026-10-25", "Europe/Rome", "it")).toBe("domenica 25 ottobre 2026");
    expect(formatNumber(1234.56, "it")).toBe("1234,6");
    expect(formatNumber(12345.5, "en")).toBe("12,345.5");
  });
});
