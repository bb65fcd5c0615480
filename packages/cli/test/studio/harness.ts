/** Starts the built `roadshow studio` as a user would (a child process), on a copy of the example, and talks HTTP to it. */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../../..");
export const BIN = path.join(ROOT, "packages/cli/dist/bin.js");
export const EXAMPLE = path.join(ROOT, "examples/lombardia-2026");

export interface Studio {
  readonly url: string;
  readonly base: string;
  readonly port: number;
  readonly token: string;
  readonly dataDir: string;
  readonly outDir: string;
  readonly stdout: () => string;
  stop(): Promise<void>;
}

/** Copies the example to a fresh folder and starts the studio on it (any free port, never a browser); `as`: run it as that user (from root); `flags`: more of `roadshow studio`'s (`--smtp …`). */
export async function startStudio(prepare: (dataDir: string) => void = () => {}, as?: { readonly uid: number; readonly gid: number }, flags: readonly string[] = []): Promise<Studio> {
  if (!existsSync(path.join(ROOT, "packages/cli/dist/studio-web/app.js"))) {
    throw new Error("the CLI is not built: run `npx -y pnpm@10.34.9 build` first");
  }
  const work = mkdtempSync(path.join(tmpdir(), "roadshow-studio-"));
  const dataDir = path.join(work, "data");
  const outDir = path.join(work, "out");
  cpSync(EXAMPLE, dataDir, { recursive: true });
  prepare(dataDir);
  const child: ChildProcess = spawn(process.execPath, [BIN, "--lang", "en", "studio", dataDir, "--out", outDir, "--port", "0", "--no-open", ...flags], {
    env: { ...process.env, CI: "1", ROADSHOW_NO_BROWSER: "1", LANG: "en_GB.UTF-8" },
    stdio: ["ignore", "pipe", "pipe"],
    ...as,
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`studio did not print its address: ${out} ${err}`)), 20_000);
    const look = () => {
      const found = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(out);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    };
    child.stdout!.on("data", look);
    child.on("exit", (code) => reject(new Error(`studio exited with ${code}: ${err}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    base: `${parsed.protocol}//${parsed.host}`,
    port: Number(parsed.port),
    token: parsed.searchParams.get("token")!,
    dataDir,
    outDir,
    stdout: () => out,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
    },
  };
}

/** One HTTP request with exactly the headers given (Host included), as a browser or an attacker would send it. */
export function raw(port: number, method: string, pathname: string, headers: Record<string, string>, body?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method, path: pathname, headers, setHost: false }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * Runs the built CLI without blocking this process: a `spawnSync` of a few seconds would freeze the
 * test's HTTP client past the studio's keep-alive time-out, and its next request would meet a closed socket.
 */
export function runBin(args: readonly string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
