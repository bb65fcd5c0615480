// Runs the CLI in process with captured streams, for end-to-end tests.
import type { Io } from "../src/context.js";
import { main } from "../src/main.js";

/** Runs the CLI in process, in English without colours, and captures what it prints. */
export async function runCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: { LANG: "en_GB.UTF-8" }, color: false };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/**
 * What stderr says besides the progress lines a slow run prints (`[1.4 s] …`, `[1,4 s] …` in Italian, `[BS-2026-02 1.5 s] …`
 * in a season): a loaded machine may print them, so a test that wants no warning asserts on this, not on an empty stderr.
 */
export function stderrProblems(stderr: string): string[] {
  return stderr.split("\n").filter((line) => line !== "" && !/^\[(?:[A-Z0-9-]+ )?\d+[.,]\d s\] /.test(line));
}
