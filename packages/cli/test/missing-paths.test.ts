// A missing file or folder is reported with the full path tried, by every command and path option, in Italian as in English (text and JSON).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const EXAMPLE = path.relative(process.cwd(), path.resolve(import.meta.dirname, "../../../examples/lombardia-2026"));
const STOP = "BS-2026-02";
const ORGANIZER = "Eventi <eventi@example.it>";
/** Typed relative, so the full path tried is not the text typed. */
const MISSING = path.join("no-such-folder", "missing.csv");
const FULL = path.resolve(MISSING);

let work: string;
let agenda: string;
beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-missing-"));
  agenda = path.join(work, "planned", "agenda.csv");
  expect((await runCli("schedule", EXAMPLE, "--stop", STOP, "--out", path.dirname(agenda))).code).toBe(0);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const out = () => path.join(work, `out-${Math.random().toString(36).slice(2)}`);

/** Each command line naming a missing file (`MISSING`) where a path is read. */
const CASES: readonly (readonly [string, () => string[]])[] = [
  ["schedule --scores", () => ["schedule", EXAMPLE, "--stop", STOP, "--out", out(), "--scores", MISSING]],
  ["schedule --requests", () => ["schedule", EXAMPLE, "--stop", STOP, "--out", out(), "--requests", MISSING]],
  ["schedule --changes", () => ["schedule", EXAMPLE, "--stop", STOP, "--out", out(), "--changes", MISSING]],
  ["schedule --outcomes", () => ["schedule", EXAMPLE, "--stop", STOP, "--out", out(), "--outcomes", MISSING]],
  ["schedule --weights", () => ["schedule", EXAMPLE, "--stop", STOP, "--out", out(), "--weights", MISSING]],
  ["schedule --history", () => ["schedule", EXAMPLE, "--stop", STOP, "--out", out(), "--history", MISSING]],
  ["schedule --previous", () => ["schedule", EXAMPLE, "--stop", STOP, "--out", out(), "--previous", MISSING]],
  ["replan --previous", () => ["replan", EXAMPLE, "--stop", STOP, "--out", out(), "--previous", MISSING]],
  ["export <agenda>", () => ["export", MISSING, EXAMPLE, "--out", out()]],
  ["validate --agenda", () => ["validate", EXAMPLE, "--agenda", MISSING]],
  ["score --requests", () => ["score", EXAMPLE, "--stop", STOP, "--requests", MISSING]],
  ["explain --scores", () => ["explain", EXAMPLE, "--stop", STOP, "--firm", "F0045", "--scores", MISSING]],
  ["season --frozen", () => ["season", EXAMPLE, "--out", out(), "--frozen", MISSING, "--from", "BG-2026-03", "--no-compare"]],
  ["mail --agenda", () => ["mail", EXAMPLE, "--stop", STOP, "--agenda", MISSING, "--out", out(), "--organizer", ORGANIZER]],
  ["mail --changes", () => ["mail", EXAMPLE, "--stop", STOP, "--agenda", agenda, "--out", out(), "--organizer", ORGANIZER, "--changes", MISSING]],
];

describe("a missing file", () => {
  for (const lang of ["en", "it"] as const) {
    it.each(CASES)(`%s names the full path tried (--lang ${lang})`, async (_name, argv) => {
      const r = await runCli("--lang", lang, ...argv());
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr + r.stdout).toContain(FULL);
      if (lang === "it") expect(r.stderr).toMatch(/ non esiste \(percorso cercato: /);
    });
  }

  it("carries the path tried as data in --format json", async () => {
    const r = await runCli("--lang", "it", "--format", "json", "validate", EXAMPLE, "--agenda", MISSING);
    const issues = JSON.parse(r.stderr || r.stdout) as { code: string; path?: string }[];
    expect(issues).toContainEqual(expect.objectContaining({ code: "missing-file", path: FULL }));
  });
});

describe("a missing folder or a file missing from the data folder", () => {
  for (const lang of ["en", "it"] as const) {
    it(`names the full path tried for the data folder, for every command (--lang ${lang})`, async () => {
      const folder = path.join("no-such-folder", "data");
      for (const argv of [
        ["schedule", folder, "--stop", STOP, "--out", out()],
        ["validate", folder],
        ["season", folder, "--out", out()],
        ["studio", folder, "--no-open", "--port", "0"],
      ]) {
        const r = await runCli("--lang", lang, ...argv);
        expect(r.code, argv[0]).toBe(1);
        expect(r.stderr, argv[0]).toContain(path.resolve(folder));
      }
    });

    it(`names the full path tried for a required file missing from the folder (--lang ${lang})`, async () => {
      const r = await runCli("--lang", lang, "validate", work);
      expect(r.code).toBe(1);
      for (const file of ["stops.csv", "delegations.csv", "firms.csv"]) expect(r.stderr).toContain(`${file} ${lang === "it" ? "manca in" : "is missing from"} ${work}`);
      if (lang === "it") expect(r.stderr).toContain(`crea stops.csv`);
    });
  }
});
