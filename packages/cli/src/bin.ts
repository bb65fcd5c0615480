#!/usr/bin/env node
import { main } from "./main.js";

const color = process.stdout.isTTY === true && process.env.NO_COLOR === undefined;
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  color,
});
