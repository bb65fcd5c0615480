/** Checks that every test file in the repository opens with a comment saying what it checks. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

/** A test file's opening: a `/** … *\/` or `// …` comment on its first line that holds a sentence (words and a full stop). */
export function opensWithSentence(text: string): boolean {
  const head = /^(?:\/\*\*([\s\S]*?)\*\/|((?:\/\/[^\n]*\n)+))/.exec(text);
  if (head === null) return false;
  const words = (head[1] ?? head[2] ?? "").replace(/^\s*(\*|\/\/)/gm, " ");
  return /[A-Za-z`][^.]*\s[^.]*[.:]/.test(words);
}

describe("test files", () => {
  const files = execFileSync("git", ["ls-files", "*.test.ts"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);

  it("are found (the repository has its test files under git)", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("each open with a sentence saying what it checks", () => {
    expect(files.filter((f) => !opensWithSentence(readFileSync(join(ROOT, f), "utf8")))).toEqual([]);
  });

  it("would catch a file opening with an import or an empty comment", () => {
    expect(opensWithSentence('import { it } from "vitest";\n')).toBe(false);
    expect(opensWithSentence("/** */\nimport x;\n")).toBe(false);
    expect(opensWithSentence("/** Checks the board. */\n")).toBe(true);
    expect(opensWithSentence("/**\n * Checks the board\n * on random stops.\n */\n")).toBe(true);
  });
});
