/**
 * Writes the README's figures from real runs instead of by hand: the season
 * table (`roadshow season` on the bundled example, planned now), the `explain`
 * sample (`roadshow explain` on it, as its command line says) and the
 * benchmark table (from `bench/results.md`, written by `pnpm bench`). Each
 * figure sits between `<!-- figure:NAME -->` and `<!-- /figure:NAME -->`.
 *
 *   pnpm readme            # rewrite README.md
 *   pnpm readme --check    # exit 1 when README.md is not what a run gives
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "@roadshow/cli";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const README = path.join(ROOT, "README.md");

/** The season table as `roadshow season` prints it (English), without the timing row that varies run to run. */
export async function seasonFigure(dataDir = path.join(ROOT, "examples/lombardia-2026")): Promise<string> {
  const out = mkdtempSync(path.join(tmpdir(), "roadshow-readme-"));
  let stdout = "";
  try {
    const code = await main(["--lang", "en", "season", dataDir, "--out", path.join(out, "season")], {
      stdout: (text) => void (stdout += text),
      stderr: () => undefined,
      env: {},
      color: false,
    });
    if (code !== 0) throw new Error(`roadshow season exited ${code}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const lines = stdout.split("\n");
  const head = lines.findIndex((l) => l.includes("season *"));
  const rows = lines.slice(head).filter((l) => /^\S.*\s\d[\d,]*\s+\d[\d,]*$/.test(l));
  if (head < 0 || rows.length === 0) throw new Error(`unexpected season output:\n${stdout}`);
  // Laid out again on the rows shown: the printed table's widths also fit its time row, whose width varies run to run.
  const heads = lines[head]!.trim().split(/\s{2,}/);
  const cells = rows.map((r) => /^(.*?)\s{2,}(\S+)\s+(\S+)$/.exec(r)!.slice(1));
  const label = Math.max(...cells.map((r) => r[0]!.length));
  const widths = heads.map((h, i) => Math.max(h.length, ...cells.map((r) => r[i + 1]!.length)));
  const line = (first: string, values: readonly string[]) => `${first.padEnd(label)}  ${values.map((v, i) => v.padStart(widths[i]!)).join("  ")}`;
  return ["```", line("", heads), ...cells.map(([first, ...values]) => line(first!, values)), "```"].join("\n");
}

/** The command line of the README's `explain` sample, run as written (English). */
export const EXPLAIN_SAMPLE = ["explain", "examples/lombardia-2026", "--stop", "BS-2026-02", "--firm", "F0045", "--delegation", "US-CG"] as const;

/** The `explain` sample: its command line and what it prints now. */
export async function explainFigure(): Promise<string> {
  let stdout = "";
  const [command, data, ...rest] = EXPLAIN_SAMPLE;
  const code = await main(["--lang", "en", command, path.join(ROOT, data), ...rest], {
    stdout: (text) => void (stdout += text),
    stderr: () => undefined,
    env: {},
    color: false,
  });
  if (code !== 0) throw new Error(`roadshow explain exited ${code}`);
  return ["```", `$ pnpm roadshow ${EXPLAIN_SAMPLE.join(" ")}`, stdout.trimEnd(), "```"].join("\n");
}

type Row = Readonly<Record<string, string>>;

/** The rows of the first Markdown table of a text, by column name. */
function table(text: string, firstColumn: string): Row[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`| ${firstColumn} |`));
  const cells = (l: string) => l.slice(1, -1).split("|").map((c) => c.trim());
  const header = cells(lines[start]!);
  const rows: Row[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const values = cells(line);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? ""])));
  }
  return rows;
}

const number = (text: string): number => Number(text.replace(/,/g, ""));
const grouped = (text: string): string => text.replace(/\d{4,}/g, (n) => Number(n).toLocaleString("en-US"));

/** `4.4` ms → `4.4 ms`; `1,021` → `1.0 s`. */
function duration(ms: string): string {
  const v = number(ms);
  return v < 1000 ? `${ms} ms` : `${(v / 1000).toFixed(1)} s`;
}

/** `0.21 s (cold …) optimal, 201 MB` → `0.21 s`; whole seconds and above keep one decimal. */
function seconds(cell: string): string {
  const s = Number(/^([\d.]+) s/.exec(cell)?.[1]);
  return s >= 1 ? `${s.toFixed(1)} s` : `${s} s`;
}

/** `S-1` → `S`; `Lx3-1` → `L×3 firms`; `XLn-1` → `XL, narrow windows`; `Lx10.8w-1` → `L×10.8 firms, half in windows`. */
function family(instance: string): string {
  const m = /^(XL|L|M|S)(?:x([\d.]+))?([nw])?-\d+$/.exec(instance);
  if (m === null) return instance;
  const windows = m[3] === "n" ? ", narrow windows" : m[3] === "w" ? ", half in windows" : "";
  return `${m[1]}${m[2] ? `×${m[2]} firms` : ""}${windows}`;
}

const levelsOf = (cell: string) => cell.replace(/\s*\(.*\)$/, "");
const scoreOf = (levels: string) => number(levels.split("/").at(-1)!.trim());

function resultCell(r: Row): string {
  if (r["ours levels"]!.endsWith("(optimal)")) return "optimal";
  const ours = levelsOf(r["ours levels"]!);
  const highs = r["HiGHS levels"]!;
  if (highs !== "—" && r.HiGHS!.includes("optimal")) {
    const [o, h] = [ours.split("/").slice(0, 2).join("/"), highs.split("/").slice(0, 2).join("/")];
    const below = (100 * (1 - scoreOf(ours) / scoreOf(highs))).toFixed(3);
    return o === h ? `levels 1–2 optimal, score ${below} % below HiGHS's optimum` : `levels ${ours} against HiGHS's ${highs}`;
  }
  return `${r["score / best bound"]!.replace("%", " %")} of the bound`;
}

function highsCell(r: Row): string {
  const cell = r.HiGHS!;
  if (cell.startsWith("skipped")) return "model does not fit in memory";
  if (!cell.includes("optimal")) return cell;
  const same = levelsOf(r["ours levels"]!) === r["HiGHS levels"];
  const ratio = /^1\/(\d+)$/.exec(r["ours/HiGHS time"]!)?.[1];
  return `${seconds(cell)}, ${same ? "same optimum" : "optimum"}${same && ratio ? ` (${ratio}× slower)` : ""}`;
}

function jsLpCell(r: Row, notes: string): string {
  const cell = r.jsLPSolver!;
  if (cell.startsWith("skipped")) return "—";
  const killed = /^killed at ([\d.]+) s/.exec(cell);
  if (killed) return `killed at ${Math.round(Number(killed[1]))} s`;
  if (cell.includes("failed")) return notes.includes(`${r.instance}: jsLPSolver threw: Invalid typed array length`) ? "fails (tableau too big)" : "fails";
  return `${seconds(cell)}, ${levelsOf(r["ours levels"]!) === r["jsLP levels"] ? "same" : `levels ${r["jsLP levels"]}`}`;
}

/** The README's benchmark table and its heading line, from `bench/results.md`. */
export function benchFigure(results = readFileSync(path.join(ROOT, "bench/results.md"), "utf8")): string {
  const machine = /^- Machine: .*, (\d+) cores/m.exec(results)?.[1] ?? "?";
  const node = /^- Node v(\d+\.\d+)/m.exec(results)?.[1] ?? "?";
  const seeds = /; (\d+) seed\(s\)/.exec(results)?.[1] ?? "?";
  const rows = table(results, "instance");
  const lines = [
    `Latest run (${machine} cores, Node ${node}, ${seeds === "1" ? "seed 1" : `${seeds} seeds`}; \`bench/results.md\` has every column):`,
    "",
    "| instance | firms × delegations × slots | ours, library | ours, full CLI | CLI peak RSS | result | HiGHS (time-indexed MIP) | jsLPSolver |",
    "|---|---|---:|---:|---:|---|---|---|",
    ...rows
      .filter((r) => r.instance!.endsWith("-1"))
      .map((r) =>
        `| ${family(r.instance!)} | ${grouped(r["firms × del. × slots"]!)} | ${duration(r["ours lib ms"]!)} | ${duration(r["ours CLI ms"]!)} | ${r["CLI RSS MB"]} MB | ${resultCell(r)} | ${highsCell(r)} | ${jsLpCell(r, results)} |`),
  ];
  return lines.join("\n");
}

/** The README with one figure replaced. */
export function withFigure(readme: string, name: string, figure: string): string {
  const open = `<!-- figure:${name} -->\n`;
  const close = `\n<!-- /figure:${name} -->`;
  const a = readme.indexOf(open);
  const b = readme.indexOf(close, a);
  if (a < 0 || b < 0) throw new Error(`README.md has no ${open.trim()} … ${close.trim()} block`);
  return readme.slice(0, a + open.length) + figure + readme.slice(b);
}

/** The README as the current code and `bench/results.md` make it. */
export async function figuresReadme(readme = readFileSync(README, "utf8")): Promise<string> {
  return withFigure(withFigure(withFigure(readme, "season", await seasonFigure()), "explain", await explainFigure()), "bench", benchFigure());
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const current = readFileSync(README, "utf8");
  const next = await figuresReadme(current);
  if (process.argv.includes("--check")) {
    if (next !== current) {
      process.stderr.write("README.md figures are out of date: run `pnpm readme`\n");
      process.exit(1);
    }
  } else if (next !== current) {
    writeFileSync(README, next);
    process.stdout.write("README.md figures updated\n");
  } else {
    process.stdout.write("README.md figures are up to date\n");
  }
}
