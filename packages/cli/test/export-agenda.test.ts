// `export` writes agenda.csv byte for byte as `schedule` and `replan` do for the same agenda (the `why` column included), in every language and dialect.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");
const CHANGES = path.join(EXAMPLE, "day-of/changes.csv");
const STOP = "BS-2026-02";

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "roadshow-export-agenda-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bytes = (dir: string, file = "agenda.csv") => readFileSync(path.join(dir, file));
const ok = async (...argv: string[]) => {
  const r = await runCli(...argv);
  expect(r.code, r.stderr).toBe(0);
  return r;
};

describe("export of an agenda written by schedule or replan", () => {
  it.each([
    ["en", []],
    ["it", ["--excel"]],
    ["it", []],
    ["en", ["--excel"]],
  ] as const)("gives schedule's agenda.csv byte for byte (--lang %s %j)", async (lang, flags) => {
    const planned = path.join(work, `schedule-${lang}-${flags.length}`);
    const exported = path.join(work, `export-${lang}-${flags.length}`);
    await ok("--lang", lang, "schedule", EXAMPLE, "--stop", STOP, "--out", planned, ...flags);
    await ok("--lang", lang, "export", path.join(planned, "agenda.csv"), EXAMPLE, "--out", exported, ...flags);
    expect(bytes(exported).toString("utf8")).toBe(bytes(planned).toString("utf8"));
    // The same files as schedule for the participants, in the same words.
    for (const f of ["unmatched.csv", "firms/F0045.csv", "grid.html", "checkin.html", "calendar/firms/F0045.ics"]) expect(bytes(exported, f), f).toEqual(bytes(planned, f));
  });

  it("gives replan's agenda.csv byte for byte with the same --previous (moved meetings' sequence raised, why worded)", async () => {
    const first = path.join(work, "first");
    const day = path.join(work, "day");
    const exported = path.join(work, "day-export");
    await ok("schedule", EXAMPLE, "--stop", STOP, "--out", first);
    await ok("replan", EXAMPLE, "--stop", STOP, "--previous", path.join(first, "agenda.csv"), "--changes", CHANGES, "--out", day);
    await ok("export", path.join(day, "agenda.csv"), EXAMPLE, "--changes", CHANGES, "--previous", path.join(first, "agenda.csv"), "--out", exported);
    expect(bytes(exported).toString("utf8")).toBe(bytes(day).toString("utf8"));
  });

  it("writes the why column for a hand-edited agenda too: the same header as schedule, each meeting's parts in words", async () => {
    const planned = path.join(work, "to-edit");
    await ok("schedule", EXAMPLE, "--stop", STOP, "--out", planned);
    const lines = readFileSync(path.join(planned, "agenda.csv"), "utf8").trimEnd().split("\n");
    // Drop two meetings and write the rest without the why and sequence columns, as a spreadsheet user might.
    const rows = parse(lines.join("\n"), { columns: true }) as Record<string, string>[];
    const cols = ["stop_id", "date", "slot", "start", "end", "table", "delegation_id", "country", "firm_id", "firm_name", "score"];
    const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    const edited = path.join(work, "edited.csv");
    writeFileSync(edited, `${[cols.join(","), ...rows.slice(2).map((r) => cols.map((c) => quote(r[c]!)).join(","))].join("\n")}\n`);
    const exported = path.join(work, "edited-export");
    await ok("--lang", "it", "export", edited, EXAMPLE, "--out", exported);
    const out = readFileSync(path.join(exported, "agenda.csv"), "utf8").split("\n");
    expect(out[0]).toBe(lines[0]);
    const written = parse(out.join("\n"), { columns: true }) as Record<string, string>[];
    expect(written).toHaveLength(rows.length - 2);
    for (const r of written) expect(r.why, `${r.firm_id} ${r.delegation_id}`).toMatch(/\(\+\d/);
    expect(written.some((r) => r.why!.includes("settore"))).toBe(true);
  });
});
