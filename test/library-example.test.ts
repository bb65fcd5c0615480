/**
 * examples/library.ts, the README's library example, runs as documented
 * (`npx tsx examples/library.ts`, against the built packages) and does what it
 * says. Needs `pnpm build` first (`pnpm test` builds).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const work = mkdtempSync(path.join(tmpdir(), "roadshow-library-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("examples/library.ts", () => {
  it("reads, plans, verifies, reviews an edit, refuses an invalid instance and writes the files", () => {
    const out = path.join(work, "out");
    const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
    const r = spawnSync(process.execPath, [tsx, "examples/library.ts", "examples/lombardia-2026", "BS-2026-02", out], { cwd: ROOT, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^BS-2026-02: optimal, \d+ meetings, score [\d.]+, gap 0%$/m);
    expect(r.stdout).toContain("violations: 0");
    expect(r.stdout).toContain("table-clash");
    expect(r.stdout).toContain('stop.timezone: bad-timezone "Mars/Base"');
    expect(r.stdout).toContain('"Mars/Base" non è un fuso orario IANA');
    expect(r.stdout).toContain("planStop refused: [ 'bad-timezone' ]");
    expect(r.stdout).toMatch(/wrote \d+ files/);
    for (const f of ["agenda.csv", "unmatched.csv", "agendas.html", "grid.html", "summary.html"]) expect(existsSync(path.join(out, f)), f).toBe(true);
  });
});

describe("the README's library example", () => {
  it("runs as written", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("\n## Library\n"));
    const code = /```js\n([\s\S]*?)```/.exec(section)?.[1];
    expect(code, "a js block under ## Library").toBeDefined();
    const out = path.join(work, "readme-out");
    // Resolved from the repository's node_modules, like a file of the repository; paths made absolute.
    const dir = path.join(ROOT, "node_modules/.cache/roadshow-readme");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "library.mts");
    writeFileSync(file, `${code!.replaceAll('"examples/lombardia-2026"', JSON.stringify(path.join(ROOT, "examples/lombardia-2026"))).replaceAll('"out/BS-2026-02"', JSON.stringify(out))}\nconsole.log("done", schedule.meetings.length);\n`);
    const r = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), file], { cwd: work, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^done \d+$/m);
    expect(existsSync(path.join(out, "agenda.csv"))).toBe(true);
  });
});
