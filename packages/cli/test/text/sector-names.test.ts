// The known sectors' names come from the catalogues, not the core: one in every language for every known sector, shown in the reader's language, and a name in any language read back as its slug (sector-alias).
import { KNOWN_SECTORS } from "@roadshow/core";
import { describe, expect, it } from "vitest";
import { parseSector } from "../../src/read/sectors.js";
import { ownTemplate, sectorName, TEXT_LANGS } from "../../src/text/i18n.js";

describe("the sectors' names", () => {
  it("has every known sector in every language", () => {
    for (const code of KNOWN_SECTORS) for (const lang of TEXT_LANGS) expect(ownTemplate(lang, `sector.${code}`), `${lang} ${code}`).toBeTruthy();
  });

  it("shows a known sector in the reader's language, any other as its slug", () => {
    expect(sectorName("mechanics", "en")).toBe("Mechanics");
    expect(sectorName("mechanics", "it")).toBe("Meccanica");
    expect(sectorName("advanced-manufacturing", "it")).toBe("Manifattura avanzata");
    expect(sectorName("advanced-manufacturing", "de")).toBe("Advanced manufacturing");
    expect(sectorName("green-tech", "it")).toBe("green-tech");
  });

  it("reads a name in any language as its slug, with a sector-alias warning", () => {
    for (const lang of TEXT_LANGS) {
      for (const code of KNOWN_SECTORS) {
        const read = parseSector(sectorName(code, lang));
        expect(read, `${lang} ${code}`).toMatchObject({ ok: true, value: code });
        // A name that is the slug but for case and spaces is read silently; any other warns.
        if (sectorName(code, lang).toLowerCase().replaceAll(" ", "-") !== code) expect(JSON.stringify(read)).toContain("sector-alias");
      }
    }
    expect(JSON.stringify(parseSector("robots"))).toContain("unknown-sector");
  });
});
