/** Every CSV the CLI writes (schedule, replan, score, season, export; both dialects) keeps hostile names inert when a spreadsheet splits on any separator, and reads back unchanged. */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../src/read/parse-csv.js";
import { Reporter } from "../src/read/report.js";
import { toCsv } from "../src/write/csv.js";
import { runCli } from "./run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");
const STOP = "BS-2026-02";

// Formulas hidden behind each separator a spreadsheet may split on, and a name that already looks neutralised.
const HOSTILE_FIRMS = [
  "Acme;=cmd|' /C calc'!A0;",
  'Beta,=HYPERLINK("http://x";"y"),',
  "Gamma\t+SUM(1;2)",
  "Delta\n@SUM(A1)",
  "'=already quoted",
  "Epsilon\r\n-2+3;",
];
const HOSTILE_DELEGATIONS = ["Consolato;=1+1;", "Chamber,@A1"];

/** Fields as a spreadsheet sees them when it splits on `delimiter`: a `"` toggles quoting anywhere, records end at line breaks outside quotes. */
function spreadsheetFields(text: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (const ch of text.replace(/^\uFEFF/, "")) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === delimiter || ch === "\n" || ch === "\r")) {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** A field a spreadsheet would run as a formula (numbers such as `-1` or `-0,5` are data). */
const isFormula = (field: string) => /^[=+\-@\t\r]/.test(field) && !/^-?\d+([.,]\d+)?$/.test(field);

function csvFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => path.join(dir, f))
    .filter((f) => f.endsWith(".csv") && statSync(f).isFile());
}

