/** The day-of log through `roadshow change`: numbered entries, undo, re-entry after a kill, located refusals, and the stop's lock. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findStop, load } from "../src/read/load.js";
import { deriveDay } from "../src/workspace/day.js";
import { readLog } from "../src/workspace/log.js";
import { lockStop, stopPaths } from "../src/workspace/store.js";
import { runCli } from "./run-cli.js";

const EXAMPLE = path.resolve(import.meta.dirname, "../../../examples/lombardia-2026");
const STOP = "BS-2026-02";
let data: string;
beforeEach(() => {
  data = path.join(mkdtempSync(path.join(tmpdir(), "roadshow-log-")), "data");
  cpSync(EXAMPLE, data, { recursive: true });
});
afterEach(() => rmSync(path.dirname(data), { recursive: true, force: true }));

const change = (...args: string[]) => runCli("change", data, "--stop", STOP, ...args);
const logFile = () => stopPaths(data, STOP).log;

async function day() {
  const loaded = await load({ dataDir: data });
  const stop = findStop(loaded.data, STOP, data);
  return deriveDay(loaded, stop, readLog(logFile()), logFile());
}

describe("roadshow change", () => {
  it("numbers entries 1, 2, 3 and prints the number", async () => {
    const a = await change("absent", "F0006");
    const b = await change("arrives", "US-CG", "15:00");
    const c = await change("window", "F0002", "16:00-18:00");
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(a.stdout).toMatch(/^Entry 1 /);
    expect(b.stdout).toMatch(/^Entry 2 /);
    expect(c.stdout).toMatch(/^Entry 3 /);
    const entries = readLog(logFile());
    expect(entries.map((e) => [e.entry, e.kind, e.participantId, e.value])).toEqual([
      [1, "absent", "F0006", ""], [2, "arrives", "US-CG", "15:00"], [3, "window", "F0002", "16:00-18:00"],
    ]);
    const d = await day();
    expect(d.instance.firms.find((f) => f.id === "F0006")!.stops).not.toContain(STOP);
    expect(d.instance.delegations.find((x) => x.id === "US-CG")!.available).toEqual([{ start: 15 * 60, end: 18 * 60 }]);
    expect(d.instance.firms.find((f) => f.id === "F0002")!.available).toEqual([{ start: 16 * 60, end: 18 * 60 }]);
  });

  it("arrives and leaves narrow the windows the participant has at that point of the log", async () => {
    await change("window", "F0002", "14:00-17:00");
    await change("arrives", "F0002", "15:00");
    await change("leaves", "F0002", "16:20");
    expect((await day()).instance.firms.find((f) => f.id === "F0002")!.available).toEqual([{ start: 15 * 60, end: 16 * 60 + 20 }]);
  });

  it("undo takes an entry back, and undoing the undo brings it back", async () => {
    await change("absent", "F0006");
    await change("present", "F0001");
    expect((await change("undo", "1")).stdout).toMatch(/^Entry 3 /);
    let d = await day();
    expect(d.instance.firms.find((f) => f.id === "F0006")!.stops).toContain(STOP);
    expect(d.instance.firms.find((f) => f.id === "F0001")!.stops).toContain(STOP);
    const again = await change("undo", "1");
    expect(again.code).toBe(0);
    expect(readLog(logFile())).toHaveLength(3); // re-entering the last entry adds nothing
    await change("absent", "F0013");
    const twice = await change("undo", "1");
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain("error already-undone");
    await change("undo", "3");
    d = await day();
    expect(d.instance.firms.find((f) => f.id === "F0006")!.stops).not.toContain(STOP);
  });

  it("re-entering the log's last entry (a re-run after a kill) adds nothing and answers its number", async () => {
    await change("absent", "F0006");
    const again = await change("absent", "F0006");
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Entry 1 /);
    expect(readLog(logFile())).toHaveLength(1);
  });

  it("refuses an unknown id with exit 1, located in the file it was looked for, with a suggestion; nothing written", async () => {
    const r = await change("absent", "F006");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(path.join(data, "firms.csv"));
    expect(r.stderr).toContain("unknown-participant");
    expect(r.stderr).toContain("F006");
    const t = await change("tables", "F0001", "2");
    expect(t.code).toBe(1);
    expect(t.stderr).toContain(path.join(data, "delegations.csv"));
    const c = await change("cancel", "F0001", "XX-NOPE");
    expect(c.code).toBe(1);
    expect(readLog(logFile())).toEqual([]);
  });

  it("refuses values that do not apply: a time outside the session, a bad window, a bad number, an undo of nothing", async () => {
    const cases: [string[], string][] = [
      [["arrives", "US-CG", "19:00"], "no-time-left"], [["arrives", "US-CG", "9.30"], "bad-time"], [["window", "F0002", "16-18"], "bad-window"],
      [["tables", "US-CG", "0"], "out-of-range"], [["undo", "4"], "bad-entry"], [["arrives", "F0001", "15:00"], "not-at-stop"],
    ];
    for (const [args, code] of cases) {
      const r = await change(...args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.stderr, args.join(" ")).toContain(`error ${code}`);
    }
    expect((await change("arrives", "US-CG")).code).toBe(2);
    expect((await change("launch", "US-CG")).code).toBe(2);
    expect(readLog(logFile())).toEqual([]);
  });

  it("locates a hand-edited log's problems at their line and column", async () => {
    await change("absent", "F0006");
    const good = readFileSync(logFile(), "utf8");
    writeFileSync(logFile(), `${good}2,2026-02-25T09:00:00Z,anna,arrives,F9999,15:00,\n3,2026-02-25T09:01:00Z,anna,absent,F0013,now,\n`);
    const r = await change("absent", "F0017");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${logFile()}:3 [participant_id] error unknown-participant`);
    expect(r.stderr).toContain(`${logFile()}:4 [value] error unexpected-value`);
    writeFileSync(logFile(), `${good}3,2026-02-25T09:00:00Z,anna,absent,F0013,,\n`);
    const gap = await change("absent", "F0017");
    expect(gap.code).toBe(1);
    expect(gap.stderr).toContain(`${logFile()}:3 [entry] error bad-entry`);
  });

  it("says every refusal in Italian with --lang it, exactly and with no English left", async () => {
    const it_ = (...args: string[]) => runCli("--lang", "it", "change", data, "--stop", STOP, ...args);
    const log = logFile();
    const cases: [string[], number, string][] = [
      [["absent", "F006"], 1, `${path.join(data, "firms.csv")} [firm_id] errore unknown-participant: "F006" non è né un firm_id di firms.csv né un delegation_id di delegations.csv; forse intendevi F0006, F0016 o F0026? → controlla il codice; un'impresa iscritta sul posto deve prima avere la sua riga in firms.csv`],
      [["arrives", "US-CG", "19:00"], 1, `${log} [value] errore no-time-left: arrives US-CG 19:00: arrives 19:00 non lascia a US-CG alcun orario nella sessione 14:00-18:00 (le sue fasce ora: 14:00-18:00) → indica un orario dentro 14:00-18:00, oppure inserisci: roadshow change … absent US-CG`],
      [["arrives", "F0001", "15:00"], 1, `${log} [value] errore not-at-stop: arrives F0001 15:00: F0001 non prende parte a BS-2026-02 a questo punto del registro, quindi "arrives" non si può applicare → inserisci prima "present F0001" (iscritto sul posto, o di ritorno dopo un'assenza)`],
      [["launch", "US-CG"], 2, `errore: "launch" non è un tipo di variazione; tipi: absent <participant-id>, present <participant-id>, arrives <participant-id> <HH:MM>,`],
      [["arrives", "US-CG"], 2, "errore: arrives richiede un valore: roadshow change <data-dir> --stop <id> arrives <participant-id> <HH:MM>"],
      [["absent", "US-CG", "x"], 2, "errore: absent non prende alcun valore: roadshow change <data-dir> --stop <id> absent <participant-id>"],
      [["undo"], 2, "errore: undo richiede il numero di una voce: roadshow change <data-dir> --stop <id> undo <entry-number>"],
      [["cancel", "F0002", "US-CG", "--at", "10:00"], 2, "errore: --at è l'orario di un check-in; cancel non lo prende"],
    ];
    for (const [args, code, said] of cases) {
      const r = await it_(...args);
      expect(r.code, args.join(" ")).toBe(code);
      expect(r.stderr, args.join(" ")).toContain(said);
      expect(r.stderr, args.join(" ")).not.toMatch(/\b(is not|needs|takes no|does not|the session|did you mean|check the id)\b/);
    }
    // A hand-edited log: its entry's sentence, and an entry out of order, located at their lines.
    await change("absent", "F0006");
    writeFileSync(log, `${readFileSync(log, "utf8")}2,2026-02-25T09:01:00Z,anna,absent,F0013,now,\n4,2026-02-25T09:02:00Z,anna,absent,F0013,,\n`);
    const hand = await it_("absent", "F0017");
    expect(hand.code).toBe(1);
    expect(hand.stderr).toContain(`${log}:4 [entry] errore bad-entry: la voce è "4" ma questa è la voce 3 del registro (le voci sono numerate 1, 2, 3, … in ordine) → scrivi 3; le voci si aggiungono solo in fondo e non si tolgono mai (per annullarne una: roadshow change … undo <voce>)`);
    writeFileSync(log, readFileSync(log, "utf8").split("\n").slice(0, 3).join("\n") + "\n");
    const value = await it_("absent", "F0017");
    expect(value.stderr).toContain(`${log}:3 [value] errore unexpected-value: voce 2: absent non prende alcun valore, trovato "now" → scrivila così: absent <participant-id>`);
  });

  it("says the workspace's refusals in Italian: no version to re-plan or compare, a held lock", async () => {
    const versions = stopPaths(data, STOP).versions;
    const replan = await runCli("--lang", "it", "replan", data, "--stop", STOP);
    expect(replan.code).toBe(1);
    expect(replan.stderr).toContain(`${versions} errore missing-file: ${STOP} non ha ancora alcuna versione in ${path.dirname(versions)}: non c'è nulla da ripianificare → pianificala prima: roadshow schedule ${data} --stop ${STOP}`);
    const diff = await runCli("--lang", "it", "diff", data, "--stop", STOP);
    expect(diff.stderr).toContain("non c'è nulla da confrontare");
    const release = lockStop(stopPaths(data, STOP));
    try {
      const held = await runCli("--lang", "it", "change", data, "--stop", STOP, "absent", "F0006");
      expect(held.code).toBe(4);
      expect(held.stderr).toContain(`errore: l'area di lavoro della tappa ${STOP} (${path.dirname(versions)}) è in scrittura da parte di un'altra esecuzione di roadshow (pid ${process.pid}`);
    } finally {
      release();
    }
  });

  it("refuses a second writer on the stop with exit 4, naming the holder", async () => {
    const release = lockStop(stopPaths(data, STOP));
    try {
      const r = await change("absent", "F0006");
      expect(r.code).toBe(4);
      expect(r.stderr).toContain(`pid ${process.pid}`);
    } finally {
      release();
    }
    expect((await change("absent", "F0006")).code).toBe(0);
  });
});
