// Bundles the studio's page (studio-web/src, Preact) into dist/studio-web/: index.html, app.js, app.css.
// Everything the page needs is in these three files: it fetches nothing from the internet.
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The catalogues the page speaks: the CLI finds them in src/text/catalogues/ at run time
 * (catalogue-files.ts reads the folder); the page has no folder to read, so its copy of
 * that module imports each file of the folder by name, the same files by the same rule.
 */
const CATALOGUE_FILE = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.(?:js|ts)$/;
const catalogues = {
  name: "catalogues",
  setup(b) {
    b.onResolve({ filter: /\/catalogue-files\.js$/ }, (args) => ({ path: path.join(args.resolveDir, "catalogues"), namespace: "catalogues" }));
    b.onLoad({ filter: /.*/, namespace: "catalogues" }, (args) => {
      const found = readdirSync(args.path).flatMap((file) => {
        const match = CATALOGUE_FILE.exec(file);
        return match === null ? [] : [[match[1], file]];
      });
      const imports = found.map(([, file], i) => `import c${i} from ${JSON.stringify(`./${file}`)};`);
      const list = found.map(([lang], i) => `[${JSON.stringify(lang)}, c${i}]`).join(", ");
      return { contents: `${imports.join("\n")}\nexport const FOUND = [${list}];\n`, resolveDir: args.path, loader: "js" };
    });
  },
};
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
  plugins: [catalogues],
});
copyFileSync(path.join(root, "studio-web/index.html"), path.join(out, "index.html"));
