#!/usr/bin/env node
// The `roadshow` executable: runs the program on the real process (arguments, streams, environment, exit code).
import { main } from "./main.js";

// `pnpm roadshow …` runs the script from the workspace root; relative paths are meant from where the user
// typed the command, which pnpm passes as INIT_CWD. Only for that script: tests spawned by `pnpm test` keep theirs.
const typedIn = process.env.npm_lifecycle_event === "roadshow" ? process.env.INIT_CWD : undefined;
if (typedIn !== undefined && typedIn !== "" && typedIn !== process.cwd()) process.chdir(typedIn);

// A closed pipe (`roadshow … | head`) ends the run quietly, not with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  color,
});
