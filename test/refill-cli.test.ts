/**
 * Checks `roadshow change … checkin/noshow` and `roadshow refill` on the example: the JSON proposal is the core's
 * refill of the day the log describes, it breaks no hard rule with the meetings that happen (verifyAgenda), nobody is
 * moved, `--apply` enters one log entry per meeting, and a second refill of the slot finds those tables taken.
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyChanges, happening, refillSlot, verifyAgenda, type AgendaMeeting, type DeskEvent } from "@roadshow/core";
import { readDataDir } from "../packages/cli/src/read/index.js";
import { runCli } from "../packages/cli/test/run-cli.js";
import { exampleCopy } from "./mail-fixture.js";

const STOP = "BS-2026-02";
type Row = Record<string, string>;
const readCsv = (file: string): Row[] => parse(readFileSync(file), { columns: true, bom: true });

let work: string;
let data: string;
let agendaFile: string;
beforeAll(async () => {
  ({ work, data } = exampleCopy("roadshow-refill-"));
  const r = await runCli("schedule", data, "--stop", STOP, "--out", path.join(work, "plan"), "--no-exact");
  expect(r.code, r.stderr).toBe(0);
  agendaFile = path.join(work, "plan", "agenda.csv");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("change checkin/noshow and refill", () => {
  it("proposes the core's refill of the day in the log, valid and moving nobody, and --apply enters it", async () => {
    const agenda: AgendaMeeting[] = readCsv(agendaFile).map((m) => ({ firmId: m.firm_id!, delegationId: m.delegation_id!, slot: Number(m.slot), table: Number(m.table) }));
    const inSlot = agenda.filter((m) => m.slot === 4);
    const events: DeskEvent[] = [
      { kind: "noshow", participantId: inSlot[0]!.firmId, slot: 4 },
      { kind: "noshow", participantId: inSlot[2]!.firmId, slot: 4 },
    ];
    for (const e of events) expect((await runCli("change", data, "--stop", STOP, "noshow", e.participantId, "4")).code).toBe(0);
    const absent = inSlot[4]!.firmId;
    expect((await runCli("change", data, "--stop", STOP, "absent", absent)).code).toBe(0);

    const r = await runCli("refill", data, "--stop", STOP, "--slot", "4", "--agenda", agendaFile, "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const proposed = JSON.parse(r.stdout) as { meetings: { firm_id: string; delegation_id: string; slot: number; table: number }[] };
    expect(proposed.meetings.length).toBeGreaterThan(0);

    // The same day rebuilt here from the files: the instance with the absence, the desk's no-shows.
    const { data: set } = await readDataDir(data, {});
    const stop = set!.stops.find((s) => s.id === STOP)!;
    const today = applyChanges({ stop, firms: set!.firms, delegations: set!.delegations, requests: set!.requests, scores: null, history: [] }, [
      { stopId: STOP, participantId: absent, status: "absent", available: null, tables: null, representatives: null, note: "" },
    ]);
    const core = refillSlot(today, agenda, 4, { events });
    expect(proposed.meetings).toEqual(core.meetings.map((m) => ({ firm_id: m.firmId, delegation_id: m.delegationId, slot: m.slot, table: m.table })));
    const happens = happening(today, agenda, { events });
    const kept = agenda.filter((_, k) => happens[k]);
    const added = proposed.meetings.map((m) => ({ firmId: m.firm_id, delegationId: m.delegation_id, slot: m.slot, table: m.table }));
    expect(verifyAgenda(today, [...kept, ...added])).toEqual([]);
    for (const m of added) {
      expect(m.slot).toBe(4);
      expect(agenda.some((a) => a.slot === 4 && a.table === m.table && !happens[agenda.indexOf(a)])).toBe(true);
    }

    const applied = await runCli("refill", data, "--stop", STOP, "--slot", "4", "--agenda", agendaFile, "--apply", "--format", "json");
    expect(applied.code, applied.stderr).toBe(0);
    const entries = (JSON.parse(applied.stdout) as { entries: number[] }).entries;
    expect(entries.length).toBe(added.length);
    const log = readCsv(path.join(data, "workspace", STOP, "log.csv"));
    expect(log.filter((e) => e.kind === "refill").map((e) => `${e.participant_id}|${e.value}`).sort()).toEqual(added.map((m) => `${m.firmId}|${m.delegationId}|4|${m.table}`).sort());

    // Entered: the tables are taken now, nothing more to propose on them.
    const again = await runCli("refill", data, "--stop", STOP, "--slot", "4", "--agenda", agendaFile, "--format", "json");
    const second = (JSON.parse(again.stdout) as { meetings: { table: number }[] }).meetings;
    for (const m of second) expect(added.some((a) => a.table === m.table)).toBe(false);
  });

  it("writes the day's outcomes into outcomes.csv, which season reads back with the same held shares", async () => {
    const o = await runCli("outcomes", data, "--stop", STOP, "--agenda", agendaFile);
    expect(o.code, o.stderr).toBe(0);
    const rows = readCsv(path.join(data, "outcomes.csv"));
    const { data: set } = await readDataDir(data, {});
    const stop = set!.stops.find((s) => s.id === STOP)!;
    const log = readCsv(path.join(data, "workspace", STOP, "log.csv"));
    const absent = log.filter((e) => e.kind === "absent").map((e) => e.participant_id!);
    const events: DeskEvent[] = log.filter((e) => e.kind === "noshow").map((e) => ({ kind: "noshow", participantId: e.participant_id!, slot: Number(e.value) }));
    const today = applyChanges({ stop, firms: set!.firms, delegations: set!.delegations, requests: set!.requests, scores: null, history: [] },
      absent.map((id) => ({ stopId: STOP, participantId: id, status: "absent" as const, available: null, tables: null, representatives: null, note: "" })));
    const agenda: AgendaMeeting[] = [
      ...readCsv(agendaFile).map((m) => ({ firmId: m.firm_id!, delegationId: m.delegation_id!, slot: Number(m.slot), table: Number(m.table) })),
      ...log.filter((e) => e.kind === "refill").map((e) => ({ firmId: e.participant_id!, delegationId: e.value!.split("|")[0]!, slot: Number(e.value!.split("|")[1]), table: Number(e.value!.split("|")[2]) })),
    ];
    const happens = happening(today, agenda, { events });
    expect(rows.map((r) => `${r.firm_id}|${r.delegation_id}|${r.held}`).sort()).toEqual(agenda.filter((_, k) => !happens[k]).map((m) => `${m.firmId}|${m.delegationId}|no`).sort());
    // season keeps the held agenda (--frozen) and reads outcomes.csv: each firm's held share is the day's.
    const season = await runCli("season", data, "--out", path.join(work, "season"), "--frozen", agendaFile, "--no-compare", "--no-exact");
    expect(season.code, season.stderr).toBe(0);
    const held = readCsv(path.join(work, "season", "season-held.csv")).filter((r) => r.kind === "firm");
    const frozen = readCsv(agendaFile);
    let checked = 0;
    for (const r of held) {
      const mine = frozen.filter((m) => m.firm_id === r.id);
      if (mine.length === 0) continue;
      const notHeld = rows.filter((o) => o.firm_id === r.id && o.held === "no" && mine.some((m) => m.delegation_id === o.delegation_id)).length;
      expect(Number(r.not_held), r.id).toBe(notHeld);
      checked += notHeld;
    }
    expect(checked).toBeGreaterThan(0);
  });

  it("records check-ins with their time and, once anyone checked in, refills only those checked in", async () => {
    const c = await runCli("change", data, "--stop", STOP, "checkin", "F0014", "--at", "13:50");
    expect(c.code, c.stderr).toBe(0);
    const log = readCsv(path.join(data, "workspace", STOP, "log.csv"));
    expect(log.at(-1)).toMatchObject({ kind: "checkin", participant_id: "F0014", value: "13:50" });
    const r = await runCli("refill", data, "--stop", STOP, "--slot", "5", "--agenda", agendaFile, "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    // Only F0014 is checked in, and no delegation: nobody can be paired.
    expect((JSON.parse(r.stdout) as { meetings: unknown[] }).meetings).toEqual([]);
    const bad = await runCli("change", data, "--stop", STOP, "noshow", "F0014", "99");
    expect(bad.code).toBe(1);
  });
});
