// Every catalogue of text/catalogues/, parsed by the ICU MessageFormat parser: the same keys as English, the same arguments with the same kinds, every key used by the code and every key the code names in the catalogue; the language list is the folder.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, test } from "vitest";
import { CATALOGUE_FILE } from "../../src/text/catalogue-files.js";
import { MESSAGE_KEYS, ownTemplate, TEXT_LANGS, t, template, type MessageKey } from "../../src/text/i18n.js";

/** Each argument of a message with the kinds it is used as (`count: plural,argument`), and each select's options. */
function signature(source: string): Record<string, string> {
  const kinds = new Map<string, Set<string>>();
  const walk = (elements: readonly MessageFormatElement[]): void => {
    for (const e of elements) {
      if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
      if (e.type === TYPE.tag) {
        walk(e.children);
        continue;
      }
      const set = kinds.get(e.value) ?? new Set<string>();
      kinds.set(e.value, set);
      set.add(TYPE[e.type]);
      if (e.type === TYPE.select) {
        // A select's options are data (a severity, a kind): the same in every language.
        set.add(`select(${Object.keys(e.options).sort().join("|")})`);
        for (const option of Object.values(e.options)) walk(option.value);
      }
      if (e.type === TYPE.plural) for (const option of Object.values(e.options)) walk(option.value);
    }
  };
  walk(parse(source, { ignoreTag: true }));
  return Object.fromEntries([...kinds].sort(([a], [b]) => a.localeCompare(b)).map(([name, set]) => [name, [...set].sort().join(",")]));
}

const SRC = path.resolve(import.meta.dirname, "../../src");
const WEB = path.resolve(import.meta.dirname, "../../studio-web/src");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return /\.tsx?$/.test(entry.name) && path.basename(dir) !== "catalogues" ? [readFileSync(file, "utf8")] : [];
  });
}

