// examples/lombardia-2026.xlsx is what scripts/example-workbook.ts writes from the example's CSVs (byte for byte), and plans the same agendas as they do.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EXAMPLE_DIR, EXAMPLE_WORKBOOK, exampleWorkbook } from "../scripts/example-workbook.js";
import { runCli } from "../packages/cli/test/run-cli.js";

const work = mkdtempSync(path.join(tmpdir(), "roadshow-example-xlsx-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the example workbook", () => {
  it("is up to date (run `pnpm example:xlsx` after changing the example's CSVs)", async () => {
    expect(Buffer.from(await exampleWorkbook()).equals(readFileSync(EXAMPLE_WORKBOOK))).toBe(true);
  });

  it.each(["BS-2026-02", "BG-2026-03"])("plans %s as the CSVs do, byte for byte", async (stop) => {
    const fromCsv = path.join(work, `${stop}-csv`);
    const fromXlsx = path.join(work, `${stop}-xlsx`);
    expect((await runCli("schedule", EXAMPLE_DIR, "--stop", stop, "--out", fromCsv)).code).toBe(0);
    const r = await runCli("schedule", EXAMPLE_WORKBOOK, "--stop", stop, "--out", fromXlsx);
    expect(r.code, r.stderr).toBe(0);
    for (const file of ["agenda.csv", "unmatched.csv", "agendas.html"]) {
      expect(readFileSync(path.join(fromXlsx, file), "utf8"), file).toBe(readFileSync(path.join(fromCsv, file), "utf8"));
    }
  });

  it("validates without a problem", async () => {
    const r = await runCli("validate", EXAMPLE_WORKBOOK);
    expect(r.code, r.stderr).toBe(0);
  });
});
