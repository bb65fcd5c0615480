/** `roadshow mail --changes`: which participants a changes.csv (or a workbook holding it) names, located warnings and errors. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../packages/cli/src/errors.js";
import { readChangedParticipants } from "../packages/cli/src/mail/changes.js";
import { writeWorkbook } from "../packages/cli/test/openpyxl.js";

const work = mkdtempSync(path.join(tmpdir(), "roadshow-changes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const known = { firms: new Set(["F0001", "F0002", "X1"]), delegations: new Set(["US-CG", "X1"]) };

function file(name: string, text: string): string {
  const p = path.join(work, name);
  writeFileSync(p, text);
  return p;
}

describe("the changes.csv mail reads", () => {
  it("participant_id (with participant_kind when given), and meetings by firm_id and delegation_id", async () => {
    const f = file(
      "a.csv",
      "stop_id,participant_kind,participant_id,change,reason\nBS-2026-02,firm,F0001,moved,window\nBS-2026-02,,US-CG,cancelled,absent\nBG-2026-03,firm,F0002,new,walk-in\nBS-2026-02,delegation,X1,moved,capacity\n",
    );
    const { changed, warnings } = await readChangedParticipants(f, "BS-2026-02", known);
    expect([...changed].sort()).toEqual(["delegation:US-CG", "delegation:X1", "firm:F0001"]);
    expect(warnings).toEqual([]);
    const g = file("b.csv", "firm_id;delegation_id;what\nF0002;US-CG;moved\n");
    expect([...(await readChangedParticipants(g, "BS-2026-02", known)).changed].sort()).toEqual(["delegation:US-CG", "firm:F0002"]);
  });

  it("an id that is not a participant is a located warning; a file naming nobody is an error", async () => {
    const f = file("c.csv", "participant_id\nF0001\nF9999\n");
    const { changed, warnings } = await readChangedParticipants(f, "BS-2026-02", known);
    expect([...changed]).toEqual(["firm:F0001"]);
    expect(warnings).toMatchObject([{ code: "unknown-participant", line: 3, column: "participant_id", value: "F9999" }]);
    await expect(readChangedParticipants(file("d.csv", "stop_id,note\nBS-2026-02,x\n"), "BS-2026-02", known)).rejects.toThrow(InputError);
    await expect(readChangedParticipants(path.join(work, "missing.csv"), "BS-2026-02", known)).rejects.toThrow(InputError);
    const bad = file("e.csv", "participant_kind,participant_id\nsupplier,F0001\n");
    try {
      await readChangedParticipants(bad, "BS-2026-02", known);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues).toMatchObject([{ code: "bad-kind", line: 2, column: "participant_kind", value: "supplier" }]);
    }
  });

  it("reads the changes sheet of a workbook (or its first visible sheet), locating a bad cell by sheet, row and column letter", async () => {
    const book = path.join(work, "changes.xlsx");
    writeWorkbook(book, [
      { name: "notes", state: "hidden", rows: [["whatever"]] },
      { name: "changes", rows: [["Re-plan of 18/03"], [], ["stop_id", "participant_kind", "participant_id"], ["BS-2026-02", "firm", "F0001"], ["BS-2026-02", "delegation", "US-CG"], ["BG-2026-03", "firm", "F0002"]] },
    ]);
    expect([...(await readChangedParticipants(book, "BS-2026-02", known)).changed].sort()).toEqual(["delegation:US-CG", "firm:F0001"]);
    const bad = path.join(work, "bad-changes.xlsx");
    writeWorkbook(bad, [{ name: "Foglio1", rows: [["participant_kind", "participant_id"], ["supplier", "F0001"]] }]);
    try {
      await readChangedParticipants(bad, "BS-2026-02", known);
      expect.unreachable();
    } catch (e) {
      expect((e as InputError).issues).toMatchObject([{ code: "bad-kind", file: bad, sheet: "Foglio1", line: 2, column: "participant_kind", letter: "A", value: "supplier" }]);
    }
  });
});
