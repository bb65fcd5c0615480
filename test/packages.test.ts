/**
 * The packages as npm would publish them: each tarball (`npm pack --dry-run`)
 * holds README.md, LICENSE, package.json and the built dist, its manifest names
 * a license and repository, and `roadshow --version` is the CLI package's version.
 * Needs `pnpm build` first (`pnpm test` builds).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

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
});

describe("roadshow --version", () => {
  it("prints the version of packages/cli/package.json", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "packages/cli/package.json"), "utf8")) as { version: string };
    const r = spawnSync(process.execPath, [path.join(ROOT, "packages/cli/dist/bin.js"), "--version"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});
