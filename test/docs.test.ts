/**
 * The documents stand on their own in a clone: every relative link of every
 * Markdown file points to a file inside the repository (and, for `#anchors`,
 * to a heading that exists), and docs/formats.md has a section per file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const SKIP = new Set(["node_modules", "dist", "out", ".git", "test-artifacts"]);

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name) || e.name.startsWith(".")) return [];
    const full = path.join(dir, e.name);
    return e.isDirectory() ? markdownFiles(full) : e.name.endsWith(".md") ? [full] : [];
  });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, "").replace(/\s/g, "-");
const anchors = (file: string) => new Set([...readFileSync(file, "utf8").matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1]!)));

describe("documents", () => {
  const files = markdownFiles(ROOT);

  it("finds the documents", () => {
    for (const f of ["README.md", "CHANGELOG.md", "docs/formats.md", "docs/library.md", "packages/core/README.md", "packages/cli/README.md"]) {
      expect(files).toContain(path.join(ROOT, f));
    }
  });

  it.each(files.map((f) => [path.relative(ROOT, f), f]))("%s links only inside the repository", (_name, file) => {
    const text = readFileSync(file, "utf8");
    expect(text).not.toMatch(/\.\.\/shared|\/work\//);
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/i.test(target!)) continue; // http:, mailto:
      const [where, anchor] = target!.split("#");
      const resolved = where === "" ? file : path.resolve(path.dirname(file), where!);
      expect(path.relative(ROOT, resolved).startsWith(".."), `${target} leaves the repository`).toBe(false);
      expect(existsSync(resolved), `${target} does not exist`).toBe(true);
      if (anchor !== undefined && resolved.endsWith(".md")) expect(anchors(resolved), `${target}: no such heading`).toContain(anchor);
    }
  });

  it("gives every input and output file its own section in docs/formats.md", () => {
    const sections = readFileSync(path.join(ROOT, "docs/formats.md"), "utf8").match(/^## .+$/gm)!.join("\n");
    for (const file of ["stops.csv", "delegations.csv", "firms.csv", "requests.csv", "scores.csv", "agenda.csv", "unmatched.csv",
      "firms/<id>.csv", "agendas.html", ".ics", "season.csv", "season-firms.csv", "season-countries.csv", "season-unmet.csv", "season-summary.csv",
      "outcomes.csv", "answers.csv", "report.csv", "unmet.csv", "meetings-per-firm.csv", "log.csv"]) {
      expect(sections).toContain(file);
    }
    for (const section of ["## Hard rules", "## The objective", "## Input problems"]) expect(sections).toContain(section);
  });
});
