#!/usr/bin/env node
import { main } from "./main.js";

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
