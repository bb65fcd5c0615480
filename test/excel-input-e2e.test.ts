/**
 * An Italian-Excel export of the example (`;`, CRLF, and a BOM or Windows-1252)
 * schedules exactly like the UTF-8 original. Needs the built CLI (`pnpm test` builds it).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "packages/cli/dist/bin.js");
const EXAMPLE = path.join(ROOT, "examples/lombardia-2026");
const STOP = "BS-2026-02";
const work = mkdtempSync(path.join(tmpdir(), "roadshow-excel-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The example re-saved the way Italian Excel saves CSV. */
function excelCopy(name: string, encode: (text: string) => Buffer): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  for (const file of readdirSync(EXAMPLE).filter((f) => f.endsWith(".csv"))) {
    const rows = parse(readFileSync(path.join(EXAMPLE, file)), { bom: true }) as string[][];
    writeFileSync(path.join(dir, file), encode(stringify(rows, { delimiter: ";", record_delimiter: "\r\n" })));
  }
  return dir;
}

const schedule = (dataDir: string, out: string) =>
  spawnSync(process.execPath, [BIN, "schedule", dataDir, "--stop", STOP, "--out", out], { encoding: "utf8", env: { ...process.env, LANG: "en_GB.UTF-8" } });

describe("Italian Excel exports of the inputs", () => {
  const original = path.join(work, "out-original");
  it("schedules the UTF-8 original", () => {
    expect(schedule(EXAMPLE, original).status).toBe(0);
  });

  for (const [name, encode] of [
    ["utf8-bom", (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, "utf8")])],
    ["windows-1252", (t: string) => Buffer.from(t, "latin1")],
  ] as const) {
    it(`gives the same agenda from ${name}, ';' and CRLF`, () => {
      const out = path.join(work, `out-${name}`);
      const r = schedule(excelCopy(name, encode), out);
      expect(r.status).toBe(0);
      for (const file of ["agenda.csv", "unmatched.csv", "agendas.html"]) {
        expect(readFileSync(path.join(out, file), "utf8")).toBe(readFileSync(path.join(original, file), "utf8"));
      }
    });
  }
});
