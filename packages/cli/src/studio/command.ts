/** `roadshow studio <data-dir>`: starts the organiser's desk on 127.0.0.1, prints its address with the session token, and serves until Ctrl+C. */
import { spawn } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { Io } from "../context.js";
import { EXIT, InputError } from "../errors.js";
import { saidIssue } from "../issues.js";
import { t, type Lang } from "../text/i18n.js";
import { EXAMPLE_DIR, type CommandContext } from "../commands/shared.js";
import { parseSmtpUrl } from "../mail/smtp.js";
import { Folders } from "./folders.js";
import { startStudio, type RunningStudio } from "./server.js";
import { Workspace } from "./workspace.js";
import { said, SaidArgumentError } from "../text/cli-text.js";
import { VERSION } from "../version.js";

/** The port tried first when `--port` is not given; any free port when it is taken. */
export const DEFAULT_PORT = 4870;

export interface StudioArgs {
  readonly dataDir: string;
  readonly out: string;
  readonly port: number | undefined;
  readonly open: boolean;
  readonly smtp: string | undefined;
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new SaidArgumentError(said("cli.arg.port", { value }));
  return n;
}

/** A browser is opened only on a desktop session, never in CI, in tests or when the output is not a terminal. */
export function canOpenBrowser(env: Io["env"], interactive: boolean, platform: NodeJS.Platform): boolean {
  if (!interactive || env.CI !== undefined || env.VITEST !== undefined || env.ROADSHOW_NO_BROWSER !== undefined) return false;
  if (platform === "darwin" || platform === "win32") return true;
  return env.DISPLAY !== undefined || env.WAYLAND_DISPLAY !== undefined;
}

function openBrowser(url: string): void {
  const [cmd, args] = process.platform === "darwin" ? ["open", [url]] : process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : ["xdg-open", [url]];
  try {
    const child = spawn(cmd, args as string[], { detached: true, stdio: "ignore" });
    child.on("error", () => {});
    child.unref();
  } catch {
    // No opener: the printed address is enough.
  }
}

async function listen(ws: Workspace, wanted: number | undefined, smtp: string | undefined, env: Io["env"]): Promise<RunningStudio> {
  const start = (p: number) => startStudio({ workspace: ws, port: p, version: VERSION, smtp, env });
  try {
    return await start(wanted ?? DEFAULT_PORT);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" && wanted === undefined) return start(0);
    if (code === "EADDRINUSE" || code === "EACCES") throw new InputError(said("cli.studio.port", { port: String(wanted), code }));
    throw error;
  }
}

/** Serves the studio until the process is interrupted. */
export async function studio(args: StudioArgs, lang: Lang, io: Io): Promise<void> {
  let isFolder = false;
  try {
    isFolder = statSync(args.dataDir).isDirectory();
  } catch {
    isFolder = false;
  }
  if (!isFolder) {
    throw new InputError(said("cli.studio.notFolder", { dir: args.dataDir }), [saidIssue(
      { severity: "error", code: "missing-folder", file: args.dataDir, line: null, column: null, value: args.dataDir, path: path.resolve(args.dataDir) },
      said("input.missing-folder.studio", { dir: args.dataDir, path: path.resolve(args.dataDir) }),
      said("input.missing-folder.studio.fix", { example: EXAMPLE_DIR }),
    )]);
  }
  if (args.smtp !== undefined) parseSmtpUrl(args.smtp, io.env);
  const ws = new Workspace(new Folders(args.dataDir, args.out), lang);
  const running = await listen(ws, args.port, args.smtp, io.env);
  io.stdout(`roadshow studio: ${running.url}\n${t(lang, "studio.data")}: ${args.dataDir} · ${t(lang, "studio.out")}: ${args.out}\n${t(lang, "studio.stop")}\n`);
  if (args.open && canOpenBrowser(io.env, process.stdout.isTTY === true, process.platform)) openBrowser(running.url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void running.close().then(resolve);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}

/** The flags of `roadshow studio`, as commander parses them. */
interface StudioFlags {
  readonly port?: number;
  readonly out: string;
  readonly smtp?: string;
  /** `--no-open` sets it false. */
  readonly open: boolean;
}

/** Registers `roadshow studio`. */
export function defineStudio(root: Command, ctx: CommandContext): void {
  root
    .command("studio")
    .description("help.studio")
    .argument("<data-dir>", "help.studio.data-dir")
    .option("--port <n>", "help.studio.port", port)
    .option("--out <dir>", "help.studio.out", "out")
    .option("--smtp <url>", "help.studio.smtp")
    .option("--no-open", "help.studio.no-open")
    .addHelpText("after", `${ctx.examples(1)}  roadshow studio ${EXAMPLE_DIR} --out out\n`)
    .action(async (dataDir: string, o: StudioFlags) => {
      await studio({ dataDir, out: o.out, port: o.port, open: o.open, smtp: o.smtp }, ctx.common().lang, ctx.io);
      ctx.done(EXIT.ok);
    });
}