let work: string;
let data: string;
const outputs: Record<"plain" | "excel", string[]> = { plain: [], excel: [] };

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-injection-"));
  data = path.join(work, "data");
  cpSync(EXAMPLE, data, { recursive: true });
  // Hostile names on firms and delegations of the stop, written with our own writer (so the inputs are valid CSV).
  const rename = (file: string, idColumn: string, names: readonly string[], atStop: (row: Record<string, string>) => boolean) => {
    const rows: Record<string, string>[] = parse(readFileSync(path.join(data, file), "utf8"), { columns: true });
    const header = Object.keys(rows[0]!);
    let next = 0;
    for (const row of rows) if (next < names.length && atStop(row)) row.name = names[next++]!;
    expect(next, `${file}: ${idColumn}`).toBe(names.length);
    writeFileSync(path.join(data, file), toCsv(header, rows.map((r) => header.map((h) => r[h]!)), { excel: false }));
  };
  rename("firms.csv", "firm_id", HOSTILE_FIRMS, (r) => r.stops!.split("|").includes(STOP));
  rename("delegations.csv", "delegation_id", HOSTILE_DELEGATIONS, (r) => r.stops === "" || r.stops!.split("|").includes(STOP));
  for (const [dialect, flags] of [["plain", []], ["excel", ["--excel"]]] as const) {
    const out = path.join(work, dialect);
    const runs = [
      ["schedule", data, "--stop", STOP, "--out", path.join(out, "schedule"), "--no-exact", ...flags],
      ["score", data, "--stop", STOP, "--out", path.join(out, "scores.csv"), ...flags],
      ["season", data, "--out", path.join(out, "season"), "--no-exact", ...flags],
    ];
    for (const argv of runs) {
      const r = await runCli(...argv);
      expect(r.code, `${argv.join(" ")}\n${r.stderr}`).toBe(0);
    }
    // Replan with every hostile firm absent: changes.csv names them; export re-writes from the agenda.
    const changes = path.join(work, `changes-${dialect}.csv`);
    const firms: Record<string, string>[] = parse(readFileSync(path.join(data, "firms.csv"), "utf8"), { columns: true });
    const absent = firms.filter((f) => HOSTILE_FIRMS.includes(f.name!)).map((f) => [STOP, f.firm_id!, "absent", "", "", "", "=note;@x,+y"]);
    writeFileSync(changes, toCsv(["stop_id", "participant_id", "status", "available", "tables", "representatives", "note"], absent, { excel: false }));
    const previous = path.join(out, "schedule", "agenda.csv");
    const replan = await runCli("replan", data, "--stop", STOP, "--previous", previous, "--changes", changes, "--out", path.join(out, "replan"), "--no-exact", ...flags);
    expect(replan.code, replan.stderr).toBe(0);
    const exported = await runCli("export", previous, data, "--out", path.join(out, "export"), ...flags);
    expect(exported.code, exported.stderr).toBe(0);
    outputs[dialect] = csvFilesUnder(out);
  }
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("CSV outputs against formula injection through a separator", () => {
  it("every command wrote CSVs holding the hostile names", () => {
    for (const dialect of ["plain", "excel"] as const) {
      const names = outputs[dialect].map((f) => path.relative(path.join(work, dialect), f));
      for (const expected of ["schedule/agenda.csv", "schedule/unmatched.csv", "scores.csv", "season/season.csv", "season/season-firms.csv", "replan/changes.csv", "export/agenda.csv"]) {
        expect(names, dialect).toContain(expected);
      }
      expect(names.some((n) => n.startsWith("schedule/firms/")) && names.some((n) => n.startsWith("schedule/delegations/"))).toBe(true);
      const all = outputs[dialect].map((f) => readFileSync(f, "utf8")).join("");
      for (const name of [...HOSTILE_FIRMS.slice(0, 3), ...HOSTILE_DELEGATIONS]) expect(all, name).toContain(name.replaceAll('"', '""'));
    }
  });

  it("split on `,` `;` or a tab, as a spreadsheet of either locale opens it, no field is a formula", () => {
    const found: string[] = [];
    for (const file of [...outputs.plain, ...outputs.excel]) {
      const text = readFileSync(file, "utf8");
      for (const delimiter of [",", ";", "\t"]) {
        for (const field of spreadsheetFields(text, delimiter)) if (isFormula(field)) found.push(`${path.relative(work, file)} (${JSON.stringify(delimiter)}): ${JSON.stringify(field)}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("the CLI's reader and csv-parse read every file back with the names as they were", () => {
    for (const dialect of ["plain", "excel"] as const) {
      const delimiter = dialect === "excel" ? ";" : ",";
      for (const file of outputs[dialect]) {
        const text = readFileSync(file, "utf8");
        const issues: { code: string }[] = [];
        const table = parseCsv(text.replace(/^\uFEFF/, ""), new Reporter(file, issues as never[]));
        expect(issues, file).toEqual([]);
        expect(table!.delimiter, file).toBe(delimiter);
        const strict: string[][] = parse(text, { bom: true, delimiter, relax_column_count: false });
        expect(strict.length - 1, file).toBe(table!.count);
        const names = table!.header.flatMap((h, i) => (/(^|_)name$/.test(h) ? [i] : []));
        for (const row of table!.rows) {
          for (const i of names) {
            const cell = row.cells[i]!;
            const hostile = [...HOSTILE_FIRMS, ...HOSTILE_DELEGATIONS].find((n) => cell.includes(n.replace(/\r\n/g, "\n")));
            if (/[=@;,\t\n]/.test(cell)) expect(hostile, `${file}:${row.line} ${JSON.stringify(cell)}`).toBeDefined();
          }
        }
      }
      const agenda = parseCsv(readFileSync(path.join(work, dialect, "schedule/agenda.csv"), "utf8").replace(/^\uFEFF/, ""), new Reporter("agenda.csv", []));
      const col = agenda!.header.indexOf("firm_name");
      const written = new Set([...agenda!.rows].map((r) => r.cells[col]));
      expect(HOSTILE_FIRMS.filter((n) => written.has(n.replace(/\r\n/g, "\n").trim())).length, dialect).toBeGreaterThan(0);
    }
  });

  it("validate accepts the written agenda in both dialects", async () => {
    for (const dialect of ["plain", "excel"] as const) {
      const r = await runCli("validate", data, "--stop", STOP, "--agenda", path.join(work, dialect, "schedule/agenda.csv"));
      expect(r.code, r.stdout + r.stderr).toBe(0);
    }
  });
});
