// Bundles the studio's page (studio-web/src, Preact) into dist/studio-web/: index.html, app.js, app.css.
// Everything the page needs is in these three files: it fetches nothing from the internet.
import { copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist/studio-web");
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [path.join(root, "studio-web/src/main.tsx")],
  outfile: path.join(out, "app.js"),
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  jsx: "automatic",
  jsxImportSource: "preact",
  conditions: ["@roadshow/source"],
  legalComments: "none",
  logLevel: "warning",
});
copyFileSync(path.join(root, "studio-web/index.html"), path.join(out, "index.html"));
