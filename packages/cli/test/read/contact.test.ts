/** The contact columns: lang, email, contact_name, website, city, and the stops' title, venue, address. */
import { describe, expect, it } from "vitest";
import { parseEmail, parseLang, parseWebsite, websiteUrl } from "../../src/read/contact.js";
import { parseDataSet } from "../../src/read/index.js";
import { dataFiles, delegationRow, firmRow, stopRow, validRows } from "./builders.js";

const value = <T>(r: { ok: boolean; value?: T }) => (r.ok ? r.value : undefined);

describe("parseLang", () => {
  it("canonicalises tags ICU knows", () => {
    expect(value(parseLang("IT"))).toBe("it");
    expect(value(parseLang("pt_br"))).toBe("pt-BR");
    expect(value(parseLang("en-US"))).toBe("en-US");
  });
  it("maps language names with a warning", () => {
    const r = parseLang("italiano");
    expect(r.ok && r.value).toBe("it");
    expect(r.warnings.map((w) => w.code)).toEqual(["lang-alias"]);
  });
  it("says when texts fall back to English", () => {
    const r = parseLang("de");
    expect(r.ok && r.value).toBe("de");
    expect(r.warnings.map((w) => w.code)).toEqual(["lang-texts-in-english"]);
    expect(parseLang("it-CH").warnings).toEqual([]);
  });
  it("rejects what is not a language", () => {
    for (const raw of ["xx", "english please", "12", "i"]) expect(parseLang(raw).ok, raw).toBe(false);
  });
});

describe("parseEmail", () => {
  it("accepts addresses", () => {
    for (const raw of ["a@b.it", "mario.rossi+roadshow@orobica.example.com", "consul@état.fr", "o'neil@x.co.uk"]) {
      expect(parseEmail(raw).ok, raw).toBe(true);
    }
  });
  it("rejects what is not one address, saying why and how to fix it", () => {
    const cases: [string, RegExp][] = [
      ["mario.rossi", /no @/],
      ["mario@orobica", /domain/],
      ["mario@@orobica.it", /before @|after @/],
      ["a@b.it; c@d.it", /more than one/],
      ["a@b.it c@d.it", /more than one/],
      [".mario@orobica.it", /before @/],
      ["mario@orobica..it", /after @/],
      ["mario@orobica.1t", /after @/],
    ];
    for (const [raw, why] of cases) {
      const r = parseEmail(raw);
      expect(r.ok, raw).toBe(false);
      if (!r.ok) expect(r.errors[0]!.message.en, raw).toMatch(why);
    }
    const named = parseEmail("Mario Rossi <mario@orobica.it>");
    expect(!named.ok && named.errors[0]!.hint.en).toBe("write mario@orobica.it");
    const mailto = parseEmail("mailto:mario@orobica.it");
    expect(!mailto.ok && mailto.errors[0]!.hint.en).toBe("write mario@orobica.it");
  });
});

describe("parseWebsite", () => {
  it("accepts bare hosts and http(s) addresses", () => {
    for (const raw of ["www.orobica.it", "orobica.it/en", "https://www.orobica.it", "HTTP://orobica.it"]) expect(parseWebsite(raw).ok, raw).toBe(true);
    expect(websiteUrl("www.orobica.it")).toBe("https://www.orobica.it");
    expect(websiteUrl("http://orobica.it")).toBe("http://orobica.it");
  });
  it("rejects what is not one", () => {
    for (const raw of ["orobica", "www orobica it", "mario@orobica.it", "ftp:orobica.it"]) expect(parseWebsite(raw).ok, raw).toBe(false);
  });
});

describe("reading the columns", () => {
  const rows = validRows();
  it("fills the optional fields, only when given", () => {
    const { data, issues } = parseDataSet(
      dataFiles({
        stops: [stopRow({ title: "Roadshow Lombardia", venue: "Kilometro Rosso", address: "Via Stezzano 87, Bergamo" }), rows.stops[1]!],
        delegations: [delegationRow({ lang: "en", email: "trade@us.example", contact_name: "Jane Doe" }), rows.delegations[1]!],
        firms: [firmRow({ lang: "it", email: "mario@orobica.it", contact_name: "Mario Rossi", city: "Bergamo", website: "www.orobica.it" }), ...rows.firms.slice(1)],
      }),
    );
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(data!.stops.find((s) => s.id === "BG-2026-03")).toMatchObject({ title: "Roadshow Lombardia", venue: "Kilometro Rosso", address: "Via Stezzano 87, Bergamo" });
    expect(data!.stops.find((s) => s.id !== "BG-2026-03")).not.toHaveProperty("venue");
    expect(data!.delegations.find((d) => d.id === "US-CG")).toMatchObject({ lang: "en", email: "trade@us.example", contactName: "Jane Doe" });
    expect(data!.firms.find((f) => f.id === "F0001")).toMatchObject({ lang: "it", email: "mario@orobica.it", contactName: "Mario Rossi", city: "Bergamo", website: "www.orobica.it" });
    expect(data!.firms.find((f) => f.id === "F0002")).not.toHaveProperty("email");
    expect(data!.firms.find((f) => f.id === "F0002")).not.toHaveProperty("lang");
  });
  it("locates a bad email with file, line, column and value", () => {
    const { data, issues } = parseDataSet(dataFiles({ firms: [...rows.firms.slice(0, 2), firmRow({ ...rows.firms[2], email: "tessiture.unite.it" })] }));
    expect(data).toBeNull();
    expect(issues).toContainEqual(expect.objectContaining({ code: "bad-email", file: "firms.csv", line: 4, column: "email", value: "tessiture.unite.it" }));
  });
});
