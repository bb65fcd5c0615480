// `roadshow season` with changes.csv and outcomes.csv: no-shows and follow-ups, absentees, held share, located errors.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csv, delegationRow, firmRow, stopRow } from "./read/builders.js";
import { runCli, stderrProblems } from "./run-cli.js";

const work = mkdtempSync(path.join(tmpdir(), "roadshow-outcomes-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const DATA = path.join(work, "data");
const rows = (file: string): Record<string, string>[] => parse(readFileSync(file), { columns: true, bom: true });
const pairs = (file: string): string[] => rows(file).map((m) => `${m.firm_id}-${m.delegation_id}`).sort();

/** Two stops of one slot; F1 and F2 at both, wanting the one US delegation (two tables). */
beforeAll(() => {
  mkdirSync(DATA, { recursive: true });
  const stop = (id: string, date: string) => stopRow({ stop_id: id, city: id, date, start: "14:00", end: "14:20", breaks: "" });
  writeFileSync(path.join(DATA, "stops.csv"), csv([stop("A", "2026-03-01"), stop("B", "2026-04-01")]));
  writeFileSync(
    path.join(DATA, "delegations.csv"),
    csv([delegationRow({ delegation_id: "US-CG", country: "US", tables: "2" })]),
  );
  writeFileSync(
    path.join(DATA, "firms.csv"),
    csv([
      firmRow({ firm_id: "F1", name: "Uno S.r.l.", stops: "A|B", targets: "US", markets: "" }),
      firmRow({ firm_id: "F2", name: "Due S.r.l.", stops: "A|B", targets: "US", markets: "" }),
    ]),
  );
});

describe("season with changes.csv and outcomes.csv", () => {
  it("plans without repeats, then lets a no-show and a follow-up pair meet again and reports the share held", async () => {
    const first = path.join(work, "first");
    expect((await runCli("season", DATA, "--out", first, "--no-compare")).code).toBe(0);
    const a = pairs(path.join(first, "A", "agenda.csv"));
    const b = pairs(path.join(first, "B", "agenda.csv"));
    expect(a).toEqual(["F1-US-CG", "F2-US-CG"]);
    expect(b).toEqual([]);

    // Stop A is held as planned; F2 × US-CG did not take place, F1 × US-CG want a follow-up.
    writeFileSync(
      path.join(work, "outcomes.csv"),
      csv([
        { stop_id: "A", firm_id: "F2", delegation_id: "US-CG", held: "no", follow_up: "" },
        { stop_id: "A", firm_id: "F1", delegation_id: "US-CG", held: "yes", follow_up: "yes" },
      ]),
    );
    const second = path.join(work, "second");
    const r = await runCli("season", DATA, "--out", second, "--no-compare", "--from", "B", "--frozen", path.join(first, "A", "agenda.csv"), "--outcomes", path.join(work, "outcomes.csv"));
    expect(stderrProblems(r.stderr)).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Meetings held (outcomes.csv, A): 1 of 2 (50 %)");
    // The held agenda is kept byte for byte.
    expect(readFileSync(path.join(second, "A", "agenda.csv"))).toEqual(readFileSync(path.join(first, "A", "agenda.csv")));
    // Both recorded pairs may meet again at B: the no-show and the follow-up.
    expect(pairs(path.join(second, "B", "agenda.csv"))).toEqual(["F1-US-CG", "F2-US-CG"]);
    const held = rows(path.join(second, "season-held.csv"));
    expect(held).toEqual([
      { kind: "firm", id: "F1", name: "Uno S.r.l.", meetings: "1", held: "1", not_held: "0", held_percent: "100", follow_ups: "1" },
      { kind: "firm", id: "F2", name: "Due S.r.l.", meetings: "1", held: "0", not_held: "1", held_percent: "0", follow_ups: "0" },
      { kind: "country", id: "US", name: "US", meetings: "2", held: "1", not_held: "1", held_percent: "50", follow_ups: "1" },
    ]);
  });

  it("drops held meetings of a participant marked absent, and those pairs meet at the next stop", async () => {
    const first = path.join(work, "first");
    writeFileSync(path.join(work, "changes.csv"), csv([{ stop_id: "A", participant_id: "US-CG", status: "absent", note: "flight cancelled" }]));
    const out = path.join(work, "absent");
    const r = await runCli("season", DATA, "--out", out, "--no-compare", "--from", "B", "--frozen", path.join(first, "A", "agenda.csv"), "--changes", path.join(work, "changes.csv"));
    expect(r.code).toBe(0);
    expect(pairs(path.join(out, "A", "agenda.csv"))).toEqual([]);
    expect(pairs(path.join(out, "B", "agenda.csv"))).toEqual(["F1-US-CG", "F2-US-CG"]);
    // validate and schedule read the same changes for their --history.
    const atB = path.join(work, "b-agenda.csv");
    writeFileSync(atB, readFileSync(path.join(first, "A", "agenda.csv"), "utf8").replaceAll("A,2026-03-01", "B,2026-04-01"));
    const history = ["--history", path.join(first, "A", "agenda.csv")];
    expect((await runCli("validate", DATA, "--agenda", atB, ...history)).stdout).toContain("met-before");
    const ok = await runCli("validate", DATA, "--agenda", atB, ...history, "--changes", path.join(work, "changes.csv"));
    expect(ok.stdout).toContain("2 meetings obey every hard rule");
    expect(ok.code).toBe(0);
  });

  it("reports a bad outcomes.csv with file, line, column and value, and writes nothing", async () => {
    writeFileSync(path.join(work, "bad-outcomes.csv"), csv([{ stop_id: "A", firm_id: "F1", delegation_id: "US-CG", held: "forse", follow_up: "" }]));
    const out = path.join(work, "bad");
    const r = await runCli("season", DATA, "--out", out, "--outcomes", path.join(work, "bad-outcomes.csv"));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bad-outcomes.csv");
    expect(r.stderr).toContain("held");
    expect(r.stderr).toContain("forse");
    expect(() => readFileSync(path.join(out, "A", "agenda.csv"))).toThrow();
  });
});
