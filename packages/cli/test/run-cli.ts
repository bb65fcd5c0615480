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
