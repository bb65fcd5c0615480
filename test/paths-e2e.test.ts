/**
 * Paths as the user typed them: `pnpm roadshow …` from a sub-folder resolves
 * relative paths from that folder (INIT_CWD), and a missing file or folder is
 * reported with the full path that was tried. Needs `pnpm build` first.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "packages/cli/dist/bin.js");
const EXAMPLES = path.join(ROOT, "examples");

/** The environment without what an outer npm or pnpm run left in it. */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith("npm_") && k !== "INIT_CWD") env[k] = v;
  return { ...env, LANG: "en_GB.UTF-8", ...extra };
}

const node = (cwd: string, env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: cleanEnv(env) });

describe("paths as the user typed them", () => {
  it("resolves paths from INIT_CWD when run as the `roadshow` script of the workspace", () => {
    expect(existsSync(BIN), "run `pnpm build` first").toBe(true);
    const r = node(ROOT, { npm_lifecycle_event: "roadshow", INIT_CWD: EXAMPLES }, "validate", "lombardia-2026");
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("lombardia-2026: inputs are valid");
    expect(r.status).toBe(0);
  });

  it("ignores INIT_CWD left by another script (a test run spawning the binary keeps its own folder)", () => {
    const r = node(ROOT, { npm_lifecycle_event: "test", INIT_CWD: EXAMPLES }, "validate", "examples/lombardia-2026");
    expect(r.status).toBe(0);
  });

  it("names the full path it tried for a missing folder and a missing file", () => {
    const folder = node(EXAMPLES, {}, "validate", "lombardia-2027");
    expect(folder.status).toBe(1);
    expect(folder.stderr).toContain(`looked for ${path.join(EXAMPLES, "lombardia-2027")}`);
    const file = node(EXAMPLES, {}, "validate", "lombardia-2026", "--scores", "nope.csv");
    expect(file.status).toBe(1);
    expect(file.stderr).toContain(`looked for ${path.join(EXAMPLES, "nope.csv")}`);
  });

  it("works as typed: `cd examples && pnpm roadshow validate lombardia-2026`", () => {
    const r = spawnSync("npx", ["-y", "pnpm@10.34.9", "roadshow", "validate", "lombardia-2026"], { cwd: EXAMPLES, encoding: "utf8", env: cleanEnv({}) });
    expect(r.stdout).toContain("lombardia-2026: inputs are valid (9 stops");
    expect(r.status).toBe(0);
  });
});