const code = sources(SRC).join("\n");
// The studio page names its texts without the `studio.` prefix (`t("grid.broken")`; the desk mode without `studio.desk.`),
// typed by the catalogue's keys; its keys built from data (`studio.rule.${code}`, `reason.${why}`) by their fixed part.
const page = sources(WEB).join("\n");
const pageNamed = new Set([...page.matchAll(/["'`]([\w.-]+)["'`]/g)].map((m) => m[1]!));
const pagePrefixes = [...page.matchAll(/`([\w.-]+\.)\$\{/g)].map((m) => m[1]!);
const usedByPage = (key: string): boolean => {
  if (!key.startsWith("studio.")) return false;
  const names = [key.slice("studio.".length), ...(key.startsWith("studio.desk.") ? [key.slice("studio.desk.".length)] : [])];
  return names.some((n) => pageNamed.has(n) || pagePrefixes.some((p) => n.startsWith(p) || key.startsWith(p)));
};
const NAMESPACES = new Set(MESSAGE_KEYS.map((k) => k.split(".")[0]!));
/** Keys the code names whole: every string literal that starts with a catalogue namespace and is not a file name. */
const named = [...code.matchAll(/["'`]([a-z][\w-]*(?:\.[\w-]+)+)["'`]/g)].map((m) => m[1]!);
const used = new Set(named);
const literals = new Set(named.filter((s) => NAMESPACES.has(s.split(".")[0]!) && !/\.(csv|html|ics|eml|json|xlsx|txt|js|ts|css)$/.test(s)));
/** Keys the code builds from data: the fixed part of `` `violation.${code}` ``. */
const prefixes = [...code.matchAll(/`([a-z][\w-]*(?:\.[\w-]+)*\.)\$\{/g)].map((m) => m[1]!).filter((p) => NAMESPACES.has(p.split(".")[0]!));

describe("the catalogues", () => {
  test("the languages are the files of text/catalogues/, English last", () => {
    const files = readdirSync(path.join(SRC, "text/catalogues")).flatMap((f) => CATALOGUE_FILE.exec(f)?.[1] ?? []);
    expect([...TEXT_LANGS].sort()).toEqual([...files].sort());
    expect(TEXT_LANGS).toEqual([...files.filter((l) => l !== "en").sort(), "en"]);
    expect(TEXT_LANGS).toContain("it");
  });

  test("every language has every key of its own (none falls back to English) and no other, each a message the ICU parser reads", async () => {
    for (const lang of TEXT_LANGS) {
      const own = (await import(path.join(SRC, `text/catalogues/${lang}.ts`)) as { default: Record<string, unknown> }).default;
      expect(Object.keys(own).filter((k) => !(MESSAGE_KEYS as readonly string[]).includes(k)), `${lang}: keys English does not have`).toEqual([]);
      for (const key of MESSAGE_KEYS) {
        const source = ownTemplate(lang, key);
        expect(typeof source, `${lang} ${key}`).toBe("string");
        if (template("en", key) !== "") expect(source, `${lang} ${key}`).not.toBe("");
        expect(() => parse(source!, { ignoreTag: true }), `${lang} ${key}: ${source}`).not.toThrow();
      }
    }
  });

  test("every language uses the same arguments as English, each as the same kind (plain, plural, select with the same options)", () => {
    const differing: string[] = [];
    for (const key of MESSAGE_KEYS) {
      const english = JSON.stringify(signature(template("en", key)));
      for (const lang of TEXT_LANGS) {
        const other = JSON.stringify(signature(template(lang, key)));
        if (other !== english) differing.push(`${lang} ${key}: ${other} ≠ en ${english}`);
      }
    }
    expect(differing).toEqual([]);
  });

  test("the check sees a missing argument, a plural said as plain text and a select's other options", () => {
    expect(signature("{count} meetings")).not.toEqual(signature("{count, plural, one {# meeting} other {# meetings}}"));
    expect(signature("a {x} b {y}")).not.toEqual(signature("a {x} b"));
    expect(signature("{k, select, firm {a} other {b}}")).not.toEqual(signature("{k, select, delegation {a} other {b}}"));
    expect(signature("{n, plural, one {un altro} other {altri {n}}}")).toEqual(signature("{n} {n, plural, one {more} other {more}}"));
  });

  test("every key is used by the code, and every key the code names is in the catalogue", () => {
    const unused = MESSAGE_KEYS.filter((key) => !used.has(key) && !prefixes.some((p) => key.startsWith(p)) && !usedByPage(key));
    expect(unused).toEqual([]);
    const known = new Set<string>(MESSAGE_KEYS);
    const missing = [...literals].filter((key) => !known.has(key) && !prefixes.some((p) => key.startsWith(p)) && !MESSAGE_KEYS.some((k) => k.startsWith(`${key}.`)));
    expect(missing).toEqual([]);
  });

  test("plurals are the language's: one and other in English and Italian", () => {
    expect(t("en", "issues.count", { errors: 1, warnings: 2 })).toBe("1 error, 2 warnings");
    expect(t("it", "issues.count", { errors: 1, warnings: 0 })).toBe("1 errore, 0 avvisi");
    expect(t("en", "issues.more", { n: 1, code: "bad-time", severity: "error", file: "a.csv" })).toBe("… and 1 more bad-time error in a.csv");
    expect(t("it", "issues.more", { n: 3, code: "bad-time", severity: "warning", file: "a.csv" })).toBe("… e altri 3 avvisi bad-time in a.csv");
    expect(t("it", "issues.more", { n: 1, code: "bad-time", severity: "error", file: "a.csv" })).toBe("… e un altro errore bad-time in a.csv");
    expect(t("en", "studio.grid.broken", { n: 1 })).toBe("1 rule broken");
    expect(t("it", "studio.save.exists", { n: 2, folder: "out" })).toBe("2 file esistono già in out:");
  });

  test("a value ending a sentence with its own full stop takes no second one", () => {
    const key = MESSAGE_KEYS.find((k) => /\{(\w+)\}\.$/.test(template("en", k)) && !/plural|select/.test(template("en", k))) as MessageKey;
    const name = /\{(\w+)\}\.$/.exec(template("en", key))![1]!;
    const params = Object.fromEntries(Object.keys(signature(template("en", key))).map((n) => [n, n === name ? "Rossi S.r.l." : "x"]));
    expect(t("en", key, params as never)).toMatch(/Rossi S\.r\.l\.$/);
  });

});
