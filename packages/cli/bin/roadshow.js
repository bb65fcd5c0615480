#!/usr/bin/env node
// The installed `roadshow` command: a committed file, so the workspace links it at install time before `dist/` is built.
import "../dist/bin.js";
