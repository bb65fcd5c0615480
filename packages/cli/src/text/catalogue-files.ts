/**
 * The catalogues found at run time: every file of `catalogues/` named by a language tag
 * (`en.js`, `it.js`, `pt-BR.js`; `.ts` when run from source), loaded once when the CLI starts.
 * The studio page is bundled with the same list: scripts/build-studio.mjs writes it from the folder.
 */
import { readdirSync } from "node:fs";

/** A catalogue file's name: a BCP 47 language tag, then `.js` (built) or `.ts` (source). */
export const CATALOGUE_FILE = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.(?:js|ts)$/;

const folder = new URL("./catalogues/", import.meta.url);

/** The catalogues of the folder by language, as their files default-export them (messages.ts checks them). */
export const FOUND: ReadonlyArray<readonly [string, unknown]> = await Promise.all(
  readdirSync(folder)
    .flatMap((file) => {
      const match = CATALOGUE_FILE.exec(file);
      return match === null ? [] : [[match[1]!, file] as const];
    })
    .map(async ([lang, file]) => [lang, ((await import(new URL(file, folder).href)) as { default?: unknown }).default] as const),
);
