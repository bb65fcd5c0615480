/** `replan` after one meeting of the example's agenda is moved by hand onto another delegation's free table (several such edits): only that meeting changes, back to its own table; no table past the venue's, two participants told. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../src/write/csv.js";
import { runCli } from "./run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");
const STOP = "BS-2026-02";

let work: string;
let header: string[];
let rows: Record<string, string>[];

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-hand-edit-"));
  const r = await runCli("schedule", EXAMPLE, "--stop", STOP, "--out", path.join(work, "plan"), "--no-exact");
  expect(r.code, r.stderr).toBe(0);
  const text = readFileSync(path.join(work, "plan", "agenda.csv"), "utf8");
  rows = parse(text, { columns: true });
  header = Object.keys(rows[0]!);
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Hand edits: a meeting onto a table another delegation holds, free in that slot (the first of each delegation pair, both orders). */
function edits(): { index: number; table: string; owner: string }[] {
  const owner = new Map(rows.map((r) => [r.table!, r.delegation_id!]));
  const busy = new Set(rows.map((r) => `${r.slot}|${r.table}`));
  const seen = new Set<string>();
  const found: { index: number; table: string; owner: string }[] = [];
  rows.forEach((r, index) => {
    for (const [table, id] of owner) {
      const pair = `${r.delegation_id}>${id}`;
      if (id === r.delegation_id || busy.has(`${r.slot}|${table}`) || seen.has(pair)) continue;
      seen.add(pair);
      found.push({ index, table, owner: id });
    }
  });
  // Spread over the agenda: delegations earlier and later in the alphabet than the table's owner.
  return found.filter((_, i) => i % Math.max(1, Math.floor(found.length / 6)) === 0).slice(0, 6);
}

describe("replan after a hand edit onto another delegation's table", () => {
  it("moves only the edited meeting back to its own delegation's table; nobody else moves or is told", async () => {
    const cases = edits();
    expect(cases.length).toBeGreaterThanOrEqual(4);
    const venue = Math.max(...rows.map((r) => Number(r.table)));
    for (const [n, { index, table, owner }] of cases.entries()) {
      const moved = rows[index]!;
      const edited = rows.map((r, i) => (i === index ? { ...r, table } : r));
      const previous = path.join(work, `edited-${n}.csv`);
      writeFileSync(previous, toCsv(header, edited.map((r) => header.map((h) => r[h]!)), { excel: false }));
      const out = path.join(work, `replan-${n}`);
      const r = await runCli("replan", EXAMPLE, "--stop", STOP, "--previous", previous, "--out", out, "--no-exact");
      const what = `${moved.firm_id}×${moved.delegation_id} slot ${moved.slot} table ${moved.table} → ${table} (${owner}'s)`;
      expect(r.code, `${what}\n${r.stderr}`).toBe(0);
      expect(r.stdout, what).toContain("149 of 150 meetings unchanged; 2 participants to notify");
      const after: Record<string, string>[] = parse(readFileSync(path.join(out, "agenda.csv"), "utf8"), { columns: true });
      expect(Math.max(...after.map((m) => Number(m.table))), what).toBeLessThanOrEqual(venue);
      const changes: Record<string, string>[] = parse(readFileSync(path.join(out, "changes.csv"), "utf8"), { columns: true });
      expect(changes.map((c) => [c.participant_id, c.change, c.from_table, c.to_table, c.reason]), what).toEqual([
        [moved.firm_id, "table-changed", table, moved.table, "other-table"],
        [moved.delegation_id, "table-changed", table, moved.table, "other-table"],
      ]);
      expect(changes[0]!.message).toContain("it was at another delegation's table");
      // The owner's meetings all stay where they were.
      const key = (m: Record<string, string>) => `${m.firm_id}|${m.delegation_id}|${m.slot}|${m.table}`;
      const now = new Set(after.map(key));
      expect(rows.filter((m) => m.delegation_id === owner && !now.has(key(m))), what).toEqual([]);
    }
  }, 120_000);
});
