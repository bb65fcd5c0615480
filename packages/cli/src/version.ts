// The version of @roadshow/cli, for `--version` and the studio page.
import { readFileSync } from "node:fs";

/** The version of @roadshow/cli, from its package.json (one folder above both src/ and dist/). */
export const VERSION: string = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
