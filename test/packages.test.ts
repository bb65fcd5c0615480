/**
 * The packages as npm would publish them: each tarball holds README.md, LICENSE,
 * package.json and the built dist, its manifest names a license and repository and
 * declares what its sources import; `pnpm pack`'s tarballs install with npm in an
 * empty folder outside the workspace, where `npx roadshow --help` and the README's
 * library block run. Needs `pnpm build` first (`pnpm test` builds).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
/** Every workspace package (core and cli today). */
const PACKAGES = readdirSync(path.join(ROOT, "packages"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

interface Packed {
  readonly name: string;
  readonly files: readonly { readonly path: string }[];
}

function pack(dir: string): Packed {
  const out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return (JSON.parse(out) as Packed[])[0]!;
}

it("finds the packages", () => expect(PACKAGES).toEqual(expect.arrayContaining(["cli", "core"])));

describe.each(PACKAGES)("@roadshow/%s as published", (name) => {
  const dir = path.join(ROOT, "packages", name);
  const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Record<string, unknown>;

  it("packs README.md, LICENSE, package.json and dist, and no sources or tests", () => {
    const packed = pack(dir);
    const files = packed.files.map((f) => f.path);
    expect(packed.name).toBe(`@roadshow/${name}`);
    for (const f of ["README.md", "LICENSE", "package.json", "dist/index.js", "dist/index.d.ts"]) expect(files).toContain(f);
    if (name === "cli") for (const f of ["bin/roadshow.js", "dist/bin.js", "dist/io.js", "dist/io.d.ts"]) expect(files).toContain(f);
    // The cli's one file outside dist/: the committed bin shim, linked at install before dist/ exists.
    expect(files.filter((f) => !["README.md", "LICENSE", "package.json", "bin/roadshow.js"].includes(f) && !f.startsWith("dist/"))).toEqual([]);
  });

  it("declares its license, repository, keywords and exports (./package.json included)", () => {
    expect(manifest.license).toBe("MIT");
    expect(manifest.repository).toMatchObject({ type: "git", directory: `packages/${name}` });
    expect((manifest.keywords as string[]).length).toBeGreaterThan(3);
    expect((manifest.exports as Record<string, unknown>)["./package.json"]).toBe("./package.json");
    expect(readFileSync(path.join(dir, "LICENSE"), "utf8")).toBe(readFileSync(path.join(ROOT, "LICENSE"), "utf8"));
  });

  it("declares as dependencies exactly the packages its sources import", () => {
    const declared = Object.keys((manifest.dependencies ?? {}) as Record<string, string>).sort();
    expect(importedPackages(path.join(dir, "src"))).toEqual(declared);
  });
});

/** The packages (not `node:` built-ins, not relative paths) imported by the `.ts` files under `dir`. */
function importedPackages(dir: string): string[] {
  const names = new Set<string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith(".ts")) continue;
    const text = readFileSync(path.join(e.parentPath, e.name), "utf8");
    for (const m of text.matchAll(/(?:^(?:import|export)\b[^;]*?\bfrom\s+|\bimport\()"([^".][^"]*)"/gms)) {
      const spec = m[1]!;
      if (spec.startsWith("node:")) continue;
      names.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
    }
  }
  return [...names].sort();
}

describe("the packed tarballs in an empty folder outside the workspace", () => {
  const work = mkdtempSync(path.join(tmpdir(), "roadshow-install-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const pnpm = (cwd: string, ...args: string[]): string =>
    execFileSync("npx", ["-y", "pnpm@10.34.9", ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const app = path.join(work, "app");

  it("pnpm pack gives tarballs whose manifests name versions, never workspace:", () => {
    for (const name of ["core", "cli"]) pnpm(path.join(ROOT, "packages", name), "pack", "--pack-destination", work);
    const tarballs = readdirSync(work).filter((f) => f.endsWith(".tgz")).sort();
    const version = (name: string): string => (JSON.parse(readFileSync(path.join(ROOT, "packages", name, "package.json"), "utf8")) as { version: string }).version;
    expect(tarballs).toEqual([`roadshow-cli-${version("cli")}.tgz`, `roadshow-core-${version("core")}.tgz`]);
    const cli = JSON.parse(execFileSync("tar", ["-xOzf", path.join(work, tarballs[0]!), "package/package.json"], { encoding: "utf8" })) as { dependencies: Record<string, string> };
    expect(cli.dependencies["@roadshow/core"]).toBe(version("core"));
    expect(JSON.stringify(cli)).not.toContain("workspace:");
  }, 120_000);

  it("npm installs them without a warning, and npx roadshow --help runs", () => {
    execFileSync("mkdir", [app]);
    writeFileSync(path.join(app, "package.json"), `${JSON.stringify({ name: "app", private: true, type: "module" }, null, 2)}\n`);
    const tarballs = readdirSync(work).filter((f) => f.endsWith(".tgz")).sort().reverse().map((f) => `../${f}`);
    const install = spawnSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...tarballs], { cwd: app, encoding: "utf8" });
    expect(install.stderr).not.toMatch(/WARN|Failed to create bin/);
    expect(install.status, install.stderr).toBe(0);
    const help = spawnSync("npx", ["--no-install", "roadshow", "--help"], { cwd: app, encoding: "utf8" });
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: roadshow /);
    expect(help.stdout).toContain("schedule [options] <data-dir>");
  }, 300_000);

  it("runs the README's library block as plain JavaScript", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const code = /```js\n([\s\S]*?)```/.exec(readme.slice(readme.indexOf("\n## Library\n")))?.[1];
    expect(code, "a js block under ## Library").toBeDefined();
    const out = path.join(work, "readme-out");
    const file = path.join(app, "library.mjs");
    writeFileSync(file, `${code!.replaceAll('"examples/lombardia-2026"', JSON.stringify(path.join(ROOT, "examples/lombardia-2026"))).replaceAll('"out/BS-2026-02"', JSON.stringify(out))}\nconsole.log("done", schedule.meetings.length, verifyAgenda(instance, schedule.meetings).length);\n`);
    const r = spawnSync(process.execPath, [file], { cwd: app, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^done [1-9]\d* 0$/m);
    expect(readFileSync(path.join(out, "agenda.csv"), "utf8")).toMatch(/^stop_id,date,slot,/);
  }, 120_000);
});

describe("roadshow --version", () => {
  it("prints the version of packages/cli/package.json", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "packages/cli/package.json"), "utf8")) as { version: string };
    const r = spawnSync(process.execPath, [path.join(ROOT, "packages/cli/dist/bin.js"), "--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});
